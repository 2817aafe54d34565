// The press officer's desk: sidebar (views, sources, tags, topics, collections), the item list
// and the reader. State that matters lives in Dexie; this component only holds what is on screen.
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../src-shared/api';
import type { SourceSpec, SourceStatus } from '../src-shared/model';
import { usesField } from '../src-shared/query';
import type { PressWatchDb, StoredItem } from './db/schema';
import { BackupButtons } from './features/backup/BackupButtons';
import { ClipDialog } from './features/clippings/ClipDialog';
import { ShortcutsHelp } from './features/keyboard/ShortcutsHelp';
import { useShortcuts } from './features/keyboard/useShortcuts';
import { ItemList } from './features/reader/ItemList';
import { ReaderPane } from './features/reader/ReaderPane';
import { SearchBox } from './features/search/SearchBox';
import { SourceManager } from './features/sources/SourceManager';
import { SourcesPane } from './features/sources/SourcesPane';
import { ListModeSwitch } from './features/stories/ListModeSwitch';
import { useStoryView, type ListMode } from './features/stories/useStoryView';
import { applyTag, ensureTag, removeTag } from './features/tags/tagActions';
import { TagInput } from './features/tags/TagInput';
import { TagsPane } from './features/tags/TagsPane';
import { TopicsPane } from './features/topics/TopicsPane';
import { languages, setUiLanguage, type UiLanguage } from './i18n';
import { parsedOrNull } from './search/highlight';
import { currentIndexState } from './search/indexState';
import { emptyFilter, firstPage, isUnfiltered, listKeys, type ListFilter, type ListResult, type ListView } from './state/listFilter';
import { useRevisionQuery, watchListChanges } from './state/watchListChanges';
import { sourceCounts } from './state/sourceCounts';
import { Notices, type Notice } from './ui/Notices';
import { useOnline } from './ui/useOnline';

// The charting library and the report writers are megabytes: loaded when first opened, so they
// cost nothing at start-up.
const CoverageView = lazy(async () => ({ default: (await import('./features/coverage/CoverageView')).CoverageView }));
const ExportDialog = lazy(async () => ({ default: (await import('./features/export/ExportDialog')).ExportDialog }));

interface AppProps {
  db: PressWatchDb;
  client: ApiClient;
  initialStatuses: SourceStatus[];
  presets: SourceSpec[];
  /** Where the host serves an offline image by its file name. */
  offlineImageUrl: (fileName: string) => string;
  notices: Notice[];
  dismissNotice: (id: string) => void;
  pushNotice: (notice: Omit<Notice, 'id'>) => void;
}

