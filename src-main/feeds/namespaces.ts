// Feed elements are matched by namespace URI when the feed declares one, else by the prefix
// everybody uses: feeds routinely forget xmlns:yandex or xmlns:media.
import { textOf, type XmlElement } from './xml';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  yandex: 'http://news.yandex.ru',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export type NsKey = keyof typeof NS;

const EXTRA_URIS: Partial<Record<NsKey, string[]>> = {
  media: ['http://search.yahoo.com/mrss', 'http://video.search.yahoo.com/mrss'],
  yandex: ['http://news.yandex.ru/', 'http://news.yandex.ru/rss'],
};

/** True when el is `local` in the namespace `ns`, or in no namespace at all (ns === null). */
export function isEl(el: XmlElement, ns: NsKey | null, local: string): boolean {
  // Called for every child against every field a reader looks for: the length test settles
  // most mismatches without lower-casing (and allocating) two strings.
  if (el.local.length !== local.length) return false;
  if (el.local !== local && el.local.toLowerCase() !== local.toLowerCase()) return false;
  if (ns === null) return el.prefix === null && (el.ns === null || el.ns === NS.rss10 || el.ns === NS.rss090 || !knownNs(el.ns));
  if (el.ns === NS[ns] || EXTRA_URIS[ns]?.includes(el.ns ?? '')) return true;
  // An undeclared or unusually spelled URI still counts when the conventional prefix is used.
  return el.prefix === ns && (el.ns === null || !knownNs(el.ns));
}

const KNOWN_URIS = new Set<string>(Object.values(NS));

function knownNs(uri: string | null): boolean {
  return uri !== null && KNOWN_URIS.has(uri);
}

export function children(el: XmlElement, ns: NsKey | null, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of el.children) if (typeof node !== 'string' && isEl(node, ns, local)) found.push(node);
  return found;
}

export function child(el: XmlElement, ns: NsKey | null, local: string): XmlElement | undefined {
  for (const node of el.children) if (typeof node !== 'string' && isEl(node, ns, local)) return node;
  return undefined;
}

export function childText(el: XmlElement, ns: NsKey | null, local: string): string | null {
  const found = child(el, ns, local);
  if (!found) return null;
  const text = textOf(found).trim();
  return text || null;
}

/** Effective xml:base of an element: its own and its ancestors', resolved against the document URL. */
export function xmlBase(el: XmlElement | null, documentUrl: string): string {
  const chain: string[] = [];
  for (let node = el; node; node = node.parent) {
    const base = node.attrs.get('xml:base');
    if (base) chain.unshift(base);
  }
  let base = documentUrl;
  for (const next of chain) {
    try {
      base = new URL(next.trim(), base).href;
    } catch {
      // A broken xml:base is ignored rather than breaking every link below it.
    }
  }
  return base;
}
