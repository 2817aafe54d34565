// Test-only access to resources/sample-feeds: the fixtures copied into the project itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_FEEDS_DIR = fileURLToPath(new URL('../../../resources/sample-feeds/', import.meta.url));

export function fixtureBytes(path: string): Buffer {
  return readFileSync(SAMPLE_FEEDS_DIR + path);
}

export function fixtureText(path: string): string {
  return readFileSync(SAMPLE_FEEDS_DIR + path, 'utf8');
}

export interface ManifestFile {
  path: string;
  route: string;
  status: number;
  content_type: string;
  expect?: string;
  encoding?: string;
}

export function manifestFiles(): ManifestFile[] {
  return (JSON.parse(fixtureText('manifest.json')) as { files: ManifestFile[] }).files;
}

/** The fixtures' own notion of "now": the day after the seed article (26 Feb 2026). */
export const FIXTURE_NOW = new Date('2026-02-27T00:00:00Z');
