// A small forgiving XML reader for feeds. Strict parsers reject half of the real feeds
// (undeclared HTML entities, a bare "&", an undeclared "yandex:" prefix, "]]>" inside CDATA,
// control characters, junk after the root); this one repairs what has one obvious repair,
// records each repair as a warning, and refuses only what it must:
// - no DTD processing at all: external entities are never fetched, and a DOCTYPE that declares
//   entities is refused outright, so an expansion bomb costs nothing;
// - attributes live in a Map and children in arrays, so names like "__proto__" are just strings;
// - nesting depth and element count are capped.
import { codePointToString, namedEntity } from './htmlEntities';

export interface XmlElement {
  /** The name as written, prefix included ("content:encoded"). */
  name: string;
  prefix: string | null;
  local: string;
  /** Namespace URI resolved from xmlns declarations in scope; null when the prefix is undeclared. */
  ns: string | null;
  attrs: Map<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  /** 1-based line where the start tag began. */
  line: number;
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`Malformed feed XML at line ${line}: ${reason}`);
    this.name = 'XmlError';
  }
}

export interface XmlDocument {
  root: XmlElement;
  warnings: string[];
  /** Set when the text ended with elements still open; they were closed where it ended. */
  truncatedAt: { line: number; openElements: string[] } | null;
}

export interface XmlLimits {
  maxDepth?: number;
  maxElements?: number;
}

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

class LineCounter {
  private readonly newlines: number[] = [];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
  }
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.newlines[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** Decodes character references; unknown or bare "&" stay literal and are reported once each. */
export function decodeXmlText(raw: string, note: (kind: 'entity' | 'ampersand', detail: string) => void = () => {}): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}))?(;?)/g, (whole, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (dec !== undefined || hex !== undefined) {
      if (!semi) note('ampersand', whole);
      const char = codePointToString(dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16));
      return char ?? '';
    }
    if (name !== undefined && semi) {
      const known = namedEntity(name);
      if (known !== undefined) {
        if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) note('entity', name);
        return known;
      }
      note('entity', name);
      return whole;
    }
    note('ampersand', whole);
    return whole;
  });
}

