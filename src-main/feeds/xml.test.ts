import { describe, expect, it } from 'vitest';
import { childElements, decodeXmlText, innerXml, parseXml, textOf, XmlError } from './xml';

describe('parseXml', () => {
  it('builds a tree with namespaces resolved and prefixes kept', () => {
    const doc = parseXml('<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator a="1">X</dc:creator><item/></rss>');
    const [creator, item] = childElements(doc.root);
    expect(creator).toMatchObject({ name: 'dc:creator', prefix: 'dc', local: 'creator', ns: 'http://purl.org/dc/elements/1.1/' });
    expect(creator?.attrs.get('a')).toBe('1');
    expect(item?.name).toBe('item');
    expect(doc.warnings).toEqual([]);
  });

  it('keeps CDATA verbatim and decodes entities in text and attributes', () => {
    const doc = parseXml('<a t="x &amp; y &#1178;"><![CDATA[<p>&amp;</p>]]> &lt;b&gt; &#x49A;</a>');
    expect(textOf(doc.root)).toBe('<p>&amp;</p> <b> Қ');
    expect(doc.root.attrs.get('t')).toBe('x & y Қ');
  });

  it('reads undeclared HTML entities and bare ampersands, and says so', () => {
    const doc = parseXml('<a>&laquo;A&raquo;&nbsp;&mdash; B & C &unknown; &#0;</a>');
    expect(textOf(doc.root)).toBe('«A»\u00a0— B & C &unknown; ');
    expect(doc.warnings.join('\n')).toMatch(/laquo/);
    expect(doc.warnings.join('\n')).toMatch(/Unescaped "&"/);
  });

  it('reads a "<" that cannot start markup as text, also next to "&" and the stand-in characters', () => {
    const doc = parseXml('<a>1 < 2, x<3 & y <= z, end <</a>');
    expect(textOf(doc.root)).toBe('1 < 2, x<3 & y <= z, end <');
    expect(doc.warnings.join('\n')).toMatch(/bare "<"/);
    const withPrivateUse = parseXml('<a>\ue000 and \ue001 then a < b & c</a>');
    expect(textOf(withPrivateUse.root)).toBe('\ue000 and \ue001 then a < b & c');
    const clean = parseXml('<a><b>plain</b></a>');
    expect(textOf(clean.root)).toBe('plain');
    expect(clean.warnings).toEqual([]);
  });

  it('keeps CDATA whose content contains "]]>" whole', () => {
    const doc = parseXml('<r><d><![CDATA[code ]]> inside text]]></d></r>');
    expect(textOf(doc.root)).toBe('code ]]> inside text');
  });

  it('removes control characters without shifting line numbers', () => {
    const doc = parseXml('<r>a\u0008b\u001c</r>');
    expect(textOf(doc.root)).toBe('ab');
    expect(doc.warnings[0]).toMatch(/Removed 2 control characters/);
  });

  it('stops at the end of the first root', () => {
    const doc = parseXml('<a>1</a>\n<a>2</a>');
    expect(textOf(doc.root)).toBe('1');
    expect(doc.warnings[0]).toMatch(/after the end of the document at line 2/);
  });

  it('reports a truncated document with the line and open elements', () => {
    const doc = parseXml('<rss>\n<channel>\n<item><title>cut');
    expect(doc.truncatedAt).toEqual({ line: 3, openElements: ['rss', 'channel', 'item', 'title'] });
  });

  it('repairs mismatched end tags', () => {
    const doc = parseXml('<r><a><b>x</a><c/></r>');
    expect(childElements(doc.root).map((el) => el.name)).toEqual(['a', 'c']);
  });

  it('refuses a DOCTYPE that declares entities, fast, naming the line', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`)].join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol}\n]>\n<lolz>&lol9;</lolz>`;
    const started = Date.now();
    expect(() => parseXml(bomb)).toThrow(XmlError);
    expect(() => parseXml(bomb)).toThrow(/line 2: .*entities/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never resolves external entities', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toThrow(/DOCTYPE/);
    const doc = parseXml('<!DOCTYPE rss SYSTEM "http://example.invalid/rss.dtd"><rss>&x;</rss>');
    expect(textOf(doc.root)).toBe('&x;');
  });

  it('treats element and attribute names like __proto__ as plain names', () => {
    const doc = parseXml('<r __proto__="1" constructor="2"><__proto__><polluted>yes</polluted></__proto__></r>');
    expect(doc.root.attrs.get('__proto__')).toBe('1');
    expect(childElements(doc.root)[0]?.name).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('caps nesting depth', () => {
    expect(() => parseXml('<a>'.repeat(300))).toThrow(/nested more than 256/);
  });

  it('fails on a document without elements', () => {
    expect(() => parseXml('<!-- nothing -->')).toThrow(/no element found/);
  });

  it('serialises xhtml content without prefixes and with text escaped', () => {
    const doc = parseXml('<content xmlns:x="http://www.w3.org/1999/xhtml"><x:div><x:p>a &lt; b</x:p><x:br/></x:div></content>');
    expect(innerXml(doc.root)).toBe('<div><p>a &lt; b</p><br></div>');
  });
});

describe('decodeXmlText', () => {
  it('drops references to code points XML forbids', () => {
    expect(decodeXmlText('a&#xD800;b&#1114112;c&#x1F600;')).toBe('abc😀');
  });
});
