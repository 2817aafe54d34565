// The renderer's queue of arriving batches. Batches are stored in arrival order, so a replay
// never races a live batch. When batches queue up (after a night offline, or when the outbox
// hands over what the last session left), those waiting are stored together in one transaction,
// and while one group's writes are on their way to disk the next group is prepared (its
// fingerprints: this thread's costly part of storing it), so the thread and the database work
// side by side. A group that fails is stored again batch by batch, so each batch fails alone.
import type { ItemBatch } from '../../src-shared/model';
import { prepareBatch, type PreparedBatch } from '../db/storeBatch';

/** Stores a group of batches in one transaction, calling `whileWriting` once its writes are issued; one result per batch. */
export type StoreGroup<R> = (batches: ItemBatch[], prepared: Array<PreparedBatch | undefined>, whileWriting: () => void) => Promise<R[]>;

/**
 * Items stored in one transaction at most. The list's reads wait while a group is written; at
 * 1,000 items a group held them about half a second and stored 100,000 items no faster than 250
 * (measured in the bench's ingest), so a few feeds' polls go together and no more.
 */
export const GROUP_ITEMS = 250;

interface Job<R> {
  batch: ItemBatch;
  prepared?: PreparedBatch;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class BatchPipeline<R> {
  private readonly waiting: Array<Job<R>> = [];
  private running = false;

  constructor(
    private readonly store: StoreGroup<R>,
    private readonly groupItems = GROUP_ITEMS,
  ) {}

  /** Settles with the batch's own result or error; a failed batch does not stop the ones after it. */
  add(batch: ItemBatch): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let group = this.takeGroup(); group.length > 0; group = this.takeGroup()) await this.storeGroup(group);
    } finally {
      this.running = false;
    }
  }

  /** How many of the waiting batches make the next group: in arrival order, up to the group's size, always at least one. */
  private nextGroupLength(): number {
    let items = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || items + this.waiting[count]!.batch.items.length <= this.groupItems)) {
      items += this.waiting[count]!.batch.items.length;
      count++;
    }
    return count;
  }

  private takeGroup(): Array<Job<R>> {
    return this.waiting.splice(0, this.nextGroupLength());
  }

  private async storeGroup(group: Array<Job<R>>): Promise<void> {
    try {
      const results = await this.store(
        group.map((job) => job.batch),
        group.map((job) => job.prepared),
        () => this.prepareNext(),
      );
      group.forEach((job, i) => job.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // One batch may have failed them all: each is stored again alone.
      for (const job of group) await this.storeGroup([job]);
    }
  }

  /** Prepares the batches of the next group (called while the current group's writes are on their way). */
  private prepareNext(): void {
    for (const job of this.waiting.slice(0, this.nextGroupLength())) {
      if (job.prepared) continue;
      try {
        job.prepared = prepareBatch(job.batch);
      } catch {
        // Left unprepared: the batch is prepared again in its own turn, and fails there on its own.
      }
    }
  }
}
