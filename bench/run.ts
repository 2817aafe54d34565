// npm run bench: every figure the issues ask for, one JSON line each, also in
// bench/results/latest.json. Figures are measured here and never asserted in npm test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDesk } from './desk';
import { benchExports } from './exports';
import { benchFeeds } from './feeds';
import { report, writeResults } from './harness';
import { benchSimilarity } from './similarity';
import { benchStartupPaint } from './startupPaint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await benchStartupPaint(root);
await benchFeeds(report);
await benchSimilarity(report);
await benchExports(report);
await benchDesk(root, report);
await writeResults(path.join(root, 'bench', 'results'));
