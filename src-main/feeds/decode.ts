// Bytes -> text. Order: BOM, then bytes that are valid UTF-8 stay UTF-8 (a declaration may lie,
// and valid multi-byte UTF-8 almost never happens by accident in a single-byte charset), then
// the HTTP charset, then the XML declaration / <meta charset>, then detection. A declared
// Cyrillic single-byte charset is still cross-checked, because windows-1251 and KOI8-R both
// decode without errors and only one of them reads as words. Nothing here ever turns a wrong
// guess into U+FFFD: undecodable bytes in near-valid UTF-8 are dropped and counted instead.
import iconv from 'iconv-lite';
import { CYRILLIC_CANDIDATES, cyrillicScore, guessCyrillicCharset } from './charsetDetect';

export type CharsetSource = 'bom' | 'utf8-valid' | 'http' | 'document' | 'detected';

export interface DecodedText {
  text: string;
  charset: string;
  /** Where the decision came from; absent only in results built elsewhere. */
  source?: CharsetSource;
  /** Problems a person may want to know about (bad bytes dropped, a declaration ignored). */
  warnings?: string[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

const CHARSET_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  'windows-1251': 'windows-1251',
  koi8r: 'koi8-r',
  'koi8-r': 'koi8-r',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  // Browsers treat these as windows-1252 and so do feeds written for them.
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

const CYRILLIC_SINGLE_BYTE = new Set(['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'cp866', 'ibm866', 'x-mac-cyrillic']);

export function normaliseCharsetName(name: string | null | undefined): string | null {
  if (!name) return null;
  const lower = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!lower) return null;
  return CHARSET_ALIASES[lower] ?? lower;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return normaliseCharsetName(match?.[1]);
}

function charsetFromDocument(head: string): string | null {
  const xml = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml?.[1]) return normaliseCharsetName(xml[1]);
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return normaliseCharsetName(meta?.[1]);
}

function bomOf(buffer: Buffer): { charset: string; length: number } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM still shows itself: "<" next to a zero byte. */
function sniffUtf16(buffer: Buffer): string | null {
  if (buffer.length < 4) return null;
  if (buffer[0] === 0x3c && buffer[1] === 0 && buffer[2] !== 0 && buffer[3] === 0) return 'utf-16le';
  if (buffer[0] === 0 && buffer[1] === 0x3c && buffer[2] === 0 && buffer[3] !== 0) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  valid: number;
  invalid: number;
}

/** Counts well-formed multi-byte sequences against bytes that fit no sequence. */
function scanUtf8(buffer: Buffer): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < buffer.length) {
    const lead = buffer[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= buffer.length;
    for (let k = 1; ok && k < length; k++) ok = ((buffer[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** UTF-8 with the bytes that form no character left out (not replaced by U+FFFD). */
function decodeUtf8DroppingInvalid(buffer: Buffer): string {
  return new TextDecoder('utf-8').decode(buffer).replace(/\ufffd/g, '');
}

function decodeAs(buffer: Buffer, charset: string): string {
  if (charset === 'utf-16') return iconv.decode(buffer, 'utf-16le');
  return iconv.decode(buffer, charset);
}

export function decodeBytes(bytes: Uint8Array, contentType: string | null): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomOf(buffer);
  if (bom) {
    return { text: iconv.decode(buffer.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom', warnings: [] };
  }
  const utf16 = sniffUtf16(buffer);
  if (utf16) return { text: iconv.decode(buffer, utf16), charset: utf16, source: 'detected', warnings: [] };
  try {
    const text = utf8Strict.decode(buffer);
    // Pure ASCII is also "valid UTF-8"; a declared charset then decodes it the same way anyway.
    return { text, charset: 'utf-8', source: 'utf8-valid', warnings: [] };
  } catch {
    // Not valid UTF-8: believe the server, then the document, then detection.
  }
  const warnings: string[] = [];
  const httpCharset = charsetFromContentType(contentType);
  const documentCharset = charsetFromDocument(buffer.subarray(0, 1024).toString('latin1'));
  const declared: Array<[string | null, CharsetSource]> = [
    [httpCharset, 'http'],
    [documentCharset, 'document'],
  ];
  const scan = scanUtf8(buffer);
  for (const [charset, source] of declared) {
    if (!charset) continue;
    if (charset === 'utf-8') {
      // A few broken bytes in otherwise good UTF-8 are damage; mostly broken bytes are a lie.
      if (scan.valid > 0 && scan.invalid * 20 <= scan.valid) {
        warnings.push(`Dropped ${scan.invalid} invalid UTF-8 byte${scan.invalid === 1 ? '' : 's'}`);
        return { text: decodeUtf8DroppingInvalid(buffer), charset: 'utf-8', source, warnings };
      }
      warnings.push(`The ${source === 'http' ? 'server' : 'document'} says UTF-8 but the bytes are not UTF-8`);
      continue;
    }
    if (!iconv.encodingExists(charset === 'utf-16' ? 'utf-16le' : charset)) {
      warnings.push(`Unknown charset "${charset}" ignored`);
      continue;
    }
    if (CYRILLIC_SINGLE_BYTE.has(charset)) {
      const declaredScore = cyrillicScore(iconv.decode(buffer, charset));
      const best = guessCyrillicCharset(buffer, [charset, ...CYRILLIC_CANDIDATES.filter((c) => c !== charset)]);
      if (best.charset !== charset && best.score > Math.max(0, declaredScore) * 2) {
        warnings.push(`Declared ${charset} but the text reads as ${best.charset}`);
        return { text: iconv.decode(buffer, best.charset), charset: best.charset, source: 'detected', warnings };
      }
    }
    return { text: decodeAs(buffer, charset), charset, source, warnings };
  }
  if (scan.valid > 0 && scan.invalid * 20 <= scan.valid) {
    warnings.push(`Dropped ${scan.invalid} invalid UTF-8 byte${scan.invalid === 1 ? '' : 's'}`);
    return { text: decodeUtf8DroppingInvalid(buffer), charset: 'utf-8', source: 'detected', warnings };
  }
  const guess = guessCyrillicCharset(buffer);
  // Without Cyrillic-looking text the high bytes are most likely Western European.
  const charset = guess.score > 0 ? guess.charset : 'windows-1252';
  return { text: iconv.decode(buffer, charset), charset, source: 'detected', warnings };
}
