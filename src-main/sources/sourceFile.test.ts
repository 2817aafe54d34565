import { describe, expect, it } from 'vitest';
import { builtInSources } from './defaults';
import { parseOpml, parseSourceFile, toOpml } from './sourceFile';

describe('source files', () => {
  it('reads OPML with folders and skips outlines that are not http(s) feeds', () => {
    const sources = parseOpml(`<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Казахстан"><outline text="Zakon.kz" xmlUrl="https://www.zakon.kz/rss/"/><outline text="bad" xmlUrl="javascript:alert(1)"/></outline>
      <outline title="N1 &amp; co" xmlUrl="https://n1info.rs/feed/"/></body></opml>`);
    expect(sources.map((s) => [s.name, s.url, s.group])).toEqual([
      ['Zakon.kz', 'https://www.zakon.kz/rss/', 'Казахстан'],
      ['N1 & co', 'https://n1info.rs/feed/', ''],
    ]);
  });

  it('round-trips the built-in list through OPML', () => {
    const back = parseOpml(toOpml(builtInSources));
    const key = (s: { name: string; url: string; group: string; kind: string; language: string | null; preset?: string | null }) => [s.name, s.url, s.group, s.kind, s.language, s.preset ?? ''].join('|');
    expect(back.map(key).sort()).toEqual(builtInSources.map(key).sort());
  });

  it('rejects a JSON source list with a bad address, naming the field', () => {
    expect(() => parseSourceFile(JSON.stringify([{ ...builtInSources[0], url: 'file:///etc/passwd' }]))).toThrow(/Invalid source list at 0\.url/);
    expect(() => parseSourceFile('<html></html>')).toThrow(/Not an OPML file/);
  });
});
