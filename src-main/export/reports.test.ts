// DOCX and PDF digests read back the way a person's tools would: Word text through mammoth, PDF
// text through pdf.js. The font comes from resources/fonts, so these run on the Node side.
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx, writePdf, type PdfMakeLike, type ReportFonts, type ReportItem, type ReportMeta } from '../../src-shared/export';
import { KAZAKH_LETTERS, manyItems, SAMPLE_ITEMS, SAMPLE_META, TINY_PNG } from '../../src-shared/export/testdata';
import { loadReportFonts } from './fonts';
import { nodePdfMake } from './pdf';
import { readZip } from './unzip';

let fonts: ReportFonts;
beforeAll(async () => {
  fonts = await loadReportFonts();
});

const meta = (patch: Partial<ReportMeta> = {}): ReportMeta => ({ ...SAMPLE_META, ...patch });
const withImage: ReportItem[] = SAMPLE_ITEMS.map((item, i) => (i === 0 ? { ...item, imageBytes: TINY_PNG } : item));

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

describe('writeDocx', () => {
  it('reads back with every headline, the Kazakh letters, notes, tags, tone and the cover', async () => {
    const bytes = await writeDocx(withImage, meta({ charts: [{ title: 'Тональность по дням', png: TINY_PNG }] }), { fonts });
    const text = await docxText(bytes);
    for (const item of SAMPLE_ITEMS) expect(text).toContain(item.title);
    for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
    expect(text).toContain('Дайджест: визит Александра Вучича в Астану');
    expect(text).toContain('Период: 25 февраля 2026 г. — 27 февраля 2026 г.');
    expect(text).toContain('Примечание: Цитата о 60 сербских компаниях — в пресс-релиз');
    expect(text).toContain('Теги: Визит Вучича, Сербия');
    expect(text).toContain('Тональность: позитивная');
    expect(text).toContain('Zakon.kz · Айгерим Сәрсенова · 26.02.2026, 17:45');
    expect(text).toContain('Тональность по дням');
    // Full text asked for: the quote from the second paragraph is there.
    expect(text).toContain('орден "Алтын Қыран"');
    expect(text).not.toContain('\u0001');
    // A short digest gets its contents with page numbers (cover, contents, charts, then days).
    expect(text).toMatch(/Vučić u zvaničnoj poseti Kazahstanu\t\d+\n/);
  });

  it('embeds DejaVu Sans, the image and the chart, links only http(s), and has a table of contents', async () => {
    const bytes = await writeDocx(withImage, meta({ charts: [{ title: 'Chart', png: TINY_PNG }] }), { fonts });
    const zip = readZip(bytes);
    const names = zip.names;
    expect(names.some((n) => /^word\/fonts\/font\d+\.odttf$/.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith('word/media/'))).toHaveLength(1); // one PNG, stored once
    const fontTable = zip.text('word/fontTable.xml');
    expect(fontTable).toContain('w:name="DejaVu Sans"');
    expect(fontTable).toContain('w:embedRegular');
    expect(fontTable).toContain('w:embedBold');
    const document = zip.text('word/document.xml');
    expect(document).toContain('TOC \\');
    expect(document.match(/<w:drawing>/g)).toHaveLength(2); // the chart and the clipping's image
    const rels = zip.text('word/_rels/document.xml.rels');
    expect(rels).toContain('https://www.zakon.kz/9990001-tokaev-i-vuchich-proveli-brifing-dlya-smi.html');
    expect(rels).not.toContain('javascript:');
  });

  it('writes lead only and no images when asked, in Kazakh labels grouped by outlet', async () => {
    const bytes = await writeDocx(withImage, meta({ includeFullText: false, includeImages: false, locale: 'kk', groupBy: 'outlet' }), { fonts });
    const text = await docxText(bytes);
    expect(text).not.toContain('орден "Алтын Қыран"');
    expect(text).toContain('Мазмұны');
    expect(text).toContain('Реңкі: оң');
    expect(readZip(bytes).names.filter((n) => n.startsWith('word/media/'))).toHaveLength(0);
  });

  it('stops with AbortError when cancelled and reports progress to the end otherwise', async () => {
    const controller = new AbortController();
    const run = writeDocx(manyItems(400), meta(), { fonts, signal: controller.signal, onProgress: (d) => d === 50 && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const progress: number[] = [];
    await writeDocx(SAMPLE_ITEMS, meta(), { onProgress: (d, t) => progress.push(t - d) });
    expect(progress.at(-1)).toBe(0);
  });
});

describe('writePdf', () => {
  it('reads back with every headline and the Kazakh letters, a contents page and page numbers', async () => {
    const bytes = await writePdf(withImage, meta({ charts: [{ title: 'Тональность', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#17692b"/></svg>' }] }), {
      fonts,
      pdfMake: nodePdfMake(),
    });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    // pdf.js may split a line into several runs; compare without the gaps it puts between them.
    const squeezed = all.replace(/\s+/g, '');
    for (const item of SAMPLE_ITEMS) expect(squeezed).toContain(item.title.replace(/\s+/g, ''));
    for (const letter of KAZAKH_LETTERS) expect(all).toContain(letter);
    expect(pages[0]).toContain('Дайджест');
    expect(pages[1]).toContain('Содержание');
    expect(squeezed).toContain('Примечание:Цитатао60сербскихкомпаниях');
    expect(pages.at(-1)!.replace(/\s+/g, '')).toContain(`Стр.${pages.length}/${pages.length}`);
    // The contents page lists the day sections and headlines, each with the page it starts on.
    const contents = pages[1]!.replace(/\s+/g, ' ');
    expect(contents).toMatch(/25 февраля 2026 г\. \d+/);
    expect(contents.replace(/\s+/g, '')).toContain('Vučićuzvaničnojposeti');
  });

  it('works the same with the browser build the renderer bundles (pdfmake/build/pdfmake)', async () => {
    const browserBuild = (await import('pdfmake/build/pdfmake.js')) as unknown as { default: PdfMakeLike };
    const bytes = await writePdf(withImage, meta({ locale: 'kk' }), { fonts, pdfMake: browserBuild.default });
    const all = (await pdfPages(bytes)).join('\n');
    for (const letter of KAZAKH_LETTERS) expect(all).toContain(letter);
    expect(all).toContain('Мазмұны');
  });

  it('embeds DejaVu Sans as a subset font', async () => {
    const bytes = await writePdf(SAMPLE_ITEMS, meta(), { fonts, pdfMake: nodePdfMake() });
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).toMatch(/\/FontFile2/);
  });

  it('stops with AbortError when cancelled', async () => {
    const controller = new AbortController();
    const run = writePdf(manyItems(400), meta(), { fonts, pdfMake: nodePdfMake(), signal: controller.signal, onProgress: (d) => d === 20 && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
