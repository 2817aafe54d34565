// Runs one report writer in the renderer and hands back a file to save. The heavy writers
// (DOCX, PDF) and the font are loaded only when asked for.
import { abortError, writeCsv, writeDocx, writeHtml, writeJson, writeMarkdown, type ReportItem, type ReportMeta, type WriterOptions } from '../../../src-shared/export';
import fontBoldUrl from '../../../resources/fonts/DejaVuSans-Bold.ttf?url';
import fontUrl from '../../../resources/fonts/DejaVuSans.ttf?url';
import type { PdfJob, PdfWorkerMessage } from './pdfWorker';

export type ReportFormat = 'docx' | 'pdf' | 'csv' | 'json' | 'md' | 'html';

const types: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

async function fonts() {
  const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [regular, bold] = await Promise.all([load(fontUrl), load(fontBoldUrl)]);
  return { regular, bold };
}

export async function exportReport(format: ReportFormat, items: ReportItem[], meta: ReportMeta, options: WriterOptions): Promise<Blob> {
  switch (format) {
    case 'csv':
      return new Blob([await writeCsv(items, meta, options)], { type: types.csv });
    case 'json':
      return new Blob([await writeJson(items, meta, options)], { type: types.json });
    case 'md':
      return new Blob([await writeMarkdown(items, meta, options)], { type: types.md });
    case 'html': {
      // A self-contained page: the font travels inside it as a data: URL.
      const { regular, bold } = await fonts();
      const dataUrl = (bytes: Uint8Array) => `data:font/ttf;base64,${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
      return new Blob([await writeHtml(items, meta, { ...options, fontUrl: dataUrl(regular), fontBoldUrl: dataUrl(bold) })], { type: types.html });
    }
    case 'docx':
      return new Blob([(await writeDocx(items, meta, { ...options, fonts: await fonts() })) as BlobPart], { type: types.docx });
    case 'pdf':
      return new Blob([(await pdfInWorker({ items, meta, fonts: await fonts() }, options)) as BlobPart], { type: types.pdf });
  }
}

/** The PDF, laid out in a worker (see pdfWorker.ts); cancelling ends the worker. */
function pdfInWorker(job: PdfJob, options: WriterOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError(options.signal));
    const worker = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(abortError(options.signal));
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<PdfWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') options.onProgress?.(message.done, message.total);
      else {
        finish();
        if (message.kind === 'done') resolve(message.bytes);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the PDF worker failed'));
    };
    worker.postMessage(job);
  });
}
