// Reads a source list from an OPML file (what every feed reader exports) or a JSON array of
// SourceSpec, and writes OPML back. OPML is XML: cheerio's XML mode, never a regex.
import * as cheerio from 'cheerio';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sourceSpecSchema } from '../../src-shared/api';
import type { SourceSpec } from '../../src-shared/model';

export function parseOpml(xml: string): SourceSpec[] {
  const $ = cheerio.load(xml, { xml: true });
  if ($('opml').length === 0) throw new Error('Not an OPML file: no <opml> element');
  const sources: SourceSpec[] = [];
  $('outline[xmlUrl], outline[xmlurl]').each((_index, element) => {
    const outline = $(element);
    const url = (outline.attr('xmlUrl') ?? outline.attr('xmlurl') ?? '').trim();
    if (!/^https?:\/\//i.test(url)) return;
    const parent = outline.parent('outline');
    sources.push({
      id: 'opml-' + createHash('sha1').update(url).digest('hex').slice(0, 16),
      name: (outline.attr('title') ?? outline.attr('text') ?? new URL(url).host).trim(),
      url,
      // Our own attribute: an HTML-list source (Akorda.kz) survives an export/import round trip.
      kind: outline.attr('presswatchPreset') ? 'html' : 'feed',
      preset: outline.attr('presswatchPreset') ?? null,
      language: outline.attr('language') ?? null,
      group: parent.length > 0 ? (parent.attr('title') ?? parent.attr('text') ?? '').trim() : '',
      intervalMinutes: 15,
      enabled: true,
      browserUserAgent: false,
    });
  });
  return sources;
}

export function parseSourceFile(text: string): SourceSpec[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const parsed = z.array(sourceSpecSchema).safeParse(JSON.parse(trimmed));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Invalid source list at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'bad value'}`);
    }
    return parsed.data;
  }
  return parseOpml(text);
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toOpml(sources: SourceSpec[], title = 'PressWatch sources'): string {
  const groups = new Map<string, SourceSpec[]>();
  for (const source of sources) groups.set(source.group, [...(groups.get(source.group) ?? []), source]);
  const outline = (s: SourceSpec) =>
    `<outline type="rss" text="${escapeXml(s.name)}" title="${escapeXml(s.name)}" xmlUrl="${escapeXml(s.url)}"${s.language ? ` language="${escapeXml(s.language)}"` : ''}${s.preset ? ` presswatchPreset="${escapeXml(s.preset)}"` : ''}/>`;
  const body = [...groups.entries()]
    .map(([group, members]) =>
      group ? `<outline text="${escapeXml(group)}" title="${escapeXml(group)}">${members.map(outline).join('')}</outline>` : members.map(outline).join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>${escapeXml(title)}</title></head><body>\n${body}\n</body></opml>\n`;
}
