// The list in stories mode: one row per story instead of one per item. A story shows where its
// newest listed item would be, under the key of its first publisher; an item alone in its story
// stays a row of its own. Only stories of two or more items are read, so the cost follows the
// number of retold stories, not the size of the archive.
import type { PressWatchDb, Story } from '../../db/schema';

export interface StoryRows {
  /** Row keys, newest first: a story's first item key, or a lone item's own key. */
  keys: string[];
  /** The story behind each row that stands for two or more items. */
  stories: Map<string, Story>;
}

/** Groups an ordered list of item keys (newest first) into story rows. */
export function groupKeysIntoStories(keys: readonly string[], multiItemStories: readonly Story[]): StoryRows {
  const storyOfKey = new Map<string, Story>();
  for (const story of multiItemStories) for (const key of story.itemKeys) storyOfKey.set(key, story);
  const rows: string[] = [];
  const stories = new Map<string, Story>();
  for (const key of keys) {
    const story = storyOfKey.get(key);
    if (!story) rows.push(key);
    else if (!stories.has(story.firstItemKey)) {
      stories.set(story.firstItemKey, story);
      rows.push(story.firstItemKey);
    }
  }
  return { keys: rows, stories };
}

export async function storyRows(db: PressWatchDb, keys: readonly string[]): Promise<StoryRows> {
  return groupKeysIntoStories(keys, await db.stories.where('size').above(1).toArray());
}

/** The item keys behind some row keys: every member of a story row, the key itself otherwise. */
export function expandRows(rowKeys: Iterable<string>, stories: ReadonlyMap<string, Story>): string[] {
  const out = new Set<string>();
  for (const key of rowKeys) {
    const story = stories.get(key);
    if (story) for (const member of story.itemKeys) out.add(member);
    else out.add(key);
  }
  return [...out];
}
