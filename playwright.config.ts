import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

const chromium = { browserName: 'chromium' as const, launchOptions: chromiumLaunchOptions() };

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/globalSetup.ts',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', viewport: { width: 1400, height: 860 } },
  projects: [
    // injection-electron.spec.ts checks the Electron shell itself, so it belongs to the other project.
    { name: 'chromium', use: chromium, testIgnore: /injection-electron\.spec\.ts$/ },
    // The same specs against the desktop app, wherever Electron's binary is installed.
    // browser-host-*.spec.ts and the hostile-feed suite drive the browser host: nothing Electron-specific.
    { name: 'electron', use: chromium, testIgnore: /(browser-host-.*|injection)\.spec\.ts$/ },
  ],
});
