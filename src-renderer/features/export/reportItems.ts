// What goes into a report: each item as the press officer kept it. A clipped item is taken from
// its (latest) clipping, frozen text, note, tone and image included; any other item as stored.
import type { ReportItem } from '../../../src-shared/export';
import { tagsOf } from '../../db/itemTags';
import type { Clipping, PressWatchDb, StoredItem } from '../../db/schema';

const REPORTABLE_IMAGE = /^image\/(jpeg|png)$/;

export async function reportItemsFor(db: PressWatchDb, keys: string[]): Promise<ReportItem[]> {
  const [items, tagsByItem, clippings, tags, sources] = await Promise.all([
    db.items.bulkGet(keys),
    tagsOf(db, keys),
    db.clippings.where('itemKey').anyOf(keys).toArray(),
    db.tags.toArray(),
    db.sources.toArray(),
  ]);
  const latestClip = new Map<string, Clipping>();
  for (const clip of clippings) {
    const seen = latestClip.get(clip.itemKey);
    if (!seen || seen.clippedAt < clip.clippedAt) latestClip.set(clip.itemKey, clip);
  }
  const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
  const sourceNames = new Map(sources.map((source) => [source.id, source.name]));
  const out: ReportItem[] = [];
  for (const [index, key] of keys.entries()) {
    const clip = latestClip.get(key);
    const item: StoredItem | undefined = clip?.item ?? items[index];
    if (!item) continue;
    const image = clip ? Object.entries(clip.images).find(([, blob]) => REPORTABLE_IMAGE.test(blob.type)) : undefined;
    out.push({
      title: item.title,
      outlet: sourceNames.get(item.sourceId) ?? item.feedTitle,
      author: item.author,
      publishedAt: item.publishedAt,
      url: item.url,
      tags: (clip?.tagIds ?? tagsByItem.get(key) ?? []).map((id) => tagNames.get(id)).filter((name): name is string => !!name),
      tone: clip?.tone ?? null,
      note: clip?.note || null,
      lead: item.summary || item.text.split('\n')[0] || '',
      text: item.text,
      imageUrl: image?.[0] ?? item.imageUrl,
      imageBytes: image ? new Uint8Array(await image[1].arrayBuffer()) : null,
      language: item.language,
    });
  }
  return out;
}
