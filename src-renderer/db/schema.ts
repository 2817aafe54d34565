// The whole schema history of the renderer's database, append-only. A shipped version(n) is
// never edited: a change is a new version(n+1) with its data changes in .upgrade().
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { FeedItem, SourceSpec } from '../../src-shared/model';
import { indexTerms, indexTermsWithForms } from '../../src-shared/text';
import { movePrintRowsIntoGroups, printRowSink, type PrintGroupTable } from './printGroups';
import { StoryMemory } from './storyMemory';
import { assignStories, forgetStoryMemory, storyMemoryOf, type Story, type StoryPrint, type StoryTables } from './stories';

export type { Story, StoryPrint } from './stories';

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
  starred: 0 | 1;
  /** 1 while at least one clipping was made of this item: clean-up never removes it. */
  clipped: 0 | 1;
  /** Earlier versions when the outlet edited the title or text under the same identity. */
  previousVersions?: Array<{ title: string; text: string; seenAt: string }>;
  /** The story the item tells (version 3): set when it is stored, never changed by an edit. */
  storyId?: string;
}

export interface StoredSource extends SourceSpec {
  addedAt: string;
}

export interface Tag {
  id: string;
  name: string;
  /** A CSS colour, e.g. #1558b0. */
  color: string;
}

export type Tone = 'positive' | 'neutral' | 'negative';

/** An item kept on purpose: a frozen copy that outlives the item and any later edit of it. */
export interface Clipping {
  id: string;
  itemKey: string;
  clippedAt: string;
  /** The item exactly as it was when clipped (clippings made before version 5 also kept the item's tagIds). */
  item: StoredItem;
  note: string;
  tone: Tone;
  tagIds: string[];
  collectionIds: string[];
  /** Images of the item at clipping time, kept in the database (original URL -> bytes). */
  images: Record<string, Blob>;
}

export interface Collection {
  id: string;
  name: string;
  createdAt: string;
}

/** A saved query: tags what it matches, optionally within a date window, optionally alerts. */
export interface Topic {
  id: string;
  name: string;
  query: string;
  tagId: string | null;
  /** ISO dates (inclusive) or null for open-ended. */
  from: string | null;
  to: string | null;
  alert: boolean;
  createdAt: string;
}

/**
 * One slice of the search index: the items of one indexing chunk that carry `term`. Rows are
 * only ever appended (one per term per chunk of up to a few thousand items), which costs a few
 * rows per item instead of a hundred index entries per item; a look-up reads every row of a term
 * and unions them. Keys of items since removed are dropped when results meet the item table.
 */
export interface Posting {
  id?: number;
  term: string;
  keys: string[];
}

/**
 * Items stored but not yet in the search index (the indexer takes them in large chunks): one row
 * per write, holding the keys it stored (search/pendingQueue.ts). Rows written before that held
 * one item's key as their own key and no `keys`.
 */
export interface PendingIndex {
  key: string;
  keys?: string[];
}

