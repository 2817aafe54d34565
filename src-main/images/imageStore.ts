// Images kept for offline reading, content-addressed: `<dataDir>/images/<sha256>.<ext>`. The same
// picture used by ten items (an outlet's logo, a photo reused across stories) is stored once, and
// a name can never point at other bytes. Both hosts serve this folder under `images/<name>`.
//
// What is stored must really be a raster image: the extension comes from the bytes' signature,
// never from the URL or the Content-Type, and SVG is refused, because it is a document that can
// carry scripts and would be served from the app's own origin.
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ImageKind {
  ext: 'jpg' | 'png' | 'gif' | 'webp' | 'avif' | 'bmp';
  mime: string;
}

/** The image format the bytes start with, or null for anything else (SVG and HTML included). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const b = (i: number): number => bytes[i] ?? -1;
  const ascii = (from: number, text: string): boolean => [...text].every((char, i) => b(from + i) === char.charCodeAt(0));
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (b(0) === 0x89 && ascii(1, 'PNG\r\n\u001a\n')) return { ext: 'png', mime: 'image/png' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { ext: 'gif', mime: 'image/gif' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { ext: 'webp', mime: 'image/webp' };
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return { ext: 'avif', mime: 'image/avif' };
  if (ascii(0, 'BM') && bytes.length > 26) return { ext: 'bmp', mime: 'image/bmp' };
  return null;
}

/** A file name this store may have written: what the hosts should accept under `images/`. */
export const IMAGE_FILE_NAME = /^[0-9a-f]{64}\.(?:jpg|png|gif|webp|avif|bmp)$/;

export class ImageStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'images');
  }

  /** Stores the bytes if they are an image; returns the file name, or null when they are not. */
  async put(bytes: Uint8Array): Promise<string | null> {
    const kind = sniffImage(bytes);
    if (!kind) return null;
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${kind.ext}`;
    const finalPath = path.join(this.dir, name);
    if (await exists(finalPath)) return name;
    await mkdir(this.dir, { recursive: true });
    // Written under a unique temporary name, synced, then renamed: a crash leaves no half image
    // under a name that claims to be its hash, and two polls storing the same image do not clash.
    const tempPath = `${finalPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const handle = await open(tempPath, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tempPath, finalPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return name;
  }

  pathOf(name: string): string | null {
    return IMAGE_FILE_NAME.test(name) ? path.join(this.dir, name) : null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
