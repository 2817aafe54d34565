// The durable outbox: every batch of new items is written to disk before the renderer hears of
// it, and removed only when the renderer says it has stored it. A crash of either process between
// the two loses nothing: pending batches are sent again at start, and storing twice is harmless.
//
// Group commit: batches appended while a write is under way (or in the same tick) are written
// together, as one file with one fsync, and none of their appends resolves before that file and
// its name are on disk. A thousand sources finishing in one cycle then cost tens of fsyncs, not
// a thousand; an fsync waits for the disk, and on a slow disk those waits were the cycle's length.
//
// On disk, outbox/<first batch id>.json holds a JSON array of batches (a file written by an
// older version holds one batch object; both are read). A file goes when every batch in it is
// acknowledged; until then each acknowledgement is one line in acked.log, so a batch already
// stored is not sent again after a restart, where it could undo a later edit of the same item.
import { appendFile, mkdir, open, readFile, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { CHUNK_BYTES, ChunkedWriter } from './chunkedWriter';

/** Batches per group file at most. */
const GROUP_MAX_BATCHES = 32;
/**
 * Batches waiting for the disk before room() holds the poller back. Fetching outruns a slow or
 * busy disk easily, and every waiting batch is megabytes of items in memory: without a bound, a
 * cycle of a thousand sources on a slow disk held most of its items at once. Kept small because
 * a batch that waits long is moved to the old generation, which grows until the next full
 * collection: with 16, every batch of a cycle waited about 250 ms behind full groups; with 4,
 * the wait is a fraction of that and the cycle is no slower (1,000 sources on loopback). Groups
 * still grow when the disk is slow: the requests in flight keep appending while a group is
 * written.
 */
const QUEUE_ROOM = 4;

const ACK_LOG = 'acked.log';

interface Queued {
  batch: ItemBatch;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Outbox {
  private readonly dir: string;
  private queue: Queued[] = [];
  private readonly roomWaiters: Array<() => void> = [];
  private draining: Promise<void> | null = null;
  private dirReady: Promise<unknown> | null = null;
  /** Reused by every group write (they run one at a time). */
  private buffer: Buffer | null = null;
  /** batch id -> the file that holds it, for every batch written or read and not yet acknowledged. */
  private readonly fileOf = new Map<string, string>();
  /** file name -> ids in it not yet acknowledged. */
  private readonly unacked = new Map<string, Set<string>>();
  /** Ids acknowledged whose file is still on disk (they are in acked.log too) -> that file. */
  private readonly ackedIn = new Map<string, string>();
  /** Acknowledgements are applied one at a time, so the log and the files never disagree. */
  private ackChain: Promise<void> = Promise.resolve();
  /** acked.log may exist and hold lines. */
  private logInUse = true;
  /** Lines for acked.log that the next append takes (see logLine). */
  private logLines: string[] = [];
  /** The append that will take logLines, if one is queued; appends run one at a time. */
  private logQueued: Promise<void> | null = null;
  private logWritten: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'outbox');
  }

  /** Resolves once the batch is on disk (data and name, fsynced); rejects if it could not be. */
  append(batch: ItemBatch): Promise<void> {
    try {
      fileNameOf(batch.batchId);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push(new QueuedRecord(batch, resolve, reject));
      this.draining ??= this.drain();
    });
  }

  /**
   * Resolves when the queue of batches waiting for the disk is short enough to fetch more; the
   * poller asks before each fetch, so it fetches no faster than the disk keeps what it fetched.
   */
  room(): Promise<void> {
    if (this.queue.length < QUEUE_ROOM) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    // Whatever else is appended in this tick joins the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, GROUP_MAX_BATCHES);
      for (const wake of this.roomWaiters.splice(0, Math.max(0, QUEUE_ROOM - this.queue.length))) wake();
      try {
        await this.writeGroup(group);
        for (const entry of group) entry.resolve();
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        // One bad batch (one that cannot be serialised) must not fail the others: each alone.
        for (const entry of group) {
          try {
            await this.writeGroup([entry]);
            entry.resolve();
          } catch (alone) {
            entry.reject(alone);
          }
        }
      }
    }
    this.draining = null;
  }

  private async writeGroup(group: Queued[]): Promise<void> {
    const batches = group.map((entry) => entry.batch);
    // Named after its oldest batch, so files sort in poll order as batch ids do.
    const name = fileNameOf(batches.map((b) => b.batchId).reduce((a, b) => (b < a ? b : a)));
    try {
      try {
        await this.writeFileDurably(name, batches);
      } catch (error) {
        // The folder is made once per run; if it has gone since (a user cleaning up), make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.dirReady = null;
        await this.writeFileDurably(name, batches);
      }
    } catch (error) {
      // Its batches are written again, alone or on the next start of the poll: no stray copy.
      await rm(path.join(this.dir, name), { force: true }).catch(() => {});
      throw error;
    }
    const ids = new Set(batches.map((b) => b.batchId));
    this.unacked.set(name, ids);
    for (const id of ids) this.fileOf.set(id, name);
  }

  private async writeFileDurably(name: string, batches: ItemBatch[]): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      this.dirReady = null;
      throw error;
    });
    await this.dirReady;
    const finalPath = path.join(this.dir, name);
    const tempPath = finalPath + '.tmp';
    // Write, fsync, rename, fsync the folder: a group file is either whole or absent after a
    // crash, and once append resolves its name survives a power cut too.
    const handle = await open(tempPath, 'w');
    try {
      const writer = new ChunkedWriter(handle, (this.buffer ??= Buffer.allocUnsafe(CHUNK_BYTES)));
      for (let i = 0; i < batches.length; i++) {
        await writer.write(i === 0 ? '[' : ',');
        await writeBatch(writer, batches[i]!);
      }
      await writer.write(']');
      await writer.flush();
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, finalPath);
    await syncFolder(this.dir);
  }

  /** Every batch on disk not yet acknowledged, oldest first. */
  async pending(): Promise<ItemBatch[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const ackedOnDisk = await this.readAckLog();
    const batches: ItemBatch[] = [];
    const present = new Set<string>();
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      let content: unknown;
      try {
        content = JSON.parse(await readFile(path.join(this.dir, name), 'utf8'));
      } catch {
        // A file that does not parse was never completely written (rename is atomic), so it
        // cannot be a batch anyone saw; leave it for inspection rather than crash start-up.
        continue;
      }
      const inFile = (Array.isArray(content) ? content : [content]) as ItemBatch[];
      for (const batch of inFile) batch.items = batch.items.map(readItem);
      const ids = new Set<string>();
      for (const batch of inFile) {
        present.add(batch.batchId);
        if (this.ackedIn.has(batch.batchId) || ackedOnDisk.has(batch.batchId)) {
          this.ackedIn.set(batch.batchId, name);
          continue;
        }
        ids.add(batch.batchId);
        batches.push(batch);
      }
      // Acknowledged in the meantime, entirely: nothing to register, the file is on its way out.
      if (ids.size === 0 && !this.unacked.has(name)) {
        await this.enqueueAck(() => this.removeFile(name));
        continue;
      }
      if (!this.unacked.has(name)) this.unacked.set(name, ids);
      for (const id of ids) this.fileOf.set(id, name);
    }
    // Log lines of files no longer on disk say nothing any more.
    if ([...ackedOnDisk].some((id) => !present.has(id))) await this.enqueueAck(() => this.rewriteAckLog());
    return batches.sort((a, b) => (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0));
  }

  /** The renderer has stored the batch: forget it. */
  ack(batchId: string): Promise<void> {
    return this.enqueueAck(async () => {
      const name = this.fileOf.get(batchId);
      if (!name) {
        // Not written or read by this run: a file of its own, from before a restart.
        await rm(path.join(this.dir, fileNameOf(batchId)), { force: true });
        return;
      }
      const ids = this.unacked.get(name);
      ids?.delete(batchId);
      this.fileOf.delete(batchId);
      if (!ids || ids.size === 0) {
        await this.removeFile(name);
        return;
      }
      this.ackedIn.set(batchId, name);
      this.logInUse = true;
      // Not awaited here, so the acknowledgements that follow go on and share the next append.
      return { written: this.logLine(batchId) };
    }).then((step) => step?.written);
  }

  /**
   * Appends a line to acked.log, together with every other line given while the append before
   * it runs: a cycle's acknowledgements come a thousand at a time, and an append is an open, a
   * write and a close. Not fsynced, like the removal of a file: a lost line means one batch
   * stored twice.
   */
  private logLine(batchId: string): Promise<void> {
    this.logLines.push(batchId + '\n');
    if (!this.logQueued) {
      const queued = this.logWritten.then(async () => {
        this.logQueued = null;
        const text = this.logLines.join('');
        this.logLines = [];
        await appendFile(path.join(this.dir, ACK_LOG), text);
      });
      this.logQueued = queued;
      this.logWritten = queued.catch(() => {});
    }
    return this.logQueued;
  }

  private enqueueAck<T>(step: () => Promise<T>): Promise<T> {
    const next = this.ackChain.then(step);
    // One failed acknowledgement must not stop the next.
    this.ackChain = next.then(() => {}, () => {});
    return next;
  }

  private async removeFile(name: string): Promise<void> {
    await rm(path.join(this.dir, name), { force: true });
    this.unacked.delete(name);
    for (const [id, file] of this.ackedIn) if (file === name) this.ackedIn.delete(id);
    // No batch file left at all: the log can go, or it would grow with every file acknowledged
    // in parts. Files written later hold new ids only, which no line of it names.
    if (this.logInUse && this.unacked.size === 0) {
      // Not while an append of lines is still to come: it would make the log again.
      await this.logWritten;
      const names = await readdir(this.dir).catch(() => [] as string[]);
      if (!names.some((n) => n.endsWith('.json'))) {
        this.ackedIn.clear();
        await rm(path.join(this.dir, ACK_LOG), { force: true });
        this.logInUse = false;
      }
    }
  }

  private async readAckLog(): Promise<Set<string>> {
    try {
      return new Set((await readFile(path.join(this.dir, ACK_LOG), 'utf8')).split('\n').filter((line) => line.length > 0));
    } catch {
      return new Set();
    }
  }

  private async rewriteAckLog(): Promise<void> {
    // An append still running would write into the file being replaced.
    await this.logWritten;
    const live = [...this.ackedIn.keys()];
    if (live.length === 0) await rm(path.join(this.dir, ACK_LOG), { force: true });
    else await writeFileAtomically(path.join(this.dir, ACK_LOG), live.join('\n') + '\n');
  }
}

