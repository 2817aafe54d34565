// CSV for spreadsheets: RFC 4180 quoting, CRLF rows, UTF-8 with a BOM (so Excel reads Cyrillic),
// and no cell that a spreadsheet would run as a formula.
import { labelsFor } from './labels';
import { bodyOf, formatDateTime } from './layout';
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

export interface CsvOptions extends WriterOptions {
  /** ',' by default; ';' is what Excel expects in locales with a decimal comma (ru, kk). */
  delimiter?: ',' | ';';
}

// A feed title like =HYPERLINK("http://x") must stay text: Excel and LibreOffice run cells that
// start with these as formulas (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised, then quoted when it holds a quote, the delimiter or a line break. */
export function csvCell(value: string, delimiter: ',' | ';' = ','): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV report as a string that starts with a BOM; save it as UTF-8. */
export async function writeCsv(items: readonly ReportItem[], meta: ReportMeta, options: CsvOptions = {}): Promise<string> {
  const delimiter = options.delimiter ?? ',';
  const l = labelsFor(meta.locale);
  const pacer = new Pacer(items.length, options);
  const header = [l.published, l.outlet, l.title, l.author, l.link, l.tags, l.tone, l.note, meta.includeFullText ? l.text : l.lead, l.language];
  const rows: string[] = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (const item of items) {
    const cells = [
      formatDateTime(item.publishedAt, meta),
      item.outlet,
      item.title,
      item.author ?? '',
      item.url ?? '',
      item.tags.join('; '),
      item.tone ? l.tones[item.tone] : '',
      item.note ?? '',
      bodyOf(item, meta),
      item.language ?? '',
    ];
    rows.push(cells.map((c) => csvCell(c, delimiter)).join(delimiter));
    await pacer.step();
  }
  pacer.finish();
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
