// Markdown: for pasting into messengers, wikis and e-mail.
import { labelsFor } from './labels';
import { bodyOf, clean, formatDateTime, formatPeriod, paragraphs, safeUrl, sections } from './layout';
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

/**
 * Feed text as literal Markdown: every character Markdown might read as syntax gets a backslash
 * (CommonMark lets any ASCII punctuation be escaped), so a headline "# 1 *news*" or a
 * "<script>" stays text.
 */
export function mdEscape(text: string): string {
  return clean(text)
    .replace(/[\\`*_{}[\]()<>#+\-!|~>]/g, '\\$&')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/&/g, '&amp;');
}

/** A link target Markdown cannot misread: spaces, parentheses and angle brackets percent-encoded. */
function mdUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export async function writeMarkdown(items: readonly ReportItem[], meta: ReportMeta, options: WriterOptions = {}): Promise<string> {
  const l = labelsFor(meta.locale);
  const pacer = new Pacer(items.length, options);
  const out: string[] = [`# ${mdEscape(meta.title)}`, '', `${l.period}: ${mdEscape(formatPeriod(meta))} · ${l.items(items.length)}`, ''];
  for (const section of sections(items, meta)) {
    out.push(`## ${mdEscape(section.heading)}`, '');
    for (const item of section.items) {
      const url = safeUrl(item.url);
      out.push(`### ${url ? `[${mdEscape(item.title)}](${mdUrl(url)})` : mdEscape(item.title)}`, '');
      const line = [mdEscape(item.outlet), item.author ? mdEscape(item.author) : null, formatDateTime(item.publishedAt, meta)].filter(Boolean).join(' · ');
      out.push(`*${line}*`, '');
      if (item.tags.length) out.push(`**${l.tags}:** ${item.tags.map(mdEscape).join(', ')}  `);
      if (item.tone) out.push(`**${l.tone}:** ${l.tones[item.tone]}  `);
      if (item.note) out.push(`**${l.note}:** ${mdEscape(item.note).replace(/\n/g, ' ')}  `);
      if (item.tags.length || item.tone || item.note) out.push('');
      for (const p of paragraphs(bodyOf(item, meta))) out.push(mdEscape(p), '');
      await pacer.step();
    }
  }
  pacer.finish();
  return out.join('\n');
}
