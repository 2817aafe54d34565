// The durable outbox: every batch of new items is written to disk before the renderer hears of
// it, and removed only when the renderer says it has stored it. A crash of either process between
// the two loses nothing: pending batches are sent again at start, and storing twice is harmless.
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ItemBatch } from '../../src-shared/model';

export class Outbox {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'outbox');
  }

  async append(batch: ItemBatch): Promise<void> {
    try {
      await this.write(batch);
    } catch (error) {
      // The folder is made once per run; if it has gone since (a user cleaning up), make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.dirReady = null;
      await this.write(batch);
    }
  }

  private dirReady: Promise<unknown> | null = null;

  private async write(batch: ItemBatch): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      this.dirReady = null;
      throw error;
    });
    await this.dirReady;
    const finalPath = this.pathOf(batch.batchId);
    const tempPath = finalPath + '.tmp';
    // Write, fsync, rename: a batch file is either whole or absent after a crash. One handle
    // for writing and syncing: a thousand sources per cycle make every open count.
    const handle = await open(tempPath, 'w');
    try {
      await handle.writeFile(JSON.stringify(batch));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, finalPath);
  }

  async pending(): Promise<ItemBatch[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const batches: ItemBatch[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        batches.push(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as ItemBatch);
      } catch {
        // A file that does not parse was never completely written (rename is atomic), so it
        // cannot be a batch anyone saw; leave it for inspection rather than crash start-up.
      }
    }
    return batches;
  }

  async ack(batchId: string): Promise<void> {
    await rm(this.pathOf(batchId), { force: true });
  }

  private pathOf(batchId: string): string {
    if (!/^[\w-]+$/.test(batchId)) throw new Error(`Invalid batch id: ${batchId}`);
    return path.join(this.dir, `${batchId}.json`);
  }
}
