// The story of the open item, when other outlets told it too: who published it first, then each
// later report with its outlet and time (a click opens it), and actions on the whole story.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { PressWatchDb, StoredItem, Tag } from '../../db/schema';
import { formatDateTime } from '../../ui/formatTime';
import { applyTag, ensureTag } from '../tags/tagActions';
import { TagInput } from '../tags/TagInput';
import { StoryBadge } from './StoryBadge';

/** Reports listed in the chain; a story retold by hundreds (a boilerplate match) stays readable. */
const SHOWN = 30;

interface StoryPanelProps {
  db: PressWatchDb;
  item: StoredItem;
  tags: Tag[];
  sourceNames: Map<string, string>;
  onOpen: (key: string) => void;
  onClip: (keys: string[]) => void;
}

export function StoryPanel({ db, item, tags, sourceNames, onOpen, onClip }: StoryPanelProps) {
  const { t, i18n } = useTranslation();
  const story = useLiveQuery(() => (item.storyId ? db.stories.get(item.storyId) : undefined), [db, item.storyId]);
  // Only the reports the chain shows are read: the first publisher and the first to arrive after
  // it (a story retold thousands of times must open as fast as one told twice).
  const members = useLiveQuery(
    async () => {
      if (!story || story.size < 2) return [];
      const keys = [...new Set([story.firstItemKey, ...story.itemKeys.slice(0, SHOWN)])].slice(0, SHOWN);
      const rows = (await db.items.bulkGet(keys)).filter((m): m is StoredItem => m !== undefined);
      return rows.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.key < b.key ? -1 : 1));
    },
    [db, story],
  );
  if (!story || story.size < 2 || !members || members.length < 2) return null;
  const outlet = (m: StoredItem) => sourceNames.get(m.sourceId) ?? m.feedTitle;
  const shown = members;
  return (
    <section className="story-panel" aria-label={t('stories.panel')} data-testid="story-panel">
      <h2>
        {t('stories.panel')} <StoryBadge story={story} />
      </h2>
      <ol className="story-chain">
        {shown.map((m, index) => {
          const time = formatDateTime(m.publishedAt, i18n.language);
          const current = m.key === item.key;
          return (
            <li key={m.key} data-testid={index === 0 ? 'story-first' : 'story-later'}>
              <span className="story-role">{index === 0 ? t('stories.first') : t('stories.later')}</span>
              <button type="button" title={m.title} disabled={current} aria-label={t('stories.open', { outlet: outlet(m), time })} onClick={() => onOpen(m.key)}>
                {outlet(m)}
              </button>
              <time dateTime={m.publishedAt}>{time}</time>
              {current ? <span className="muted">({t('stories.current')})</span> : null}
            </li>
          );
        })}
      </ol>
      {story.size > shown.length ? <p className="muted small">{t('stories.more', { count: story.size - shown.length })}</p> : null}
      <div className="story-actions" role="group" aria-label={t('stories.tagAll')}>
        <span>{t('stories.tagAll')}:</span>
        <TagInput
          tags={tags}
          inputId="story-tag-input"
          onApply={async (name) => {
            const tag = await ensureTag(db, name);
            await applyTag(db, story.itemKeys, tag.id);
          }}
        />
        <button type="button" onClick={() => onClip(story.itemKeys)}>
          ✂ {t('stories.clipAll')}
        </button>
      </div>
    </section>
  );
}
