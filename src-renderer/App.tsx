import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../src-shared/api';
import type { SourceStatus } from '../src-shared/model';
import type { PressWatchDb } from './db/schema';
import { ItemList } from './features/reader/ItemList';
import { ReaderPane } from './features/reader/ReaderPane';
import { SourcesPane } from './features/sources/SourcesPane';
import { languages, setUiLanguage, type UiLanguage } from './i18n';
import { useOnline } from './ui/useOnline';

interface AppProps {
  db: PressWatchDb;
  client: ApiClient;
  initialStatuses: SourceStatus[];
}

export function App({ db, client, initialStatuses }: AppProps) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [selectedSourceId, setSelectedSourceId] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<Record<string, SourceStatus>>(() =>
    Object.fromEntries(initialStatuses.map((status) => [status.sourceId, status])),
  );

  useEffect(() => {
    // Events and the full read below can arrive in either order: the newer revision wins.
    const merge = (incoming: SourceStatus[]) =>
      setStatuses((previous) => {
        const next = { ...previous };
        for (const status of incoming) {
          if ((next[status.sourceId]?.revision ?? -1) <= status.revision) next[status.sourceId] = status;
        }
        return next;
      });
    const off = client.on('sources.status', (status) => merge([status]));
    void client['sources.status']().then(merge);
    return off;
  }, [client]);

  const sources = useLiveQuery(() => db.sources.orderBy('id').toArray(), [db]) ?? [];
  const items =
    useLiveQuery(
      () =>
        selectedSourceId === null
          ? db.items.orderBy('publishedAt').reverse().toArray()
          : db.items
              .where('[sourceId+publishedAt]')
              .between([selectedSourceId, Dexie.minKey], [selectedSourceId, Dexie.maxKey])
              .reverse()
              .toArray(),
      [db, selectedSourceId],
    ) ?? [];
  const counts =
    useLiveQuery(async () => {
      const entries = await Promise.all(sources.map(async (s) => [s.id, await db.items.where('sourceId').equals(s.id).count()] as const));
      return Object.fromEntries(entries);
    }, [db, sources]) ?? {};
  const selected = items.find((item) => item.key === selectedKey);

  const select = (key: string) => {
    setSelectedKey(key);
    void db.items.update(key, { read: 1 });
  };

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        {online ? null : (
          <span className="offline-badge" role="status" data-testid="offline-badge">
            {t('app.offline')}
          </span>
        )}
        <label className="language-picker">
          <span>{t('app.language')}</span>
          <select value={i18n.language} onChange={(event) => setUiLanguage(event.target.value as UiLanguage)}>
            {languages.map((language) => (
              <option key={language.code} value={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="panes">
        <SourcesPane
          db={db}
          client={client}
          sources={sources}
          statuses={statuses}
          counts={counts}
          selectedSourceId={selectedSourceId}
          onSelect={setSelectedSourceId}
        />
        <section className="list-pane" aria-label={t('items.heading')}>
          <h2>
            {t('items.heading')} <span className="count" data-testid="item-count">{t('items.count', { count: items.length })}</span>
          </h2>
          <ItemList items={items} selectedKey={selectedKey} onSelect={select} />
        </section>
        <main className="reader-pane">
          <ReaderPane item={selected} />
        </main>
      </div>
    </div>
  );
}
