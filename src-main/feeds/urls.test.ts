import { describe, expect, it } from 'vitest';
import { absoluteUrl, canonicalAbsoluteUrl, canonicalUrl } from './urls';

describe('absoluteUrl', () => {
  it('resolves relative links and keeps only http(s)', () => {
    expect(absoluteUrl('/9990004-kurs.html', 'https://www.zakon.kz/')).toBe('https://www.zakon.kz/9990004-kurs.html');
    expect(absoluteUrl('../related/', 'https://astanatimes.com/2026/02/a/')).toBe('https://astanatimes.com/2026/02/related/');
    expect(absoluteUrl('//cdn.example.org/x.jpg', 'https://a.kz/')).toBe('https://cdn.example.org/x.jpg');
    expect(absoluteUrl('javascript:alert(1)', 'https://a.kz/')).toBeNull();
    expect(absoluteUrl('data:text/html,<script>', 'https://a.kz/')).toBeNull();
    expect(absoluteUrl('  ', 'https://a.kz/')).toBeNull();
    expect(absoluteUrl('http://[bad', null)).toBeNull();
  });
});

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment but keeps real parameters', () => {
    expect(canonicalUrl('https://WWW.Zakon.kz:443/a.html?utm_source=rss&utm_medium=feed&id=5&fbclid=x&yclid=1&gclid=2#top')).toBe('https://www.zakon.kz/a.html?id=5');
    expect(canonicalUrl('https://www.zakon.kz/9990002.html?utm_source=rss&amp;utm_medium=feed'.replace('&amp;', '&'))).toBe('https://www.zakon.kz/9990002.html');
    expect(canonicalUrl('https://astanatimes.com/?p=9990201')).toBe('https://astanatimes.com/?p=9990201');
    expect(canonicalUrl('https://www.zakon.kz/a.html#')).toBe('https://www.zakon.kz/a.html');
    expect(canonicalUrl('https://www.zakon.kz/a.html?')).toBe('https://www.zakon.kz/a.html?');
    expect(canonicalUrl('https://www.zakon.kz/a.html')).toBe('https://www.zakon.kz/a.html');
  });
});

describe('canonicalAbsoluteUrl', () => {
  it('is canonicalUrl of absoluteUrl', () => {
    for (const [link, base] of [
      ['/a.html?utm_source=rss&id=5#top', 'https://WWW.Zakon.kz/news/'],
      ['HTTPS://www.zakon.kz:443/a.html?fbclid=1', 'https://other.kz/'],
      ['../b/', 'https://astanatimes.com/2026/02/a/'],
      ['https://www.zakon.kz/a.html#', null],
      ['javascript:alert(1)', 'https://a.kz/'],
      ['  ', 'https://a.kz/'],
      ['http://[bad', null],
    ] as const) {
      const absolute = absoluteUrl(link, base);
      expect(canonicalAbsoluteUrl(link, base)).toBe(absolute === null ? null : canonicalUrl(absolute));
    }
  });
});
