// pdfmake on the Node side: its server build, with every way for a document to reach outside
// (fetching URLs, reading local files) turned off. Fonts and images go through its in-memory vfs.
import { createRequire } from 'node:module';
import type { PdfMakeLike } from '../../src-shared/export';

const require = createRequire(import.meta.url);

interface NodePdfMake extends PdfMakeLike {
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
}

let instance: NodePdfMake | null = null;

/** The process's pdfmake (a singleton in pdfmake itself), locked down; pass it to writePdf. */
export function nodePdfMake(): PdfMakeLike {
  if (!instance) {
    // pdfmake's package main is the CommonJS server build; the ESM types describe the browser one.
    instance = require('pdfmake') as NodePdfMake;
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
  }
  return instance;
}
