import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PressWatchDb, Tag } from '../../db/schema';
import { useRevisionQuery } from '../../state/watchListChanges';
import { editTag, mergeTags, tagCounts, TagError } from './tagActions';

/** Name and colour of one tag, edited in place (window.prompt does not exist in Electron). */
function TagEditor({ db, tag, onDone }: { db: PressWatchDb; tag: Tag; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await editTag(db, tag.id, { name, color });
      onDone();
    } catch (caught) {
      setError(caught instanceof TagError ? t(`tags.error.${caught.reason}`) : String(caught));
    }
  };
  return (
    <form className="tag-editor" aria-label={t('tags.editing', { name: tag.name })} onSubmit={(event) => void save(event)} onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <label>
        <span className="visually-hidden">{t('tags.name')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </label>
      <label>
        <span className="visually-hidden">{t('tags.color')}</span>
        <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
      </label>
      <button type="submit">{t('tags.save')}</button>
      <button type="button" className="link-button" onClick={onDone}>
        {t('tags.cancel')}
      </button>
      {error ? (
        <p role="alert" className="error-text small">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * `countNow` holds the counts back until the list has been read: a tag on 70,000 items is one
 * long count, and IndexedDB answers one request at a time, so the first rows would wait for it.
 */
export function TagsPane({ db, revision, countNow, tags, selectedTagId, onSelect }: { db: PressWatchDb; revision: number; countNow: boolean; tags: Tag[]; selectedTagId: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const counts = useRevisionQuery(() => (countNow ? tagCounts(db, tags) : Promise.resolve(undefined)), [db, tags, revision, countNow]);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="sidebar-section" aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('tags.heading')}</h2>
      {tags.length === 0 ? <p className="muted small">{t('tags.none')}</p> : null}
      <ul className="plain-list">
        {tags.map((tag) => (
          <li key={tag.id} data-testid="tag-row">
            <button
              type="button"
              className={`source-button${selectedTagId === tag.id ? ' selected' : ''}`}
              aria-label={t('tags.filter', { name: tag.name })}
              aria-pressed={selectedTagId === tag.id}
              onClick={() => onSelect(selectedTagId === tag.id ? null : tag.id)}
            >
              <span>
                <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" /> {tag.name}
              </span>
              <span className="source-count">{counts ? (counts[tag.id] ?? 0) : '…'}</span>
            </button>
            <span className="tag-tools">
              <button type="button" className="link-button" aria-label={t('tags.editing', { name: tag.name })} onClick={() => setEditing(tag.id)}>
                {t('tags.rename')}
              </button>
              <label className="small">
                <span className="visually-hidden">{t('tags.mergeInto', { name: tag.name })}</span>
                <select value="" onChange={(e) => e.target.value && void mergeTags(db, tag.id, e.target.value)}>
                  <option value="">{t('tags.merge')}</option>
                  {tags
                    .filter((other) => other.id !== tag.id)
                    .map((other) => (
                      <option key={other.id} value={other.id}>
                        {other.name}
                      </option>
                    ))}
                </select>
              </label>
            </span>
            {editing === tag.id ? <TagEditor db={db} tag={tag} onDone={() => setEditing(null)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
