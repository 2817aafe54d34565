// The packaging configuration, checked where Electron cannot be downloaded: electron-builder's
// own loader and JSON-schema validation run on electron-builder.yml, and the settings that
// matter for safety and for each platform are pinned.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIcns, buildIco } from '../../scripts/dist-icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
// electron-builder's internals (app-builder-lib) are what `electron-builder` itself runs.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

async function loadConfig(projectDir = root, file = 'electron-builder.yml') {
  const config = await getConfig(projectDir, path.join(projectDir, file), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as {
    electronFuses: Record<string, boolean>;
    files: Array<string | { filter: string[] }>;
    asar: boolean;
    linux: { target: string[]; icon: string };
    win: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    directories: { output: string };
  };
}

/** The glob forms the configuration uses: `**` across folders, `*` within a name. */
function globMatches(pattern: string, file: string): boolean {
  const source = pattern
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(file);
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder\u2019s own schema validation', async () => {
    await expect(loadConfig()).resolves.toBeTruthy();
  });

  it('fails that validation when the file says something electron-builder does not know', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-builder-'));
    try {
      await copyFile(path.join(root, 'package.json'), path.join(dir, 'package.json'));
      await writeFile(path.join(dir, 'electron-builder.yml'), (await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) + '\nelectronFusez:\n  runAsNode: true\n');
      await expect(loadConfig(dir)).rejects.toThrow(/electronFusez/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('flips the fuses: no run-as-Node, NODE_OPTIONS or --inspect; ASAR integrity on, app only from the ASAR', async () => {
    const { electronFuses, asar } = await loadConfig();
    expect(electronFuses.runAsNode).toBe(false);
    expect(electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(electronFuses.enableNodeCliInspectArguments).toBe(false);
    expect(electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(electronFuses.onlyLoadAppFromAsar).toBe(true);
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
    expect(asar).toBe(true);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.directories.output).toBe('dist');
  });

  it('packs what the shell loads: the main bundle package.json names, the preload, the renderer, the tray icon', async () => {
    const patterns = (await loadConfig()).files.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const included = (file: string) =>
      patterns.some((pattern) => !pattern.startsWith('!') && globMatches(pattern, file)) &&
      !patterns.some((pattern) => pattern.startsWith('!') && globMatches(pattern.slice(1), file));
    for (const file of [packageJson.main, 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js', 'resources/icons/icon.png', 'package.json']) {
      expect(included(file), file).toBe(true);
    }
    // Source maps would ship the source; sample feeds and tests are not part of the app.
    for (const file of ['out/main/index.js.map', 'src-main/electron/main.ts', 'resources/sample-feeds/manifest.json', 'e2e/fixtures.ts']) {
      expect(included(file), file).toBe(false);
    }
  });

  it('points at real icons for every platform', async () => {
    const config = await loadConfig();
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(await readFile(path.join(root, config.linux.icon, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    const ico = await readFile(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    const icns = await readFile(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true);
    expect(pngSize(await readFile(path.join(root, 'resources', 'icons', 'icon.png')))).toEqual({ width: 512, height: 512 });
  });
});

describe('icon containers', () => {
  const png = (size: number) => {
    const bytes = Buffer.alloc(24);
    Buffer.from('89504e470d0a1a0a', 'hex').copy(bytes);
    bytes.writeUInt32BE(size, 16);
    bytes.writeUInt32BE(size, 20);
    return bytes;
  };

  it('ICO: a directory entry per image with its size and offset; 256 written as 0', () => {
    const ico = buildIco([{ size: 16, png: png(16) }, { size: 256, png: png(256) }]);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6)).toBe(16);
    expect(ico.readUInt8(22)).toBe(0);
    const offset = ico.readUInt32LE(6 + 16 + 12);
    expect(pngSize(ico.subarray(offset))).toEqual({ width: 256, height: 256 });
  });

  it('ICNS: refuses to leave out a size macOS asks for', () => {
    expect(() => buildIcns(new Map([[16, png(16)]]))).toThrow(/no 32px image/);
  });
});
