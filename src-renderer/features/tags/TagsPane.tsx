import { useTranslation } from 'react-i18next';
import type { PressWatchDb, Tag } from '../../db/schema';
import { useRevisionQuery } from '../../state/watchListChanges';
import { mergeTags, renameTag, tagCounts } from './tagActions';

export function TagsPane({ db, revision, tags, selectedTagId, onSelect }: { db: PressWatchDb; revision: number; tags: Tag[]; selectedTagId: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const counts = useRevisionQuery(() => tagCounts(db, tags), [db, tags, revision]) ?? {};
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
              <span className="source-count">{counts[tag.id] ?? 0}</span>
            </button>
            <span className="tag-tools">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const name = window.prompt(t('tags.renamePrompt'), tag.name);
                  if (name) void renameTag(db, tag.id, name);
                }}
              >
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
          </li>
        ))}
      </ul>
    </section>
  );
}
