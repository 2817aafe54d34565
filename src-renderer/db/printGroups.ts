// Story prints as stored from version 6 on: the prints one write made, kept together in one row.
// IndexedDB pays a fixed cost per record written; a print per row (versions 3 to 5) cost storing
// more than the items themselves, while a row of a few hundred prints costs about as much as one
// item. Rows are found by their newest print (the memory's rebuild reads the newest prints) and
// by the keys they hold (a clean-up takes removed items' prints out).
import type { EntityTable } from 'dexie';
import type { StoryPrint } from './stories';

export interface PrintGroup {
  id?: number;
  /** The latest `publishedAt` among the prints. */
  newest: string;
  /** The prints' item keys, in a multi-entry index. */
  keys: string[];
  prints: StoryPrint[];
}

/** Prints per row at most: a group is read whole, so a huge batch is split. */
export const PRINTS_PER_GROUP = 500;

export type PrintGroupTable = EntityTable<PrintGroup, 'id'>;

/** The rows that hold these prints, newest first within each. */
export function printGroupsOf(prints: readonly StoryPrint[]): PrintGroup[] {
  const groups: PrintGroup[] = [];
  for (let from = 0; from < prints.length; from += PRINTS_PER_GROUP) {
    const slice = prints.slice(from, from + PRINTS_PER_GROUP);
    let newest = slice[0]!.publishedAt;
    for (const print of slice) if (print.publishedAt > newest) newest = print.publishedAt;
    groups.push({ newest, keys: slice.map((print) => print.key), prints: slice });
  }
  return groups;
}

/** Where grouping writes the prints it makes: the groups table, or (in version 3's upgrade) a row per print. */
export interface PrintSink {
  bulkAdd(groups: PrintGroup[]): Promise<unknown>;
}

/** Version 3 to 5's storage, one row per print: what version 3's upgrade still writes. */
export function printRowSink(rows: EntityTable<StoryPrint, 'key'>): PrintSink {
  return { bulkAdd: (groups) => rows.bulkPut(groups.flatMap((group) => group.prints)) };
}

const newestFirst = (a: StoryPrint, b: StoryPrint) => (a.publishedAt > b.publishedAt ? -1 : a.publishedAt < b.publishedAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The `limit` newest prints by publication, newest first. Rows are read newest row first, and
 * only until no further row can hold a print newer than the `limit`-th found so far.
 */
export async function newestPrints(groups: PrintGroupTable, limit: number): Promise<StoryPrint[]> {
  let found: StoryPrint[] = [];
  let floor: string | null = null;
  await groups
    .orderBy('newest')
    .reverse()
    .until((group) => floor !== null && group.newest < floor)
    .each((group) => {
      found.push(...group.prints);
      if (found.length >= limit) {
        found = found.sort(newestFirst).slice(0, limit);
        floor = found[limit - 1]!.publishedAt;
      }
    });
  return found.sort(newestFirst);
}

/** Takes these items' prints out of the rows that hold them; a row left empty goes. */
export async function removePrints(groups: PrintGroupTable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const removed = new Set(keys);
  const rows = await groups.where('keys').anyOf([...removed]).distinct().toArray();
  const emptied: number[] = [];
  const kept: PrintGroup[] = [];
  for (const row of rows) {
    const prints = row.prints.filter((print) => !removed.has(print.key));
    if (prints.length === 0) emptied.push(row.id!);
    else kept.push({ ...printGroupsOf(prints)[0]!, id: row.id });
  }
  await Promise.all([groups.bulkDelete(emptied), groups.bulkPut(kept)]);
}

/**
 * Moves prints stored a row each (by versions 3 to 5, or restored from their backups) into
 * groups, in publication order so that each group spans a short time. Empties the old table.
 */
export async function movePrintRowsIntoGroups(rows: EntityTable<StoryPrint, 'key'>, groups: PrintGroupTable): Promise<number> {
  const keys = (await rows.orderBy('publishedAt').primaryKeys()) as string[];
  for (let from = 0; from < keys.length; from += PRINTS_PER_GROUP) {
    const prints = (await rows.bulkGet(keys.slice(from, from + PRINTS_PER_GROUP))).filter((print): print is StoryPrint => print !== undefined);
    if (prints.length > 0) await groups.bulkAdd(printGroupsOf(prints));
  }
  await rows.clear();
  return keys.length;
}
