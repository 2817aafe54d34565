// npm run bench: every figure the issues ask for, one JSON line each, also in bench/results/latest.json.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDesk } from './desk';
import { report, writeResults } from './harness';
import { benchStartupPaint } from './startupPaint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await benchStartupPaint(root);
await benchDesk(root, report);
await writeResults(path.join(root, 'bench', 'results'));
