// What App needs to show stories instead of items: the row keys, the story behind each row, and
// the item keys behind a selection (so tagging or clipping a story row takes all its items).
import { useCallback, useEffect, useState } from 'react';
import type { PressWatchDb } from '../../db/schema';
import { expandRows, storyRows, type StoryRows } from './storyRows';

export type ListMode = 'items' | 'stories';

export interface StoryView extends StoryRows {
  expand: (rowKeys: Iterable<string>) => string[];
}

const none: StoryRows = { keys: [], stories: new Map(), members: new Map() };

export function useStoryView(db: PressWatchDb, keys: string[], mode: ListMode, revision: number): StoryView {
  const [rows, setRows] = useState<StoryRows | null>(null);
  useEffect(() => {
    if (mode !== 'stories') return;
    let current = true;
    storyRows(db, keys).then(
      (result) => current && setRows(result),
      (error: unknown) => console.error('PressWatch stories:', error),
    );
    return () => {
      current = false;
    };
  }, [db, keys, mode, revision]);
  // Until the first grouping is read, the items show as they are rather than an empty list.
  const shown = mode === 'stories' && rows ? rows : null;
  const stories = shown?.stories ?? none.stories;
  const members = shown?.members ?? none.members;
  const expand = useCallback((rowKeys: Iterable<string>) => expandRows(rowKeys, members), [members]);
  return { keys: shown ? shown.keys : keys, stories, members, expand };
}
