// Builds the bench page (bench/browser) into out/bench: the renderer's storage and search code
// without the UI, for figures measured in Chromium.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  logLevel: 'warn',
  build: { outDir: resolve(here, '../../out/bench'), emptyOutDir: true },
});
