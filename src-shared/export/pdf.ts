// The PDF press digest with pdfmake: cover, table of contents with page numbers, charts, then
// the clippings by section; DejaVu Sans embedded (subset) so every Kazakh letter prints.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportFonts } from './docx';
import { labelsFor } from './labels';
import { base64, bodyOf, clean, fit, formatDateTime, formatPeriod, imageInfo, paragraphs, safeUrl, sections } from './layout';
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

/**
 * The part of a pdfmake instance the writer uses. pdfmake is a different build on each side, so
 * the caller hands in its own:
 *  - Node: `import pdfMake from 'pdfmake'` (the server build; see src-main/export/pdf.ts, which
 *    also turns off its URL and file access so a report can never read a local file or fetch);
 *  - browser/renderer: `import pdfMake from 'pdfmake/build/pdfmake'` (the browser build, which
 *    brings its own Buffer and stream shims); no vfs_fonts needed, fonts come from the caller.
 * Both keep files in `pdfMake.virtualfs`, where this writer puts the fonts.
 */
export interface PdfMakeLike {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

export interface PdfOptions extends WriterOptions {
  pdfMake: PdfMakeLike;
  fonts: ReportFonts;
}

const FONT = 'PressWatchDejaVuSans';
const CONTENT_WIDTH_PT = 515; // A4 (595 pt) minus 40 pt margins

/** The digest as .pdf bytes. */
export async function writePdf(items: readonly ReportItem[], meta: ReportMeta, options: PdfOptions): Promise<Uint8Array> {
  const { pdfMake, fonts } = options;
  const l = labelsFor(meta.locale);
  const pacer = new Pacer(items.length, options);
  // The vfs belongs to the pdfmake instance and outlives this export: the font names are fixed,
  // so the next export overwrites rather than adds.
  pdfMake.virtualfs.writeFileSync('presswatch-dejavu.ttf', fonts.regular);
  pdfMake.virtualfs.writeFileSync('presswatch-dejavu-bold.ttf', fonts.bold ?? fonts.regular);
  pdfMake.addFonts({
    [FONT]: { normal: 'presswatch-dejavu.ttf', bold: 'presswatch-dejavu-bold.ttf', italics: 'presswatch-dejavu.ttf', bolditalics: 'presswatch-dejavu-bold.ttf' },
  });
  const images: Record<string, string> = {};
  let imageCount = 0;
  const addImage = (bytes: Uint8Array, maxHeight: number): Content | null => {
    const info = imageInfo(bytes);
    // pdfmake embeds JPEG and PNG only.
    if (!info || (info.type !== 'jpg' && info.type !== 'png')) return null;
    // A data URL, not the vfs: PDFKit in Node takes only a Buffer or a path for an image, and a
    // data URL works in both builds.
    const name = `image-${++imageCount}`;
    images[name] = `data:${info.mime};base64,${base64(bytes)}`;
    const size = fit({ width: info.width * 0.75, height: info.height * 0.75 }, CONTENT_WIDTH_PT, maxHeight);
    return { image: name, width: size.width, height: size.height, margin: [0, 2, 0, 6] };
  };

  const content: Content[] = [
    { text: clean(meta.title), style: 'cover', margin: [0, 180, 0, 16] },
    { text: `${l.period}: ${formatPeriod(meta)}`, alignment: 'center', fontSize: 13 },
    { text: l.items(items.length), alignment: 'center', color: '#555555', margin: [0, 6, 0, 0], pageBreak: 'after' },
    { toc: { title: { text: l.contents, style: 'h1' }, numberStyle: { fontSize: 9 }, textStyle: { fontSize: 9 } } },
  ];
  const charts = meta.charts ?? [];
  if (charts.length) {
    content.push({ text: l.charts, style: 'h1', tocItem: true, pageBreak: 'before' });
    for (const chart of charts) {
      content.push({ text: clean(chart.title), bold: true, margin: [0, 8, 0, 4] });
      if (chart.svg) content.push({ svg: chart.svg, fit: [CONTENT_WIDTH_PT, 400] });
      else if (chart.png) {
        const img = addImage(chart.png, 400);
        if (img) content.push(img);
      }
    }
  }
  for (const section of sections(items, meta)) {
    content.push({ text: clean(section.heading), style: 'h1', tocItem: true, pageBreak: 'before' });
    for (const item of section.items) {
      const block: Content[] = [{ text: clean(item.title) || '—', style: 'h2', tocItem: true, tocStyle: { fontSize: 8 }, tocMargin: [12, 0, 0, 0] }];
      const line = [clean(item.outlet), clean(item.author), formatDateTime(item.publishedAt, meta)].filter(Boolean).join(' · ');
      block.push({ text: line, style: 'meta' });
      const url = safeUrl(item.url);
      if (url) block.push({ text: [{ text: `${l.link}: `, bold: true }, { text: url, link: url, color: '#1a4f9c' }], style: 'field' });
      if (item.tags.length) block.push({ text: [{ text: `${l.tags}: `, bold: true }, clean(item.tags.join(', '))], style: 'field' });
      if (item.tone) block.push({ text: [{ text: `${l.tone}: `, bold: true }, l.tones[item.tone]], style: 'field' });
      if (item.note) {
        block.push({
          table: { widths: ['*'], body: [[{ text: [{ text: `${l.note}: `, bold: true }, { text: clean(item.note), italics: true }], fillColor: '#fff6d5', margin: [4, 3, 4, 3] }]] },
          layout: 'noBorders',
          margin: [0, 3, 0, 5],
        });
      }
      if (meta.includeImages && item.imageBytes) {
        const img = addImage(item.imageBytes, 300);
        if (img) block.push(img);
      }
      for (const p of paragraphs(bodyOf(item, meta))) block.push({ text: p, style: 'body' });
      content.push({ stack: block, margin: [0, 0, 0, 8] });
      await pacer.step();
    }
  }

  const doc: TDocumentDefinitions = {
    info: { title: clean(meta.title), creator: 'PressWatch' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.2 },
    styles: {
      cover: { fontSize: 24, bold: true, alignment: 'center' },
      h1: { fontSize: 16, bold: true, color: '#1f3864', margin: [0, 0, 0, 10] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
      meta: { fontSize: 8.5, color: '#555555', margin: [0, 0, 0, 3] },
      field: { fontSize: 8.5, margin: [0, 0, 0, 2] },
      body: { margin: [0, 0, 0, 5] },
    },
    images,
    footer: (currentPage: number, pageCount: number) => ({ text: `${l.page} ${currentPage} / ${pageCount}`, alignment: 'center', fontSize: 8, color: '#777777', margin: [0, 20, 0, 0] }),
    content,
  };
  await pacer.beforeAssembly();
  const buffer = await pdfMake.createPdf(doc).getBuffer();
  pacer.finish();
  // Buffer in Node, its shim in the browser build: both are Uint8Arrays over a shared pool.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}
