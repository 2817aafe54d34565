/**
 * Report writers for a list of clippings. Every writer takes (items, meta, options) with
 * `options.onProgress(done, total)` and `options.signal`, yields to the event loop while it works
 * and throws an AbortError when cancelled.
 *
 *   writeCsv      → string (BOM, CRLF, RFC 4180, formula cells neutralised)
 *   writeJson     → string
 *   writeMarkdown → string
 *   writeHtml     → string (standalone printable page; font URL from the caller; no script)
 *   writeDocx     → Uint8Array (.docx; DejaVu Sans embedded when its bytes are given)
 *   writePdf      → Uint8Array (.pdf; needs the caller's pdfmake instance and DejaVu Sans bytes)
 */
export type { ReportItem, ReportMeta, ReportChart, ReportLocale, Tone, WriterOptions } from './types';
export { writeCsv, csvCell, type CsvOptions } from './csv';
export { writeJson } from './json';
export { writeMarkdown, mdEscape } from './markdown';
export { writeHtml, htmlEscape, type HtmlOptions } from './html';
export { writeDocx, REPORT_FONT, type DocxOptions, type ReportFonts } from './docx';
export { writePdf, type PdfMakeLike, type PdfOptions } from './pdf';
export { LABELS, labelsFor, type ReportLabels } from './labels';
export { sections, formatDateTime, formatDay, dayKey, type ReportSection } from './layout';
export { abortError } from './progress';
