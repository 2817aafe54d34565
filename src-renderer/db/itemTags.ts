// Which items carry which tag (schema version 5): one small row per tag per item, keyed
// [tagId+itemKey]. The items of a tag are one key range, the tags of an item one index range,
// and tagging many items writes only these rows, never the (large, much indexed) items.
// Every read and write of applied tags goes through here.
import { Dexie } from 'dexie';
import type { PressWatchDb } from './schema';

const rangeOf = (db: PressWatchDb, tagId: string) => db.itemTags.where('[tagId+itemKey]').between([tagId, Dexie.minKey], [tagId, Dexie.maxKey], true, true);

/** The tags of each of these items (an item without tags is absent from the map). */
export async function tagsOf(db: PressWatchDb, itemKeys: readonly string[]): Promise<Map<string, string[]>> {
  const byItem = new Map<string, string[]>();
  if (itemKeys.length === 0) return byItem;
  // One small range read per item: `anyOf` walks the index with a cursor from the lowest key to
  // the highest, and with tens of thousands of tagged items that held the list's first rows for
  // a second and a half (measured at 100,000 items).
  const perItem = await Promise.all([...new Set(itemKeys)].map((key) => db.itemTags.where('itemKey').equals(key).toArray()));
  for (const row of perItem.flat()) {
    const tags = byItem.get(row.itemKey);
    if (tags) tags.push(row.tagId);
    else byItem.set(row.itemKey, [row.tagId]);
  }
  return byItem;
}

/** The keys of the items carrying this tag, read from the primary key alone. */
export async function keysWithTag(db: PressWatchDb, tagId: string): Promise<string[]> {
  const keys = (await rangeOf(db, tagId).primaryKeys()) as unknown as Array<[string, string]>;
  return keys.map(([, itemKey]) => itemKey);
}

/** The keys of the items carrying any of these tags. */
export async function keysWithAnyTag(db: PressWatchDb, tagIds: readonly string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const list of await Promise.all(tagIds.map((id) => keysWithTag(db, id)))) for (const key of list) keys.add(key);
  return keys;
}

export async function countWithTag(db: PressWatchDb, tagId: string): Promise<number> {
  return rangeOf(db, tagId).count();
}

/** Tags these items (those that already carry the tag are written again, unchanged). */
export async function addTag(db: PressWatchDb, itemKeys: readonly string[], tagId: string): Promise<void> {
  if (itemKeys.length === 0) return;
  await db.itemTags.bulkPut(itemKeys.map((itemKey) => ({ tagId, itemKey })));
}

export async function removeTag(db: PressWatchDb, itemKeys: readonly string[], tagId: string): Promise<void> {
  if (itemKeys.length === 0) return;
  await db.itemTags.bulkDelete(itemKeys.map((itemKey): [string, string] => [tagId, itemKey]));
}

/** Every item tagged `from` is tagged `into` instead (once, if it had both). */
export async function moveTag(db: PressWatchDb, from: string, into: string): Promise<void> {
  if (from === into) return;
  const keys = await keysWithTag(db, from);
  await addTag(db, keys, into);
  await rangeOf(db, from).delete();
}

/** Drops the tags of items that are being removed (call in the removing transaction). */
export async function forgetItems(db: PressWatchDb, itemKeys: readonly string[]): Promise<void> {
  if (itemKeys.length === 0) return;
  await db.itemTags.where('itemKey').anyOf([...itemKeys]).delete();
}
