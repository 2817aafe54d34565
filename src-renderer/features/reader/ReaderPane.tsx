import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../src-shared/diff';
import type { Query } from '../../../src-shared/query';
import { tagsOf } from '../../db/itemTags';
import type { PressWatchDb, Tag } from '../../db/schema';
import { Highlighted, highlightHtml } from '../../search/highlight';
import { formatDateTime } from '../../ui/formatTime';
import { StoryPanel } from '../stories/StoryPanel';
import { sortedTags } from '../tags/sortedTags';
import { applyTag, ensureTag, removeTag } from '../tags/tagActions';
import { TagInput } from '../tags/TagInput';
import { sanitizeForDisplay } from './sanitizeForDisplay';
import { useClipping } from './useClipping';

interface ReaderPaneProps {
  db: PressWatchDb;
  itemKey: string | null;
  tags: Tag[];
  sourceNames: Map<string, string>;
  query: Query | null;
  /** Maps an image's original URL to where the offline copy is served, when there is one. */
  offlineImageUrl: (fileName: string) => string;
  onClip: (keys: string[]) => void;
  /** Opens another item (from the story panel). */
  onOpen: (key: string) => void;
  /** An unread item opened in the reader is on screen, or was left before it was (the app marks it read then). */
  onShown?: (key: string) => void;
}

/** What the outlet changed, word by word: removed words struck out, added ones underlined. */
function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="word-diff">
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'same' ? <span key={index}>{part.text}</span> : part.kind === 'removed' ? <del key={index}>{part.text}</del> : <ins key={index}>{part.text}</ins>,
      )}
    </p>
  );
}

