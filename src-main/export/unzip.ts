// A minimal ZIP reader for tests: lists a package's entries and inflates one (DOCX is a ZIP).
import { inflateRawSync } from 'node:zlib';

export interface ZipEntries {
  names: string[];
  text(name: string): string;
}

/** Reads the central directory at the end of the archive; supports stored and deflated entries. */
export function readZip(bytes: Uint8Array): ZipEntries {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, { method: buf.readUInt16LE(p + 10), size: buf.readUInt32LE(p + 20), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + extra + comment;
  }
  return {
    names: [...entries.keys()],
    text(name) {
      const e = entries.get(name);
      if (!e) throw new Error(`no ${name} in the archive`);
      const local = e.offset;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + e.size);
      return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
    },
  };
}
