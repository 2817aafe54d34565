// What the item list shows: the newest first, narrowed by the sidebar, the filters and the
// search box. Every narrowing is a set of primary keys read from an index, so 100,000 stored
// items cost index reads and set intersections, never loading the items themselves.
import type { QueryError } from '../../src-shared/query';
import { keysWithTag } from '../db/itemTags';
import { itemsOfSource, type PressWatchDb } from '../db/schema';
import { SearchEngine } from '../search/runSearch';

export type ListView = 'all' | 'unread' | 'starred' | 'clipped';

export interface ListFilter {
  view: ListView;
  sourceId: string | null;
  group: string | null;
  tagId: string | null;
  collectionId: string | null;
  /** Inclusive days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  query: string;
  /** By publication time: the newest first (the morning scan) or the oldest first (a story's course). */
  order: 'newest' | 'oldest';
}

export const emptyFilter: ListFilter = { view: 'all', sourceId: null, group: null, tagId: null, collectionId: null, from: null, to: null, query: '', order: 'newest' };

export type ListResult = { keys: string[]; error: null } | { keys: string[]; error: QueryError };

/**
 * Every item key, oldest first, as of one list revision (App counts one for every change of the
 * items). Read once per revision: reading 100,000 keys takes most of a second, and typing a
 * search re-filters the same order on every key stroke.
 */
let timeOrder: { db: PressWatchDb; revision: number; keys: Promise<string[]> } | null = null;

function keysOldestFirst(db: PressWatchDb, revision: number): Promise<string[]> {
  if (timeOrder?.db !== db || timeOrder.revision !== revision) {
    const keys = db.items.orderBy('publishedAt').primaryKeys() as Promise<string[]>;
    timeOrder = { db, revision, keys };
    keys.catch(() => {
      if (timeOrder?.keys === keys) timeOrder = null;
    });
  }
  return timeOrder.keys;
}

/** `revision`: the caller's count of item changes; the time order is read again only when it moves. */
export async function listKeys(db: PressWatchDb, filter: ListFilter, revision: number): Promise<ListResult> {
  const narrowing: Array<Promise<Set<string>>> = [];
  const keysOf = async (promise: Promise<unknown[]>) => new Set((await promise) as string[]);
  if (filter.view === 'unread') narrowing.push(keysOf(db.items.where('read').equals(0).primaryKeys()));
  if (filter.view === 'starred') narrowing.push(keysOf(db.items.where('starred').equals(1).primaryKeys()));
  if (filter.view === 'clipped') narrowing.push(keysOf(db.items.where('clipped').equals(1).primaryKeys()));
  if (filter.sourceId) narrowing.push(keysOf(itemsOfSource(db, filter.sourceId).primaryKeys()));
  if (filter.group !== null) {
    const ids = (await db.sources.where('group').equals(filter.group).primaryKeys()) as string[];
    narrowing.push(Promise.all(ids.map((id) => itemsOfSource(db, id).primaryKeys())).then((lists) => new Set(lists.flat() as string[])));
  }
  if (filter.tagId) narrowing.push(keysOf(keysWithTag(db, filter.tagId)));
  if (filter.collectionId) {
    narrowing.push(db.clippings.where('collectionIds').equals(filter.collectionId).toArray().then((clips) => new Set(clips.map((c) => c.itemKey))));
  }
  let error: QueryError | null = null;
  if (filter.query.trim()) {
    narrowing.push(
      new SearchEngine(db).search(filter.query).then((outcome) => {
        if (outcome.ok) return outcome.keys;
        error = outcome.error;
        return new Set<string>();
      }),
    );
  }
  // Read in index order and reverse in memory: a forward read is one getAllKeys() call, while a
  // reversed one walks a cursor item by item (seconds at 100,000 items).
  const forwardKeys =
    filter.from || filter.to
      ? (db.items.where('publishedAt').between(filter.from ?? '', filter.to ? `${filter.to}\uffff` : '\uffff', true, true).primaryKeys() as Promise<string[]>)
      : keysOldestFirst(db, revision);
  const [forward, ...sets] = await Promise.all([forwardKeys, ...narrowing]);
  // One pass in the order asked for; the read may be shared, so it is never handed out itself.
  const keys: string[] = [];
  const step = filter.order === 'oldest' ? 1 : -1;
  next: for (let i = step > 0 ? 0 : forward.length - 1; i >= 0 && i < forward.length; i += step) {
    const key = forward[i]!;
    for (const set of sets) if (!set.has(key)) continue next;
    keys.push(key);
  }
  return error ? { keys, error } : { keys, error: null };
}

export function isUnfiltered(filter: ListFilter): boolean {
  return filter.order === 'newest' && filter.view === 'all' && !filter.sourceId && filter.group === null && !filter.tagId && !filter.collectionId && !filter.from && !filter.to && !filter.query.trim();
}

/**
 * The newest items: one small read, for the first paint of a large archive. The total waits for
 * the full list, because counting 100,000 items walks them all (most of a second in Chromium).
 */
export async function firstPage(db: PressWatchDb, size = 100): Promise<{ keys: string[] }> {
  return { keys: (await db.items.orderBy('publishedAt').reverse().limit(size).primaryKeys()) as string[] };
}
