const localeOf: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

// Chromium's ICU data for kk-KZ prints "2026 M02 26": Kazakh dates are spelled out here instead.
export const kazakhMonths = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** A time in the reader's own time zone and the UI's locale. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'kk') {
    return `${date.getFullYear()} ж. ${date.getDate()} ${kazakhMonths[date.getMonth()]}, ${clockTime(date)}`;
  }
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeOf[language] ?? language, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

// Making a formatter costs far more than using one, and every list row asks for one while scrolling.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Just the clock time when `iso` falls on the reader's today (the sidebar's next poll), else the full time. */
export function formatTimeToday(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (date.toDateString() !== now.toDateString()) return formatDateTime(iso, language);
  return clockTime(date);
}

/** HH:MM in the reader's time zone, the same in every UI language. */
function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
