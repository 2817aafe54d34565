// The security-relevant settings of every window, kept in one place so a unit test can pin them.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE } from './windowState';

export interface MainWindowPlace {
  bounds?: Partial<Rectangle> & { width: number; height: number };
  icon?: string;
}

export function mainWindowOptions(preloadPath: string, place: MainWindowPlace = {}): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...place.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    ...(place.icon ? { icon: place.icon } : {}),
    show: false,
    title: 'PressWatch',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A page's alert() and confirm() loops get a "prevent more dialogs" box.
      safeDialogs: true,
      // A file dropped on the window is not opened as a page.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
