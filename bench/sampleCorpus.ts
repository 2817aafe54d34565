// Realistic items for benchmarks: sentences of the reference Zakon.kz article, recombined.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function referenceSentences(root: string): string[] {
  const text = readFileSync(path.join(root, 'resources', 'reference', 'zakon-2026-02-26-tokayev-vucic-briefing.txt'), 'utf8');
  return text
    .split(/(?<=[.!?»"])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 30);
}

/** An RSS 2.0 document with `count` items, deterministic for a given count. */
export function generateRss(count: number, sentences: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const start = Date.parse('2026-02-26T12:00:00Z');
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = sentences[i % sentences.length]!.slice(0, 90);
    const body = [0, 1, 2].map((k) => sentences[(i * 7 + k) % sentences.length]!).join(' ');
    items.push(
      `<item><title>${escape(`${i + 1}. ${title}`)}</title><link>https://www.zakon.kz/bench-${i}.html</link>` +
        `<guid isPermaLink="false">bench-${i}</guid><pubDate>${new Date(start - i * 60_000).toUTCString()}</pubDate>` +
        `<description>${escape(body)}</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed</title><link>https://www.zakon.kz/</link><language>ru</language>${items.join('')}</channel></rss>`;
}
