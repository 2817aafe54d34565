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

export class PollStateFile {
  private readonly file: string;
  private states: Record<string, SourcePollState> = {};
  private writing: Promise<void> = Promise.resolve();

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

  /** Saves are serialised so two polls finishing together never interleave their writes. */
  save(): Promise<void> {
    const snapshot = JSON.stringify(this.states);
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(this.file + '.tmp', snapshot);
      await rename(this.file + '.tmp', this.file);
    });
    return this.writing;
  }
}
