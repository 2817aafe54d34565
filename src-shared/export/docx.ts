// The DOCX press digest: cover, table of contents, charts, then the clippings by section.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  TableOfContents,
  TextRun,
  type IPropertiesOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { labelsFor } from './labels';
import { bodyOf, clean, fit, formatDateTime, formatPeriod, imageInfo, paragraphs, safeUrl, sections } from './layout';
import { Pacer } from './progress';
import type { ReportItem, ReportMeta, WriterOptions } from './types';

/** DejaVu Sans, as bytes the caller loaded (Node: from resources/fonts; browser: fetched asset). */
export interface ReportFonts {
  regular: Uint8Array;
  bold?: Uint8Array;
}

export interface DocxOptions extends WriterOptions {
  /**
   * Embedded in the file so Kazakh letters show on machines without the font (Word honours
   * embedded fonts; LibreOffice reads them too). Without it the document still names DejaVu Sans.
   */
  fonts?: ReportFonts;
  /**
   * Lay the pages out as Word would (measuring the embedded font) so the contents show page
   * numbers as written, instead of Word offering to update the field on opening. It costs about
   * 15–30 ms per clipping, so by default only digests of up to 150 clippings get it.
   */
  contentsPageNumbers?: boolean;
}

const PAGE_NUMBERS_UP_TO = 150;

export const REPORT_FONT = 'DejaVu Sans';

// docx types font data as Node's Buffer, but only reads bytes from it (and runs in browsers).
type FontData = NonNullable<IPropertiesOptions['fonts']>[number]['data'];
const asFontData = (bytes: Uint8Array) => bytes as unknown as FontData;

/** Text width of an A4 page with the margins below, in pixels at 96 dpi (what ImageRun takes). */
const CONTENT_WIDTH_PX = 600;

function field(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 40 },
    children: [new TextRun({ text: `${label}: `, bold: true, size: 18 }), new TextRun({ text: clean(value), size: 18 })],
  });
}

function image(bytes: Uint8Array, maxHeight: number): Paragraph | null {
  const info = imageInfo(bytes);
  // Word takes PNG, JPEG, GIF and BMP; a WebP would make the file unreadable.
  if (!info || info.type === 'webp') return null;
  const size = fit(info, CONTENT_WIDTH_PX, maxHeight);
  return new Paragraph({ spacing: { after: 120 }, children: [new ImageRun({ type: info.type, data: bytes, transformation: size })] });
}

function itemBlock(item: ReportItem, meta: ReportMeta): Paragraph[] {
  const l = labelsFor(meta.locale);
  const out: Paragraph[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(clean(item.title) || '—')] }));
  const line = [clean(item.outlet), clean(item.author), formatDateTime(item.publishedAt, meta)].filter(Boolean).join(' · ');
  out.push(new Paragraph({ keepNext: true, spacing: { after: 60 }, children: [new TextRun({ text: line, color: '555555', size: 18 })] }));
  const url = safeUrl(item.url);
  if (url) {
    const link: ParagraphChild = new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink', size: 18 })] });
    out.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${l.link}: `, bold: true, size: 18 }), link] }));
  }
  if (item.tags.length) out.push(field(l.tags, item.tags.join(', ')));
  if (item.tone) out.push(field(l.tone, l.tones[item.tone]));
  if (item.note) {
    out.push(
      new Paragraph({
        shading: { type: ShadingType.CLEAR, fill: 'FFF6D5', color: 'auto' },
        spacing: { before: 60, after: 60 },
        children: [new TextRun({ text: `${l.note}: `, bold: true }), new TextRun({ text: clean(item.note), italics: true })],
      }),
    );
  }
  if (meta.includeImages && item.imageBytes) {
    const img = image(item.imageBytes, 360);
    if (img) out.push(img);
  }
  for (const p of paragraphs(bodyOf(item, meta))) out.push(new Paragraph({ spacing: { after: 100 }, children: [new TextRun(p)] }));
  return out;
}

/** The digest as .docx bytes. */
export async function writeDocx(items: readonly ReportItem[], meta: ReportMeta, options: DocxOptions = {}): Promise<Uint8Array> {
  const l = labelsFor(meta.locale);
  const pacer = new Pacer(items.length, options);
  const writePageNumbers = options.contentsPageNumbers ?? items.length <= PAGE_NUMBERS_UP_TO;
  const cover: Paragraph[] = [
    new Paragraph({ spacing: { before: 2400, after: 240 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: clean(meta.title), bold: true, size: 48 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${l.period}: ${formatPeriod(meta)}`, size: 26 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l.items(items.length), size: 22, color: '555555' })] }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(l.contents)] }),
  ];
  const body: Array<Paragraph | TableOfContents> = [
    ...cover,
    new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const charts = meta.charts ?? [];
  if (charts.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.charts)] }));
    for (const chart of charts) {
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: clean(chart.title), bold: true })] }));
      // DOCX takes the raster version; an SVG-only chart is listed by title.
      const img = chart.png ? image(chart.png, 500) : null;
      if (img) body.push(img);
    }
  }
  for (const section of sections(items, meta)) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: body.length > cover.length + 2, children: [new TextRun(clean(section.heading))] }));
    for (const item of section.items) {
      body.push(...itemBlock(item, meta));
      await pacer.step();
    }
  }
  const doc = new Document({
    title: clean(meta.title),
    creator: 'PressWatch',
    ...(writePageNumbers ? { pageNumbers: estimatePageNumbers } : {}),
    fonts: options.fonts ? [{ name: REPORT_FONT, data: asFontData(options.fonts.regular), ...(options.fonts.bold ? { bold: asFontData(options.fonts.bold) } : {}) }] : [],
    styles: {
      default: {
        document: { run: { font: REPORT_FONT, size: 21 } },
        heading1: { run: { font: REPORT_FONT, size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: REPORT_FONT, size: 25, bold: true }, paragraph: { spacing: { before: 280, after: 60 } } },
        title: { run: { font: REPORT_FONT, size: 36, bold: true } },
        hyperlink: { run: { color: '1A4F9C', underline: {} } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${l.page} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })] })],
          }),
        },
        children: body,
      },
    ],
  });
  await pacer.beforeAssembly();
  const bytes = await Packer.pack(doc, 'uint8array');
  pacer.finish();
  return bytes;
}
