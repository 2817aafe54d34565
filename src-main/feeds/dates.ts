// Dates as feeds and news pages really write them: RFC 822 with two-digit years, zone names and
// wrong day names, ISO 8601, and Russian/Kazakh/Serbian/English words ("сегодня, 13:51",
// "26 ақпан 2026", "13:51, 15 августа 2025 года"). A time without a zone is read in the source's
// own zone: Kazakhstan has been UTC+5 everywhere since 1 March 2024, hence the default.
import { collapseWhitespace } from './sanitize';

export const KAZAKHSTAN_OFFSET_MINUTES = 5 * 60;

export interface DateContext {
  /** Offset used when the text names no zone, e.g. 300 for Astana. */
  defaultOffsetMinutes?: number;
  /** Needed for "today" / "yesterday" and for a day and month without a year. */
  now?: Date;
}

/** Month stems; a word matches when it starts with the stem. Longest stems are tried first. */
const MONTH_STEM_LIST: Array<[string, number]> = [
  // English
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  // Russian (nominative and genitive share these stems)
  ['янв', 1], ['фев', 2], ['мар', 3], ['апр', 4], ['мая', 5], ['май', 5], ['июн', 6], ['июл', 7], ['авг', 8], ['сен', 9], ['окт', 10], ['ноя', 11], ['дек', 12],
  // Kazakh
  ['қаңтар', 1], ['ақпан', 2], ['наурыз', 3], ['сәуір', 4], ['мамыр', 5], ['маусым', 6], ['шілде', 7], ['тамыз', 8], ['қыркүйек', 9], ['қазан', 10], ['қараша', 11], ['желтоқсан', 12],
  // Serbian, Latin and Cyrillic ("мај" etc.; "март"/"мар" is shared with Russian)
  ['avg', 8], ['avgust', 8], ['okt', 10], ['јан', 1], ['феб', 2], ['мај', 5], ['јун', 6], ['јул', 7], ['сеп', 9],
];
/** Stems by their first three letters (every stem has at least three), longest first. */
const MONTH_STEMS = new Map<string, Array<[string, number]>>();
for (const entry of [...MONTH_STEM_LIST].sort((a, b) => b[0].length - a[0].length)) {
  const key = entry[0].slice(0, 3);
  MONTH_STEMS.set(key, [...(MONTH_STEMS.get(key) ?? []), entry]);
}

export function monthFromWord(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  for (const [stem, month] of MONTH_STEMS.get(lower.slice(0, 3)) ?? []) if (lower.startsWith(stem)) return month;
  return null;
}

const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, MSD: 240,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  // ALMT meant UTC+6 until 1 March 2024 and then went away with the zone change; the feeds that
  // still print it are written by servers set to today's Kazakh time, so +5 is the better reading.
  ALMT: 300, AQTT: 300, QYZT: 300, ORAT: 300, AQTST: 300, KZT: 300,
};

function offsetFromZone(zone: string | undefined): number | null {
  if (!zone) return null;
  // Names first: most feeds say GMT, and no name looks like a numeric offset.
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const numeric = zone.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const short = zone.match(/^([+-])(\d{1,2})$/);
  if (short) return (short[1] === '-' ? -1 : 1) * Number(short[2]) * 60;
  return null;
}

