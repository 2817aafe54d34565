// Clipping freezes an item: its text, metadata and images as they are now, because the outlet
// may edit or delete the page later. The copy lives in its own table and survives clean-up.
import { tagsOf } from '../../db/itemTags';
import type { Clipping, PressWatchDb, StoredItem, Tone } from '../../db/schema';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface ClipOptions {
  note: string;
  tone: Tone;
  tagIds: string[];
  collectionIds: string[];
  /** Loads an image's bytes (from the offline store or the network); null when unavailable. */
  loadImage?: (url: string, item: StoredItem) => Promise<Blob | null>;
}

export function imageUrlsOf(item: { imageUrl: string | null; contentHtml: string }): string[] {
  const urls = new Set<string>();
  if (item.imageUrl) urls.add(item.imageUrl);
  for (const match of item.contentHtml.matchAll(/<img[^>]+src="([^"]+)"/g)) urls.add(match[1]!.replace(/&amp;/g, '&'));
  // Only web addresses are fetched and kept; anything else in feed markup is not ours to load.
  return [...urls].filter((url) => /^https?:\/\//i.test(url)).slice(0, 10);
}

export async function clipItems(db: PressWatchDb, itemKeys: string[], options: ClipOptions): Promise<Clipping[]> {
  const [stored, tagsByItem] = await Promise.all([db.items.bulkGet(itemKeys), tagsOf(db, itemKeys)]);
  const items = stored.filter((item) => item !== undefined);
  const clippings: Clipping[] = [];
  for (const item of items) {
    const images: Record<string, Blob> = {};
    for (const url of options.loadImage ? imageUrlsOf(item) : []) {
      const blob = await options.loadImage!(url, item).catch(() => null);
      if (blob && blob.size <= MAX_IMAGE_BYTES) images[url] = blob;
    }
    clippings.push({
      id: `clip-${crypto.randomUUID()}`,
      itemKey: item.key,
      clippedAt: new Date().toISOString(),
      item: structuredClone({ ...item, clipped: 1 as const }),
      note: options.note,
      tone: options.tone,
      // The clipping keeps the item's tags as they are now, with those chosen when clipping.
      tagIds: [...new Set([...(tagsByItem.get(item.key) ?? []), ...options.tagIds])],
      collectionIds: options.collectionIds,
      images,
    });
  }
  await db.transaction('rw', db.clippings, db.items, async () => {
    await db.clippings.bulkAdd(clippings);
    await db.items.where('key').anyOf(itemKeys).modify({ clipped: 1 });
  });
  return clippings;
}

export async function createCollection(db: PressWatchDb, name: string): Promise<string> {
  const clean = name.trim();
  if (!clean) throw new Error('A collection needs a name');
  const existing = await db.collections.where('name').equals(clean).first();
  if (existing) return existing.id;
  const id = `col-${crypto.randomUUID()}`;
  await db.collections.add({ id, name: clean, createdAt: new Date().toISOString() });
  return id;
}