/** One tag applied to one item (version 5): the only record of which items carry which tag. */
export interface ItemTag {
  tagId: string;
  itemKey: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type PressWatchDb = Dexie & {
  sources: EntityTable<StoredSource, 'id'>;
  items: EntityTable<StoredItem, 'key'>;
  tags: EntityTable<Tag, 'id'>;
  clippings: EntityTable<Clipping, 'id'>;
  collections: EntityTable<Collection, 'id'>;
  topics: EntityTable<Topic, 'id'>;
  postings: EntityTable<Posting, 'id'>;
  pendingIndex: EntityTable<PendingIndex, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  stories: EntityTable<Story, 'id'>;
  /** Prints a row each, as versions 3 to 5 kept them: empty once moved into printGroups. */
  storyPrints: EntityTable<StoryPrint, 'key'>;
  printGroups: PrintGroupTable;
  itemTags: Table<ItemTag, [string, string]>;
};

export const DB_NAME = 'presswatch';

/** Version 1, as shipped: kept so that tests can write a database the way it wrote one. */
export function defineVersion1(db: Dexie): void {
  db.version(1).stores({
    sources: 'id, group',
    items: 'key, sourceId, publishedAt, [sourceId+publishedAt], read',
    meta: 'key',
  });
}

/** Version 2, as shipped: kept apart so that tests can write a database the way it wrote one. */
export function defineVersion2(db: Dexie): void {
  // Version 2: the desk and search. Items gain user state and tags; search terms go to postings.
  db.version(2)
    .stores({
      items: 'key, sourceId, publishedAt, [sourceId+publishedAt], fetchedAt, read, starred, clipped, *tagIds, language',
      postings: '++id, term',
      pendingIndex: 'key',
      tags: 'id, &name',
      clippings: 'id, itemKey, clippedAt, *collectionIds, *tagIds',
      collections: 'id, name',
      topics: 'id, name',
    })
    .upgrade(upgradeItemsToVersion2);
}

/** Version 3, as shipped: kept apart so that tests can write a database the way it wrote one. */
export function defineVersion3(db: Dexie): void {
  // Version 3: stories. Items gain their story; the band index and each item's fingerprint are
  // kept so that grouping an arrival reads a few rows, today and after a restart.
  db.version(3)
    .stores({
      items: 'key, sourceId, publishedAt, [sourceId+publishedAt], fetchedAt, read, starred, clipped, *tagIds, language, storyId',
      stories: 'id, size, latestPublishedAt',
      storyBands: 'band',
      storyPrints: 'key, storyId',
    })
    // Groups with today's code: the rows it writes are what version 4's upgrade expects.
    .upgrade(groupStoredItems);
}

/** Version 4, as shipped: kept apart so that tests can write a database the way it wrote one. */
export function defineVersion4(db: Dexie): void {
  // Version 4: the band index lives in memory, rebuilt from the prints (which now keep their
  // band keys, found by publication time); story rows no longer list their members, which the
  // items' storyId index finds.
  db.version(4)
    .stores({
      storyBands: null,
      storyPrints: 'key, storyId, publishedAt',
    })
    .upgrade(dropStoryMemberLists);
}

/** Version 5, as shipped: kept apart so that tests can write a database the way it wrote one. */
export function defineVersion5(db: Dexie): void {
  // Version 5: applied tags move out of the items into rows of their own. Tagging 70,000 items
  // then writes 70,000 tiny rows instead of rewriting 70,000 large items with eleven indexes.
  db.version(5)
    .stores({
      items: 'key, sourceId, publishedAt, [sourceId+publishedAt], fetchedAt, read, starred, clipped, language, storyId',
      itemTags: '[tagId+itemKey], itemKey',
    })
    .upgrade(moveItemTagsToTable);
}

/** Every shipped version's definition, oldest first. */
const SHIPPED_VERSIONS = [defineVersion1, defineVersion2, defineVersion3, defineVersion4, defineVersion5];

/** A database opened the way version `version` of the app opened it (for upgrade tests). */
export async function openAsShippedVersion(name: string, version: number): Promise<Dexie> {
  const db = new Dexie(name);
  for (const define of SHIPPED_VERSIONS.slice(0, version)) define(db);
  await db.open();
  return db;
}

/** The items table's indexes as the current version declares them (the bench stores rows into them alone). */
export const ITEMS_SCHEMA = 'key, publishedAt, [sourceId+publishedAt], fetchedAt, read, starred, clipped, storyId';

/** A source's items, through the [sourceId+publishedAt] index (there is no sourceId index of its own). */
export function itemsOfSource(db: PressWatchDb, sourceId: string) {
  return db.items.where('[sourceId+publishedAt]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);
}

export function openDatabase(name: string = DB_NAME): PressWatchDb {
  const db = new Dexie(name) as PressWatchDb;
  for (const define of SHIPPED_VERSIONS) define(db);
  // Version 6: story prints are kept a row per write instead of a row per item (printGroups.ts).
  // The old table stays, by publication time only, for the upgrade and for restored older backups.
  // Items lose two indexes: language (read by nothing) and sourceId ([sourceId+publishedAt]
  // answers it). Each index entry is paid on every item stored.
  db.version(6)
    .stores({
      items: ITEMS_SCHEMA,
      storyPrints: 'key, publishedAt',
      printGroups: '++id, newest, *keys',
    })
    .upgrade((tx) => movePrintRowsIntoGroups(tx.table('storyPrints'), tx.table('printGroups')));
  return db;
}

/** An item as versions 2 to 4 stored it, and as backups written by them hold it. */
export type ItemWithTagIds = StoredItem & { tagIds?: string[] };

/** The itemTags rows for items that still list their tags (duplicates and empty ids left out). */
export function itemTagRowsOf(items: Iterable<ItemWithTagIds>): ItemTag[] {
  const rows: ItemTag[] = [];
  for (const item of items) for (const tagId of new Set(item.tagIds ?? [])) if (tagId) rows.push({ tagId, itemKey: item.key });
  return rows;
}

/** Version 5's upgrade: every item's tagIds become itemTags rows, and the field goes. */
async function moveItemTagsToTable(tx: Transaction): Promise<void> {
  const rows: ItemTag[] = [];
  await tx
    .table('items')
    .toCollection()
    .modify((item: ItemWithTagIds) => {
      rows.push(...itemTagRowsOf([item]));
      delete item.tagIds;
    });
  await tx.table('itemTags').bulkPut(rows);
}

/** Items grouped per step: bounds memory at 100,000 stored items. */
const GROUP_CHUNK = 500;

/** Groups these items (oldest first), a chunk at a time, with the given tables (a transaction's). */
async function groupItems(items: Pick<EntityTable<StoredItem, 'key'>, 'bulkGet' | 'bulkPut'>, tables: StoryTables, memory: StoryMemory, keys: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  for (let from = 0; from < keys.length; from += GROUP_CHUNK) {
    const chunk = (await items.bulkGet(keys.slice(from, from + GROUP_CHUNK))).filter((item): item is StoredItem => item !== undefined && !item.storyId);
    const assigned = await assignStories(tables, memory, chunk, now);
    await items.bulkPut(chunk.map((item) => ({ ...item, storyId: assigned.get(item.key)! })));
  }
}

/** Groups every item stored before version 3, inside the upgrade (no print is stored yet). */
async function groupStoredItems(tx: Transaction): Promise<void> {
  const items = tx.table('items') as EntityTable<StoredItem, 'key'>;
  const tables = { stories: tx.table('stories') as EntityTable<Story, 'id'>, printGroups: printRowSink(tx.table('storyPrints')), items };
  await groupItems(items, tables, new StoryMemory(), (await items.orderBy('publishedAt').primaryKeys()) as string[]);
}

/** Version 4's upgrade: story rows lose their member lists (version 3 kept every member's key). */
async function dropStoryMemberLists(tx: Transaction): Promise<void> {
  await tx
    .table('stories')
    .toCollection()
    .modify((story: Story & { itemKeys?: string[] }) => {
      delete story.itemKeys;
    });
}

/**
 * Groups items that have no story: those of a backup written before version 3, restored into
 * this one. One transaction per chunk, so a large restore does not hold the database for long.
 */
export async function groupItemsWithoutStory(db: PressWatchDb): Promise<number> {
  // The story tables may have just been replaced: the memory is rebuilt from what is stored now.
  forgetStoryMemory(db);
  const [all, grouped] = await Promise.all([db.items.orderBy('publishedAt').primaryKeys(), db.items.orderBy('storyId').primaryKeys()]);
  const has = new Set(grouped as string[]);
  const missing = (all as string[]).filter((key) => !has.has(key));
  for (let from = 0; from < missing.length; from += GROUP_CHUNK) {
    const chunk = missing.slice(from, from + GROUP_CHUNK);
    // An async callback: Dexie keeps the transaction across native awaits only inside one.
    try {
      const memory = await storyMemoryOf(db);
      await db.transaction('rw', [db.items, db.stories, db.printGroups], async () => {
        await groupItems(db.items, db, memory, chunk);
      });
    } catch (error) {
      forgetStoryMemory(db);
      throw error;
    }
  }
  return missing.length;
}

async function upgradeItemsToVersion2(tx: Transaction): Promise<void> {
  const indexed: Array<{ key: string; terms: string[] }> = [];
  await tx
    .table('items')
    .toCollection()
    .modify((item: ItemWithTagIds) => {
      item.starred ??= 0;
      item.clipped ??= 0;
      item.tagIds ??= [];
      indexed.push({ key: item.key, terms: searchTermsOf(item) });
    });
  await tx.table('postings').bulkAdd(postingsOf(indexed));
}

/** Title terms are indexed a second time under this prefix, so `title:` is answered by the index. */
export const TITLE_TERM_PREFIX = 't:';

/** Every search key of an item: its content's terms, and its title's terms again as title keys. */
export function searchTermsOf(item: { title: string; summary: string; text: string; language: string | null }): string[] {
  const content = indexTermsWithForms({ title: item.title, summary: item.summary, text: item.text, language: item.language });
  const title = indexTerms({ title: item.title, summary: '', text: '', language: item.language }).map((key) => TITLE_TERM_PREFIX + key);
  return [...content, ...title];
}

/** Posting rows for a set of items: one row per distinct term. */
export function postingsOf(items: Array<{ key: string; terms: string[] }>): Posting[] {
  const byTerm = new Map<string, string[]>();
  for (const { key, terms } of items) {
    for (const term of terms) {
      const keys = byTerm.get(term);
      if (keys) keys.push(key);
      else byTerm.set(term, [key]);
    }
  }
  return [...byTerm].map(([term, keys]) => ({ term, keys }));
}

export function itemKey(sourceId: string, itemId: string): string {
  return `${sourceId}\u0000${itemId}`;
}