export function App({ db, client, initialStatuses, presets, offlineImageUrl, notices, dismissNotice, pushNotice }: AppProps) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [filter, setFilter] = useState<ListFilter>(emptyFilter);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [lastChecked, setLastChecked] = useState<string | null>(null);
  const [clipKeys, setClipKeys] = useState<string[] | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [managing, setManaging] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [covering, setCovering] = useState(false);
  const [statuses, setStatuses] = useState<Record<string, SourceStatus>>(() => Object.fromEntries(initialStatuses.map((status) => [status.sourceId, status])));

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

  const sources = useLiveQuery(async () => (await db.sources.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [db]) ?? [];
  const tags = useLiveQuery(() => db.tags.orderBy('name').toArray(), [db]) ?? [];
  const topics = useLiveQuery(() => db.topics.orderBy('name').toArray(), [db]) ?? [];
  const collections = useLiveQuery(() => db.collections.orderBy('name').toArray(), [db]) ?? [];
  const [revision, setRevision] = useState(0);
  const [tagRevision, setTagRevision] = useState(0);
  const [readRevision, setReadRevision] = useState(0);
  useEffect(
    () =>
      watchListChanges(db, {
        items: () => setRevision((r) => r + 1),
        tags: () => setTagRevision((r) => r + 1),
        read: () => setReadRevision((r) => r + 1),
      }),
    [db],
  );
  const query = useMemo(() => parsedOrNull(filter.query), [filter.query]);
  // The list is read again when tags or read states change only if it depends on them.
  const listTagRevision = filter.tagId || (query && usesField(query.root, 'tag')) ? tagRevision : 0;
  const listReadRevision = filter.view === 'unread' ? readRevision : 0;
  // Until the full list is read (seconds at 100,000 items), the newest items show at once; the preview applies only to the unfiltered list, the one the app opens with.
  const preview = useRevisionQuery(() => (isUnfiltered(filter) ? firstPage(db) : Promise.resolve(undefined)), [db, filter, revision]);
  // IndexedDB answers one request after another: the big reads wait until the first page's rows
  // have been read, or those small reads would queue behind 100,000 keys.
  const [firstRowsRead, setFirstRowsRead] = useState(false);
  // Only the first read waits: later ones (new items, another filter) go at once, or a list
  // first read empty would wait for rows it can never show.
  const [listReadOnce, setListReadOnce] = useState(false);
  const previewShown = listReadOnce || !isUnfiltered(filter) || (preview !== undefined && (preview.keys.length === 0 || firstRowsRead));
  const [list, setList] = useState<ListResult | undefined>(undefined);
  useEffect(() => {
    if (!previewShown) return;
    let current = true;
    listKeys(db, filter, revision).then(
      (result) => {
        setListReadOnce(true);
        if (current) setList(result);
      },
      (error: unknown) => console.error('PressWatch list:', error),
    );
    return () => {
      current = false;
    };
  }, [db, filter, revision, listTagRevision, listReadRevision, previewShown]);
  // Counting walks the index: done when items come or go (the revision), not on every write,
  // and after the list, which the user waits for.
  const counts = useRevisionQuery(() => (list ? sourceCounts(db, sources, new Date()) : Promise.resolve(undefined)), [db, sources, revision, list !== undefined]) ?? {};
  const keys = useMemo(() => list?.keys ?? preview?.keys ?? [], [list, preview]);
  const total = list ? list.keys.length : null;
  // In stories mode the list shows one row per story; a selection then stands for all its items.
  const [listMode, setListMode] = useState<ListMode>('items');
  const stories = useStoryView(db, keys, listMode, revision);
  const rowKeys = stories.keys;
  const tagMap = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);

  const open = useCallback((key: string) => setSelectedKey(key), []);
  // The search index's directory is read when the search box is entered, while the first word
  // is being typed (not at start-up, where it held back the first items opened).
  const readSearchIndexAhead = useCallback(() => void currentIndexState(db).catch(() => undefined), [db]);
  // Read on open, once the reader has the item (see ReaderPane); undone with "mark unread".
  const markShownRead = useCallback((key: string) => void db.items.update(key, { read: 1 }), [db]);
  const patchFilter = (patch: Partial<ListFilter>) => {
    setFilter((previous) => ({ ...previous, ...patch }));
    setChecked(new Set());
  };
  // Stable while the rows and the last checked row stay, so list rows are not drawn again for nothing.
  const toggleChecked = useCallback(
    (key: string, range: boolean) => {
      setChecked((previous) => {
        const next = new Set(previous);
        if (range && lastChecked) {
          const from = Math.min(rowKeys.indexOf(lastChecked), rowKeys.indexOf(key));
          const to = Math.max(rowKeys.indexOf(lastChecked), rowKeys.indexOf(key));
          for (const k of rowKeys.slice(from, to + 1)) next.add(k);
        } else if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      });
      setLastChecked(key);
    },
    [lastChecked, rowKeys],
  );
  const targetKeys = checked.size > 0 ? stories.expand(checked) : selectedKey ? [selectedKey] : [];

  useShortcuts({
    keys: rowKeys,
    selectedKey,
    open,
    toggleStar: () => {
      if (selectedKey) void db.items.get(selectedKey).then((item) => item && db.items.update(item.key, { starred: item.starred ? 0 : 1 }));
    },
    focusTag: () => document.getElementById(checked.size > 0 ? 'bulk-tag-input' : 'reader-tag-input')?.focus(),
    clip: () => targetKeys.length > 0 && setClipKeys(targetKeys),
    focusSearch: () => document.getElementById('search-input')?.focus(),
    toggleUnread: () => patchFilter({ view: filter.view === 'unread' ? 'all' : 'unread' }),
    showHelp: () => setHelpOpen(true),
    disabled: clipKeys !== null || helpOpen || managing || exporting || covering,
  });

  // A clipping's images come from the host's image store: kept already by the poller, or fetched
  // into it now (the renderer itself may reach only its own origin).
  const loadImage = async (url: string, item: StoredItem): Promise<Blob | null> => {
    const fileName = item.offlineImages?.[url] ?? (await client['images.keep'](url).catch(() => null));
    if (!fileName) return null;
    const response = await fetch(offlineImageUrl(fileName)).catch(() => null);
    return response && response.ok ? response.blob() : null;
  };

  const views: ListView[] = ['all', 'unread', 'starred', 'clipped'];

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <SearchBox value={filter.query} onChange={(query) => patchFilter({ query })} onFocus={readSearchIndexAhead} error={list?.error?.message ?? null} />
        {online ? null : (
          <span className="offline-badge" role="status" data-testid="offline-badge">
            {t('app.offline')}
          </span>
        )}
        <BackupButtons db={db} onMessage={(text, kind) => pushNotice({ text, kind })} />
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
      <Notices notices={notices} onDismiss={dismissNotice} onShowQuery={(q) => patchFilter({ ...emptyFilter, query: q })} />
      <div className="panes">
        <aside className="sidebar">
          <section className="sidebar-section" aria-labelledby="views-heading">
            <h2 id="views-heading">{t('views.heading')}</h2>
            <ul className="plain-list">
              {views.map((view) => (
                <li key={view}>
                  <button type="button" className={`source-button${filter.view === view ? ' selected' : ''}`} aria-pressed={filter.view === view} onClick={() => patchFilter({ view })}>
                    {t(`views.${view}`)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <SourcesPane
            db={db}
            client={client}
            sources={sources}
            statuses={statuses}
            counts={counts}
            selectedSourceId={filter.sourceId}
            selectedGroup={filter.group}
            onSelect={(sourceId) => patchFilter({ sourceId, group: null })}
            onSelectGroup={(group) => patchFilter({ group: filter.group === group ? null : group, sourceId: null })}
          />
          <button type="button" className="link-button manage-button" onClick={() => setManaging(true)}>
            ⚙ {t('manage.open')}
          </button>
          <TagsPane db={db} revision={revision + tagRevision} countNow={list !== undefined} tags={tags} selectedTagId={filter.tagId} onSelect={(tagId) => patchFilter({ tagId })} />
          <TopicsPane db={db} topics={topics} tags={tags} onShow={(q) => patchFilter({ query: q })} onMessage={(text) => pushNotice({ text, kind: 'info' })} />
          <section className="sidebar-section" aria-labelledby="collections-heading">
            <h2 id="collections-heading">{t('collections.heading')}</h2>
            {collections.length === 0 ? <p className="muted small">{t('collections.none')}</p> : null}
            <ul className="plain-list">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <button
                    type="button"
                    className={`source-button${filter.collectionId === collection.id ? ' selected' : ''}`}
                    aria-pressed={filter.collectionId === collection.id}
                    onClick={() => patchFilter({ collectionId: filter.collectionId === collection.id ? null : collection.id })}
                  >
                    {collection.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </aside>
        <section className="list-pane" aria-label={t('items.heading')}>
          <div className="list-header">
            <h2>
              {t('items.heading')} <span className="count" data-testid="item-count">{total === null ? t('items.counting') : t('items.count', { count: total })}</span>
              {listMode === 'stories' ? <span className="count" data-testid="story-count"> · {t('stories.count', { count: rowKeys.length })}</span> : null}
            </h2>
            <ListModeSwitch mode={listMode} onChange={(mode) => { setListMode(mode); setChecked(new Set()); }} />
            <div className="filter-row">
              <label>
                {t('filters.from')} <input type="date" value={filter.from ?? ''} onChange={(e) => patchFilter({ from: e.target.value || null })} />
              </label>
              <label>
                {t('filters.to')} <input type="date" value={filter.to ?? ''} onChange={(e) => patchFilter({ to: e.target.value || null })} />
              </label>
              <label>
                <span className="visually-hidden">{t('filters.order')}</span>
                <select value={filter.order} onChange={(event) => patchFilter({ order: event.target.value === 'oldest' ? 'oldest' : 'newest' })}>
                  <option value="newest">{t('filters.newest')}</option>
                  <option value="oldest">{t('filters.oldest')}</option>
                </select>
              </label>
              <button type="button" className="link-button" onClick={() => patchFilter(emptyFilter)}>
                {t('filters.clear')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => void db.items.where('key').anyOf(keys).modify({ read: 1 })}
              >
                {t('items.markAllRead')}
              </button>
              <button type="button" className="export-button" onClick={() => setExporting(true)}>
                ⤓ {t('export.open')}
              </button>
              <button type="button" className="export-button" onClick={() => setCovering(true)}>
                ▥ {t('coverage.open')}
              </button>
            </div>
            {checked.size > 0 ? (
              <div className="bulk-bar" role="region" aria-label={t('items.selected', { count: checked.size })}>
                <span data-testid="selected-count">{t('items.selected', { count: checked.size })}</span>
                <TagInput
                  tags={tags}
                  inputId="bulk-tag-input"
                  onApply={async (name) => {
                    const tag = await ensureTag(db, name);
                    await applyTag(db, stories.expand(checked), tag.id);
                  }}
                />
                <label>
                  <span className="visually-hidden">{t('tags.removeFromSelected')}</span>
                  <select value="" onChange={(event) => event.target.value && void removeTag(db, stories.expand(checked), event.target.value)}>
                    <option value="">{t('tags.removeFromSelected')}</option>
                    {tags.map((tag) => (
                      <option key={tag.id} value={tag.id}>
                        {tag.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => setClipKeys(stories.expand(checked))}>
                  ✂ {t('reader.clip')}
                </button>
                <button type="button" className="link-button" onClick={() => setChecked(new Set())}>
                  {t('items.clearSelection')}
                </button>
              </div>
            ) : null}
          </div>
          <ItemList db={db} keys={rowKeys} stories={stories.stories} onRowsRead={() => setFirstRowsRead(true)} complete={list !== undefined} selectedKey={selectedKey} checked={checked} tags={tagMap} sourceNames={sourceNames} query={query} onOpen={open} onToggleChecked={toggleChecked} />
        </section>
        <main className="reader-pane">
          <ReaderPane db={db} itemKey={selectedKey} tags={tags} sourceNames={sourceNames} query={query} offlineImageUrl={offlineImageUrl} onClip={setClipKeys} onOpen={open} onShown={markShownRead} />
        </main>
      </div>
      {clipKeys ? (
        <ClipDialog
          db={db}
          itemKeys={clipKeys}
          loadImage={loadImage}
          onCancel={() => setClipKeys(null)}
          onDone={(count) => {
            setClipKeys(null);
            setChecked(new Set());
            pushNotice({ text: t('clip.saved', { count }), kind: 'info' });
          }}
        />
      ) : null}
      {exporting ? (
        <Suspense fallback={null}>
          <ExportDialog
            db={db}
            keys={checked.size > 0 ? stories.expand(rowKeys.filter((k) => checked.has(k))) : keys}
            defaultTitle={collections.find((c) => c.id === filter.collectionId)?.name ?? t('export.defaultTitle')}
            onDone={(text, kind) => pushNotice({ text, kind })}
            onClose={() => setExporting(false)}
          />
        </Suspense>
      ) : null}
      {covering ? (
        <Suspense fallback={null}>
          <CoverageView
            db={db}
            tags={tags}
            topics={topics}
            collections={collections}
            query={filter.query}
            initialScope={filter.query.trim() ? 'search' : filter.tagId ? `tag:${filter.tagId}` : filter.collectionId ? `collection:${filter.collectionId}` : 'all'}
            onOpenItem={(key) => {
              setCovering(false);
              open(key);
            }}
            onClose={() => setCovering(false)}
          />
        </Suspense>
      ) : null}
      {helpOpen ? <ShortcutsHelp onClose={() => setHelpOpen(false)} /> : null}
      {managing ? <SourceManager db={db} client={client} presets={presets} onMessage={(text, kind) => pushNotice({ text, kind })} onClose={() => setManaging(false)} /> : null}
    </div>
  );
}
