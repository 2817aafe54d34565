// A source for a site without a feed: CSS selectors for the news cards, previewed on the live
// page before the source is saved, so a press officer sees what will be collected.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../src-shared/api';
import type { FetchedFeed, HtmlListSettings } from '../../../src-shared/model';
import type { PressWatchDb } from '../../db/schema';
import { formatDateTime } from '../../ui/formatTime';

export function HtmlListForm({ db, client, onSaved }: { db: PressWatchDb; client: ApiClient; onSaved: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [spec, setSpec] = useState<HtmlListSettings>({ item: '', link: '', title: '', date: '', image: '' });
  const [preview, setPreview] = useState<FetchedFeed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clean = (): HtmlListSettings => {
    const entries = Object.entries(spec).filter(([, value]) => typeof value === 'string' && value.trim() !== '');
    return Object.fromEntries(entries.map(([key, value]) => [key, (value as string).trim()])) as unknown as HtmlListSettings;
  };

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPreview(await client['feeds.previewHtmlList'](url.trim(), clean()));
    } catch (failure) {
      setPreview(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const title = name.trim() || preview?.feed.title || new URL(url).host;
    await db.sources.add({
      id: `src-${crypto.randomUUID()}`,
      name: title,
      url: url.trim(),
      kind: 'html',
      language: preview?.feed.language ?? null,
      group: '',
      intervalMinutes: 30,
      enabled: true,
      browserUserAgent: false,
      htmlList: clean(),
      addedAt: new Date().toISOString(),
    });
    onSaved(title);
  };

  const field = (key: keyof HtmlListSettings, label: string, required = false) => (
    <label>
      {label}
      <input value={(spec[key] as string | undefined) ?? ''} required={required} onChange={(e) => setSpec((s) => ({ ...s, [key]: e.target.value }))} />
    </label>
  );

  return (
    <form className="source-form" onSubmit={runPreview} aria-label={t('html.title')}>
      <h3>{t('html.title')}</h3>
      <label>
        {t('html.url')}
        <input type="url" value={url} required onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        {t('manage.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {field('item', t('html.item'), true)}
      {field('link', t('html.link'))}
      {field('title', t('html.titleSelector'))}
      {field('date', t('html.date'))}
      {field('image', t('html.image'))}
      <div className="dialog-buttons">
        <button type="submit" disabled={busy}>
          {t('html.preview')}
        </button>
        <button type="button" disabled={!preview || preview.items.length === 0} onClick={() => void save()}>
          {t('html.save')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="error-text small">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div data-testid="html-preview">
          <p className="small muted">{t('html.found', { count: preview.items.length })}</p>
          <ol className="preview-list">
            {preview.items.slice(0, 20).map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong> <span className="muted small">{formatDateTime(item.publishedAt, i18n.language)}</span>
                <div className="muted small">{item.url}</div>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </form>
  );
}
