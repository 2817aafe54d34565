// Tells the item list when to read its keys again. A liveQuery over all keys would re-read
// 100,000 keys after every write, marking one item read included; the list only needs new or
// removed items, tags, stars, clippings and edits. Read state is shown by each row itself.
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';
import type { PressWatchDb } from '../db/schema';

/** A query re-run when its dependencies (a filter, the list revision) change; not on every write. */
export function useRevisionQuery<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    query().then(
      (result) => current && setValue(result),
      (error: unknown) => console.error('PressWatch:', error),
    );
    return () => {
      current = false;
    };
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A callback that runs once after a burst of calls has been quiet for `delayMs`. */
function debounced(run: () => void, delayMs: number): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        run();
      }, delayMs);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
    },
  };
}

export interface ListChangeListeners {
  /** Items or clippings came, went, or changed in what the list shows or filters by. */
  items: () => void;
  /** Tags were applied or removed. */
  tags: () => void;
  /** Only the read state of items changed. */
  read: () => void;
}

/**
 * Tells what changed, in three kinds, each once after a burst. They are told apart because the
 * list (100,000 keys) need be read again only when it depends on them: marking an item read
 * matters to the unread view alone, and re-applying a topic writes tags in many steps that
 * matter to a list filtered by that tag alone.
 */
export function watchListChanges(db: PressWatchDb, listeners: ListChangeListeners, delayMs = 120): () => void {
  // Hooks run inside the writing transaction: the re-read waits until it has committed.
  const items = debounced(listeners.items, delayMs);
  const tags = debounced(listeners.tags, delayMs);
  const read = debounced(listeners.read, delayMs);
  const schedule = items.schedule;
  const created = () => {
    schedule();
  };
  const deleted = () => {
    schedule();
  };
  // Dexie lists every array and object of an updated item as modified (its copy holds new
  // instances), so a value counts as changed only when it differs from the stored one: otherwise
  // marking an item read re-read the whole list (seconds at 100,000 items) on every opening.
  const updated = (modifications: object, _key: unknown, stored: unknown) => {
    const before = stored as Record<string, unknown>;
    const changed = Object.entries(modifications).filter(([key, value]) => !sameValue(value, before[key]));
    if (changed.some(([key]) => key !== 'read')) schedule();
    else if (changed.length > 0) read.schedule();
  };
  // Tags applied or removed: told once per committed transaction. A creating hook on itemTags
  // would make every bulkPut read its rows back first (Dexie's hooks need the old values), which
  // re-applying a topic to 70,000 items cannot afford.
  const tagPart = `idb://${db.name}/itemTags/`;
  const mutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(tagPart))) tags.schedule();
  };
  Dexie.on('storagemutated', mutated);
  db.items.hook('creating', created);
  db.items.hook('updating', updated);
  db.items.hook('deleting', deleted);
  db.clippings.hook('creating', created);
  db.clippings.hook('updating', updated);
  db.clippings.hook('deleting', deleted);
  return () => {
    items.cancel();
    tags.cancel();
    read.cancel();
    Dexie.on('storagemutated').unsubscribe(mutated);
    db.items.hook('creating').unsubscribe(created);
    db.items.hook('updating').unsubscribe(updated);
    db.items.hook('deleting').unsubscribe(deleted);
    db.clippings.hook('creating').unsubscribe(created);
    db.clippings.hook('updating').unsubscribe(updated);
    db.clippings.hook('deleting').unsubscribe(deleted);
  };
}
