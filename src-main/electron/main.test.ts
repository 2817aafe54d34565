// The shell as a whole, with Electron replaced by a recording fake: each window and session
// setting the security rules ask for is checked on what main.ts really hands to Electron.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethodNames } from '../../src-shared/api';
import { CONTENT_SECURITY_POLICY } from '../web/server';
import { methodChannel } from './channels';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './testing/fakeElectron';

let dir: string;
let fake: FakeElectron;

async function startShell(options: { singleInstanceLock?: boolean } = {}) {
  fake = createFakeElectron({ appPath: dir, ...options });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('./main');
}

async function started(): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.loadedUrl).toBeTruthy());
  return FakeBrowserWindow.created[0]!;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-shell-'));
  await mkdir(path.join(dir, 'out', 'renderer'), { recursive: true });
  await writeFile(path.join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>PressWatch</title>');
  vi.stubEnv('PRESSWATCH_DATA', path.join(dir, 'data'));
});

afterEach(async () => {
  fake.module.app.emit('will-quit');
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('the desktop shell', () => {
  it('leaves at once when another copy already runs', async () => {
    await startShell({ singleInstanceLock: false });
    expect(fake.calls).toContain('requestSingleInstanceLock');
    expect(fake.module.app.quitCalled).toBe(true);
    expect(fake.calls).not.toContain('whenReady');
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('brings its window forward when a second copy is started', async () => {
    await startShell();
    const window = await started();
    window.hide();
    fake.module.app.emit('second-instance');
    expect(window.visible).toBe(true);
  });

  it('declares app:// a secure standard scheme and sandboxes every renderer before ready', async () => {
    await startShell();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.module.app.sandboxEnabled).toBe(true);
  });

  it('opens a window with isolation, sandbox, no Node, web security, no webview, no experiments', async () => {
    await startShell();
    const window = await started();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: path.join(dir, 'out', 'preload', 'index.cjs'),
    });
  });

  it('loads the renderer from app://, served with the Content-Security-Policy, not from file://', async () => {
    await startShell();
    const window = await started();
    expect(window.loadedUrl).toBe('app://presswatch/index.html');
    const handler = fake.protocolHandlers.get('app');
    const page = await handler!({ url: 'app://presswatch/index.html', method: 'GET' } as Request);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies every permission but notifications, and file: requests', async () => {
    await startShell();
    await started();
    const ask = (permission: string) => new Promise<boolean>((resolve) => fake.session.permissionRequestHandler!({}, permission, resolve));
    expect(await ask('notifications')).toBe(true);
    expect(await ask('media')).toBe(false);
    expect(await ask('geolocation')).toBe(false);
    expect(fake.session.beforeRequest.map((rule) => rule.filter.urls)).toContainEqual(['file://*/*']);
  });

  it('guards navigation and window.open on every web contents the app creates', async () => {
    await startShell();
    await started();
    const { FakeWebContents } = await import('./testing/fakeElectron');
    const contents = new FakeWebContents();
    fake.module.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://www.zakon.kz/' })).toEqual({ action: 'deny' });
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(fake.opened).toEqual(['https://www.zakon.kz/', 'https://evil.example/']);
  });

  it('serves the contract over IPC only to its own page, with validated arguments', async () => {
    await startShell();
    await started();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(apiMethodNames.map(methodChannel).sort());
    const info = fake.ipcHandlers.get(methodChannel('app.info'))!;
    const fromApp = { senderFrame: { url: 'app://presswatch/index.html' } } as unknown as IpcMainInvokeEvent;
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent;
    await expect(info(fromApp)).resolves.toMatchObject({ name: 'PressWatch', host: 'electron' });
    await expect(Promise.resolve().then(() => info(fromElsewhere))).rejects.toThrow(/did not come from the PressWatch window/);
    const preview = fake.ipcHandlers.get(methodChannel('feeds.preview'))!;
    await expect(Promise.resolve().then(() => preview(fromApp, 'file:///etc/passwd'))).rejects.toThrow(/Invalid call to feeds\.preview/);
  });

  it('keeps polling in the tray when the window is closed, and closes it on Quit', async () => {
    await startShell();
    const window = await started();
    window.show();
    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.visible).toBe(false);
    expect(fake.trays).toHaveLength(1);
    fake.trays[0]!.emit('click');
    expect(window.visible).toBe(true);
    fake.module.app.quit();
    prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });

  it('sets a native menu in the system\u2019s language', async () => {
    await startShell();
    await started();
    expect(JSON.stringify(fake.menus.application)).toContain('Обновить все источники');
  });
});
