// The bench harness: each figure is one JSON line on stdout and one entry in
// bench/results/latest.json. Figures are measured here, never asserted in npm test.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  [context: string]: unknown;
}

const figures: Figure[] = [];

export function report(figure: Figure): void {
  figures.push(figure);
  process.stdout.write(JSON.stringify(figure) + '\n');
}

export async function writeResults(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const payload = { measuredAt: new Date().toISOString(), node: process.version, figures };
  await writeFile(path.join(dir, 'latest.json'), JSON.stringify(payload, null, 2) + '\n');
}
