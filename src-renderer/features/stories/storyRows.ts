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
  /** The item keys of each such story, by row key. */
  members: Map<string, string[]>;
}

/** A story of two or more items with its members' keys. */
export interface StoryWithMembers {
  story: Story;
  memberKeys: string[];
}

/** Groups an ordered list of item keys (newest first) into story rows. */
export function groupKeysIntoStories(keys: readonly string[], multiItemStories: readonly StoryWithMembers[]): StoryRows {
  const storyOfKey = new Map<string, StoryWithMembers>();
  for (const entry of multiItemStories) for (const key of entry.memberKeys) storyOfKey.set(key, entry);
  const rows: string[] = [];
  const stories = new Map<string, Story>();
  const members = new Map<string, string[]>();
  for (const key of keys) {
    const entry = storyOfKey.get(key);
    if (!entry) rows.push(key);
    else if (!stories.has(entry.story.firstItemKey)) {
      stories.set(entry.story.firstItemKey, entry.story);
      members.set(entry.story.firstItemKey, entry.memberKeys);
      rows.push(entry.story.firstItemKey);
    }
  }
  return { keys: rows, stories, members };
}

/** Every story of two or more items with its members, from the story rows and the items' storyId index. */
export async function multiItemStories(db: PressWatchDb): Promise<StoryWithMembers[]> {
  return db.transaction('r', [db.items, db.stories], async () => {
    const stories = await db.stories.where('size').above(1).toArray();
    if (stories.length === 0) return [];
    // One key-only read per story (a single request each), rather than a cursor step per member.
    const memberKeys = await Promise.all(stories.map((story) => db.items.where('storyId').equals(story.id).primaryKeys() as Promise<string[]>));
    return stories.map((story, i) => ({ story, memberKeys: memberKeys[i]! }));
  });
}

export async function storyRows(db: PressWatchDb, keys: readonly string[]): Promise<StoryRows> {
  return groupKeysIntoStories(keys, await multiItemStories(db));
}

/** The item keys behind some row keys: every member of a story row, the key itself otherwise. */
export function expandRows(rowKeys: Iterable<string>, members: ReadonlyMap<string, readonly string[]>): string[] {
  const out = new Set<string>();
  for (const key of rowKeys) {
    const keys = members.get(key);
    if (keys) for (const member of keys) out.add(member);
    else out.add(key);
  }
  return [...out];
}
