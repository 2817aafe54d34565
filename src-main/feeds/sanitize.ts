// Feed markup is hostile. sanitize-html (htmlparser2) is safe under Node, unlike DOMPurify over
// a fake DOM. Only reading markup survives: no scripts, handlers, styles, forms or frames.
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's',
    'sub', 'sup', 'small', 'mark', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div', 'abbr', 'cite', 'q', 'time',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    time: ['datetime'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) =>
    // 1x1 tracking pixels say nothing to a reader and tell the outlet who read what.
    frame.tag === 'img' && (frame.attribs.width === '1' || frame.attribs.height === '1' || !frame.attribs.src),
};

/** Text without "<", ">" or "&" has no markup or references: sanitize-html would return it unchanged. */
const MARKUP_CHARS = /[<>&]/;

export function sanitizeFeedHtml(html: string, baseUrl: string | null): string {
  // Most feeds send plain-text descriptions; skipping the HTML parser for them halves parse time.
  if (!MARKUP_CHARS.test(html)) return html;
  return sanitizeHtml(html, {
    ...options,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: absolutiseAttr(attribs, 'href', baseUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: absolutiseAttr(attribs, 'src', baseUrl) }),
    },
  });
}

function absolutiseAttr(attribs: sanitizeHtml.Attributes, name: string, baseUrl: string | null): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (!value || !baseUrl) return attribs;
  try {
    return { ...attribs, [name]: new URL(value, baseUrl).href };
  } catch {
    return attribs;
  }
}

/** Plain text of a fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  // Without "<" or "&" there are no tags to drop or entities to decode, only whitespace to tidy.
  if (!html.includes('<') && !html.includes('&')) return tidyLines(html);
  const withBreaks = html.replace(/<\/(p|div|h[1-6]|li|blockquote|tr)>|<br\s*\/?>/gi, '$&\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return tidyLines(decodeEntities(text));
}

/** Whitespace other than single inner spaces: what collapseWhitespace would change. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/**
 * Every run of whitespace as one space, none at either end. Text that is already so comes back
 * as it is, without the copy a replace would make (most titles and lines already are).
 */
export function collapseWhitespace(text: string): string {
  return UNTIDY.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text;
}

function tidyLines(text: string): string {
  if (!text.includes('\n')) return collapseWhitespace(text);
  return text
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line.length > 0)
    .join('\n');
}

const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', mdash: '—', ndash: '–',
  hellip: '…', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', copy: '©', reg: '®', trade: '™', deg: '°',
  times: '×', middot: '·', euro: '€', shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}
