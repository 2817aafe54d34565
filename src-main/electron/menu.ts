// The native menu: the usual shortcuts (edit, zoom, full screen, close, quit) by role, so every
// platform gets its own key bindings and wording, plus the app's own commands.
import type { MenuItemConstructorOptions } from 'electron';
import { shellLabels, type ShellLabels } from './labels';

export interface MenuActions {
  pollAll(): void;
  showWindow(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only in an unpackaged build: a packaged app gives feed pages no console. */
  devTools: boolean;
  labels?: ShellLabels;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const label = options.labels ?? shellLabels('en');
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({
    label: label.file,
    submenu: [
      { label: label.refreshAll, accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.pollAll() },
      { type: 'separator' },
      // Quit by role: app.quit() then runs before-quit, which lets the window really close.
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({ role: 'editMenu', label: label.edit });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: label.view, submenu: view });
  template.push({
    label: label.window,
    submenu: [{ role: 'minimize' }, { label: label.show, accelerator: 'CmdOrCtrl+0', click: () => actions.showWindow() }, { role: 'close' }],
  });
  return template;
}
