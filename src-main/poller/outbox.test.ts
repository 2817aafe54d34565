import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { Outbox } from './outbox';

function batch(batchId: string): ItemBatch {
  return { batchId, sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00.000Z', feed: { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' }, items: [] };
}

const ids = (batches: ItemBatch[]): string[] => batches.map((b) => b.batchId);

function item(id: string, texts: Pick<FeedItem, 'summary' | 'text' | 'contentHtml'>): FeedItem {
  return { id, guid: id, url: `https://www.zakon.kz/${id}.html`, title: `Новость ${id}`, ...texts, author: null, publishedAt: '2026-02-26T12:00:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru' };
}

describe('Outbox', () => {
  let dataDir: string;
  let outboxDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-outbox-'));
    outboxDir = path.join(dataDir, 'outbox');
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  /** Batch ids in whole files on disk right now, read without any Outbox (what a restart finds). */
  function onDiskNow(): string[] {
    const found: string[] = [];
    for (const name of readdirSync(outboxDir).filter((n) => n.endsWith('.json'))) {
      const content = JSON.parse(readFileSync(path.join(outboxDir, name), 'utf8')) as ItemBatch | ItemBatch[];
      for (const b of Array.isArray(content) ? content : [content]) found.push(b.batchId);
    }
    return found;
  }

  const batchFiles = async (): Promise<string[]> => (await readdir(outboxDir)).filter((n) => n.endsWith('.json'));

  it('writes a text that repeats another of the item once, and gives every item back whole', async () => {
    const plain = 'Токаев и Вучич провели брифинг для представителей СМИ.';
    const html = '<p>Токаев и Вучич провели брифинг для представителей СМИ.</p>';
    const items = [
      item('all-same', { summary: plain, text: plain, contentHtml: plain }),
      item('text-is-summary', { summary: plain, text: plain, contentHtml: html }),
      item('html-is-text', { summary: plain.slice(0, 20), text: plain, contentHtml: plain }),
      item('all-different', { summary: plain.slice(0, 20), text: plain, contentHtml: html }),
      item('empty', { summary: '', text: '', contentHtml: '' }),
    ];
    const written = { ...batch('000000000000001-a'), items };
    await new Outbox(dataDir).append(written);
    const file = readFileSync(path.join(outboxDir, '000000000000001-a.json'), 'utf8');
    // The plain text (also inside the markup) is in the file six times, not ten.
    expect(file.split(plain).length - 1).toBe(6);
    const [read] = await new Outbox(dataDir).pending();
    expect(read).toEqual(written);
  });

  it('writes texts with quotes, backslashes, control characters and surrogates so that they read back the same', async () => {
    const texts = ['«Ёлка» "в кавычках"', 'C:\\path\\to', 'line\nbreak\ttab\u0001', 'emoji 🙂 and lone \ud83d surrogate', '\u2028\u2029', ''];
    const items = texts.map((t, i) => item(`i${i}`, { summary: t, text: `${t} more`, contentHtml: `<p>${t}</p>` }));
    items.push({ ...item('titled', { summary: 'a', text: 'a', contentHtml: '' }), title: texts.join(' | ') });
    const written = { ...batch('000000000000001-a'), items };
    await new Outbox(dataDir).append(written);
    expect(JSON.parse(readFileSync(path.join(outboxDir, '000000000000001-a.json'), 'utf8'))).toHaveLength(1);
    expect((await new Outbox(dataDir).pending())[0]).toEqual(written);
  });

  it('writes a batch of many long items, and one item longer than the write buffer, back whole', async () => {
    const sentence = 'Токаев и Вучич провели брифинг для представителей СМИ. ';
    const items = Array.from({ length: 200 }, (_, i) => item(`i${i}`, { summary: sentence.repeat(8) + i, text: i % 2 ? sentence.repeat(8) + i : sentence.repeat(20), contentHtml: i % 3 ? '' : `<p>${sentence}</p>` }));
    items.push(item('huge', { summary: 'x', text: sentence.repeat(20_000), contentHtml: '' }));
    const written = { ...batch('000000000000001-a'), items };
    await new Outbox(dataDir).append(written);
    expect((await new Outbox(dataDir).pending())[0]).toEqual(written);
  });

  it('keeps batches appended together in one file, in order, until each is acknowledged', async () => {
    const outbox = new Outbox(dataDir);
    await Promise.all([outbox.append(batch('000000000000002-b')), outbox.append(batch('000000000000001-a')), outbox.append(batch('000000000000003-c'))]);
    expect(await batchFiles()).toEqual(['000000000000001-a.json']);
    expect(ids(await outbox.pending())).toEqual(['000000000000001-a', '000000000000002-b', '000000000000003-c']);

    await outbox.ack('000000000000001-a');
    expect(ids(await outbox.pending())).toEqual(['000000000000002-b', '000000000000003-c']);
    // After a restart too: an acknowledged batch is not sent again.
    expect(ids(await new Outbox(dataDir).pending())).toEqual(['000000000000002-b', '000000000000003-c']);

    await outbox.ack('000000000000003-c');
    await outbox.ack('000000000000002-b');
    expect(await readdir(outboxDir)).toEqual([]);
    expect(await new Outbox(dataDir).pending()).toEqual([]);
  });

  it('records acknowledgements that come together, each resolved once its line is written, and a whole file as it goes', async () => {
    const outbox = new Outbox(dataDir);
    const batchIds = Array.from({ length: 6 }, (_, i) => `00000000000000${i}-x`);
    await Promise.all(batchIds.map((id) => outbox.append(batch(id))));
    await Promise.all(batchIds.slice(0, 4).map((id) => outbox.ack(id)));
    const logged = readFileSync(path.join(outboxDir, 'acked.log'), 'utf8').split('\n').filter(Boolean);
    expect(logged.sort()).toEqual(batchIds.slice(0, 4));
    expect(ids(await new Outbox(dataDir).pending())).toEqual(batchIds.slice(4));

    await Promise.all(batchIds.slice(4).map((id) => outbox.ack(id)));
    expect(await readdir(outboxDir)).toEqual([]);
    expect(await new Outbox(dataDir).pending()).toEqual([]);
  });

  it('resolves no append before its batch is on disk, whether it waited for a group or not', async () => {
    const outbox = new Outbox(dataDir);
    const seenAtResolve: Array<{ id: string; onDisk: string[] }> = [];
    const appends: Array<Promise<void>> = [];
    // Some in the same tick, some while earlier groups are being written.
    for (let i = 0; i < 30; i++) {
      const id = `${String(i).padStart(15, '0')}-x`;
      appends.push(outbox.append(batch(id)).then(() => void seenAtResolve.push({ id, onDisk: onDiskNow() })));
      if (i % 7 === 6) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(appends);
    expect(seenAtResolve).toHaveLength(30);
    for (const { id, onDisk } of seenAtResolve) expect(onDisk).toContain(id);
    // Grouped: fewer files (and fsyncs) than batches.
    expect((await batchFiles()).length).toBeLessThan(30);
    expect(await new Outbox(dataDir).pending()).toHaveLength(30);
  });

  it('makes the poller wait for room while many batches wait for the disk, and lets it go once they are written', async () => {
    const outbox = new Outbox(dataDir);
    let roomNow = false;
    await outbox.room().then(() => (roomNow = true));
    expect(roomNow).toBe(true);
    const appends = Array.from({ length: 40 }, (_, i) => outbox.append(batch(`${String(i).padStart(15, '0')}-x`)));
    let roomLater = false;
    const room = outbox.room().then(() => (roomLater = true));
    // Nothing is written before the next turn of the event loop: no room yet.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(roomLater).toBe(false);
    await Promise.all(appends);
    await room;
    expect(roomLater).toBe(true);
    expect(await new Outbox(dataDir).pending()).toHaveLength(40);
  });

  it('fails only the batch that cannot be written; the others of its group are kept', async () => {
    const outbox = new Outbox(dataDir);
    const broken = { ...batch('000000000000002-b'), fetchedAt: 1n } as unknown as ItemBatch;
    const results = await Promise.allSettled([outbox.append(batch('000000000000001-a')), outbox.append(broken), outbox.append(batch('000000000000003-c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(ids(await new Outbox(dataDir).pending())).toEqual(['000000000000001-a', '000000000000003-c']);
  });

  it('loses nothing already appended when a later write is cut short by a crash', async () => {
    const outbox = new Outbox(dataDir);
    await outbox.append(batch('000000000000001-a'));
    await outbox.append(batch('000000000000002-b'));
    // What a crash during the next group write leaves: its temporary file, half written.
    await writeFile(path.join(outboxDir, '000000000000003-c.json.tmp'), '[{"batchId":"000000000000003-c","sour');
    const afterRestart = new Outbox(dataDir);
    expect(ids(await afterRestart.pending())).toEqual(['000000000000001-a', '000000000000002-b']);
    await afterRestart.ack('000000000000001-a');
    await afterRestart.ack('000000000000002-b');
    expect(await batchFiles()).toEqual([]);
  });

  it('reads and removes single-batch files an earlier version left', async () => {
    await new Outbox(dataDir).append(batch('000000000000001-a'));
    await writeFile(path.join(outboxDir, '000000000000002-b.json'), JSON.stringify(batch('000000000000002-b')));
    const outbox = new Outbox(dataDir);
    expect(ids(await outbox.pending())).toEqual(['000000000000001-a', '000000000000002-b']);
    await outbox.ack('000000000000002-b');
    expect(await batchFiles()).toEqual(['000000000000001-a.json']);
  });

  it('refuses a batch id that is not a plain file name', async () => {
    await expect(new Outbox(dataDir).append(batch('../../etc/passwd'))).rejects.toThrow(/Invalid batch id/);
  });

  it('makes its folder again when it was removed while running', async () => {
    const outbox = new Outbox(dataDir);
    await outbox.append(batch('000000000000001-a'));
    await rm(outboxDir, { recursive: true });
    await outbox.append(batch('000000000000002-b'));
    expect(ids(await outbox.pending())).toEqual(['000000000000002-b']);
  });
});
