// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeForDisplay } from './sanitizeForDisplay';

const shown = (html: string, options?: Parameters<typeof sanitizeForDisplay>[1]) => {
  const host = document.createElement('div');
  host.innerHTML = sanitizeForDisplay(html, options);
  return host;
};

describe('article markup on display', () => {
  it('keeps the article: text, paragraphs, emphasis, lists, http(s) links and images', () => {
    const html = '<p>Президенты <b>Токаев</b> и <i>Вучич</i></p><ul><li>Астана</li></ul><a href="https://www.zakon.kz/1">Zakon.kz</a><img src="https://static.zakon.kz/1.jpg" alt="брифинг">';
    const host = shown(html);
    expect(host.textContent).toContain('Президенты Токаев и Вучич');
    expect(host.querySelector('a')?.getAttribute('href')).toBe('https://www.zakon.kz/1');
    expect(host.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(host.querySelector('img')?.getAttribute('src')).toBe('https://static.zakon.kz/1.jpg');
    expect(host.querySelector('img')?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('removes script, handlers and every active element', () => {
    const host = shown(
      '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">' +
        '<form action="https://evil.example"><input name="q"><button formaction="https://evil.example">go</button></form>' +
        '<svg onload=alert(1)><script>alert(1)</script></svg><math><mtext><script>alert(1)</script></mtext></math>' +
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css">' +
        '<style>body{background:url(https://evil.example/x)}</style><video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio>' +
        '<p style="position:fixed;inset:0" class="item-row" id="root" name="presswatch" onclick="alert(1)">text</p>',
    );
    expect(host.querySelectorAll('script, iframe, object, embed, form, input, button, svg, math, base, meta, link, style, video, audio')).toHaveLength(0);
    const all = [...host.querySelectorAll('*')];
    for (const element of all) {
      for (const attribute of element.getAttributeNames()) expect(attribute, `${element.tagName} ${attribute}`).not.toMatch(/^on|^style$|^class$|^id$|^name$|^formaction$|^poster$/);
    }
    expect(host.textContent).toContain('text');
  });

  it('drops links and image sources that are not http(s), however they are spelled', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'app://presswatch/index.html']) {
      const host = shown(`<a href="${href}">x</a><img src="${href}">`);
      expect(host.querySelector('a')?.hasAttribute('href'), href).toBe(false);
      expect(host.querySelector('img')?.hasAttribute('src'), href).toBe(false);
    }
    const area = shown('<map><area href="javascript:alert(1)"></map>');
    expect(area.querySelector('area')?.hasAttribute('href') ?? false).toBe(false);
  });

  it('survives mutation tricks that change meaning when the markup is parsed again', () => {
    const vectors = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<template><img src=x onerror=alert(1)></template>',
      '<xmp><img src=x onerror=alert(1)></xmp>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    ];
    for (const vector of vectors) {
      const once = sanitizeForDisplay(vector);
      // Parsed again (as highlighting does with DOMParser), nothing active appears.
      const again = new DOMParser().parseFromString(`<body>${once}</body>`, 'text/html');
      expect(again.querySelectorAll('[onerror], [onload], script, svg, math, style, noscript, template').length, vector).toBe(0);
      expect(sanitizeForDisplay(once), vector).toBe(once);
    }
  });

  it('shows the offline copy of an image, by a plain store name only', () => {
    const url = (name: string) => `images/${name}`;
    const host = shown('<img src="https://static.zakon.kz/a.jpg?x=1&amp;y=2"><img src="https://static.zakon.kz/b.jpg"><img src="https://static.zakon.kz/c.jpg">', {
      offlineImages: { 'https://static.zakon.kz/a.jpg?x=1&y=2': 'zakon-a.jpg', 'https://static.zakon.kz/b.jpg': '../../state.json', 'https://static.zakon.kz/c.jpg': 'x" onerror="alert(1)' },
      offlineImageUrl: url,
    });
    const sources = [...host.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual(['images/zakon-a.jpg', 'https://static.zakon.kz/b.jpg', 'https://static.zakon.kz/c.jpg']);
    expect(host.querySelector('[onerror]')).toBeNull();
  });

  it('forgets the offline images of one item before the next', () => {
    sanitizeForDisplay('<img src="https://a.kz/1.jpg">', { offlineImages: { 'https://a.kz/1.jpg': 'one.jpg' }, offlineImageUrl: (n) => `images/${n}` });
    expect(shown('<img src="https://a.kz/1.jpg">').querySelector('img')?.getAttribute('src')).toBe('https://a.kz/1.jpg');
  });

  it('prefers a clipping\u2019s kept copy, and takes only blob: URLs for it', () => {
    const host = shown('<img src="https://a.kz/1.jpg"><img src="https://a.kz/2.jpg"><img src="blob:https://evil/3">', {
      offlineImages: { 'https://a.kz/1.jpg': 'one.jpg', 'https://a.kz/2.jpg': 'two.jpg' },
      offlineImageUrl: (n) => `images/${n}`,
      clippedImages: { 'https://a.kz/1.jpg': 'blob:http://127.0.0.1/abc', 'https://a.kz/2.jpg': 'javascript:alert(1)' },
    });
    const sources = [...host.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    // A blob: address in the feed's own markup is not ours: it is dropped like any non-web address.
    expect(sources).toEqual(['blob:http://127.0.0.1/abc', 'images/two.jpg', null]);
  });
});
