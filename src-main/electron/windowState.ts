// The main window's size and place, remembered in userData between starts. A saved place is
// used only if it is still on a connected screen: a laptop undocked from its second monitor
// must not open the window where nobody can see it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
export const WINDOW_STATE_FILE = 'window-state.json';

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key]));
}

/** How much of `a` lies inside `b`, in pixels. */
function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * The state to open with: the saved one if its title bar area is visible on some screen's work
 * area, else the default size (Electron centres a window without x and y).
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: false };
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { bounds, maximized } = saved as Record<string, unknown>;
  if (!isRectangle(bounds)) return fallback;
  const width = Math.max(MIN_SIZE.width, Math.round(bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(bounds.height));
  const titleBar = { x: bounds.x, y: bounds.y, width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(width, 200) * 20);
  if (!visible) return { bounds: { width, height }, maximized: maximized === true };
  return { bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width, height }, maximized: maximized === true };
}

export function readWindowState(userDataDir: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null; // first start, or a file from a crash half-way through writing
  }
}

export function writeWindowState(userDataDir: string, state: WindowState): void {
  mkdirSync(userDataDir, { recursive: true });
  const file = path.join(userDataDir, WINDOW_STATE_FILE);
  // Write then rename, so a crash never leaves half a file behind.
  writeFileSync(file + '.tmp', JSON.stringify(state));
  renameSync(file + '.tmp', file);
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'getNormalBounds' | 'isDestroyed'>;

/** Saves the window's normal (unmaximised) bounds after it moves or resizes, and on close. */
export function trackWindowState(window: TrackedWindow, userDataDir: string, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    writeWindowState(userDataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() || window.isFullScreen() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
  return save;
}
