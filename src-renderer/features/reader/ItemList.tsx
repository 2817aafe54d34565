// The item list: virtualised, so a hundred thousand stored items cost as much as the twenty on
// screen. Feed strings are rendered as text by React, never as markup.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredItem } from '../../db/schema';
import { formatDateTime } from '../../ui/formatTime';

interface ItemListProps {
  items: StoredItem[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const ROW_HEIGHT = 64;

export function ItemList({ items, selectedKey, onSelect }: ItemListProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  if (items.length === 0) return <p className="empty-note">{t('items.empty')}</p>;

  const move = (delta: number) => {
    const index = Math.max(0, Math.min(items.length - 1, items.findIndex((i) => i.key === selectedKey) + delta));
    const next = items[index];
    if (next) {
      onSelect(next.key);
      virtualizer.scrollToIndex(index);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="item-list"
      role="listbox"
      aria-label={t('items.list')}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'j') move(1);
        else if (event.key === 'ArrowUp' || event.key === 'k') move(-1);
        else return;
        event.preventDefault();
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={item.key}
              role="option"
              aria-selected={item.key === selectedKey}
              data-testid="item-row"
              className={`item-row${item.key === selectedKey ? ' selected' : ''}${item.read ? '' : ' unread'}`}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              onClick={() => onSelect(item.key)}
            >
              <div className="item-title">{item.title}</div>
              <div className="item-meta">
                <span className="item-outlet">{item.feedTitle}</span>
                <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, i18n.language)}</time>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
