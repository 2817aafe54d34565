import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../src-shared/api';
import type { SourceStatus } from '../../../src-shared/model';
import type { PressWatchDb, StoredSource } from '../../db/schema';
import { formatDateTime, formatTimeToday } from '../../ui/formatTime';
import type { SourceCount } from '../../state/sourceCounts';
import { addSourceByUrl } from './addSourceByUrl';

interface SourcesPaneProps {
  db: PressWatchDb;
  client: ApiClient;
  sources: StoredSource[];
  statuses: Record<string, SourceStatus>;
  /** Items stored and published today, per source; absent until counted. */
  counts: Record<string, SourceCount>;
  selectedSourceId: string | null;
  selectedGroup: string | null;
  onSelect: (sourceId: string | null) => void;
  onSelectGroup: (group: string) => void;
}

export function SourcesPane({ db, client, sources, statuses, counts, selectedSourceId, selectedGroup, onSelect, onSelectGroup }: SourcesPaneProps) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await addSourceByUrl(db, client, url.trim());
      setMessage(outcome.added ? { kind: 'ok', text: t('sources.added', { name: outcome.source.name }) } : { kind: 'error', text: t('sources.exists') });
      if (outcome.added) setUrl('');
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="sources-pane" aria-label={t('sources.heading')}>
      <h2>{t('sources.heading')}</h2>
      <form className="add-source" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="add-source-url">
          {t('sources.addPlaceholder')}
        </label>
        <input
          id="add-source-url"
          type="url"
          required
          placeholder={t('sources.addPlaceholder')}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('sources.adding') : t('sources.add')}
        </button>
      </form>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`form-message ${message.kind}`}>
          {message.text}
        </p>
      ) : null}
      <ul className="source-list">
        <li>
          <button type="button" className={`source-button${selectedSourceId === null ? ' selected' : ''}`} onClick={() => onSelect(null)}>
            {t('sources.all')}
          </button>
          <button type="button" className="link-button" onClick={() => void client['sources.pollNow'](null)}>
            {t('sources.pollAll')}
          </button>
        </li>
        {groupsOf(sources).map(([group, members]) => (
          <li key={group} className="source-group">
            <button type="button" className={`group-button${selectedGroup === group ? ' selected' : ''}`} aria-pressed={selectedGroup === group} onClick={() => onSelectGroup(group)}>
              {group || t('sources.noGroup')}
            </button>
            <ul className="plain-list">
              {members.map((source) => {
                const status = statuses[source.id];
                return (
                  <li key={source.id} data-testid="source-row" data-source-state={status?.state ?? 'idle'}>
                    <button
                      type="button"
                      className={`source-button${selectedSourceId === source.id ? ' selected' : ''}`}
                      onClick={() => onSelect(source.id)}
                    >
                      <span className="source-name">{source.name}</span>
                      <span className="source-count">{counts[source.id]?.total ?? ''}</span>
                    </button>
                    <div className="source-status">
                      {status?.state === 'polling' ? (
                        t('sources.polling')
                      ) : status?.lastError ? (
                        <span className="error-text">{t('sources.lastError', { message: status.lastError })}</span>
                      ) : status?.lastSuccessAt ? (
                        t('sources.lastSuccess', { time: formatDateTime(status.lastSuccessAt, i18n.language) })
                      ) : (
                        t('sources.never')
                      )}
                      <button type="button" className="link-button" aria-label={`${t('sources.pollNow')}: ${source.name}`} onClick={() => void client['sources.pollNow'](source.id)}>
                        {t('sources.pollNow')}
                      </button>
                    </div>
                    <div className="source-facts" data-testid="source-facts">
                      {counts[source.id] ? <span>{t('sources.today', { count: counts[source.id]!.today })}</span> : null}
                      {source.enabled && status?.nextPollAt ? <span>{t('sources.nextPoll', { time: formatTimeToday(status.nextPollAt, i18n.language) })}</span> : null}
                      {source.enabled ? null : <span>{t('sources.disabled')}</span>}
                    </div>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Sources by folder, folders in alphabetical order, the unnamed folder last. */
function groupsOf(sources: StoredSource[]): Array<[string, StoredSource[]]> {
  const groups = new Map<string, StoredSource[]>();
  for (const source of sources) groups.set(source.group, [...(groups.get(source.group) ?? []), source]);
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}
