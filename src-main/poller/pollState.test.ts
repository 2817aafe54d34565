import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollStateFile } from './pollState';

describe('PollStateFile', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-state-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('resolves each save only once a snapshot holding its change is on disk, however many run together', async () => {
    const state = new PollStateFile(dataDir);
    const onDisk = async (): Promise<Record<string, { etag: string | null }>> => JSON.parse(await readFile(path.join(dataDir, 'poll-state.json'), 'utf8'));
    const checks: Array<Promise<void>> = [];
    for (let i = 0; i < 50; i++) {
      state.get(`s${i}`).etag = `"v${i}"`;
      checks.push(state.save().then(async () => expect((await onDisk())[`s${i}`]?.etag).toBe(`"v${i}"`)));
      // Some changes arrive while a write is already running.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(checks);
    const reloaded = new PollStateFile(dataDir);
    await reloaded.load();
    expect(reloaded.get('s49').etag).toBe('"v49"');
    expect(reloaded.get('s0').etag).toBe('"v0"');
  });

  it('lets saveNow skip the rest of the interval between snapshots, also for a save already waiting', async () => {
    // Timers that never fire on their own: a save that waits out the interval would never end.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const state = new PollStateFile(dataDir);
      const onDisk = async (): Promise<Record<string, { etag: string | null }>> => JSON.parse(await readFile(path.join(dataDir, 'poll-state.json'), 'utf8'));
      state.get('a').etag = '"1"';
      await state.save('a');
      // A snapshot was just written: a plain save now waits for the interval to pass.
      state.get('b').etag = '"1"';
      const waiting = state.save('b');
      state.get('c').etag = '"1"';
      await state.saveNow('c');
      await waiting;
      expect(await onDisk()).toMatchObject({ a: { etag: '"1"' }, b: { etag: '"1"' }, c: { etag: '"1"' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes what each save names and what a save without names changed, for every source', async () => {
    const state = new PollStateFile(dataDir);
    const onDisk = async (): Promise<Record<string, { etag: string | null; sent: Record<string, string> }>> => JSON.parse(await readFile(path.join(dataDir, 'poll-state.json'), 'utf8'));
    for (const id of ['a', 'b', 'c']) state.get(id).etag = '"1"';
    await state.save();
    state.get('a').etag = '"2"';
    state.get('a').sent.set('item-1', 'print');
    await state.save('a');
    expect(await onDisk()).toMatchObject({ a: { etag: '"2"', sent: { 'item-1': 'print' } }, b: { etag: '"1"' }, c: { etag: '"1"' } });
    // As sources.resend does: several sources changed, saved without naming them.
    state.get('b').etag = null;
    state.get('c').etag = null;
    await state.save();
    expect(await onDisk()).toMatchObject({ a: { etag: '"2"' }, b: { etag: null }, c: { etag: null } });
    const reloaded = new PollStateFile(dataDir);
    await reloaded.load();
    expect(reloaded.get('a').sent).toEqual(new Map([['item-1', 'print']]));
  });
});
