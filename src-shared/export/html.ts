// HTML: one standalone, printable page (open it, press Ctrl+P). No script, and a Content Security
// Policy that would stop one anyway; every feed string is escaped.
import { labelsFor } from './labels';
import { base64, bodyOf, clean, formatDateTime, formatPeriod, imageInfo, paragraphs, safeUrl, sections } from './layout';
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

export interface HtmlOptions extends WriterOptions {
  /**
   * Where the page finds DejaVu Sans (every Kazakh letter): a URL the browser can load, e.g. the
   * app's bundled font asset or a `data:font/ttf;base64,…` URL to make the file self-contained.
   * Without it the page names the font and falls back to the reader's sans-serif.
   */
  fontUrl?: string;
  fontBoldUrl?: string;
}

export function htmlEscape(text: string | null | undefined): string {
  return clean(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A CSS url("…") argument that cannot break out of its string. */
function cssUrl(url: string): string {
  return `url("${url.replace(/["\\\n\r]/g, (c) => '\\' + c.charCodeAt(0).toString(16) + ' ')}")`;
}

/** CSP font-src: data: and the report's own origin, plus the scheme of each font URL the caller gave. */
function fontSources(options: HtmlOptions): string {
  const sources = new Set(["'self'", 'data:']);
  for (const url of [options.fontUrl, options.fontBoldUrl]) {
    const scheme = url ? /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] : undefined;
    if (scheme) sources.add(`${scheme.toLowerCase()}:`);
  }
  return [...sources].join(' ');
}

function fontFaces(options: HtmlOptions): string {
  const faces: string[] = [];
  if (options.fontUrl) faces.push(`@font-face{font-family:"DejaVu Sans";font-weight:400;src:${cssUrl(options.fontUrl)} format("truetype");}`);
  if (options.fontBoldUrl) faces.push(`@font-face{font-family:"DejaVu Sans";font-weight:700;src:${cssUrl(options.fontBoldUrl)} format("truetype");}`);
  return faces.join('\n');
}

const STYLE = `
body{font-family:"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:46em;margin:2em auto;padding:0 1em}
h1{font-size:20pt;margin:0 0 .3em}
h2{font-size:15pt;border-bottom:1px solid #999;margin-top:2em;page-break-after:avoid}
h3{font-size:12pt;margin:1.4em 0 .2em;page-break-after:avoid}
.cover{margin-bottom:2em}.period{color:#444}
.meta{color:#555;font-size:9.5pt;margin:0 0 .4em}
.fields{font-size:9.5pt;margin:.2em 0 .5em}.fields dt{font-weight:700;display:inline}.fields dd{display:inline;margin:0 .8em 0 .3em}
.note{background:#fff6d5;border-left:3px solid #e0b400;padding:.3em .6em;font-size:10pt}
.tone-positive{color:#17692b}.tone-negative{color:#a31919}
img{max-width:100%;height:auto}
nav ol{padding-left:1.2em}nav li{margin:.1em 0}
a{color:#1a4f9c;word-break:break-all}
article{page-break-inside:avoid}
@page{margin:18mm 16mm}
@media print{body{margin:0;max-width:none}nav{page-break-after:always}.cover{page-break-after:avoid}section{page-break-before:always}}
`;

export async function writeHtml(items: readonly ReportItem[], meta: ReportMeta, options: HtmlOptions = {}): Promise<string> {
  const l = labelsFor(meta.locale);
  const pacer = new Pacer(items.length, options);
  const groups = sections(items, meta);
  const toc: string[] = [];
  const body: string[] = [];
  let n = 0;
  groups.forEach((section, s) => {
    toc.push(`<li><a href="#s${s + 1}">${htmlEscape(section.heading)}</a> (${section.items.length})</li>`);
  });
  const charts = meta.charts ?? [];
  if (charts.length) {
    body.push(`<section id="charts"><h2>${htmlEscape(l.charts)}</h2>`);
    for (const chart of charts) {
      // SVG goes in as an <img>: an image cannot run script, whatever the markup holds.
      const src = chart.svg ? `data:image/svg+xml;base64,${base64(new TextEncoder().encode(chart.svg))}` : chart.png ? `data:image/png;base64,${base64(chart.png)}` : null;
      body.push(`<figure><figcaption>${htmlEscape(chart.title)}</figcaption>${src ? `<img src="${src}" alt="${htmlEscape(chart.title)}">` : ''}</figure>`);
    }
    body.push('</section>');
  }
  for (const [s, section] of groups.entries()) {
    body.push(`<section id="s${s + 1}"><h2>${htmlEscape(section.heading)}</h2>`);
    for (const item of section.items) {
      n++;
      const url = safeUrl(item.url);
      const headline = htmlEscape(item.title);
      const parts = [`<article id="i${n}">`, `<h3>${url ? `<a href="${htmlEscape(url)}" rel="noopener noreferrer">${headline}</a>` : headline}</h3>`];
      const when = formatDateTime(item.publishedAt, meta);
      parts.push(`<p class="meta">${[htmlEscape(item.outlet), item.author ? htmlEscape(item.author) : '', `<time datetime="${htmlEscape(item.publishedAt)}">${htmlEscape(when)}</time>`].filter(Boolean).join(' · ')}</p>`);
      const fields: string[] = [];
      if (item.tags.length) fields.push(`<dt>${l.tags}:</dt><dd>${item.tags.map(htmlEscape).join(', ')}</dd>`);
      if (item.tone) fields.push(`<dt>${l.tone}:</dt><dd class="tone-${item.tone}">${htmlEscape(l.tones[item.tone])}</dd>`);
      if (url) fields.push(`<dt>${l.link}:</dt><dd><a href="${htmlEscape(url)}" rel="noopener noreferrer">${htmlEscape(url)}</a></dd>`);
      if (fields.length) parts.push(`<dl class="fields">${fields.join('')}</dl>`);
      if (item.note) parts.push(`<p class="note"><strong>${l.note}:</strong> ${htmlEscape(item.note)}</p>`);
      if (meta.includeImages && item.imageBytes) {
        const info = imageInfo(item.imageBytes);
        if (info) parts.push(`<p><img src="data:${info.mime};base64,${base64(item.imageBytes)}" alt=""></p>`);
      }
      for (const p of paragraphs(bodyOf(item, meta))) parts.push(`<p>${htmlEscape(p)}</p>`);
      parts.push('</article>');
      body.push(parts.join('\n'));
      await pacer.step();
    }
    body.push('</section>');
  }
  const lang = meta.locale;
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src ${fontSources(options)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(meta.title)}</title>
<style>
${fontFaces(options)}
${STYLE}
</style>
</head>
<body>
<header class="cover"><h1>${htmlEscape(meta.title)}</h1><p class="period">${htmlEscape(l.period)}: ${htmlEscape(formatPeriod(meta))} · ${htmlEscape(l.items(items.length))}</p></header>
<nav><h2>${htmlEscape(l.contents)}</h2><ol>${toc.join('')}</ol></nav>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
  pacer.finish();
  return html;
}
