import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, sanitizeFeedHtml } from './sanitize';

describe('sanitizeFeedHtml', () => {
  const clean = (html: string): string => sanitizeFeedHtml(html, 'https://www.zakon.kz/news/1.html');

  it.each([
    ['<p>a<script>alert(1)</script></p>', '<p>a</p>'],
    ['<p onclick="x()" onmouseover="y()">a</p>', '<p>a</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<img src="data:text/html;base64,PHNjcmlwdD4=">', ''],
    ['<p style="position:fixed">a</p><style>p{}</style>', '<p>a</p>'],
    ['<form action="https://evil.example"><input name="p"><button>go</button></form>', 'go'],
    ['<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="y">', ''],
    ['<img src="https://t.example/p.gif" width="1" height="1"><img src="/a.jpg" alt="A">', '<img src="https://www.zakon.kz/a.jpg" alt="A" />'],
    ['<svg><script>alert(1)</script></svg><math></math>', ''],
    ['<a href="/x">rel</a>', '<a href="https://www.zakon.kz/x">rel</a>'],
  ])('%s', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('htmlToText / decodeEntities', () => {
  it('keeps paragraph breaks and decodes entities once', () => {
    expect(htmlToText('<p>Один&nbsp;&laquo;два&raquo;</p><p>три &amp;lt;</p>')).toBe('Один «два»\nтри &lt;');
    expect(decodeEntities('&#1178;&#x49A;&amp;&unknown;')).toBe('ҚҚ&&unknown;');
  });
});
