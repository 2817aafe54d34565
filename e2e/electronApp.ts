// Starts the built desktop app with its own data folder and source list, or skips the calling
// test with one line saying why (Electron's binary cannot be installed everywhere).
import { _electron, test, type ElectronApplication } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceSpec } from '../src-shared/model';

const root = path.resolve(import.meta.dirname, '..');

/** `instead` says what covered these checks where Electron is missing. */
export async function launchElectronOrSkip(dataDir: string, sources: SourceSpec[], instead: string): Promise<ElectronApplication | null> {
  const sourcesFile = path.join(dataDir, 'sources.json');
  await writeFile(sourcesFile, JSON.stringify(sources));
  try {
    return await _electron.launch({
      args: [path.join(root, 'out', 'main', 'index.js')],
      env: { ...process.env, PRESSWATCH_DATA: dataDir, PRESSWATCH_SOURCES_FILE: sourcesFile },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    test.skip(true, `Electron's binary is not installed on this machine (${message}); ${instead}`);
    return null;
  }
}
