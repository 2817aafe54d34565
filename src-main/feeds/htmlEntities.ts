// Named character references that feeds use without declaring them (they are HTML, not XML).
// A Map, not an object literal, so a name such as "__proto__" or "constructor" finds nothing.
const ENTRIES: Array<[string, string]> = [
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'], ['laquo', '«'],
  ['raquo', '»'], ['mdash', '—'], ['ndash', '–'], ['hellip', '…'], ['bdquo', '„'], ['ldquo', '“'], ['rdquo', '”'],
  ['lsquo', '‘'], ['rsquo', '’'], ['sbquo', '‚'], ['copy', '©'], ['reg', '®'], ['trade', '™'], ['deg', '°'],
  ['times', '×'], ['divide', '÷'], ['middot', '·'], ['bull', '•'], ['euro', '€'], ['pound', '£'], ['yen', '¥'],
  ['cent', '¢'], ['sect', '§'], ['para', '¶'], ['shy', '\u00ad'], ['iexcl', '¡'], ['iquest', '¿'], ['plusmn', '±'],
  ['micro', 'µ'], ['frac12', '½'], ['frac14', '¼'], ['frac34', '¾'], ['sup1', '¹'], ['sup2', '²'], ['sup3', '³'],
  ['prime', '′'], ['Prime', '″'], ['larr', '←'], ['rarr', '→'], ['uarr', '↑'], ['darr', '↓'], ['harr', '↔'],
  ['minus', '−'], ['le', '≤'], ['ge', '≥'], ['ne', '≠'], ['asymp', '≈'], ['infin', '∞'], ['thinsp', '\u2009'],
  ['ensp', '\u2002'], ['emsp', '\u2003'], ['zwnj', '\u200c'], ['zwj', '\u200d'], ['lrm', '\u200e'], ['rlm', '\u200f'],
  ['numero', '№'], ['dagger', '†'], ['Dagger', '‡'], ['permil', '‰'], ['lsaquo', '‹'], ['rsaquo', '›'],
  ['ordf', 'ª'], ['ordm', 'º'], ['not', '¬'], ['macr', '¯'], ['acute', '´'], ['cedil', '¸'], ['uml', '¨'],
  ['Agrave', 'À'], ['Aacute', 'Á'], ['Acirc', 'Â'], ['Atilde', 'Ã'], ['Auml', 'Ä'], ['Aring', 'Å'], ['AElig', 'Æ'],
  ['Ccedil', 'Ç'], ['Egrave', 'È'], ['Eacute', 'É'], ['Ecirc', 'Ê'], ['Euml', 'Ë'], ['Igrave', 'Ì'], ['Iacute', 'Í'],
  ['Icirc', 'Î'], ['Iuml', 'Ï'], ['ETH', 'Ð'], ['Ntilde', 'Ñ'], ['Ograve', 'Ò'], ['Oacute', 'Ó'], ['Ocirc', 'Ô'],
  ['Otilde', 'Õ'], ['Ouml', 'Ö'], ['Oslash', 'Ø'], ['Ugrave', 'Ù'], ['Uacute', 'Ú'], ['Ucirc', 'Û'], ['Uuml', 'Ü'],
  ['Yacute', 'Ý'], ['THORN', 'Þ'], ['szlig', 'ß'], ['agrave', 'à'], ['aacute', 'á'], ['acirc', 'â'], ['atilde', 'ã'],
  ['auml', 'ä'], ['aring', 'å'], ['aelig', 'æ'], ['ccedil', 'ç'], ['egrave', 'è'], ['eacute', 'é'], ['ecirc', 'ê'],
  ['euml', 'ë'], ['igrave', 'ì'], ['iacute', 'í'], ['icirc', 'î'], ['iuml', 'ï'], ['eth', 'ð'], ['ntilde', 'ñ'],
  ['ograve', 'ò'], ['oacute', 'ó'], ['ocirc', 'ô'], ['otilde', 'õ'], ['ouml', 'ö'], ['oslash', 'ø'], ['ugrave', 'ù'],
  ['uacute', 'ú'], ['ucirc', 'û'], ['uuml', 'ü'], ['yacute', 'ý'], ['thorn', 'þ'], ['yuml', 'ÿ'], ['Scaron', 'Š'],
  ['scaron', 'š'], ['Zcaron', 'Ž'], ['zcaron', 'ž'], ['Ccaron', 'Č'], ['ccaron', 'č'], ['Cacute', 'Ć'], ['cacute', 'ć'],
  ['Dstrok', 'Đ'], ['dstrok', 'đ'], ['OElig', 'Œ'], ['oelig', 'œ'], ['Yuml', 'Ÿ'], ['fnof', 'ƒ'], ['circ', 'ˆ'],
  ['tilde', '˜'], ['alpha', 'α'], ['beta', 'β'], ['gamma', 'γ'], ['delta', 'δ'], ['pi', 'π'], ['mu', 'μ'], ['Omega', 'Ω'],
];

const BY_NAME = new Map<string, string>(ENTRIES);

/** The character a named reference stands for: exact case first, then any case (feeds write &NBSP;). */
export function namedEntity(name: string): string | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}

export function codePointToString(code: number): string | null {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return null;
  if (code >= 0xd800 && code <= 0xdfff) return null;
  // Control characters are never content; XML forbids them and they break exports.
  if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return null;
  return String.fromCodePoint(code);
}
