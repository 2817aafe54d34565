// Per-source poll state kept by the main process: validators for conditional GET, schedule,
// backoff and the fingerprints of items already handed to the renderer.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  /** item id -> fingerprint of title and text, so unchanged items are not sent again. */
  sent: Record<string, string>;
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
    sent: {},
  };
}

/** Shortest time between two snapshots of the state file (see save()). */
const SAVE_INTERVAL_MS = 250;

export class PollStateFile {
  private readonly file: string;
  private states: Record<string, SourcePollState> = {};
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private lastWriteAt = 0;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'poll-state.json');
  }

  async load(): Promise<void> {
    try {
      this.states = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, SourcePollState>;
    } catch {
      this.states = {};
    }
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
   */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.writing.then(async () => {
      const wait = this.lastWriteAt + SAVE_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.queued = null;
      this.lastWriteAt = Date.now();
      const snapshot = JSON.stringify(this.states);
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(this.file + '.tmp', snapshot);
      await rename(this.file + '.tmp', this.file);
    });
    this.queued = next;
    // A failed write must not stop every later one.
    this.writing = next.catch(() => {});
    return next;
  }
}
