// Reads an 8-bit RGB or RGBA PNG into pixels, so a spec can check what a chart image shows.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** How many pixels have exactly this colour (#rrggbb). */
  count(color: string): number;
}

export function readPng(bytes: Buffer): Pixels {
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (p < bytes.length) {
    const length = bytes.readUInt32BE(p);
    const type = bytes.toString('latin1', p + 4, p + 8);
    const chunk = bytes.subarray(p + 8, p + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      if (chunk[8] !== 8 || (chunk[9] !== 2 && chunk[9] !== 6) || chunk[12] !== 0) throw new Error('only 8-bit, non-interlaced RGB(A) PNGs');
      channels = chunk[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(chunk);
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const q = a + b - c;
        const [pa, pb, pc] = [Math.abs(q - a), Math.abs(q - b), Math.abs(q - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predicted = [0, a, b, (a + b) >> 1, paeth()][filter]!;
      out[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return {
    width,
    height,
    count(color) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < out.length; i += channels) if (out[i] === r && out[i + 1] === g && out[i + 2] === b) n++;
      return n;
    },
  };
}
