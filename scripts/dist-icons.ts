// Renders resources/icons/icon.svg into the icons electron-builder packs: PNGs for Linux
// (resources/icons/png/<n>x<n>.png) and the tray, icon.ico for Windows, icon.icns for macOS.
// Chromium draws the SVG (the same one the e2e specs use); ICO and ICNS are written here, since
// both formats simply wrap PNG images. Run: npx tsx scripts/dist-icons.ts
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/chromium';

const iconsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size (Apple's "icp4".."ic10").
const ICNS_TYPES: Array<[string, number]> = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];

export function buildIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

export function buildIcns(images: Map<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = images.get(size);
    if (!png) throw new Error(`no ${size}px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

async function main(): Promise<void> {
  const svg = await readFile(path.join(iconsDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  const pngs = new Map<number, Buffer>();
  await mkdir(path.join(iconsDir, 'png'), { recursive: true });
  for (const size of PNG_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    pngs.set(size, png);
    await writeFile(path.join(iconsDir, 'png', `${size}x${size}.png`), png);
  }
  await browser.close();
  await writeFile(path.join(iconsDir, 'icon.png'), pngs.get(512)!);
  await writeFile(path.join(iconsDir, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size)! }))));
  await writeFile(path.join(iconsDir, 'icon.icns'), buildIcns(pngs));
  process.stdout.write(`icons written to ${iconsDir}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
