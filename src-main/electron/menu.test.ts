import type { MenuItemConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { shellLabels } from './labels';
import { buildMenuTemplate } from './menu';
import { createAppTray, trayMenuTemplate } from './tray';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);

describe('the native menu', () => {
  const actions = { pollAll: () => undefined, showWindow: () => undefined };

  it('has the usual shortcuts on Windows and Linux', () => {
    const template = buildMenuTemplate(actions, { platform: 'win32', devTools: false });
    expect(roles(template)).toEqual(expect.arrayContaining(['quit', 'editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close']));
    expect(roles(template)).not.toContain('appMenu');
  });

  it('has the application menu on macOS', () => {
    expect(roles(buildMenuTemplate(actions, { platform: 'darwin', devTools: false }))[0]).toBe('appMenu');
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(roles(buildMenuTemplate(actions, { platform: 'linux', devTools: false }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(actions, { platform: 'linux', devTools: true }))).toContain('toggleDevTools');
  });

  it('refreshes every source from the menu with its shortcut', () => {
    let polled = 0;
    const template = buildMenuTemplate({ ...actions, pollAll: () => polled++ }, { platform: 'linux', devTools: false, labels: shellLabels('ru-RU') });
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    const refresh = file.find((item) => item.label === 'Обновить все источники');
    expect(refresh?.accelerator).toBe('CmdOrCtrl+Shift+R');
    (refresh?.click as () => void)();
    expect(polled).toBe(1);
  });

  it('speaks the interface\u2019s languages, English otherwise', () => {
    expect(labels(buildMenuTemplate(actions, { platform: 'linux', devTools: false, labels: shellLabels('kk-KZ') }))).toContain('Барлық дереккөзді жаңарту');
    expect(shellLabels('ru').file).toBe('Файл');
    expect(shellLabels('sr-Latn-RS').refreshAll).toBe('Refresh all sources');
  });
});

describe('the tray', () => {
  it('shows the window, refreshes and quits', () => {
    const done: string[] = [];
    const template = trayMenuTemplate({ showWindow: () => done.push('show'), pollAll: () => done.push('poll'), quit: () => done.push('quit') });
    for (const item of template) (item.click as (() => void) | undefined)?.();
    expect(done).toEqual(['show', 'poll', 'quit']);
  });

  it('brings the window back on a click on the icon', () => {
    const done: string[] = [];
    const icon = Object.assign(new EventEmitter(), { tip: '', menu: null as unknown, setToolTip(text: string) {
      this.tip = text;
    }, setContextMenu(menu: unknown) {
      this.menu = menu;
    } });
    createAppTray({ createTray: () => icon as never, buildMenu: (template) => template as never, image: {} as never }, { showWindow: () => done.push('show'), pollAll: () => undefined, quit: () => undefined });
    expect(icon.tip).toBe('PressWatch');
    expect(icon.menu).toHaveLength(4);
    icon.emit('click');
    expect(done).toEqual(['show']);
  });
});
