// DOCX and PDF digests of 1,000 clippings: how long they take and how big they get.
// Run alone with `npx tsx bench/exports.ts`, or call benchExports(report).
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Figure } from './harness';
import { writeDocx, writePdf, type ReportItem, type ReportMeta } from '../src-shared/export';
import { manyItems, SAMPLE_META } from '../src-shared/export/testdata';
import { BRIEFING_RU } from '../src-shared/similarity/testdata/briefing';
import { loadReportFonts } from '../src-main/export/fonts';
import { nodePdfMake } from '../src-main/export/pdf';

type Report = (figure: Figure) => void;

/** The longest time the event loop went without a turn while `work` ran: what a user would feel as a freeze. */
async function withStallMonitor<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestStallMs: longest };
  } finally {
    clearInterval(timer);
  }
}

/** 1,000 clippings over a week; full texts are about 3,000 characters, a long news item. */
function clippings(count: number): ReportItem[] {
  const paragraphs = BRIEFING_RU.split(/\n\s*\n/);
  return manyItems(count).map((item, i) => ({
    ...item,
    text: paragraphs.slice(i % 10, (i % 10) + 6).join('\n\n'),
  }));
}

export async function benchExports(report: Report, count = 1000): Promise<void> {
  const fonts = await loadReportFonts();
  const pdfMake = nodePdfMake();
  const items = clippings(count);
  const cases: Array<{ label: string; meta: ReportMeta }> = [
    { label: 'lead', meta: { ...SAMPLE_META, includeFullText: false, includeImages: false } },
    { label: 'fullText', meta: { ...SAMPLE_META, includeFullText: true, includeImages: false } },
  ];
  for (const { label, meta } of cases) {
    let t = performance.now();
    const { result: docx, longestStallMs: docxStall } = await withStallMonitor(() => writeDocx(items, meta, { fonts }));
    const docxSeconds = (performance.now() - t) / 1000;
    report({ name: `exports.docx.${label}.seconds`, value: +docxSeconds.toFixed(2), unit: 's', items: count, bytes: docx.length });
    report({ name: `exports.docx.${label}.size`, value: +(docx.length / 1048576).toFixed(2), unit: 'MB', items: count, note: 'DejaVu Sans regular and bold embedded' });
    report({ name: `exports.docx.${label}.longestStall`, value: Math.round(docxStall), unit: 'ms', items: count, note: 'longest event-loop block (packing the zip)' });
    t = performance.now();
    const { result: pdf, longestStallMs: pdfStall } = await withStallMonitor(() => writePdf(items, meta, { fonts, pdfMake }));
    const pdfSeconds = (performance.now() - t) / 1000;
    report({ name: `exports.pdf.${label}.seconds`, value: +pdfSeconds.toFixed(2), unit: 's', items: count, bytes: pdf.length });
    report({ name: `exports.pdf.${label}.size`, value: +(pdf.length / 1048576).toFixed(2), unit: 'MB', items: count, note: 'DejaVu Sans subset embedded' });
    report({ name: `exports.pdf.${label}.longestStall`, value: Math.round(pdfStall), unit: 'ms', items: count, note: 'longest event-loop block (pdfmake lays out the whole document in one go)' });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchExports((f) => process.stdout.write(JSON.stringify(f) + '\n'), Number(process.argv[2]) || 1000);
}
