// A stand-in for the `electron` module in unit tests, where Electron's binary may be absent.
// It records what the shell asks of Electron (window options, handlers, listeners) so tests can
// check the settings themselves, and lets tests fire the events Electron would.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isFullScreen(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: this.options.width ?? 800, height: this.options.height ?? 600 };
  }
}

type Listener = (...args: unknown[]) => unknown;

export function createFakeElectron(options: { singleInstanceLock?: boolean; appPath: string; locale?: string }) {
  FakeBrowserWindow.created = [];
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalled: false,
    sandboxEnabled: false,
    paths: new Map<string, string>(),
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    },
    quit() {
      app.quitCalled = true;
      app.emit('before-quit');
    },
    enableSandbox() {
      calls.push('enableSandbox');
      app.sandboxEnabled = true;
    },
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getAppPath: () => options.appPath,
    getPath: (name: string) => app.paths.get(name) ?? options.appPath,
    setPath: (name: string, value: string) => void app.paths.set(name, value),
    getVersion: () => '0.0.0-test',
    getLocale: () => options.locale ?? 'ru-RU',
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: () => undefined,
  });
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
  type BeforeRequestListener = (details: unknown, callback: (response: { cancel?: boolean }) => void) => void;
  interface FakeSession {
    permissionRequestHandler: PermissionRequestHandler | null;
    permissionCheckHandler: PermissionCheckHandler | null;
    devicePermissionHandler: ((details: unknown) => boolean) | null;
    beforeRequest: Array<{ filter: { urls: string[] }; listener: BeforeRequestListener }>;
    setPermissionRequestHandler(handler: PermissionRequestHandler): void;
    setPermissionCheckHandler(handler: PermissionCheckHandler): void;
    setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
    webRequest: { onBeforeRequest(filter: { urls: string[] }, listener: BeforeRequestListener): void };
  }
  const session: FakeSession = {
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    devicePermissionHandler: null,
    beforeRequest: [],
    setPermissionRequestHandler(handler) {
      session.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      session.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler) {
      session.devicePermissionHandler = handler;
    },
    webRequest: {
      onBeforeRequest(filter, listener) {
        session.beforeRequest.push({ filter, listener });
      },
    },
  };
  const opened: string[] = [];
  const menus: { application: MenuItemConstructorOptions[] | null; built: MenuItemConstructorOptions[][] } = { application: null, built: [] };
  const trays: Array<EventEmitter & { tooltip?: string; menu?: unknown }> = [];
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => void ipcHandlers.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    shell: {
      openExternal: async (url: string) => void opened.push(url),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        menus.built.push(template);
        return { template };
      },
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => {
        menus.application = menu.template;
      },
    },
    nativeImage: {
      createFromPath: (file: string) => ({ file, resize: () => ({ file }) }),
    },
    Tray: class extends EventEmitter {
      tooltip?: string;
      menu?: unknown;
      constructor(readonly image: unknown) {
        super();
        trays.push(this);
      }
      setToolTip(text: string) {
        this.tooltip = text;
      }
      setContextMenu(menu: unknown) {
        this.menu = menu;
      }
    },
  };
  return { module, calls, ipcHandlers, protocolHandlers, privilegedSchemes, session, opened, menus, trays };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