function fullYear(year: number): number {
  if (year >= 100) return year;
  // RFC 822 two-digit years: 00-49 are this century (nobody publishes news dated 1949 today).
  return year < 50 ? 2000 + year : 1900 + year;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  const date = new Date(utc);
  // Reject 31 February and friends instead of letting Date roll them over.
  const local = new Date(utc + offsetMinutes * 60_000);
  if (local.getUTCDate() !== day) return null;
  return date;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/i;
const RFC822 = /^(?:[A-Za-z]{2,}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a machine-written date (RFC 822 variants, ISO 8601) or, failing that, a human one.
 * Returns null when nothing sensible can be read; callers decide what a missing date means.
 */
export function parseDate(input: string | null | undefined, context: DateContext = {}): Date | null {
  const text = collapseWhitespace(input ?? '');
  if (!text) return null;
  const defaultOffset = context.defaultOffsetMinutes ?? KAZAKHSTAN_OFFSET_MINUTES;

  const iso = text.match(ISO);
  if (iso) {
    const offset = iso[7] ? offsetFromZone(iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7]) : null;
    return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), offset ?? defaultOffset);
  }

  const rfc = text.match(RFC822);
  if (rfc) {
    const month = monthFromWord(rfc[2] ?? '');
    if (month) {
      // A wrong day name ("Fri" for a Thursday) is ignored: the numbers are what the author meant.
      const offset = offsetFromZone(rfc[7]);
      return build(fullYear(Number(rfc[3])), month, Number(rfc[1]), Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), offset ?? defaultOffset);
    }
  }

  return parseHumanDate(text, { ...context, defaultOffsetMinutes: defaultOffset });
}

const TODAY = /(^|[^\p{L}])(сегодня|бүгін|today|danas|данас)($|[^\p{L}])/iu;
const YESTERDAY = /(^|[^\p{L}])(вчера|кеше|yesterday|juče|jučer|јуче)($|[^\p{L}])/iu;

/**
 * Dates as news pages print them. Words for today/yesterday need a time next to them to count:
 * a bare "вчера" in a feed's pubDate says too little to invent an hour from.
 */
export function parseHumanDate(input: string, context: DateContext = {}): Date | null {
  const text = collapseWhitespace(input).toLowerCase();
  if (!text) return null;
  const offset = context.defaultOffsetMinutes ?? KAZAKHSTAN_OFFSET_MINUTES;
  const timeMatch = text.match(/(?:^|[^\d])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d.])/);
  const hour = timeMatch ? Number(timeMatch[1]) : 0;
  const minute = timeMatch ? Number(timeMatch[2]) : 0;
  const second = timeMatch?.[3] ? Number(timeMatch[3]) : 0;
  const withoutTime = timeMatch ? text.replace(timeMatch[0], ' ') : text;

  const relative = TODAY.test(withoutTime) ? 0 : YESTERDAY.test(withoutTime) ? 1 : null;
  if (relative !== null) {
    if (!timeMatch || !context.now || hour > 23 || minute > 59) return null;
    const localNow = new Date(context.now.getTime() + offset * 60_000);
    // Date.UTC rolls day 0 back into the previous month, which is what "yesterday" on the 1st means.
    return new Date(Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate() - relative, hour, minute, second) - offset * 60_000);
  }

  // 26.02.2026 or 26/02/2026
  const numeric = withoutTime.match(/(?:^|[^\d])(\d{1,2})[./](\d{1,2})[./](\d{2,4})(?!\d)/);
  if (numeric) return build(fullYear(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]), hour, minute, second, offset);

  // "26 февраля 2026 года", "26 ақпан 2026", "2026 жылғы 26 ақпан", "February 26, 2026", "26. februar 2026."
  const words = withoutTime.match(/[\p{L}]+|\d+/gu) ?? [];
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (/^\d+$/.test(word)) {
      const value = Number(word);
      if (word.length === 4 && year === null) year = value;
      else if (value >= 1 && value <= 31 && day === null) day = value;
      continue;
    }
    if (month === null) month = monthFromWord(word);
  }
  if (month === null || day === null) return null;
  if (year === null) {
    if (!context.now) return null;
    // "15 августа" without a year: the most recent such day not far in the future.
    const localNow = new Date(context.now.getTime() + offset * 60_000);
    year = localNow.getUTCFullYear();
    const candidate = build(year, month, day, hour, minute, second, offset);
    if (candidate && candidate.getTime() > context.now.getTime() + 2 * 86_400_000) year--;
  }
  return build(year, month, day, hour, minute, second, offset);
}
