import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoginItemSettings, Settings } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIDDEN_ARG, autostartEntry, getStartAtLogin, setStartAtLogin, startedAtLogin, systemLoginItemDeps, type LoginItemDeps } from './loginItem';

function fakeApp() {
  const settings: Settings[] = [];
  let openAtLogin = false;
  return {
    settings,
    app: {
      setLoginItemSettings: (value: Settings) => {
        settings.push(value);
        openAtLogin = value.openAtLogin ?? false;
      },
      getLoginItemSettings: () => ({ openAtLogin, wasOpenedAtLogin: false }) as LoginItemSettings,
    },
  };
}

describe('start at login', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-login-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('on Linux writes and removes an XDG autostart entry that starts hidden', async () => {
    const { app, settings } = fakeApp();
    const deps: LoginItemDeps = { platform: 'linux', app, autostartDir: path.join(dir, 'autostart'), execPath: '/opt/Press Watch/presswatch' };
    expect(await getStartAtLogin(deps)).toBe(false);
    await setStartAtLogin(deps, true);
    expect(await getStartAtLogin(deps)).toBe(true);
    const entry = await readFile(path.join(dir, 'autostart', 'presswatch.desktop'), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain(`Exec="/opt/Press Watch/presswatch" ${HIDDEN_ARG}`);
    await setStartAtLogin(deps, false);
    expect(await getStartAtLogin(deps)).toBe(false);
    expect(settings).toEqual([]);
  });

  it('quotes the program path so no part of it becomes another argument or a variable', () => {
    // Desktop Entry rules: \" and \$ inside the quotes, then every backslash doubled.
    expect(autostartEntry('/home/a"b/$HOME/app')).toContain(String.raw`Exec="/home/a\\"b/\\$HOME/app" --hidden`);
  });

  it('on Windows and macOS uses the system login item, started hidden', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { app, settings } = fakeApp();
      const deps: LoginItemDeps = { platform, app, autostartDir: path.join(dir, 'unused'), execPath: 'C:\\PressWatch\\PressWatch.exe' };
      await setStartAtLogin(deps, true);
      expect(settings.at(-1)).toMatchObject({ openAtLogin: true, args: [HIDDEN_ARG] });
      expect(await getStartAtLogin(deps)).toBe(true);
      await setStartAtLogin(deps, false);
      expect(settings.at(-1)).toMatchObject({ openAtLogin: false });
    }
  });

  it('knows a start from the login item, so the window stays in the tray', () => {
    const { app } = fakeApp();
    expect(startedAtLogin(['/opt/presswatch', HIDDEN_ARG], app, 'linux')).toBe(true);
    expect(startedAtLogin(['/opt/presswatch'], app, 'linux')).toBe(false);
  });

  it('points an AppImage\u2019s autostart at the AppImage file, not its temporary mount', () => {
    const { app } = fakeApp();
    const deps = systemLoginItemDeps(app, { APPIMAGE: '/home/u/PressWatch.AppImage', XDG_CONFIG_HOME: '/home/u/.cfg' });
    expect(deps.execPath).toBe('/home/u/PressWatch.AppImage');
    expect(deps.autostartDir).toBe('/home/u/.cfg/autostart');
  });
});
