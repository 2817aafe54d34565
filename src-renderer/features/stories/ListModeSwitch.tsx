// Items / Stories: whether the list shows every item or one row per story.
import { useTranslation } from 'react-i18next';
import type { ListMode } from './useStoryView';

export function ListModeSwitch({ mode, onChange }: { mode: ListMode; onChange: (mode: ListMode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="list-mode" role="group" aria-label={t('stories.mode')}>
      {(['items', 'stories'] as const).map((value) => (
        <button key={value} type="button" className={`list-mode-button${mode === value ? ' selected' : ''}`} aria-pressed={mode === value} onClick={() => onChange(value)}>
          {t(`stories.${value}`)}
        </button>
      ))}
    </div>
  );
}
