// Words of the native menu and tray, in the languages the interface speaks. The main process
// cannot use the renderer's i18n files (they load in the page), and these few words are all it
// shows; roles (copy, paste, zoom...) are named by the system in its own language.
export interface ShellLabels {
  file: string;
  edit: string;
  view: string;
  window: string;
  show: string;
  refreshAll: string;
  quit: string;
  tooltip: string;
}

const labels: Record<'ru' | 'kk' | 'en', ShellLabels> = {
  ru: { file: 'Файл', edit: 'Правка', view: 'Вид', window: 'Окно', show: 'Показать PressWatch', refreshAll: 'Обновить все источники', quit: 'Выйти из PressWatch', tooltip: 'PressWatch' },
  kk: { file: 'Файл', edit: 'Түзету', view: 'Көрініс', window: 'Терезе', show: 'PressWatch-ты көрсету', refreshAll: 'Барлық дереккөзді жаңарту', quit: 'PressWatch-тан шығу', tooltip: 'PressWatch' },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', show: 'Show PressWatch', refreshAll: 'Refresh all sources', quit: 'Quit PressWatch', tooltip: 'PressWatch' },
};

/** Labels for a system locale such as "ru-RU" or "kk"; English for any other. */
export function shellLabels(locale: string): ShellLabels {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'ru' || language === 'kk' ? labels[language] : labels.en;
}
