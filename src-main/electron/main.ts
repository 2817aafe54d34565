// The desktop shell: one window on the app:// protocol, the service wired to IPC, a tray that
// keeps polling while the window is closed. Everything the app does is in createService; the
// rules this file applies live in small modules (security, protocol, ipc, windowState, menu,
// tray, notify, loginItem), each with its own tests; main.test.ts checks that they are applied.
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, protocol, screen, session, shell, Tray } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../src-shared/api';
import type { SourceSpec } from '../../src-shared/model';
import { createService, type Service } from '../service';
import { builtInSources } from '../sources/defaults';
import { APP_ORIGIN, APP_SCHEME, EVENT_CHANNEL } from './channels';
import { registerApiHandlers } from './ipc';
import { shellLabels } from './labels';
import { getStartAtLogin, setStartAtLogin, startedAtLogin, systemLoginItemDeps } from './loginItem';
import { notify } from './notify';
import { buildMenuTemplate } from './menu';
import { createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createAppTray } from './tray';
import { mainWindowOptions } from './windowOptions';
import { readWindowState, restoreWindowState, trackWindowState } from './windowState';

// Before ready: app:// is a standard, secure origin (so the page gets 'self', fetch and storage
// of its own), and every renderer is sandboxed whatever its webPreferences say.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let service: Service | null = null;
let quitting = false;
// Held for the life of the app: a tray that is garbage-collected disappears from the panel.
const trays: Array<Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on'>> = [];

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function pollAll(): void {
  void service?.handlers['sources.pollNow'](null);
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would poll the same sources and write the same outbox: hand over and leave.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  // Every web contents, including any a bug might create later, gets the navigation rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => service?.stop());
  // The window hides instead of closing, so this fires only when the tray could not keep it.
  app.on('window-all-closed', () => app.quit());
  app.on('activate', showWindow);
  void app.whenReady().then(start);
}

function defaultSources(): SourceSpec[] {
  // Tests and the demo hand the app their own source list; users get the built-in one.
  const file = process.env.PRESSWATCH_SOURCES_FILE;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as SourceSpec[]) : builtInSources;
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const dataDir = process.env.PRESSWATCH_DATA ?? app.getPath('userData');
  app.setPath('userData', dataDir);
  const labels = shellLabels(app.getLocale());
  const iconPath = path.join(appRoot, 'resources', 'icons', 'icon.png');

  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: path.join(appRoot, 'out', 'renderer'), imagesDir: path.join(dataDir, 'images') }));

  service = createService({ dataDir, host: 'electron', version: app.getVersion(), defaultSources: defaultSources() });
  // The desktop's own answers to the three desktop.* methods; the rest is the shared service.
  const desktop = {
    'desktop.notify': async ({ title, body }) => notify((options) => new Notification(options), () => Notification.isSupported(), title, body, showWindow),
    'desktop.getStartAtLogin': async () => getStartAtLogin(systemLoginItemDeps(app)),
    'desktop.setStartAtLogin': async (enabled) => setStartAtLogin(systemLoginItemDeps(app), enabled),
  } satisfies Partial<ApiHandlers>;
  registerApiHandlers(ipcMain, { ...service.handlers, ...desktop }, isTrustedSender);

  const saved = restoreWindowState(
    readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(path.join(appRoot, 'out', 'preload', 'index.cjs'), { bounds: saved.bounds, icon: iconPath }));
  mainWindow = window;
  trackWindowState(window, dataDir);
  service.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  // Closing the window keeps PressWatch polling in the tray; Quit (menu, tray) ends it.
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
  const hidden = startedAtLogin(process.argv, app, process.platform);
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    if (!hidden) window.show();
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ pollAll, showWindow }, { platform: process.platform, devTools: !app.isPackaged, labels })));
  trays.push(createAppTray(
    { createTray: (image) => new Tray(image), buildMenu: (template) => Menu.buildFromTemplate(template), image: nativeImage.createFromPath(iconPath).resize({ width: 22, height: 22 }) },
    { showWindow, pollAll, quit: () => app.quit() },
    labels,
  ));

  await service.start();
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}
