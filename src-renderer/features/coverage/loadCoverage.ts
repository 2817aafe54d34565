// Reads what the coverage figures need through Dexie's indexes. Counting never loads an item:
// each bucket is one key-only read of the publishedAt index, and the outlet is the first part of
// the item's key (`${sourceId}\u0000${id}`). Only the top stories and the clippings' tones read
// records, in chunks, keeping a few fields of each.
import { keysWithTag } from '../../db/itemTags';
import type { PressWatchDb, StoredItem, Tone } from '../../db/schema';
import { SearchEngine } from '../../search/runSearch';
import { bucketIndex, bucketsFor, dayOf, type Bucket, type BucketUnit } from './buckets';
import { outletShares, tally, toneBreakdown, topStories, type Placed, type Series, type Share, type Story, type StoryRecord, type ToneBreakdown } from './figures';

export type CoverageScope =
  | { kind: 'all' }
  | { kind: 'tag'; tagId: string }
  | { kind: 'topic'; topicId: string }
  | { kind: 'collection'; collectionId: string }
  | { kind: 'search'; query: string };

export interface CoverageRange {
  /** Inclusive days in the reader's zone, YYYY-MM-DD. */
  from: string;
  to: string;
  timeZone: string;
}

export interface CoverageFigures {
  buckets: Bucket[];
  unit: BucketUnit;
  series: Series;
  shares: Share[];
  tone: ToneBreakdown;
  /** Keys of the items counted (for the top stories); empty for a collection, whose clippings carry their items. */
  keys: string[];
  /** Outlet names by sourceId. */
  outletNames: Record<string, string>;
  /** Set for a collection: the clippings' frozen items stand in for stored items. */
  records?: StoryRecord[];
}

const CHUNK = 500;

export const sourceIdOfKey = (key: string): string => key.slice(0, Math.max(0, key.indexOf('\u0000')));

/** The item keys a scope covers, or null for everything stored. Throws on a malformed query. */
async function scopeKeys(db: PressWatchDb, scope: CoverageScope): Promise<Set<string> | null> {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'tag':
      return new Set(await keysWithTag(db, scope.tagId));
    case 'topic': {
      const topic = await db.topics.get(scope.topicId);
      return topic ? searchKeys(db, topic.query) : new Set();
    }
    case 'search':
      return scope.query.trim() ? searchKeys(db, scope.query) : null;
    case 'collection':
      throw new Error('a collection is read from its clippings');
  }
}

async function searchKeys(db: PressWatchDb, query: string): Promise<Set<string>> {
  const outcome = await new SearchEngine(db).search(query);
  if (!outcome.ok) throw new CoverageQueryError(outcome.error.message);
  return outcome.keys;
}

export class CoverageQueryError extends Error {}

async function outletNamesOf(db: PressWatchDb): Promise<Record<string, string>> {
  return Object.fromEntries((await db.sources.toArray()).map((s) => [s.id, s.name]));
}

export async function loadCoverage(db: PressWatchDb, scope: CoverageScope, range: CoverageRange, unit?: BucketUnit): Promise<CoverageFigures> {
  const buckets = bucketsFor(range.from, range.to, range.timeZone, unit);
  const resolvedUnit: BucketUnit = buckets[0]?.hour === null ? 'day' : 'hour';
  const outletNames = await outletNamesOf(db);
  if (scope.kind === 'collection') return collectionCoverage(db, scope.collectionId, buckets, resolvedUnit, outletNames);

  const wanted = await scopeKeys(db, scope);
  const placed: Placed[] = [];
  const keys: string[] = [];
  for (const [index, bucket] of buckets.entries()) {
    const inBucket = (await db.items.where('publishedAt').between(bucket.start, bucket.end, true, false).primaryKeys()) as string[];
    for (const key of inBucket) {
      if (wanted && !wanted.has(key)) continue;
      placed.push({ bucket: index, sourceId: sourceIdOfKey(key) });
      keys.push(key);
    }
  }
  const series = tally(placed, buckets);
  const tones: Tone[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    for (const clip of await db.clippings.where('itemKey').anyOf(keys.slice(i, i + CHUNK)).toArray()) tones.push(clip.tone);
  }
  return { buckets, unit: resolvedUnit, series, shares: outletShares(series), tone: toneBreakdown(tones), keys, outletNames };
}

