import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './useShortcuts';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-title" onKeyDown={(e) => e.key === 'Escape' && onClose()} onClick={(e) => e.stopPropagation()}>
        <h2 id="keys-title">{t('keys.heading')}</h2>
        <table className="keys-table">
          <tbody>
            {SHORTCUTS.map(([key, action]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(`keys.${action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" autoFocus onClick={onClose}>
            {t('keys.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
