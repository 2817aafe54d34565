import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageStore, sniffImage } from './imageStore';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('ImageStore', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-images-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('stores a picture once under its hash, with the extension its bytes prove', async () => {
    const store = new ImageStore(dataDir);
    const first = await store.put(PNG);
    expect(first).toBe(`${createHash('sha256').update(PNG).digest('hex')}.png`);
    expect(await store.put(Uint8Array.from(PNG))).toBe(first);
    expect(await readdir(store.dir)).toEqual([first]);
  });

  it('refuses what is not a raster picture: SVG, HTML, empty', async () => {
    const store = new ImageStore(dataDir);
    expect(await store.put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(await store.put(Buffer.from('<!doctype html><p>x</p>'))).toBeNull();
    expect(await store.put(new Uint8Array())).toBeNull();
    await expect(readdir(store.dir)).rejects.toThrow();
  });

  it('tells formats apart by signature and accepts only its own file names', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))?.ext).toBe('jpg');
    expect(sniffImage(Buffer.from('GIF89a....'))?.ext).toBe('gif');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))?.ext).toBe('webp');
    expect(sniffImage(Buffer.from('\0\0\0\x1cftypavif'))?.ext).toBe('avif');
    const store = new ImageStore(dataDir);
    expect(store.pathOf('../poll-state.json')).toBeNull();
    expect(store.pathOf(`${'a'.repeat(64)}.svg`)).toBeNull();
    expect(store.pathOf(`${'a'.repeat(64)}.png`)).toBe(path.join(dataDir, 'images', `${'a'.repeat(64)}.png`));
  });
});