/** A collection's coverage comes from its clippings: they outlive the items they were made of. */
async function collectionCoverage(db: PressWatchDb, collectionId: string, buckets: Bucket[], unit: BucketUnit, outletNames: Record<string, string>): Promise<CoverageFigures> {
  const clips = await db.clippings.where('collectionIds').equals(collectionId).toArray();
  const placed: Placed[] = [];
  const tones: Tone[] = [];
  const records: StoryRecord[] = [];
  const seen = new Set<string>();
  for (const clip of clips) {
    const bucket = bucketIndex(clip.item.publishedAt, buckets);
    if (bucket < 0) continue;
    tones.push(clip.tone);
    // One item clipped twice into the collection is still one item of coverage.
    if (seen.has(clip.itemKey)) continue;
    seen.add(clip.itemKey);
    placed.push({ bucket, sourceId: clip.item.sourceId });
    records.push(storyRecordOf(clip.item));
    outletNames[clip.item.sourceId] ??= clip.item.feedTitle;
  }
  const series = tally(placed, buckets);
  return { buckets, unit, series, shares: outletShares(series), tone: toneBreakdown(tones), keys: [], outletNames, records };
}

function storyRecordOf(item: StoredItem): StoryRecord {
  // storyId is read defensively: items stored before stories existed have none.
  const storyId = (item as StoredItem & { storyId?: unknown }).storyId;
  return { key: item.key, sourceId: item.sourceId, publishedAt: item.publishedAt, title: item.title, storyId };
}

/**
 * The most widely carried stories among the counted items. Where the schema indexes `storyId`,
 * stories are read from that index (keys only) and only the leading stories' items are loaded;
 * otherwise every counted item is read, in chunks, for a `storyId` it may carry.
 */
export async function loadTopStories(db: PressWatchDb, figures: CoverageFigures, limit = 10, signal?: AbortSignal): Promise<Story[]> {
  if (figures.records) return topStories(figures.records, limit);
  if (db.items.schema.idxByName.storyId) return topStoriesByIndex(db, figures.keys, limit, signal);
  const records: StoryRecord[] = [];
  for (let i = 0; i < figures.keys.length; i += CHUNK) {
    if (signal?.aborted) throw abortError();
    const items = await db.items.bulkGet(figures.keys.slice(i, i + CHUNK));
    for (const item of items) if (item) records.push(storyRecordOf(item));
  }
  return topStories(records, limit);
}

const abortError = () => new DOMException('cancelled', 'AbortError');

async function topStoriesByIndex(db: PressWatchDb, keys: string[], limit: number, signal?: AbortSignal): Promise<Story[]> {
  const counted = new Set(keys);
  const storyOfKey = new Map<string, string>();
  await db.items.orderBy('storyId').eachKey((storyId, cursor) => {
    const key = cursor.primaryKey as string;
    if (typeof storyId === 'string' && storyId !== '' && counted.has(key)) storyOfKey.set(key, storyId);
  });
  if (signal?.aborted) throw abortError();
  // Rank on what the keys tell (outlets, items). The keys come in date order, so stories are met
  // in the order of their first item, and the stable sort keeps that order among equals: the
  // order topStories() gives, without reading the items of stories that do not make the cut.
  const members = new Map<string, string[]>();
  for (const key of keys) {
    const story = storyOfKey.get(key) ?? key;
    const list = members.get(story);
    if (list) list.push(key);
    else members.set(story, [key]);
  }
  const outletsOf = (list: string[]) => new Set(list.map(sourceIdOfKey)).size;
  const leading = [...members.values()].map((list) => ({ list, outlets: outletsOf(list) })).sort((a, b) => b.outlets - a.outlets || b.list.length - a.list.length);
  const chosen = leading.slice(0, limit);
  const records: StoryRecord[] = [];
  const wanted = chosen.flatMap((s) => s.list);
  for (let i = 0; i < wanted.length; i += CHUNK) {
    if (signal?.aborted) throw abortError();
    for (const item of await db.items.bulkGet(wanted.slice(i, i + CHUNK))) if (item) records.push(storyRecordOf(item));
  }
  return topStories(records, limit);
}

/** The newest day with an item in scope, to open the view on the latest coverage. */
export async function newestDay(db: PressWatchDb, scope: CoverageScope, timeZone: string): Promise<string | null> {
  let newest: string | undefined;
  if (scope.kind === 'collection') {
    for (const clip of await db.clippings.where('collectionIds').equals(scope.collectionId).toArray()) if (!newest || clip.item.publishedAt > newest) newest = clip.item.publishedAt;
  } else {
    let wanted: Set<string> | null;
    try {
      wanted = await scopeKeys(db, scope);
    } catch {
      return null;
    }
    if (wanted === null) newest = (await db.items.orderBy('publishedAt').last())?.publishedAt;
    else if (wanted.size > 0) {
      // The index in date order, keys only (one read, as the item list does), then one item.
      const ordered = (await db.items.orderBy('publishedAt').primaryKeys()) as string[];
      for (let i = ordered.length - 1; i >= 0; i--) {
        if (wanted.has(ordered[i]!)) {
          newest = (await db.items.get(ordered[i]!))?.publishedAt;
          break;
        }
      }
    }
  }
  return newest ? dayOf(Date.parse(newest), timeZone) : null;
}
