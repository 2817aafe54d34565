// The desktop shell: one window on the app:// protocol, the service wired to IPC. Everything the
// app does is in createService; this file only hosts it the Electron way.
import { app, BrowserWindow, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiMethodNames, parseApiArgs, type ApiMethod } from '../../src-shared/api';
import type { SourceSpec } from '../../src-shared/model';
import { createService } from '../service';
import { builtInSources } from '../sources/defaults';
import { CONTENT_SECURITY_POLICY } from '../web/server';
import { APP_ORIGIN, EVENT_CHANNEL, methodChannel } from './channels';
import { mainWindowOptions } from './windowOptions';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function defaultSources(): SourceSpec[] {
  // Tests and the demo hand the app their own source list; users get the built-in one.
  const file = process.env.PRESSWATCH_SOURCES_FILE;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as SourceSpec[]) : builtInSources;
}

function isFromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(APP_ORIGIN + '/');
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'out', 'renderer');
  const dataDir = process.env.PRESSWATCH_DATA ?? app.getPath('userData');
  app.setPath('userData', dataDir);

  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const filePath = path.resolve(rendererDir, '.' + decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (!filePath.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(filePath).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));

  const service = createService({ dataDir, host: 'electron', version: app.getVersion(), defaultSources: defaultSources() });
  for (const method of apiMethodNames) {
    ipcMain.handle(methodChannel(method), async (event, ...raw: unknown[]) => {
      if (!isFromApp(event)) throw new Error('Refused: the call did not come from the PressWatch window');
      const args = parseApiArgs(method, raw);
      const handler = service.handlers[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
      return handler(...(args as unknown[]));
    });
  }

  const window = new BrowserWindow(mainWindowOptions(path.join(appRoot, 'out', 'preload', 'index.cjs')));
  service.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) {
      event.preventDefault();
      openExternally(url);
    }
  });
  window.once('ready-to-show', () => window.show());
  await service.start();
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => {
    service.stop();
    app.quit();
  });
}

function openExternally(url: string): void {
  try {
    const { protocol: scheme } = new URL(url);
    if (scheme === 'http:' || scheme === 'https:' || scheme === 'mailto:') void shell.openExternal(url);
  } catch {
    // Not a URL at all: nothing to open.
  }
}
