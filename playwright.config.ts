import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright cannot download its own browsers on our build machines; Debian's Chromium works.
// PRESSWATCH_CHROMIUM overrides; otherwise Playwright's own browser is used where it exists.
function chromiumExecutable(): string | undefined {
  if (process.env.PRESSWATCH_CHROMIUM) return process.env.PRESSWATCH_CHROMIUM;
  return existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : undefined;
}

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure', viewport: { width: 1400, height: 860 } },
  projects: [
    { name: 'chromium', use: chromium },
    // The same specs against the desktop app, wherever Electron's binary is installed.
    { name: 'electron', use: chromium },
  ],
});