function fileNameOf(batchId: string): string {
  if (!/^[\w-]+$/.test(batchId)) throw new Error(`Invalid batch id: ${batchId}`);
  return `${batchId}.json`;
}

/**
 * A batch as JSON, item by item: one string for a whole batch would be a large object (see
 * chunkedWriter.ts). Its items come last, which JSON readers do not mind.
 */
async function writeBatch(writer: ChunkedWriter, batch: ItemBatch): Promise<void> {
  const { items, ...head } = batch;
  const headJson = JSON.stringify(head);
  await writer.write(headJson.length > 2 ? headJson.slice(0, -1) + ',"items":[' : '{"items":[');
  // Items go into JSON a run at a time, each run as long as a few items (ITEMS_JSON_CHARS): one
  // JSON.stringify per item cost a quarter more than one per run, and one for all items would
  // make a string as large as the batch.
  for (let start = 0; start < items.length; ) {
    let end = start;
    let chars = 0;
    do chars += approximateJsonChars(items[end++]!);
    while (end < items.length && chars < ITEMS_JSON_CHARS);
    const json = JSON.stringify(items.slice(start, end).map(diskItem));
    // Separately: a comma joined to the JSON would copy the whole string to flatten it.
    const comma = start > 0 ? writer.write(',') : undefined;
    if (comma) await comma;
    // Without its brackets; a slice of a string shares its characters, it is not a copy.
    const run = writer.write(json.slice(1, -1));
    if (run) await run;
    start = end;
  }
  await writer.write(']}');
}

