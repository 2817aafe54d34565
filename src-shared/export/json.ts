// JSON: the report's data for other tools. Image bytes are left out (their URL stays).
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

export async function writeJson(items: readonly ReportItem[], meta: ReportMeta, options: WriterOptions = {}): Promise<string> {
  const pacer = new Pacer(items.length, options);
  const out: unknown[] = [];
  for (const item of items) {
    const { imageBytes: _bytes, ...rest } = item;
    out.push({ ...rest, imageUrl: item.imageUrl ?? null, text: meta.includeFullText ? item.text : undefined });
    await pacer.step();
  }
  const { charts, ...plainMeta } = meta;
  const json = JSON.stringify({ meta: { ...plainMeta, charts: charts?.map((c) => c.title) ?? [] }, items: out }, null, 2);
  pacer.finish();
  return json + '\n';
}
