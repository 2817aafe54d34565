// "Same story" grouping cost at 100,000 stored items, and the decision's precision/recall on the
// labelled corpus. Run alone with `npx tsx bench/similarity.ts`, or call benchSimilarity(report).
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Figure } from './harness';
import { clearAnalyzerCache } from '../src-shared/text';
import { evaluatePairs, fingerprint, MemoryBandIndex, StoryGrouper, type Fingerprint } from '../src-shared/similarity';
import { BRIEFING_RU } from '../src-shared/similarity/testdata/briefing';
import { HELD_OUT } from '../src-shared/similarity/testdata/heldout';
import { labelledPairs, STORIES } from '../src-shared/similarity/testdata/stories';

type Report = (figure: Figure) => void;

/** A small deterministic PRNG (mulberry32) so every run measures the same items. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic news in the shape of the real feed: Russian sentences whose words follow the
 * reference article's word frequencies (so stems, stopwords and shingle counts are realistic),
 * names from a pool of 4,000, figures; one item in ten retells an earlier item (reprint with a
 * new title, or the lead only), as outlets do.
 */
function syntheticItems(count: number): Array<{ id: string; publishedAt: string; title: string; text: string; language: string }> {
  const random = rng(20260226);
  const words = BRIEFING_RU.toLowerCase().match(/[\p{L}]{2,}/gu) ?? [];
  const syllables = ['ка', 'ра', 'сын', 'бек', 'ай', 'нур', 'жан', 'ер', 'тал', 'гүл', 'мұ', 'ов', 'ев', 'ин', 'ало', 'сер', 'ма', 'лик', 'дар', 'хан'];
  const names: string[] = [];
  for (let i = 0; i < 4000; i++) {
    let n = '';
    const len = 2 + Math.floor(random() * 3);
    for (let j = 0; j < len; j++) n += syllables[Math.floor(random() * syllables.length)]!;
    names.push(n.charAt(0).toUpperCase() + n.slice(1));
  }
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = () => {
    const parts: string[] = [];
    const len = 8 + Math.floor(random() * 12);
    for (let i = 0; i < len; i++) {
      const r = random();
      parts.push(r < 0.1 ? pick(names) : r < 0.14 ? String(Math.floor(random() * 2000)) : pick(words));
    }
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const start = Date.parse('2026-01-01T00:00:00Z');
  const items: Array<{ id: string; publishedAt: string; title: string; text: string; language: string }> = [];
  for (let i = 0; i < count; i++) {
    const publishedAt = new Date(start + i * 30_000).toISOString();
    const earlier = i > 50 && random() < 0.1 ? items[i - 1 - Math.floor(random() * 50)] : undefined;
    if (earlier) {
      const text = random() < 0.5 ? earlier.text : earlier.text.split('. ').slice(0, 3).join('. ');
      items.push({ id: `n${i}`, publishedAt, title: sentence(), text, language: 'ru' });
    } else {
      const paragraphs = 4 + Math.floor(random() * 6);
      items.push({ id: `n${i}`, publishedAt, title: sentence(), text: Array.from({ length: paragraphs }, sentence).join(' '), language: 'ru' });
    }
  }
  return items;
}

export async function benchSimilarity(report: Report, count = 100_000): Promise<void> {
  const items = syntheticItems(count);
  clearAnalyzerCache();
  const index = new MemoryBandIndex();
  let candidates = 0;
  const grouper = new StoryGrouper((keys) => {
    const rows = [...index.lookup(keys)];
    candidates += rows.length;
    return rows;
  });
  let matched = 0;
  let fingerprintMs = 0;
  const t0 = performance.now();
  for (const item of items) {
    const f0 = performance.now();
    const fp = fingerprint(item);
    fingerprintMs += performance.now() - f0;
    const a = grouper.assignSync({ id: item.id, publishedAt: item.publishedAt, fingerprint: fp });
    if (a.matchedId) matched++;
    index.add({ id: item.id, publishedAt: item.publishedAt, fingerprint: fp, storyId: a.storyId });
  }
  const totalMs = performance.now() - t0;
  const context = { items: count, bandKeys: index.keyCount };
  report({ name: 'similarity.groupPerItem', value: +(totalMs / count).toFixed(4), unit: 'ms', ...context, note: 'fingerprint + band lookup (Map) + decision, amortised' });
  report({ name: 'similarity.fingerprintPerItem', value: +(fingerprintMs / count).toFixed(4), unit: 'ms', ...context });
  report({ name: 'similarity.candidatesPerItem', value: +(candidates / count).toFixed(2), unit: 'rows', ...context, note: 'index rows returned per lookup, repeats included' });
  report({ name: 'similarity.retellingsJoined', value: matched, unit: 'items', ...context, note: 'about 10% of the synthetic items retell an earlier one' });
  const sample = JSON.stringify(fingerprint(items[0]!)).length;
  report({ name: 'similarity.fingerprintSize', value: sample, unit: 'bytes JSON', ...context });

  const fps = new Map<string, Fingerprint>([...STORIES, ...HELD_OUT].map((s) => [s.id, fingerprint(s)]));
  const heldOut = new Set(HELD_OUT.map((h) => h.id));
  const sets = [
    { name: 'tuning', pairs: labelledPairs(STORIES) },
    { name: 'heldOut', pairs: labelledPairs([...STORIES, ...HELD_OUT]).filter((p) => heldOut.has(p.a.id) || heldOut.has(p.b.id)) },
  ];
  for (const set of sets) {
    const e = evaluatePairs(set.pairs.map((p) => ({ a: fps.get(p.a.id)!, b: fps.get(p.b.id)!, same: p.same })));
    const labelled = { set: set.name, pairs: set.pairs.length, tp: e.tp, fp: e.fp, fn: e.fn, tn: e.tn };
    report({ name: `similarity.${set.name}.precision`, value: +e.precision.toFixed(4), unit: 'ratio', ...labelled });
    report({ name: `similarity.${set.name}.recall`, value: +e.recall.toFixed(4), unit: 'ratio', ...labelled });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchSimilarity((f) => process.stdout.write(JSON.stringify(f) + '\n'), Number(process.argv[2]) || 100_000);
}
