// Bytes -> text. Order: BOM, then bytes that are valid UTF-8 stay UTF-8 (a declaration may lie),
// then the HTTP charset, then the XML declaration / <meta charset>, then windows-1251 as the
// Cyrillic web's historic default. iconv-lite knows the charsets Node's TextDecoder lacks.
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  charset: string;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromDocument(head: string): string | null {
  const xml = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta?.[1]?.toLowerCase() ?? null;
}

export function decodeBytes(bytes: Uint8Array, contentType: string | null): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), charset: 'utf-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  }
  try {
    return { text: utf8Strict.decode(buffer), charset: 'utf-8' };
  } catch {
    // Not valid UTF-8: believe the server, then the document, then fall back.
  }
  const declared = [charsetFromContentType(contentType), charsetFromDocument(buffer.subarray(0, 1024).toString('latin1'))];
  for (const charset of declared) {
    if (charset && !/^utf-?8$/.test(charset) && iconv.encodingExists(charset)) {
      return { text: iconv.decode(buffer, charset), charset };
    }
  }
  return { text: iconv.decode(buffer, 'windows-1251'), charset: 'windows-1251' };
}
