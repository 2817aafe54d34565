// Lays out the PDF digest off the window's thread. pdfmake's layout is one long synchronous run
// (seconds for a thousand clippings with full text): on the main thread it froze the window, so
// the progress bar stood still and Cancel was not heard. Here the window stays live, and Cancel
// ends the worker at once.
import pdfMakeBuild from 'pdfmake/build/pdfmake';
import { writePdf, type PdfMakeLike, type ReportFonts, type ReportItem, type ReportMeta } from '../../../src-shared/export';

export interface PdfJob {
  items: ReportItem[];
  meta: ReportMeta;
  fonts: ReportFonts;
}

export type PdfWorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; bytes: Uint8Array } | { kind: 'error'; message: string };

const pdfMake = pdfMakeBuild as unknown as PdfMakeLike;
const post = (message: PdfWorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<PdfJob>) => {
  const { items, meta, fonts } = event.data;
  try {
    const bytes = await writePdf(items, meta, { pdfMake, fonts, onProgress: (done, total) => post({ kind: 'progress', done, total }) });
    post({ kind: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
