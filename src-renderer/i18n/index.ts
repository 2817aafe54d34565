// The UI speaks Russian (default), Kazakh and English through i18next; the choice is kept in
// localStorage so it applies before the database opens.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export const languages = [
  { code: 'ru', label: 'Русский' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'en', label: 'English' },
] as const;
export type UiLanguage = (typeof languages)[number]['code'];

const STORAGE_KEY = 'presswatch.uiLanguage';

export function initI18n(): typeof i18next {
  const saved = localStorage.getItem(STORAGE_KEY);
  const lng = languages.some((l) => l.code === saved) ? (saved as UiLanguage) : 'ru';
  void i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } },
    lng,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false }, // React escapes; double escaping would show &amp;
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setUiLanguage(code: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  void i18next.changeLanguage(code);
}
