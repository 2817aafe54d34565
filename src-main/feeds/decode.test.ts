import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cyrillicScore, guessCyrillicCharset } from './charsetDetect';
import { decodeBytes } from './decode';

const RU = 'Токаев и Вучич провели брифинг для СМИ после переговоров в Астане, сообщает пресс-служба.';
const xml = (decl: string, body = RU): string => `<?xml version="1.0"${decl}?><rss><channel><title>${body}</title></channel></rss>`;

describe('decodeBytes', () => {
  it('strips a UTF-8 BOM and honours UTF-16 BOMs over every declaration', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml(' encoding="windows-1251"'))]);
    expect(decodeBytes(utf8, 'text/xml; charset=koi8-r')).toMatchObject({ charset: 'utf-8', source: 'bom', text: xml(' encoding="windows-1251"') });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml(''), 'utf-16le')]);
    expect(decodeBytes(le, 'text/xml; charset=utf-8').text).toBe(xml(''));
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(xml(''), 'utf-16be')]);
    expect(decodeBytes(be, null)).toMatchObject({ charset: 'utf-16be', text: xml('') });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(decodeBytes(iconv.encode(xml(''), 'utf-16le'), null).text).toBe(xml(''));
    expect(decodeBytes(iconv.encode(xml(''), 'utf-16be'), null).text).toBe(xml(''));
  });

  it('keeps valid UTF-8 as UTF-8 even when the header claims windows-1251', () => {
    const result = decodeBytes(Buffer.from(xml(' encoding="windows-1251"')), 'text/xml; charset=windows-1251');
    expect(result).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
    expect(result.text).toContain(RU);
  });

  it('prefers the HTTP charset to the XML declaration', () => {
    const bytes = iconv.encode(xml(' encoding="koi8-r"'), 'windows-1251');
    expect(decodeBytes(bytes, 'application/rss+xml; charset=windows-1251')).toMatchObject({ charset: 'windows-1251', source: 'http' });
  });

  it('uses the XML declaration when HTTP says nothing', () => {
    const result = decodeBytes(iconv.encode(xml(' encoding="koi8-r"'), 'koi8-r'), 'text/xml');
    expect(result).toMatchObject({ charset: 'koi8-r', source: 'document' });
    expect(result.text).toContain(RU);
  });

  it('reads <meta charset> in HTML', () => {
    const html = `<html><head><meta charset="windows-1251"></head><body>${RU}</body></html>`;
    expect(decodeBytes(iconv.encode(html, 'windows-1251'), 'text/html').text).toContain(RU);
  });

  it.each(['windows-1251', 'koi8-r'])('detects undeclared %s by letter frequency', (charset) => {
    const result = decodeBytes(iconv.encode(xml(''), charset), null);
    expect(result).toMatchObject({ charset, source: 'detected' });
    expect(result.text).toContain(RU);
    expect(result.text).not.toContain('\ufffd');
  });

  it.each([
    ['windows-1251', 'koi8-r'],
    ['koi8-r', 'windows-1251'],
  ])('sees through a %s body declared as %s', (actual, declared) => {
    const result = decodeBytes(iconv.encode(xml(` encoding="${declared}"`), actual), null);
    expect(result.charset).toBe(actual);
    expect(result.text).toContain(RU);
  });

  it('sees through a windows-1251 body that claims UTF-8 and never yields U+FFFD', () => {
    const result = decodeBytes(iconv.encode(xml(' encoding="utf-8"'), 'windows-1251'), 'text/xml; charset=utf-8');
    expect(result.charset).toBe('windows-1251');
    expect(result.text).toContain(RU);
    expect(result.text).not.toContain('\ufffd');
    expect(result.warnings?.join(' ')).toMatch(/says UTF-8/);
  });

  it('drops a few broken bytes in otherwise good UTF-8 instead of guessing another charset', () => {
    const bytes = Buffer.concat([Buffer.from(xml('').slice(0, 60)), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from(xml('').slice(60))]);
    const result = decodeBytes(bytes, 'text/xml; charset=utf-8');
    expect(result.charset).toBe('utf-8');
    expect(result.text).not.toContain('\ufffd');
    expect(result.warnings).toEqual(['Dropped 3 invalid UTF-8 bytes']);
  });

  it('falls back to windows-1252 for undeclared Western text', () => {
    expect(decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]), null).text).toBe('café naïve');
  });
});

describe('cyrillic scoring', () => {
  it('scores prose above its mis-decoded twin', () => {
    const bytes = iconv.encode(RU, 'koi8-r');
    expect(cyrillicScore(iconv.decode(bytes, 'koi8-r'))).toBeGreaterThan(cyrillicScore(iconv.decode(bytes, 'windows-1251')));
    expect(guessCyrillicCharset(bytes).charset).toBe('koi8-r');
  });

  it('copes with an all-capitals headline', () => {
    const caps = 'ТОКАЕВ И ВУЧИЧ ПРОВЕЛИ БРИФИНГ ДЛЯ СМИ ПОСЛЕ ПЕРЕГОВОРОВ';
    expect(guessCyrillicCharset(iconv.encode(caps, 'windows-1251')).charset).toBe('windows-1251');
  });
});
