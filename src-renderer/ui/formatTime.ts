const localeOf: Record<string, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

/** A time in the reader's own time zone and the UI's locale. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf[language] ?? language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
