import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTag, countWithTag, forgetItems, keysWithAnyTag, keysWithTag, moveTag, removeTag, tagsOf } from './itemTags';
import { openDatabase, type PressWatchDb } from './schema';

describe('itemTags', () => {
  let db: PressWatchDb;
  beforeEach(() => {
    db = openDatabase(`item-tags-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('finds the items of a tag and the tags of items, and applies a tag once', async () => {
    await addTag(db, ['z\u0000a', 'z\u0000b'], 'visit');
    await addTag(db, ['z\u0000b', 'z\u0000c'], 'serbia');
    await addTag(db, ['z\u0000a'], 'visit'); // again: no second row
    // A tag whose id extends another's is a different range.
    await addTag(db, ['z\u0000d'], 'visit2');
    expect((await keysWithTag(db, 'visit')).sort()).toEqual(['z\u0000a', 'z\u0000b']);
    expect(await countWithTag(db, 'visit')).toBe(2);
    expect(await countWithTag(db, 'nothing')).toBe(0);
    expect([...(await keysWithAnyTag(db, ['visit', 'serbia']))].sort()).toEqual(['z\u0000a', 'z\u0000b', 'z\u0000c']);
    const tags = await tagsOf(db, ['z\u0000a', 'z\u0000b', 'z\u0000x']);
    expect(tags.get('z\u0000a')).toEqual(['visit']);
    expect(tags.get('z\u0000b')?.sort()).toEqual(['serbia', 'visit']);
    expect(tags.has('z\u0000x')).toBe(false);
  });

  it('removes a tag from some items, moves a tag onto another, and forgets removed items', async () => {
    await addTag(db, ['z\u0000a', 'z\u0000b', 'z\u0000c'], 'visit');
    await addTag(db, ['z\u0000b'], 'serbia');
    await removeTag(db, ['z\u0000a'], 'visit');
    expect((await keysWithTag(db, 'visit')).sort()).toEqual(['z\u0000b', 'z\u0000c']);
    await moveTag(db, 'visit', 'serbia');
    expect(await keysWithTag(db, 'visit')).toEqual([]);
    expect((await keysWithTag(db, 'serbia')).sort()).toEqual(['z\u0000b', 'z\u0000c']);
    await forgetItems(db, ['z\u0000b']);
    expect(await keysWithTag(db, 'serbia')).toEqual(['z\u0000c']);
    expect(await db.itemTags.count()).toBe(1);
  });
});
