// Atom 1.0 and its predecessor 0.3 (issued/modified, mode="escaped"). Links are resolved against
// xml:base as the spec says, which WordPress uses for relative hrefs.
import { child, childText, children, type NsKey, xmlBase } from './namespaces';
import type { RawItem } from './normalise';
import type { RawFeed } from './rss';
import { innerXml, textOf, type XmlElement } from './xml';

function atomNs(root: XmlElement): NsKey {
  return root.ns === 'http://purl.org/atom/ns#' || root.attrs.get('version') === '0.3' ? 'atom03' : 'atom';
}

/** Text constructs: type text / html / xhtml (and 0.3's mode="escaped" / "xml"). Returns HTML. */
function textConstruct(el: XmlElement | undefined): { html: string; isHtml: boolean } | null {
  if (!el) return null;
  const type = (el.attrs.get('type') ?? 'text').toLowerCase();
  const mode = el.attrs.get('mode')?.toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return { html: innerXml(el).trim(), isHtml: true };
  const text = textOf(el);
  if (mode === 'base64') return null;
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { html: text.trim(), isHtml: true };
  return { html: escapeText(text.trim()), isHtml: false };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function linkOf(el: XmlElement, ns: NsKey, rel: string, documentUrl: string): string | null {
  for (const link of children(el, ns, 'link')) {
    if ((link.attrs.get('rel') ?? 'alternate') !== rel) continue;
    const href = link.attrs.get('href');
    if (!href) continue;
    try {
      return new URL(href.trim(), xmlBase(link, documentUrl)).href;
    } catch {
      continue;
    }
  }
  return null;
}

export function readAtom(root: XmlElement, feedUrl: string): RawFeed {
  const ns = atomNs(root);
  const siteUrl = linkOf(root, ns, 'alternate', feedUrl);
  const title = textConstruct(child(root, ns, 'title'));
  const items = children(root, ns, 'entry').map((entry) => readEntry(entry, ns, feedUrl, siteUrl));
  return {
    format: 'atom',
    title: title ? title.html : null,
    siteUrl,
    language: root.attrs.get('xml:lang') ?? null,
    selfUrl: linkOf(root, ns, 'self', feedUrl),
    items,
  };
}

function readEntry(entry: XmlElement, ns: NsKey, feedUrl: string, siteUrl: string | null): RawItem {
  const title = textConstruct(child(entry, ns, 'title'));
  const content = child(entry, ns, 'content');
  const summary = textConstruct(child(entry, ns, 'summary'));
  const contentText = content?.attrs.get('src') ? null : textConstruct(content);
  const authorEl = child(entry, ns, 'author') ?? child(entry.parent ?? entry, ns, 'author');
  const enclosures = children(entry, ns, 'link')
    .filter((link) => link.attrs.get('rel') === 'enclosure' && link.attrs.get('href'))
    .map((link) => ({ url: new URL(link.attrs.get('href') ?? '', xmlBase(link, feedUrl)).href, type: link.attrs.get('type') ?? null, length: link.attrs.get('length') ?? null }));
  const categories = children(entry, ns, 'category').map((c) => c.attrs.get('label') ?? c.attrs.get('term') ?? textOf(c));
  // Relative links in content resolve against the content element's own xml:base.
  const entryBase = xmlBase(entry, siteUrl ?? feedUrl);
  const contentBase = content?.attrs.has('xml:base') ? xmlBase(content, feedUrl) : undefined;
  return {
    title: title?.html ?? null,
    titleIsHtml: title?.isHtml ?? false,
    link: linkOf(entry, ns, 'alternate', feedUrl),
    guid: childText(entry, ns, 'id'),
    guidIsLink: false,
    published: childText(entry, ns, 'published') ?? childText(entry, ns, 'issued') ?? childText(entry, 'dc', 'date') ?? childText(entry, ns, 'created'),
    updated: childText(entry, ns, 'updated') ?? childText(entry, ns, 'modified'),
    summaryHtml: summary?.html ?? null,
    contentHtml: contentText?.html ?? null,
    fullText: null,
    author: authorEl ? (childText(authorEl, ns, 'name') ?? (textOf(authorEl).trim() || null)) : null,
    categories,
    enclosures: enclosures.filter((e) => /^https?:/.test(e.url)),
    images: [],
    baseUrl: entryBase,
    ...(contentBase ? { contentBaseUrl: contentBase } : {}),
    language: entry.attrs.get('xml:lang') ?? null,
  };
}
