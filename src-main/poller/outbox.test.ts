import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemBatch } from '../../src-shared/model';
import { Outbox } from './outbox';

function batch(batchId: string): ItemBatch {
  return { batchId, sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00.000Z', feed: { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' }, items: [] };
}

describe('Outbox', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-outbox-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps whole batch files only, in order, until acknowledged', async () => {
    const outbox = new Outbox(dataDir);
    await Promise.all([outbox.append(batch('000000000000002-b')), outbox.append(batch('000000000000001-a'))]);
    expect(await readdir(path.join(dataDir, 'outbox'))).toEqual(expect.arrayContaining(['000000000000001-a.json', '000000000000002-b.json']));
    expect((await outbox.pending()).map((b) => b.batchId)).toEqual(['000000000000001-a', '000000000000002-b']);
    await outbox.ack('000000000000001-a');
    expect((await outbox.pending()).map((b) => b.batchId)).toEqual(['000000000000002-b']);
  });

  it('makes its folder again when it was removed while running', async () => {
    const outbox = new Outbox(dataDir);
    await outbox.append(batch('000000000000001-a'));
    await rm(path.join(dataDir, 'outbox'), { recursive: true });
    await outbox.append(batch('000000000000002-b'));
    expect((await outbox.pending()).map((b) => b.batchId)).toEqual(['000000000000002-b']);
  });
});
