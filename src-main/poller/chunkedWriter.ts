// Writes a file from many small strings through one reused buffer. The poller's files (outbox
// groups, poll state) are megabytes of JSON each cycle; made as one string and one Buffer, each
// would be a large object the garbage collector frees only in a full collection, and the heap
// grows to hold a cycle's worth of them. Small strings die young and the buffer is never freed.
import type { FileHandle } from 'node:fs/promises';

/** Bytes written per system call. */
export const CHUNK_BYTES = 256 * 1024;

export class ChunkedWriter {
  private used = 0;

  /** `buffer` may be shared by writers that never run at the same time. */
  constructor(
    private readonly handle: FileHandle,
    private readonly buffer: Buffer,
  ) {}

  /**
   * Puts `text` into the buffer, writing the buffer out first when it is full. Returns a promise
   * only when it has to wait for the disk: most pieces fit, and a hot loop that awaits only a
   * returned promise saves a suspension per piece (`await` of anything costs one).
   */
  write(text: string): Promise<void> | undefined {
    // UTF-8 needs at most 3 bytes per UTF-16 unit: only text that might not fit is measured.
    const bytes = this.used + text.length * 3 <= this.buffer.length ? 0 : Buffer.byteLength(text, 'utf8');
    if (this.used + bytes <= this.buffer.length) {
      this.used += this.buffer.write(text, this.used, 'utf8');
      return undefined;
    }
    return this.writeAfterFlush(text, bytes);
  }

  /** `bytes`: the text's UTF-8 length, measured by write. */
  private async writeAfterFlush(text: string, bytes: number): Promise<void> {
    await this.flush();
    if (this.used + bytes <= this.buffer.length) this.used += this.buffer.write(text, this.used, 'utf8');
    else await writeAll(this.handle, Buffer.from(text, 'utf8'));
  }

  /** Writes out what the buffer holds; call before syncing or closing. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const length = this.used;
    this.used = 0;
    await writeAll(this.handle, this.buffer.subarray(0, length));
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    // A short write happens on a nearly full disk; no progress at all means it is full.
    if (bytesWritten <= 0) throw new Error('The disk took no more bytes');
    offset += bytesWritten;
  }
}
