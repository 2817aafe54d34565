// The band index of the newest stored items, held in memory. Grouping an arrival reads no row:
// its candidates come from here, and only its own print and its story's row are written. (Band
// rows kept in the database, version 3, cost more than everything else ingest did: each arrival
// rewrote its twenty-odd band rows.) The index is rebuilt from the stored prints when the
// database is opened, so grouping survives a restart; the rebuild reads the newest prints only,
// since a story is never grouped across more than the grouper's window (72 h).
import { rebuildBandKeys, type Fingerprint, type GroupedItem } from '../../src-shared/similarity';
import type { StoryPrint } from './stories';

/**
 * Items held at most: about three days of a large press office's sources, the grouper's window.
 * Each takes about 1.5 KB here. An arrival older than every item held starts its own story.
 */
export const STORY_MEMORY_ITEMS = 20_000;

/**
 * Items kept per band key, newest by arrival. A band shared by hundreds of items (boilerplate, a
 * name in every report) says little, and an arrival looks at only a few dozen items across its
 * twenty-odd bands, the newest of each in turn.
 */
export const BAND_LIMIT = 16;

/** An item held, as the grouper takes a candidate (`id` is the item key). */
export interface HeldPrint extends GroupedItem {
  /** publishedAt in ms, compared for every candidate. */
  time: number;
}

export class StoryMemory {
  /** By key, in arrival order: the first entry is the one to let go when full. */
  private readonly prints = new Map<string, HeldPrint>();
  private readonly bands = new Map<string, string[]>();

  constructor(private readonly capacity = STORY_MEMORY_ITEMS) {}

  get size(): number {
    return this.prints.size;
  }

  get(key: string): HeldPrint | undefined {
    return this.prints.get(key);
  }

  /** The items under a band key, oldest first (at most {@link BAND_LIMIT}). */
  band(band: string): readonly string[] {
    return this.bands.get(band) ?? [];
  }

  add(print: GroupedItem): void {
    if (this.prints.has(print.id)) this.forget([print.id]);
    this.prints.set(print.id, { ...print, time: Date.parse(print.publishedAt) });
    for (const band of print.fingerprint.bands) {
      const list = this.bands.get(band);
      if (!list) this.bands.set(band, [print.id]);
      else {
        list.push(print.id);
        if (list.length > BAND_LIMIT) list.splice(0, list.length - BAND_LIMIT);
      }
    }
    if (this.prints.size > this.capacity) this.forget([this.prints.keys().next().value!]);
  }

  /** Lets items go (removed from the database, or the oldest when full). */
  forget(keys: Iterable<string>): void {
    for (const key of keys) {
      const print = this.prints.get(key);
      if (!print) continue;
      this.prints.delete(key);
      for (const band of print.fingerprint.bands) {
        const list = this.bands.get(band);
        if (!list) continue;
        const at = list.indexOf(key);
        if (at >= 0) list.splice(at, 1);
        if (list.length === 0) this.bands.delete(band);
      }
    }
  }
}

/** A stored print as held: prints written before version 4 carry no band keys, so theirs are rebuilt. */
export function heldPrintOf(row: StoryPrint): GroupedItem {
  const fingerprint: Fingerprint = row.fp.bands ? (row.fp as Fingerprint) : { ...row.fp, bands: rebuildBandKeys(row.fp) };
  return { id: row.key, storyId: row.storyId, publishedAt: row.publishedAt, fingerprint };
}

/** The memory rebuilt from stored prints (the newest by publication, added oldest first). */
export function memoryFromPrints(newestFirst: readonly StoryPrint[], capacity = STORY_MEMORY_ITEMS): StoryMemory {
  const memory = new StoryMemory(capacity);
  for (let i = Math.min(newestFirst.length, capacity) - 1; i >= 0; i--) memory.add(heldPrintOf(newestFirst[i]!));
  return memory;
}
