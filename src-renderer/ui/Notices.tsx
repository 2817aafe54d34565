// In-app notices: topic alerts in the browser host, results of actions, storage problems.
// Feed strings in them (titles) are rendered as text.
import { useTranslation } from 'react-i18next';

export interface Notice {
  id: string;
  kind: 'info' | 'alert' | 'error';
  text: string;
  /** For topic alerts: the query that shows the new items. */
  query?: string;
}

export function Notices({ notices, onDismiss, onShowQuery }: { notices: Notice[]; onDismiss: (id: string) => void; onShowQuery: (query: string) => void }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          {notice.query ? (
            <button type="button" className="link-button" onClick={() => onShowQuery(notice.query!)}>
              {t('topics.show')}
            </button>
          ) : null}
          <button type="button" className="chip-remove" aria-label={t('keys.close')} onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
