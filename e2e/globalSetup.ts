// Says once, in one line, why the Electron project's specs are skipped on this machine.
import { createRequire } from 'node:module';

export default function globalSetup(): void {
  try {
    createRequire(import.meta.url)('electron');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(`[electron] specs skipped: Electron's binary is not installed here (${reason}). They run in Chromium against the browser host.`);
  }
}
