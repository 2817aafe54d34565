import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, WINDOW_STATE_FILE, readWindowState, restoreWindowState, trackWindowState, writeWindowState } from './windowState';

const laptop = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const withMonitor = [...laptop, { x: 1920, y: 0, width: 2560, height: 1400 }];

describe('window size and place', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('come back as they were left', () => {
    writeWindowState(dir, { bounds: { x: 2000, y: 40, width: 1600, height: 1000 }, maximized: true });
    expect(restoreWindowState(readWindowState(dir), withMonitor)).toEqual({ bounds: { x: 2000, y: 40, width: 1600, height: 1000 }, maximized: true });
  });

  it('keep the size but not a place on a monitor that is gone', () => {
    writeWindowState(dir, { bounds: { x: 2000, y: 40, width: 1600, height: 1000 }, maximized: false });
    expect(restoreWindowState(readWindowState(dir), laptop)).toEqual({ bounds: { width: 1600, height: 1000 }, maximized: false });
  });

  it('fall back to the default on a first start or a damaged file', async () => {
    expect(restoreWindowState(readWindowState(dir), laptop)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1, "y"');
    expect(restoreWindowState(readWindowState(dir), laptop)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    expect(restoreWindowState({ bounds: { x: 'a', y: 0, width: 10, height: 10 } }, laptop)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('never restore a window smaller than the layout needs', () => {
    expect(restoreWindowState({ bounds: { x: 10, y: 10, width: 20, height: 20 } }, laptop).bounds).toEqual({ x: 10, y: 10, width: 960, height: 600 });
  });

  it('are saved when the window moves, resizes or closes', async () => {
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 50, y: 60, width: 1300, height: 800 },
      isMaximized: () => false,
      isMinimized: () => false,
      isFullScreen: () => false,
      isDestroyed: () => false,
      getNormalBounds() {
        return this.bounds;
      },
    });
    trackWindowState(window as never, dir, 10);
    window.emit('resize');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ bounds: { x: 50, y: 60, width: 1300, height: 800 }, maximized: false });
    window.bounds = { x: 70, y: 80, width: 1000, height: 700 };
    window.emit('close');
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8')).bounds).toEqual({ x: 70, y: 80, width: 1000, height: 700 });
  });
});
