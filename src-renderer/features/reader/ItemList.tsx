// The item list: virtualised, and only the rows on screen are read from the database, so a
// hundred thousand stored items cost as much as the twenty visible. Feed strings are text.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../src-shared/query';
import { tagsOf } from '../../db/itemTags';
import type { PressWatchDb, StoredItem, Story, Tag } from '../../db/schema';
import { Highlighted } from '../../search/highlight';
import { formatDateTime } from '../../ui/formatTime';
import { StoryBadge } from '../stories/StoryBadge';
import { sortedTags } from '../tags/sortedTags';

interface ItemListProps {
  db: PressWatchDb;
  keys: string[];
  selectedKey: string | null;
  checked: Set<string>;
  tags: Map<string, Tag>;
  sourceNames: Map<string, string>;
  query: Query | null;
  /** False while only the first page is shown and the full list is still being read. */
  complete: boolean;
  onOpen: (key: string) => void;
  onToggleChecked: (key: string, range: boolean) => void;
  /** Told once the rows on screen have been read (start-up holds the big reads until then). */
  onRowsRead?: () => void;
  /** In stories mode: the story a row stands for (rows of lone items have none). */
  stories?: ReadonlyMap<string, Story>;
}

const ROW_HEIGHT = 68;
/** One empty list for every untagged row, so that sameRow sees no change. */
const NO_TAGS: readonly string[] = [];

export function ItemList({ db, keys, selectedKey, checked, tags, sourceNames, query, complete, onOpen, onToggleChecked, onRowsRead, stories }: ItemListProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: keys.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const rows = virtualizer.getVirtualItems();
  const visibleKeys = rows.map((row) => keys[row.index]!);
  // The rows and their tags in one live query: a tag applied or removed redraws the rows it touches.
  // One read-only transaction per scroll step: outside one, every row's tag read opened a
  // transaction of its own (about thirty per step), which filled the frames while scrolling.
  const visible = useLiveQuery(
    () =>
      db.transaction('r', [db.items, db.itemTags], async () => {
        const [items, tagIds] = await Promise.all([db.items.bulkGet(visibleKeys), tagsOf(db, visibleKeys)]);
        return { items, tagIds };
      }),
    [db, visibleKeys.join('\n')],
  );
  // The first render has no rows yet (the list is not measured): wait for real ones.
  const rowsRead = visible !== undefined && visibleKeys.length > 0;
  useEffect(() => {
    if (rowsRead) onRowsRead?.();
  }, [rowsRead, onRowsRead]);
  const byKey = new Map<string, StoredItem>();
  for (const item of visible?.items ?? []) if (item) byKey.set(item.key, item);

  const selectedIndex = selectedKey ? keys.indexOf(selectedKey) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (keys.length === 0) return <p className="empty-note">{t('items.empty')}</p>;

  return (
    <div ref={scrollRef} className="item-list" role="listbox" aria-label={t('items.list')} aria-multiselectable="true" aria-busy={!complete} tabIndex={0} data-testid="item-list" data-list-state={complete ? 'complete' : 'first-page'}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const key = keys[row.index]!;
          return (
            <ItemRow
              key={key}
              itemKey={key}
              item={byKey.get(key)}
              tagIds={visible?.tagIds.get(key) ?? NO_TAGS}
              top={row.start}
              height={row.size}
              selected={key === selectedKey}
              checked={checked.has(key)}
              story={stories?.get(key)}
              tags={tags}
              sourceNames={sourceNames}
              query={query}
              language={i18n.language}
              onOpen={onOpen}
              onToggleChecked={onToggleChecked}
            />
          );
        })}
      </div>
    </div>
  );
}

interface ItemRowProps {
  itemKey: string;
  /** Undefined while the row is being read. */
  item: StoredItem | undefined;
  /** The ids of the tags the item carries. */
  tagIds: readonly string[];
  top: number;
  height: number;
  selected: boolean;
  checked: boolean;
  story: Story | undefined;
  tags: Map<string, Tag>;
  sourceNames: Map<string, string>;
  query: Query | null;
  /** The UI language (dates are formatted in it). */
  language: string;
  onOpen: (key: string) => void;
  onToggleChecked: (key: string, range: boolean) => void;
}

/**
 * One row. Every scroll step reads the rows on screen again as new objects, so a row is drawn
 * again only when what it shows changed: scrolling then draws the rows that came into view
 * instead of all forty.
 */
const ItemRow = memo(function ItemRow({ itemKey: key, item, tagIds, top, height, selected, checked, story, tags, sourceNames, query, language, onOpen, onToggleChecked }: ItemRowProps) {
  const { t } = useTranslation();
  return (
    <div
      role="option"
      aria-selected={selected}
      data-testid="item-row"
      className={`item-row${selected ? ' selected' : ''}${item && !item.read ? ' unread' : ''}${checked ? ' checked' : ''}`}
      style={{ height, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(key)}
    >
      <input
        type="checkbox"
        className="row-check"
        aria-label={t('items.selectRow', { title: item?.title ?? '' })}
        checked={checked}
        onClick={(event) => {
          event.stopPropagation();
          onToggleChecked(key, event.shiftKey);
        }}
        onChange={() => undefined}
      />
      {item ? (
        <div className="row-body">
          <div className="item-title">
            {item.starred ? <span className="star" aria-hidden="true">★ </span> : null}
            <Highlighted text={item.title} query={query} field="title" language={item.language} />
          </div>
          <div className="item-meta">
            <span className="item-outlet">{sourceNames.get(item.sourceId) ?? item.feedTitle}</span>
            <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, language)}</time>
            {story ? <StoryBadge size={story.size} outlets={story.sourceIds.length} latestPublishedAt={story.latestPublishedAt} /> : null}
            {sortedTags(tagIds, tags).map((tag) => (
              <span key={tag.id} className="tag-chip" style={{ borderColor: tag.color, color: tag.color }}>
                {tag.name}
              </span>
            ))}
            {item.clipped ? <span className="clip-mark">✂</span> : null}
          </div>
        </div>
      ) : (
        <div className="row-body loading-row" />
      )}
    </div>
  );
}, sameRow);

/** What a row shows of its item, compared field by field (the objects are new on every read). */
function sameItem(a: StoredItem | undefined, b: StoredItem | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.key === b.key &&
    a.title === b.title &&
    a.read === b.read &&
    a.starred === b.starred &&
    a.clipped === b.clipped &&
    a.sourceId === b.sourceId &&
    a.feedTitle === b.feedTitle &&
    a.publishedAt === b.publishedAt &&
    a.language === b.language
  );
}

function sameRow(a: ItemRowProps, b: ItemRowProps): boolean {
  return (
    sameItem(a.item, b.item) &&
    a.tagIds.length === b.tagIds.length &&
    a.tagIds.every((id, i) => id === b.tagIds[i]) &&
    a.itemKey === b.itemKey &&
    a.top === b.top &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.checked === b.checked &&
    a.story === b.story &&
    a.tags === b.tags &&
    a.sourceNames === b.sourceNames &&
    a.query === b.query &&
    a.language === b.language &&
    a.onOpen === b.onOpen &&
    a.onToggleChecked === b.onToggleChecked
  );
}