export function ReaderPane({ db, itemKey, tags, sourceNames, query, offlineImageUrl, onClip, onOpen, onShown }: ReaderPaneProps) {
  const { t, i18n } = useTranslation();
  const item = useLiveQuery(() => (itemKey ? db.items.get(itemKey) : undefined), [db, itemKey]);
  // Apart from the item: a tag applied or removed does not read the (large) item again.
  const tagIds = useLiveQuery(async () => (itemKey ? ((await tagsOf(db, [itemKey])).get(itemKey) ?? []) : []), [db, itemKey]) ?? [];
  // Told once per item opened, when it is on screen: a write issued at the click made the
  // item's own read wait for its commit. An item left before its read returned (quick j/k) is
  // told as it is left, so an item passed over is read too.
  const told = useRef<string | null>(null);
  const shown = item !== undefined && item.key === itemKey;
  const alreadyRead = shown && item.read === 1;
  useEffect(() => {
    if (!itemKey || !shown || told.current === itemKey) return;
    told.current = itemKey;
    if (!alreadyRead) onShown?.(itemKey);
  }, [itemKey, shown, alreadyRead, onShown]);
  // Apart, so that it runs only as the item is left: tied to `shown`, its clean-up ran as the item
  // came on screen, before the check above, and told every item, read or not.
  useEffect(() => {
    if (!itemKey) return;
    return () => {
      if (told.current === itemKey) return;
      told.current = itemKey;
      onShown?.(itemKey);
    };
  }, [itemKey, onShown]);
  const { clipping, imageUrls: clippedImages } = useClipping(db, itemKey);
  if (!itemKey || !item) return <p className="empty-note">{t('reader.empty')}</p>;
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  // Kept copies replace the outlet's image addresses (set as DOM attributes by the sanitiser):
  // a clipping's own images first, then the host's image store, so images show on a plane too.
  const displayOptions = { offlineImages: item.offlineImages, offlineImageUrl, clippedImages };
  let body = item.contentHtml ? sanitizeForDisplay(item.contentHtml, displayOptions) : '';
  // The lead image, unless the text already shows it; it goes through the same sanitiser.
  const leadImage =
    item.imageUrl && /^https?:\/\//i.test(item.imageUrl) && !item.contentHtml.includes(item.imageUrl)
      ? sanitizeForDisplay(`<img src="${item.imageUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" alt="">`, displayOptions)
      : '';
  body = highlightHtml(body, query, item.language);
  const safeUrl = item.url && /^https?:\/\//i.test(item.url) ? item.url : null;
  const previous = item.previousVersions?.at(-1);
  return (
    <article className="reader" aria-label={t('reader.region')} data-testid="reader">
      <div className="reader-actions" role="toolbar" aria-label={t('reader.region')}>
        <button type="button" aria-pressed={item.starred === 1} onClick={() => void db.items.update(item.key, { starred: item.starred ? 0 : 1 })}>
          {item.starred ? `★ ${t('reader.unstar')}` : `☆ ${t('reader.star')}`}
        </button>
        <button type="button" onClick={() => void db.items.update(item.key, { read: item.read ? 0 : 1 })}>
          {item.read ? t('reader.markUnread') : t('reader.markRead')}
        </button>
        <button type="button" onClick={() => onClip([item.key])}>
          ✂ {t('reader.clip')}
        </button>
      </div>
      <h1 className="reader-title">
        <Highlighted text={item.title} query={query} field="title" language={item.language} />
      </h1>
      <p className="reader-meta">
        <span className="item-outlet">{sourceNames.get(item.sourceId) ?? item.feedTitle}</span>
        {item.author ? <span> · {t('reader.author', { author: item.author })}</span> : null}
        <span> · </span>
        <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, i18n.language)}</time>
        {item.dateFlag === 'missing' ? <span className="muted"> ({t('reader.dateMissing')})</span> : null}
      </p>
      <div className="reader-tags" data-testid="reader-tags">
        {sortedTags(tagIds, tagById).map((tag) => (
          <span key={tag.id} className="tag-chip" style={{ borderColor: tag.color, color: tag.color }}>
            {tag.name}
            <button type="button" className="chip-remove" aria-label={t('tags.remove', { name: tag.name })} onClick={() => void removeTag(db, [item.key], tag.id)}>
              ×
            </button>
          </span>
        ))}
        <TagInput
          tags={tags}
          inputId="reader-tag-input"
          onApply={async (name) => {
            const tag = await ensureTag(db, name);
            await applyTag(db, [item.key], tag.id);
          }}
        />
      </div>
      {clipping ? (
        <div className="clipping-note" data-testid="clipping-note">
          <p>
            ✂ {t('reader.clippedAt', { time: formatDateTime(clipping.clippedAt, i18n.language) })} · {t(`clip.${clipping.tone}`)}
          </p>
          {clipping.note ? <p className="clipping-text">{clipping.note}</p> : null}
        </div>
      ) : null}
      <StoryPanel db={db} item={item} tags={tags} sourceNames={sourceNames} onOpen={onOpen} onClip={onClip} />
      {previous ? (
        <div className="edit-note" data-testid="edit-note">
          <p>{t('reader.edited', { time: formatDateTime(previous.seenAt, i18n.language) })}</p>
          <WordDiff before={previous.title} after={item.title} />
          {previous.text !== item.text ? <WordDiff before={previous.text} after={item.text} /> : null}
        </div>
      ) : null}
      {safeUrl ? (
        <p>
          <a href={safeUrl} target="_blank" rel="noopener noreferrer">
            {t('reader.openOriginal')}
          </a>
        </p>
      ) : null}
      {leadImage ? <figure className="lead-image" data-testid="lead-image" dangerouslySetInnerHTML={{ __html: leadImage }} /> : null}
      {body ? (
        <div className="reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: body }} />
      ) : (
        <div className="reader-body" data-testid="reader-body">
          {item.text.split('\n').map((paragraph, index) => (
            <p key={index}>
              <Highlighted text={paragraph} query={query} field="text" language={item.language} />
            </p>
          ))}
        </div>
      )}
    </article>
  );
}
