// Per-source poll state kept by the main process: validators for conditional GET, schedule,
// backoff and the fingerprints of items already handed to the renderer.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { CHUNK_BYTES, ChunkedWriter } from './chunkedWriter';

export interface SourcePollState {
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastFullFetchAt: string | null;
  lastError: string | null;
  nextPollAt: string | null;
  consecutiveFailures: number;
  movedTo: string | null;
  /**
   * item id -> fingerprint of title and text, so unchanged items are not sent again; oldest
   * first. A Map in memory (every item of every poll is looked up, and an object with a key per
   * item is a slow dictionary), an object in the file.
   */
  sent: Map<string, string>;
}

export function emptyPollState(): SourcePollState {
  return {
    etag: null,
    lastModified: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFullFetchAt: null,
    lastError: null,
    nextPollAt: null,
    consecutiveFailures: 0,
    movedTo: null,
    sent: new Map(),
  };
}

/** Shortest time between two snapshots of the state file (see save()). */
const SAVE_INTERVAL_MS = 250;

export class PollStateFile {
  private readonly file: string;
  private states: Record<string, SourcePollState> = {};
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  /** The queued write is not to wait out SAVE_INTERVAL_MS (see saveNow). */
  private urgent = false;
  /** Ends the queued write's wait for SAVE_INTERVAL_MS early, while it waits. */
  private endWait: (() => void) | null = null;
  private lastWriteAt = 0;
  /** Sources changed since the last snapshot began; allChanged: every source. */
  private changed = new Set<string>();
  private allChanged = true;
  /** Each source's state as JSON, as of the snapshot that last wrote it. */
  private readonly json = new Map<string, string>();
  private buffer: Buffer | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'poll-state.json');
  }

  async load(): Promise<void> {
    try {
      const onDisk = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Omit<SourcePollState, 'sent'> & { sent?: Record<string, string> }>;
      this.states = {};
      for (const [id, state] of Object.entries(onDisk)) this.states[id] = { ...state, sent: new Map(Object.entries(state.sent ?? {})) };
    } catch {
      this.states = {};
    }
    this.allChanged = true;
  }

  get(sourceId: string): SourcePollState {
    return (this.states[sourceId] ??= emptyPollState());
  }

  /**
   * Saves are serialised so two polls finishing together never interleave their writes, and
   * coalesced: every call made before the next write starts shares that write, whose snapshot
   * is taken when it starts and so includes all their changes. Writes start at most every
   * SAVE_INTERVAL_MS: a thousand sources finishing in one cycle then cost a few snapshots of the
   * whole state instead of a thousand.
   *
   * `sourceIds` names the sources changed since the last save; without it every source counts
   * as changed. Only changed sources are turned into JSON again: the rest of a snapshot is the
   * JSON of their last one, so a snapshot of a thousand sources costs what their changes cost.
   */
  save(...sourceIds: string[]): Promise<void> {
    return this.schedule(sourceIds, false);
  }

  /**
   * save() for the last change of a burst, such as the last source of a poll cycle: its snapshot
   * starts as soon as the one being written (if any) is done, without waiting out the rest of
   * SAVE_INTERVAL_MS, since no more changes are coming for it to take along. Saves queued with it
   * share that snapshot.
   */
  saveNow(...sourceIds: string[]): Promise<void> {
    return this.schedule(sourceIds, true);
  }

  private schedule(sourceIds: string[], urgent: boolean): Promise<void> {
    if (sourceIds.length === 0) this.allChanged = true;
    for (const id of sourceIds) this.changed.add(id);
    if (urgent) {
      this.urgent = true;
      this.endWait?.();
    }
    if (this.queued) return this.queued;
    const next = this.writing.then(async () => {
      const wait = this.lastWriteAt + SAVE_INTERVAL_MS - Date.now();
      if (wait > 0 && !this.urgent) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.endWait = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.endWait = null;
      this.urgent = false;
      this.queued = null;
      this.lastWriteAt = Date.now();
      await this.writeSnapshot();
    });
    this.queued = next;
    // A failed write must not stop every later one.
    this.writing = next.catch(() => {});
    return next;
  }

  private async writeSnapshot(): Promise<void> {
    // Taken before the first await: changes saved while this writes go into the next snapshot.
    const all = this.allChanged;
    const changed = this.changed;
    this.allChanged = false;
    this.changed = new Set();
    const parts: string[] = [];
    for (const [id, state] of Object.entries(this.states)) {
      let json = all || changed.has(id) ? undefined : this.json.get(id);
      if (json === undefined) {
        json = JSON.stringify({ ...state, sent: Object.fromEntries(state.sent) });
        this.json.set(id, json);
      }
      // The comma goes with the key, a short piece: joined to the value, that would be copied once more.
      parts.push((parts.length > 0 ? ',' : '') + JSON.stringify(id) + ':', json);
    }
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      // Written piece by piece: one string for the whole state would be megabytes (chunkedWriter.ts).
      const handle = await open(this.file + '.tmp', 'w');
      try {
        const writer = new ChunkedWriter(handle, (this.buffer ??= Buffer.allocUnsafe(CHUNK_BYTES)));
        await writer.write('{');
        for (let i = 0; i < parts.length; i += 2) {
          // Only a write that has to wait for the disk is awaited (see ChunkedWriter.write).
          const key = writer.write(parts[i]!);
          if (key) await key;
          const value = writer.write(parts[i + 1]!);
          if (value) await value;
        }
        await writer.write('}');
        await writer.flush();
      } finally {
        await handle.close();
      }
      await rename(this.file + '.tmp', this.file);
    } catch (error) {
      // Not on disk: what this snapshot carried must go into the next one.
      if (all) this.allChanged = true;
      for (const id of changed) this.changed.add(id);
      throw error;
    }
  }
}
