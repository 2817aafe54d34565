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
/** Members read to find the first reports. */
const SAMPLE = 60;

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
  // The story row gives the size, the outlets and the first publisher; the chain reads the first
  // publisher and up to SAMPLE members through the items' storyId index. A story retold thousands
  // of times (a boilerplate match) thus opens as fast as a pair; its chain lists the earliest of
  // those read, and the panel says how many more there are.
  const view = useLiveQuery(async () => {
    if (!item.storyId) return null;
    const story = await db.stories.get(item.storyId);
    if (!story || story.size < 2) return null;
    const [first, sample] = await Promise.all([db.items.get(story.firstItemKey), db.items.where('storyId').equals(story.id).limit(SAMPLE).toArray()]);
    const members = first && !sample.some((m) => m.key === first.key) ? [first, ...sample] : sample;
    members.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.key < b.key ? -1 : 1));
    return { storyId: story.id, size: story.size, members: members.slice(0, SHOWN), outlets: story.sourceIds.length };
  }, [db, item.storyId]);
  if (!view) return null;
  const { storyId, size, members } = view;
  const allKeys = async () => (await db.items.where('storyId').equals(storyId).primaryKeys()) as string[];
  const outlet = (m: StoredItem) => sourceNames.get(m.sourceId) ?? m.feedTitle;
  const shown = members;
  return (
    <section className="story-panel" aria-label={t('stories.panel')} data-testid="story-panel">
      <h2>
        {t('stories.panel')}{' '}
        <StoryBadge size={size} outlets={view.outlets} />
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
      {size > shown.length ? <p className="muted small">{t('stories.more', { count: size - shown.length })}</p> : null}
      <div className="story-actions" role="group" aria-label={t('stories.tagAll')}>
        <span>{t('stories.tagAll')}:</span>
        <TagInput
          tags={tags}
          inputId="story-tag-input"
          onApply={async (name) => {
            const tag = await ensureTag(db, name);
            await applyTag(db, await allKeys(), tag.id);
          }}
        />
        <button type="button" onClick={() => void allKeys().then(onClip)}>
          ✂ {t('stories.clipAll')}
        </button>
      </div>
    </section>
  );
}