export function parseXml(input: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? 256;
  const maxElements = limits.maxElements ?? 500_000;
  const warnings: string[] = [];
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string): void => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(message);
  };

  // Matching control characters is the point here: XML 1.0 forbids them in documents.
  // eslint-disable-next-line no-control-regex
  const controlChars = input.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g);
  // Removing rather than replacing keeps line numbers right: none of these is a newline.
  // eslint-disable-next-line no-control-regex
  const text = controlChars ? input.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '') : input;
  if (controlChars) warnings.push(`Removed ${controlChars.length} control character${controlChars.length === 1 ? '' : 's'} that XML forbids`);
  const lines = new LineCounter(text);

  const start = text.search(/\S/);
  if (start > 0 && text.startsWith('<?xml', start)) warnings.push('Ignored whitespace before the XML declaration');
  const entityNote = (kind: 'entity' | 'ampersand', detail: string): void => {
    if (kind === 'entity') warnOnce(`entity:${detail}`, `Undeclared entity &${detail}; read as HTML`);
    else warnOnce('amp', 'Unescaped "&" read as a literal ampersand');
  };

  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let elementCount = 0;
  let pos = start < 0 ? text.length : start;

  const current = (): XmlElement | undefined => stack[stack.length - 1];
  const appendText = (value: string): void => {
    const parent = current();
    if (!parent) {
      if (value.trim()) throw new XmlError(root ? 'text after the end of the document' : 'text before the first element', lines.lineAt(pos));
      return;
    }
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  const resolveNs = (prefix: string | null, el: XmlElement | null): string | null => {
    if (prefix === 'xml') return XML_NS;
    const key = prefix ? `xmlns:${prefix}` : 'xmlns';
    for (let node = el; node; node = node.parent) {
      const value = node.attrs.get(key);
      if (value !== undefined) return value || null;
    }
    return null;
  };

  while (pos < text.length) {
    if (root && stack.length === 0) {
      // The document is over. Comments and PIs may follow; anything else is junk (a second root).
      const rest = text.slice(pos).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '').trim();
      if (rest) warnings.push(`Ignored content after the end of the document at line ${lines.lineAt(pos + Math.max(0, text.slice(pos).search(/\S/)))}`);
      break;
    }
    const lt = text.indexOf('<', pos);
    if (lt !== pos) {
      const end = lt === -1 ? text.length : lt;
      const raw = text.slice(pos, end);
      if (raw.includes(']]>')) warnOnce('cdata-end', 'Stray "]]>" outside CDATA kept as text');
      appendText(decodeXmlText(raw, entityNote));
      pos = end;
      continue;
    }
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      pos = end === -1 ? text.length : end + 2;
      continue;
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      pos = end === -1 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      const bodyStart = pos + 9;
      let end = text.indexOf(']]>', bodyStart);
      if (end === -1) {
        appendText(text.slice(bodyStart));
        pos = text.length;
        break;
      }
      // Content that itself contains "]]>" ends the section too early. When the text after the
      // first "]]>" runs on to another "]]>" right before the parent's end tag, that one is meant.
      const parent = current();
      if (parent && !/^\s*<\//.test(text.slice(end + 3, end + 3 + 64))) {
        const closing = text.indexOf(`</${parent.name}`, end + 3);
        const candidate = closing === -1 ? -1 : text.lastIndexOf(']]>', closing);
        if (candidate > end && /^\]\]>\s*$/.test(text.slice(candidate, closing)) && !text.slice(end + 3, candidate).includes('<![CDATA[')) {
          warnOnce('cdata-terminator', `CDATA content containing "]]>" at line ${lines.lineAt(end)} was kept whole`);
          end = candidate;
        }
      }
      appendText(text.slice(bodyStart, end));
      pos = end + 3;
      continue;
    }
    if (/^<!doctype/i.test(text.slice(pos, pos + 9))) {
      const line = lines.lineAt(pos);
      const bracket = text.indexOf('[', pos);
      const close = text.indexOf('>', pos);
      let end = close;
      if (bracket !== -1 && (close === -1 || bracket < close)) {
        const subsetEnd = text.indexOf(']', bracket);
        const subset = subsetEnd === -1 ? text.slice(bracket) : text.slice(bracket, subsetEnd);
        if (/<!ENTITY/i.test(subset)) {
          throw new XmlError('the document declares its own entities in a DOCTYPE; refused, because that is how entity-expansion bombs and external-entity attacks work', line);
        }
        end = subsetEnd === -1 ? -1 : text.indexOf('>', subsetEnd);
      }
      if (/\bSYSTEM\b|\bPUBLIC\b/.test(text.slice(pos, end === -1 ? undefined : end))) warnOnce('doctype', 'Ignored an external DTD reference');
      pos = end === -1 ? text.length : end + 1;
      continue;
    }
    if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos);
      if (end === -1) {
        pos = text.length;
        break;
      }
      const name = text.slice(pos + 2, end).trim();
      const index = stack.map((el) => el.name).lastIndexOf(name);
      if (index === -1) {
        warnOnce(`stray:${name}`, `Ignored a stray end tag </${name}> at line ${lines.lineAt(pos)}`);
      } else {
        if (index < stack.length - 1) {
          warnOnce(`unclosed:${stack[stack.length - 1]?.name ?? ''}`, `Closed <${stack.slice(index + 1).map((el) => el.name).join('>, <')}> left open at line ${lines.lineAt(pos)}`);
        }
        stack.length = index;
      }
      pos = end + 1;
      continue;
    }
    if (!NAME_START.test(text[pos + 1] ?? '')) {
      warnOnce('lt', `A bare "<" at line ${lines.lineAt(pos)} read as text`);
      appendText('<');
      pos++;
      continue;
    }
    // Start tag.
    const tagLine = lines.lineAt(pos);
    let p = pos + 1;
    while (p < text.length && NAME_CHAR.test(text[p] ?? '')) p++;
    const name = text.slice(pos + 1, p);
    const attrs = new Map<string, string>();
    let selfClosing = false;
    let closed = false;
    while (p < text.length) {
      const c = text[p] ?? '';
      if (c === '>') {
        closed = true;
        p++;
        break;
      }
      if (c === '/' && text[p + 1] === '>') {
        selfClosing = true;
        closed = true;
        p += 2;
        break;
      }
      if (c === '<') break;
      if (!NAME_CHAR.test(c)) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < text.length && NAME_CHAR.test(text[p] ?? '')) p++;
      const attrName = text.slice(nameStart, p);
      while (/\s/.test(text[p] ?? '')) p++;
      let value = '';
      if (text[p] === '=') {
        p++;
        while (/\s/.test(text[p] ?? '')) p++;
        const quote = text[p];
        if (quote === '"' || quote === "'") {
          const valueEnd = text.indexOf(quote, p + 1);
          if (valueEnd === -1) {
            p = text.length;
            break;
          }
          value = text.slice(p + 1, valueEnd);
          p = valueEnd + 1;
        } else {
          const valueStart = p;
          while (p < text.length && !/[\s>]/.test(text[p] ?? '')) p++;
          value = text.slice(valueStart, p);
          warnOnce('unquoted', `An unquoted attribute value at line ${tagLine}`);
        }
      }
      if (!attrs.has(attrName)) attrs.set(attrName, decodeXmlText(value, entityNote).replace(/[\t\n\r]/g, ' '));
    }
    if (!closed) {
      pos = text.length;
      break;
    }
    if (++elementCount > maxElements) throw new XmlError(`more than ${maxElements} elements`, tagLine);
    if (stack.length >= maxDepth) throw new XmlError(`elements nested more than ${maxDepth} deep`, tagLine);
    const parent = current() ?? null;
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : null;
    const element: XmlElement = { name, prefix, local: colon > 0 ? name.slice(colon + 1) : name, ns: null, attrs, children: [], parent, line: tagLine };
    element.ns = resolveNs(prefix, element);
    if (prefix && element.ns === null) warnOnce(`prefix:${prefix}`, `Undeclared namespace prefix "${prefix}:" accepted`);
    if (parent) parent.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
    pos = p;
  }

  if (!root) throw new XmlError('no element found', lines.lineAt(text.length));
  const truncatedAt = stack.length > 0 ? { line: lines.lineAt(text.length), openElements: stack.map((el) => el.name) } : null;
  return { root, warnings, truncatedAt };
}

// ---- reading helpers ----

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** All text inside an element, CDATA included, tags dropped. */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += typeof child === 'string' ? child : textOf(child);
  return out;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'area', 'col', 'embed', 'param', 'track']);

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markup of an element's children, for Atom type="xhtml" content. Prefixes are dropped. */
export function innerXml(el: XmlElement): string {
  let out = '';
  for (const child of el.children) {
    if (typeof child === 'string') {
      out += escapeHtml(child);
      continue;
    }
    const attrs = [...child.attrs].filter(([name]) => !name.startsWith('xmlns')).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
    out += VOID_ELEMENTS.has(child.local) ? `<${child.local}${attrs}>` : `<${child.local}${attrs}>${innerXml(child)}</${child.local}>`;
  }
  return out;
}
