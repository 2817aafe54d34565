// The whole schema history of the renderer's database, append-only. A shipped version(n) is
// never edited: a change is a new version(n+1) with its data changes in .upgrade().
import { Dexie, type EntityTable } from 'dexie';
import type { FeedItem, SourceSpec } from '../../src-shared/model';

/** An item as stored: the feed's item plus where it came from and what the user did with it. */
export interface StoredItem extends FeedItem {
  /** `${sourceId}\u0000${id}`: one item per identity per source. */
  key: string;
  sourceId: string;
  /** The outlet's name as the feed gave it at fetch time. */
  feedTitle: string;
  fetchedAt: string;
  /** 0 or 1: IndexedDB cannot index booleans. */
  read: 0 | 1;
}

export interface StoredSource extends SourceSpec {
  addedAt: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type PressWatchDb = Dexie & {
  sources: EntityTable<StoredSource, 'id'>;
  items: EntityTable<StoredItem, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const DB_NAME = 'presswatch';

export function openDatabase(name: string = DB_NAME): PressWatchDb {
  const db = new Dexie(name) as PressWatchDb;
  db.version(1).stores({
    sources: 'id, group',
    items: 'key, sourceId, publishedAt, [sourceId+publishedAt], read',
    meta: 'key',
  });
  return db;
}

export function itemKey(sourceId: string, itemId: string): string {
  return `${sourceId}\u0000${itemId}`;
}
