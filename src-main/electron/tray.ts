// The tray icon: PressWatch keeps polling with its window closed, and the tray is how a press
// officer gets the window back or quits for real.
import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { shellLabels, type ShellLabels } from './labels';

export interface TrayActions {
  showWindow(): void;
  pollAll(): void;
  quit(): void;
}

export function trayMenuTemplate(actions: TrayActions, labels: ShellLabels = shellLabels('en')): MenuItemConstructorOptions[] {
  return [
    { label: labels.show, click: () => actions.showWindow() },
    { label: labels.refreshAll, click: () => actions.pollAll() },
    { type: 'separator' },
    { label: labels.quit, click: () => actions.quit() },
  ];
}

export interface TrayDeps {
  createTray(image: NativeImage): Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on'>;
  buildMenu(template: MenuItemConstructorOptions[]): Parameters<Tray['setContextMenu']>[0];
  image: NativeImage;
}

export function createAppTray(deps: TrayDeps, actions: TrayActions, labels: ShellLabels = shellLabels('en')): Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on'> {
  const tray = deps.createTray(deps.image);
  tray.setToolTip(labels.tooltip);
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions, labels)));
  // Windows and most Linux trays: a click on the icon brings the window back.
  tray.on('click', () => actions.showWindow());
  return tray;
}
