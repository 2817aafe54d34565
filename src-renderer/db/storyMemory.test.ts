import { describe, expect, it } from 'vitest';
import { fingerprint, type GroupedItem } from '../../src-shared/similarity';
import { BAND_LIMIT, memoryFromPrints, StoryMemory } from './storyMemory';

const fp = fingerprint({ title: 'Токаев и Вучич провели брифинг для СМИ', text: 'Президенты Казахстана и Сербии подписали соглашения о сотрудничестве в Астане.', language: 'ru' });
const held = (key: string, publishedAt = '2026-02-26T12:00:00Z'): GroupedItem => ({ id: key, storyId: key, publishedAt, fingerprint: fp });

describe('StoryMemory', () => {
  it('keeps the newest items under a band, at most BAND_LIMIT', () => {
    const memory = new StoryMemory(1000);
    for (let i = 0; i < BAND_LIMIT + 5; i++) memory.add(held(`k${i}`));
    const band = memory.band(fp.bands[0]!);
    expect(band).toHaveLength(BAND_LIMIT);
    expect(band.at(-1)).toBe(`k${BAND_LIMIT + 4}`);
    expect(band[0]).toBe('k5');
  });

  it('lets the oldest arrival go when full, with its band entries', () => {
    const memory = new StoryMemory(3);
    for (const key of ['a', 'b', 'c', 'd']) memory.add(held(key));
    expect(memory.size).toBe(3);
    expect(memory.get('a')).toBeUndefined();
    expect(memory.band(fp.bands[0]!)).toEqual(['b', 'c', 'd']);
  });

  it('forgets removed items, and a band left empty goes', () => {
    const memory = new StoryMemory();
    memory.add(held('a'));
    memory.forget(['a']);
    expect(memory.size).toBe(0);
    expect(memory.band(fp.bands[0]!)).toEqual([]);
  });

  it('is rebuilt from stored prints, newest first, and rebuilds the band keys of prints stored without them', () => {
    const { bands, ...withoutBands } = fp;
    const rows = [
      { key: 'new', storyId: 's', publishedAt: '2026-02-26T13:00:00Z', fp },
      { key: 'old', storyId: 's', publishedAt: '2026-02-26T12:00:00Z', fp: withoutBands },
      { key: 'oldest', storyId: 's', publishedAt: '2026-02-26T11:00:00Z', fp },
    ];
    const memory = memoryFromPrints(rows, 2);
    expect(memory.get('oldest')).toBeUndefined();
    // Oldest first, so the newest is last under a band; the rebuilt print has the wording's bands.
    expect(memory.band(bands[0]!)).toEqual(['old', 'new']);
    expect(memory.get('old')!.fingerprint.bands).toContain(bands[0]);
  });
});
