// DejaVu Sans for reports, read from the resources folder (every Kazakh letter is in it).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportFonts } from '../../src-shared/export';
import { resourcesDir } from '../paths';

/** The regular and bold faces; `dir` for a packaged app whose resources live elsewhere. */
export async function loadReportFonts(dir = path.join(resourcesDir, 'fonts')): Promise<ReportFonts> {
  const [regular, bold] = await Promise.all([readFile(path.join(dir, 'DejaVuSans.ttf')), readFile(path.join(dir, 'DejaVuSans-Bold.ttf'))]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
