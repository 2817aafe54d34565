// Size caps on what one feed may hand to the rest of the app. A feed that lists 50,000 items or
// carries a 40 MB article is broken or hostile; either way the renderer must not store it whole:
// one batch crosses IPC and lands in one Dexie transaction.
import type { FeedItem } from '../../src-shared/model';
import { htmlToText, sanitizeFeedHtml } from './sanitize';

export const ITEM_CAPS = {
  /** Items kept from one fetch; the newest by publication date win. */
  maxItemsPerFeed: 2000,
  /** Characters of `text` and of `contentHtml`, each (1 MiB of UTF-16 code units). */
  maxItemChars: 1024 * 1024,
} as const;

export interface ItemCaps {
  maxItemsPerFeed?: number;
  maxItemChars?: number;
}

/** Keeps at most `maxItemsPerFeed` items (newest first by date, feed order otherwise kept). */
export function capItemCount<T extends FeedItem>(items: T[], warnings: string[], caps: ItemCaps = {}): T[] {
  const max = caps.maxItemsPerFeed ?? ITEM_CAPS.maxItemsPerFeed;
  if (items.length <= max) return items;
  const keep = new Set(
    items
      .map((item, index) => ({ index, time: Date.parse(item.publishedAt) || 0 }))
      // Stable on ties: the earlier position in the feed wins, as feeds list newest first.
      .sort((a, b) => b.time - a.time || a.index - b.index)
      .slice(0, max)
      .map((entry) => entry.index),
  );
  warnings.push(`The feed lists ${items.length} items; kept the newest ${max}`);
  return items.filter((_, index) => keep.has(index));
}

/** Cuts an item's text and markup to `maxItemChars` each; the markup is cut between tags and re-sanitised so it stays well-formed. */
export function capItemSize<T extends FeedItem>(item: T, warnings: string[], caps: ItemCaps = {}): T {
  const max = caps.maxItemChars ?? ITEM_CAPS.maxItemChars;
  if (item.text.length <= max && item.contentHtml.length <= max && item.summary.length <= max) return item;
  const capped = { ...item };
  if (capped.text.length > max) capped.text = capped.text.slice(0, max);
  if (capped.summary.length > max) capped.summary = capped.summary.slice(0, max);
  if (capped.contentHtml.length > max) {
    const cut = capped.contentHtml.slice(0, max);
    const lastTag = cut.lastIndexOf('<');
    // A tag cut in half would otherwise be re-read as text; the sanitiser closes what is left open.
    capped.contentHtml = sanitizeFeedHtml(lastTag > cut.lastIndexOf('>') ? cut.slice(0, lastTag) : cut, null);
    if (!capped.text) capped.text = htmlToText(capped.contentHtml);
  }
  warnings.push(`"${item.title.slice(0, 80)}" is larger than ${formatChars(max)}; kept the first ${formatChars(max)}`);
  return capped;
}

export function capItems<T extends FeedItem>(items: T[], warnings: string[], caps: ItemCaps = {}): T[] {
  return capItemCount(items, warnings, caps).map((item) => capItemSize(item, warnings, caps));
}

function formatChars(chars: number): string {
  return chars >= 1024 * 1024 ? `${Number((chars / 1024 / 1024).toFixed(1))} Mi characters` : chars >= 1024 ? `${Math.round(chars / 1024)} Ki characters` : `${chars} characters`;
}
