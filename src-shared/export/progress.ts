// Cooperative progress for long exports: a thousand clippings must not freeze the window, and the
// user's Cancel must be heard between two items.
import type { WriterOptions } from './types';

/** The error a cancelled export throws: name 'AbortError', like fetch's. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The export was cancelled');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Give the event loop a turn (setTimeout exists in every runtime we run in). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long a writer may work before it gives the event loop a turn: about one frame. */
const SLICE_MS = 12;

/**
 * Drives a writer's per-item loop: reports progress, yields to the event loop when a slice of
 * work is used up (not after every item: a timer turn costs up to 4 ms in a browser), and throws
 * AbortError once the signal fires.
 */
export class Pacer {
  private last = Date.now();
  readonly total: number;
  private done = 0;

  constructor(
    items: number,
    private readonly options: WriterOptions = {},
  ) {
    this.total = items + 1;
    throwIfAborted(options.signal);
  }

  /** After one item. */
  async step(): Promise<void> {
    this.done++;
    this.options.onProgress?.(this.done, this.total);
    if (Date.now() - this.last >= SLICE_MS) {
      await nextTurn();
      this.last = Date.now();
    }
    throwIfAborted(this.options.signal);
  }

  /** Before a long uninterruptible step (packing a DOCX, laying out a PDF): yield and check once more. */
  async beforeAssembly(): Promise<void> {
    await nextTurn();
    throwIfAborted(this.options.signal);
  }

  /** The file is written. */
  finish(): void {
    throwIfAborted(this.options.signal);
    this.done = this.total;
    this.options.onProgress?.(this.total, this.total);
  }
}