/** UTF-16 units of item JSON per JSON.stringify call (see writeBatch), short of a large object. */
const ITEMS_JSON_CHARS = 16 * 1024;

function approximateJsonChars(item: FeedItem): number {
  return 300 + item.title.length + item.summary.length + item.text.length + item.contentHtml.length;
}

/**
 * On disk, an item's `text` or `contentHtml` that repeats an earlier one of its texts word for
 * word is not written again: `"$same":{"text":"summary"}` says where it is. A plain-text feed
 * gives all three the same text and most feeds give summary and text the same, so this is
 * often half of what the outbox writes. readItem puts them back.
 */
const SAME = '$same';
type DiskItem = FeedItem & { [SAME]?: Partial<Record<'text' | 'contentHtml', 'summary' | 'text'>> };

/** The item as written: itself, or a copy without the texts that repeat another (see SAME). */
function diskItem(item: FeedItem): object {
  const textIsSummary = item.text.length > 0 && item.text === item.summary;
  const htmlIs = item.contentHtml.length === 0 ? null : item.contentHtml === item.summary ? 'summary' : item.contentHtml === item.text ? 'text' : null;
  if (!textIsSummary && htmlIs === null) return item;
  // A copy without the repeated texts (not `delete`, which leaves a slow dictionary object).
  const { text, contentHtml, ...disk } = item as DiskItem;
  const same: NonNullable<DiskItem[typeof SAME]> = {};
  if (textIsSummary) same.text = 'summary';
  else (disk as DiskItem).text = text;
  if (htmlIs !== null) same.contentHtml = htmlIs;
  else (disk as DiskItem).contentHtml = contentHtml;
  disk[SAME] = same;
  return disk;
}

function readItem(item: DiskItem): FeedItem {
  const same = item[SAME];
  if (!same) return item;
  delete item[SAME];
  if (same.text) item.text = item[same.text];
  if (same.contentHtml) item.contentHtml = item[same.contentHtml];
  return item;
}

async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot sync a folder; the rename is then as durable as it gets.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

async function writeFileAtomically(file: string, text: string): Promise<void> {
  await writeFile(file + '.tmp', text);
  await rename(file + '.tmp', file);
}

/** Made with `new` rather than as a literal, so that V8 allocates it young (see ItemRecord in feeds/normalise.ts). */
class QueuedRecord implements Queued {
  constructor(
    public batch: ItemBatch,
    public resolve: () => void,
    public reject: (error: unknown) => void,
  ) {}
}
