// Tags: created inline, applied to or removed from many items at once, renamed and merged.
import * as itemTags from '../../db/itemTags';
import type { PressWatchDb, Tag } from '../../db/schema';

const palette = ['#1558b0', '#b3261e', '#1e7d32', '#8a4baf', '#c26a00', '#00796b', '#5d4037', '#ad1457'];

/** The tag with this name (case-insensitive), created with the next colour if there is none. */
export async function ensureTag(db: PressWatchDb, name: string): Promise<Tag> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('A tag needs a name');
  return db.transaction('rw', db.tags, async () => {
    const all = await db.tags.toArray();
    const existing = all.find((tag) => tag.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
    if (existing) return existing;
    const tag: Tag = { id: `tag-${crypto.randomUUID()}`, name: clean, color: palette[all.length % palette.length]! };
    await db.tags.add(tag);
    return tag;
  });
}

/** Tags the stored ones of these items (a key whose item is gone gets no tag row). */
export async function applyTag(db: PressWatchDb, itemKeys: string[], tagId: string): Promise<void> {
  await db.transaction('rw', db.items, db.itemTags, async () => {
    const stored = (await db.items.where('key').anyOf(itemKeys).primaryKeys()) as string[];
    await itemTags.addTag(db, stored, tagId);
  });
}

export async function removeTag(db: PressWatchDb, itemKeys: string[], tagId: string): Promise<void> {
  await itemTags.removeTag(db, itemKeys, tagId);
}

/** Renames and recolours a tag; a name another tag has is refused (merge them instead). */
export async function editTag(db: PressWatchDb, tagId: string, changes: { name: string; color: string }): Promise<void> {
  const name = changes.name.trim();
  if (!name) throw new TagError('empty');
  if (!/^#[0-9a-f]{6}$/i.test(changes.color)) throw new TagError('color');
  await db.transaction('rw', db.tags, async () => {
    const other = await db.tags.where('name').equals(name).first();
    if (other && other.id !== tagId) throw new TagError('taken');
    await db.tags.update(tagId, { name, color: changes.color });
  });
}

/** Why a tag edit was refused, as a key for the UI's words. */
export class TagError extends Error {
  constructor(readonly reason: 'empty' | 'taken' | 'color') {
    super(`Tag edit refused: ${reason}`);
  }
}

/** Every item and clipping tagged `from` gets `into` instead; `from` is deleted. */
export async function mergeTags(db: PressWatchDb, from: string, into: string): Promise<void> {
  if (from === into) return;
  await db.transaction('rw', db.itemTags, db.clippings, db.tags, db.topics, async () => {
    await itemTags.moveTag(db, from, into);
    await db.clippings.where('tagIds').equals(from).modify((clip) => {
      clip.tagIds = [...new Set(clip.tagIds.map((id) => (id === from ? into : id)))];
    });
    await db.topics.filter((topic) => topic.tagId === from).modify({ tagId: into });
    await db.tags.delete(from);
  });
}

export async function tagCounts(db: PressWatchDb, tags: Tag[]): Promise<Record<string, number>> {
  const entries = await Promise.all(tags.map(async (tag) => [tag.id, await itemTags.countWithTag(db, tag.id)] as const));
  return Object.fromEntries(entries);
}
