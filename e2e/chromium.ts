import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browsers on our build machines; Debian's Chromium works
 * (the /usr/bin/chromium wrapper prints shell errors, so the real binary is used).
 * PRESSWATCH_CHROMIUM overrides; elsewhere Playwright's own browser is used.
 */
export function chromiumLaunchOptions() {
  const executablePath = process.env.PRESSWATCH_CHROMIUM ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : undefined);
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}
