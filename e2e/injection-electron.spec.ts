// What a script injected into the desktop window could reach, checked on the real Electron app
// wherever its binary exists (elsewhere src-main/electron's unit tests check the same settings
// on what main.ts hands to a mocked Electron). Runs in the "electron" project only.
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchElectronOrSkip } from './electronApp';

test.describe('the desktop window', () => {
  let electronApp: ElectronApplication | null = null;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-shell-e2e-'));
    electronApp = await launchElectronOrSkip(dataDir, [], 'the unit tests with a mocked Electron ran instead.');
    if (!electronApp) return;
    page = await electronApp.firstWindow();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
  });

  test.afterEach(async () => {
    await electronApp?.close();
    electronApp = null;
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  });

  test('is served from app:// with the Content-Security-Policy, and has no Node', async () => {
    expect(page.url()).toBe('app://presswatch/index.html');
    const probe = await page.evaluate(async () => {
      const response = await fetch(location.href);
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        csp: response.headers.get('content-security-policy'),
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        webview: document.createElement('webview') instanceof HTMLUnknownElement,
      };
    });
    expect(probe.csp).toContain("script-src 'self'");
    expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', webview: true });
  });

  test('hands the page one frozen client and nothing else', async () => {
    const client = await page.evaluate(() => {
      const bridge = (window as unknown as { presswatch: Record<string, unknown> }).presswatch;
      return { frozen: Object.isFrozen(bridge), keys: Object.keys(bridge).sort(), ipc: 'ipcRenderer' in window };
    });
    expect(client.frozen).toBe(true);
    expect(client.keys).toContain('on');
    expect(client.keys).not.toContain('send');
    expect(client.ipc).toBe(false);
  });

  test('opens no window and goes nowhere when a script tries', async () => {
    const before = electronApp!.windows().length;
    await page.evaluate(() => {
      window.open('https://example.org/', '_blank');
      window.open('javascript:alert(1)');
    });
    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    }).catch(() => undefined);
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    expect(page.url()).toBe('app://presswatch/index.html');
    expect(electronApp!.windows()).toHaveLength(before);
  });

  test('is refused every permission but notifications', async () => {
    const states = await page.evaluate(async () => {
      const ask = async (name: string) => (await navigator.permissions.query({ name: name as PermissionName })).state;
      return { geolocation: await ask('geolocation'), camera: await ask('camera'), microphone: await ask('microphone') };
    });
    expect(states).toEqual({ geolocation: 'denied', camera: 'denied', microphone: 'denied' });
  });
});
