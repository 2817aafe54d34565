// Managing sources: each source's settings, the built-in outlets, OPML in and out.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../src-shared/api';
import type { SourceSpec } from '../../../src-shared/model';
import type { PressWatchDb, StoredSource } from '../../db/schema';
import { DEFAULT_RETENTION_DAYS, RETENTION_KEY } from '../../db/cleanup';
import { toSpec } from '../../sync/connectService';
import { OpenFileButton } from '../../ui/OpenFileButton';
import { saveFile } from '../../ui/saveFile';
import { HtmlListForm } from './HtmlListForm';
import { StorageStatus } from './StorageStatus';

interface SourceManagerProps {
  db: PressWatchDb;
  client: ApiClient;
  presets: SourceSpec[];
  onMessage: (text: string, kind: 'info' | 'error') => void;
  onClose: () => void;
}

export function SourceManager({ db, client, presets, onMessage, onClose }: SourceManagerProps) {
  const { t } = useTranslation();
  const sources = useLiveQuery(async () => (await db.sources.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [db]) ?? [];
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = sources.find((s) => s.id === editingId) ?? null;
  const missingPresets = presets.filter((preset) => !sources.some((s) => s.id === preset.id || s.url === preset.url));

  const addSources = async (specs: SourceSpec[]) => {
    const known = new Set(sources.map((s) => s.url));
    const fresh = specs.filter((spec) => !known.has(spec.url));
    const addedAt = new Date().toISOString();
    await db.sources.bulkPut(fresh.map((spec) => ({ ...spec, addedAt })));
    return fresh.length;
  };

  const exportOpml = async () => {
    const text = await client['sources.toOpml'](sources.map(toSpec));
    saveFile(new Blob([text], { type: 'text/x-opml' }), 'presswatch-sources.opml');
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="manage-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="manage-title">{t('manage.title')}</h2>
        <div className="manage-grid">
          <ul className="plain-list manage-list">
            {sources.map((source) => (
              <li key={source.id}>
                <button type="button" className={`source-button${editingId === source.id ? ' selected' : ''}`} onClick={() => setEditingId(source.id)}>
                  <span>{source.name}</span>
                  <span className="muted small">{source.enabled ? source.group : '⏸'}</span>
                </button>
              </li>
            ))}
          </ul>
          <div>
            {editing ? <SourceForm key={editing.id} db={db} source={editing} onSaved={() => onMessage(t('manage.saved'), 'info')} onDeleted={() => setEditingId(null)} /> : null}
            <HtmlListForm db={db} client={client} onSaved={(name) => onMessage(t('html.saved', { name }), 'info')} />
            <h3>{t('manage.presets')}</h3>
            <ul className="plain-list">
              {missingPresets.map((preset) => (
                <li key={preset.id}>
                  <button type="button" className="link-button" onClick={() => void addSources([preset])}>
                    + {t('manage.addPreset', { name: preset.name })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <RetentionSetting db={db} />
        <StartAtLoginSetting client={client} />
        <StorageStatus />
        <div className="dialog-buttons">
          <OpenFileButton
            accept=".opml,.xml,text/xml,text/x-opml"
            testId="opml-input"
            onFile={async (file) => {
              try {
                const count = await addSources(await client['sources.fromOpml'](await file.text()));
                onMessage(t('manage.imported', { count }), 'info');
              } catch (error) {
                onMessage(error instanceof Error ? error.message : String(error), 'error');
              }
            }}
          >
            {t('manage.importOpml')}
          </OpenFileButton>
          <button type="button" onClick={() => void exportOpml()}>
            {t('manage.exportOpml')}
          </button>
          <button type="button" onClick={onClose}>
            {t('manage.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function SourceForm({ db, source, onSaved, onDeleted }: { db: PressWatchDb; source: StoredSource; onSaved: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(source);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await db.sources.put({ ...draft, name: draft.name.trim() || source.name, intervalMinutes: Math.min(1440, Math.max(1, Math.round(draft.intervalMinutes))) });
    onSaved();
  };
  const field = <K extends keyof StoredSource>(key: K, value: StoredSource[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <form className="source-form" onSubmit={save} aria-label={source.name}>
      <label>
        {t('manage.name')}
        <input value={draft.name} onChange={(e) => field('name', e.target.value)} />
      </label>
      <label>
        {t('manage.group')}
        <input value={draft.group} onChange={(e) => field('group', e.target.value)} />
      </label>
      <label>
        {t('manage.language')}
        <input value={draft.language ?? ''} onChange={(e) => field('language', e.target.value || null)} />
      </label>
      <label>
        {t('manage.interval')}
        <input type="number" min={1} max={1440} value={draft.intervalMinutes} onChange={(e) => field('intervalMinutes', Number(e.target.value))} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => field('enabled', e.target.checked)} /> {t('manage.enabled')}
      </label>
      <label className="inline">
        <input type="checkbox" checked={draft.fullText ?? false} onChange={(e) => field('fullText', e.target.checked)} /> {t('manage.fullText')}
      </label>
      <label className="inline">
        <input type="checkbox" checked={draft.browserUserAgent} onChange={(e) => field('browserUserAgent', e.target.checked)} /> {t('manage.browserUa')}
      </label>
      <p className="muted small">{source.url}</p>
      <div className="dialog-buttons">
        <button type="submit">{t('manage.save')}</button>
        <button
          type="button"
          onClick={async () => {
            await db.sources.delete(source.id);
            onDeleted();
          }}
        >
          {t('manage.delete')}
        </button>
      </div>
    </form>
  );
}

function RetentionSetting({ db }: { db: PressWatchDb }) {
  const { t } = useTranslation();
  const stored = useLiveQuery(() => db.meta.get(RETENTION_KEY), [db]);
  const days = typeof stored?.value === 'number' ? stored.value : DEFAULT_RETENTION_DAYS;
  return (
    <label className="inline retention">
      {t('manage.retention')}
      <input
        type="number"
        min={7}
        max={3650}
        value={days}
        onChange={(e) => {
          const value = Math.round(Number(e.target.value));
          if (value >= 7 && value <= 3650) void db.meta.put({ key: RETENTION_KEY, value });
        }}
      />
    </label>
  );
}

/** Shown only where the host can start the app at login (the desktop app). */
function StartAtLoginSetting({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void client['desktop.getStartAtLogin']().then(setEnabled, () => setEnabled(null));
  }, [client]);
  if (enabled === null) return null;
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={enabled}
        onChange={async (e) => {
          await client['desktop.setStartAtLogin'](e.target.checked);
          setEnabled(e.target.checked);
        }}
      />{' '}
      {t('manage.startAtLogin')}
    </label>
  );
}
