// An in-memory band-key index: what the renderer's Dexie multi-entry index does, for the CLI,
// tests and benchmarks.
import type { GroupedItem } from './grouper';

export class MemoryBandIndex {
  private readonly byKey = new Map<string, GroupedItem[]>();

  /**
   * @param perKeyLimit newest items kept per band key. A band shared by thousands of items (boilerplate,
   * a name in every item) says little, and looking at all of them would make grouping cost grow with the store.
   */
  constructor(private readonly perKeyLimit = 64) {}

  add(item: GroupedItem): void {
    for (const key of item.fingerprint.bands) {
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      list.push(item);
      if (list.length > this.perKeyLimit * 2) list.splice(0, list.length - this.perKeyLimit);
    }
  }

  /** Items under any of the keys (possibly repeated; the grouper drops repeats). */
  *lookup(keys: readonly string[]): Iterable<GroupedItem> {
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const from = Math.max(0, list.length - this.perKeyLimit);
      for (let i = list.length - 1; i >= from; i--) yield list[i]!;
    }
  }

  get keyCount(): number {
    return this.byKey.size;
  }
}
