// The tags an item carries, as chips show them: known tags only, by name. The itemTags rows come
// in the order of their keys (tag ids), which means nothing to the reader.
import type { Tag } from '../../db/schema';

export function sortedTags(tagIds: readonly string[], tags: ReadonlyMap<string, Tag>): Tag[] {
  return tagIds
    .map((id) => tags.get(id))
    .filter((tag): tag is Tag => tag !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
