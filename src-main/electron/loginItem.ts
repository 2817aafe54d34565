// "Start at login". macOS and Windows keep the login item themselves (app.setLoginItemSettings);
// Linux desktops read ~/.config/autostart/*.desktop (XDG autostart), which Electron does not
// write, so the shell writes it. The app started at login opens hidden, in the tray.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'electron';

export const HIDDEN_ARG = '--hidden';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  /** ~/.config/autostart on Linux ($XDG_CONFIG_HOME/autostart). */
  autostartDir: string;
  /** What to run: the AppImage file when running from one (its mount path changes each start). */
  execPath: string;
}

const DESKTOP_FILE = 'presswatch.desktop';

/** Quotes an Exec argument by the Desktop Entry rules: no shell, double quotes, four escapes. */
function desktopExecArg(value: string): string {
  return `"${value.replace(/([\\"`$])/g, '\\$1')}"`;
}

export function autostartEntry(execPath: string): string {
  // Exec values also unescape backslashes once as a string, hence the doubling.
  const exec = `${desktopExecArg(execPath)} ${HIDDEN_ARG}`.replace(/\\/g, '\\\\');
  return ['[Desktop Entry]', 'Type=Application', 'Name=PressWatch', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

export async function setStartAtLogin(deps: LoginItemDeps, enabled: boolean): Promise<void> {
  if (deps.platform === 'linux') {
    const file = path.join(deps.autostartDir, DESKTOP_FILE);
    if (enabled) {
      await mkdir(deps.autostartDir, { recursive: true });
      await writeFile(file, autostartEntry(deps.execPath), { mode: 0o644 });
    } else {
      await rm(file, { force: true });
    }
    return;
  }
  deps.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_ARG] });
}

export async function getStartAtLogin(deps: LoginItemDeps): Promise<boolean> {
  if (deps.platform === 'linux') {
    try {
      await readFile(path.join(deps.autostartDir, DESKTOP_FILE), 'utf8');
      return true;
    } catch {
      return false;
    }
  }
  return deps.app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin;
}

/** Whether this start came from the login item: then the window stays hidden until asked for. */
export function startedAtLogin(argv: readonly string[], app: Pick<App, 'getLoginItemSettings'>, platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/** The real places: XDG autostart folder, and the AppImage file rather than its mount point. */
export function systemLoginItemDeps(app: LoginItemDeps['app'], env: NodeJS.ProcessEnv = process.env): LoginItemDeps {
  const configHome = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return { platform: process.platform, app, autostartDir: path.join(configHome, 'autostart'), execPath: env.APPIMAGE || process.execPath };
}
