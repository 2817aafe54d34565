// What every format shares: times in the report's zone, sections by day/outlet/topic, text clean-up.
import { labelsFor } from './labels';
import type { ReportItem, ReportLocale, ReportMeta } from './types';

const BCP47: Record<ReportLocale, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: ReportLocale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(BCP47[locale], { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

function valid(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "26.02.2026, 17:45" in the report's zone; the raw string if it is not a date. */
export function formatDateTime(iso: string, meta: Pick<ReportMeta, 'locale' | 'timeZone'>): string {
  const d = valid(iso);
  if (!d) return iso;
  return formatter(meta.locale, meta.timeZone, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** "26 февраля 2026 г." in the report's zone. */
export function formatDay(iso: string, meta: Pick<ReportMeta, 'locale' | 'timeZone'>): string {
  const d = valid(iso);
  if (!d) return iso;
  return formatter(meta.locale, meta.timeZone, { dateStyle: 'long' }).format(d);
}

/** Sortable "2026-02-26" of the day the instant falls on in the report's zone. */
export function dayKey(iso: string, timeZone: string): string {
  const d = valid(iso);
  if (!d) return '';
  const parts = formatter('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "26 февраля 2026 г. — 27 февраля 2026 г." (one date when both ends fall on one day). */
export function formatPeriod(meta: ReportMeta): string {
  const from = formatDay(meta.periodFrom, meta);
  const to = formatDay(meta.periodTo, meta);
  return from === to ? from : `${from} — ${to}`;
}

export interface ReportSection {
  heading: string;
  items: ReportItem[];
}

const time = (item: ReportItem) => {
  const t = Date.parse(item.publishedAt);
  return Number.isNaN(t) ? 0 : t;
};

/**
 * The report's sections in reading order. Days ascend; outlets and topics go alphabetically in the
 * report's language. Inside a section items go by time. Topic is the first tag.
 */
export function sections(items: readonly ReportItem[], meta: ReportMeta): ReportSection[] {
  const labels = labelsFor(meta.locale);
  const groups = new Map<string, { heading: string; items: ReportItem[] }>();
  for (const item of items) {
    let key: string;
    let heading: string;
    if (meta.groupBy === 'day') {
      key = dayKey(item.publishedAt, meta.timeZone);
      heading = key ? formatDay(item.publishedAt, meta) : '—';
    } else if (meta.groupBy === 'outlet') {
      heading = item.outlet.trim() || '—';
      key = heading.toLocaleLowerCase();
    } else {
      heading = item.tags[0]?.trim() || labels.noTopic;
      key = item.tags[0]?.trim() ? heading.toLocaleLowerCase() : '\uffff';
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { heading, items: [] }));
    g.items.push(item);
  }
  const collator = new Intl.Collator(BCP47[meta.locale]);
  return [...groups.entries()]
    .sort(([a], [b]) => (meta.groupBy === 'day' ? (a < b ? -1 : a > b ? 1 : 0) : a === '\uffff' ? 1 : b === '\uffff' ? -1 : collator.compare(a, b)))
    .map(([, g]) => ({ heading: g.heading, items: [...g.items].sort((x, y) => time(x) - time(y)) }));
}

// Characters XML 1.0 cannot carry (a feed's stray control bytes would make Word refuse the
// file), and lone surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A feed string made safe for XML-based formats (DOCX, HTML, PDF text). */
export function clean(text: string | null | undefined): string {
  return text ? text.replace(XML_INVALID, '') : '';
}

/** Paragraphs of a plain text (blank-line or line separated), trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return clean(text)
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The body to print for an item: full text when asked for and present, else the lead. */
export function bodyOf(item: ReportItem, meta: ReportMeta): string {
  return meta.includeFullText && item.text.trim() ? item.text : item.lead;
}

/** Only http(s) links are ever made clickable; anything else (javascript:, file:) stays text. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif' | 'webp';
  mime: string;
  width: number;
  height: number;
}

/** Type and pixel size from an image's header; null for anything we do not recognise. */
export function imageInfo(bytes: Uint8Array | null | undefined): ImageInfo | null {
  if (!bytes || bytes.length < 24) return null;
  const b = bytes;
  const u16be = (i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
  const u32be = (i: number) => ((b[i] ?? 0) * 2 ** 24) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { type: 'png', mime: 'image/png', width: u32be(16), height: u32be(20) };
  }
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { type: 'gif', mime: 'image/gif', width: (b[6] ?? 0) | ((b[7] ?? 0) << 8), height: (b[8] ?? 0) | ((b[9] ?? 0) << 8) };
  }
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) {
    return { type: 'webp', mime: 'image/webp', width: 0, height: 0 };
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame, which holds the size.
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', mime: 'image/jpeg', height: u16be(i + 5), width: u16be(i + 7) };
      }
      i += 2 + u16be(i + 2);
    }
  }
  return null;
}

/** Fit an image into a box, keeping its proportions; unknown sizes get the box's width and a 4:3 shape. */
export function fit(info: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  if (!info.width || !info.height) return { width: maxWidth, height: Math.round((maxWidth * 3) / 4) };
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) };
}

/** Base64 without Buffer (both runtimes have btoa). Chunked: String.fromCharCode takes limited arguments. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
