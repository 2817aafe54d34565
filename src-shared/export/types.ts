// What every report writer takes: the clippings, how the report is laid out, and progress/cancel hooks.

export type Tone = 'positive' | 'neutral' | 'negative';
export type ReportLocale = 'ru' | 'kk' | 'en';

/** One clipping (or item) as it goes into a report. Strings come from feeds: writers escape them. */
export interface ReportItem {
  title: string;
  outlet: string;
  author: string | null;
  /** ISO 8601. Shown in {@link ReportMeta.timeZone}. */
  publishedAt: string;
  url: string | null;
  tags: string[];
  tone: Tone | null;
  /** The press officer's note on the clipping. */
  note: string | null;
  /** Plain text: the lead (first paragraph or feed summary). */
  lead: string;
  /** Plain text: the full text; paragraphs separated by blank lines. */
  text: string;
  imageUrl?: string | null;
  /** The image kept for offline reading (JPEG or PNG go into DOCX/PDF; HTML takes GIF and WebP too). */
  imageBytes?: Uint8Array | null;
  language: string | null;
}

export interface ReportChart {
  title: string;
  /** SVG markup (HTML shows it as an image, PDF draws it). */
  svg?: string;
  /** PNG bytes (DOCX needs these; HTML and PDF use them when there is no SVG). */
  png?: Uint8Array;
}

export interface ReportMeta {
  title: string;
  /** ISO 8601 dates or date-times: the period the report covers. */
  periodFrom: string;
  periodTo: string;
  /** Sections of the report. 'topic' is the clipping's first tag. */
  groupBy: 'day' | 'outlet' | 'topic';
  locale: ReportLocale;
  /** IANA zone the times are shown in, e.g. 'Asia/Almaty'. */
  timeZone: string;
  /** Full text of each item (else its lead). */
  includeFullText: boolean;
  includeImages: boolean;
  charts?: ReportChart[];
}

export interface WriterOptions {
  /** Called after each item, and once more when the file is assembled: done goes 1..total, total = items + 1. */
  onProgress?(done: number, total: number): void;
  /** Cancels the export: the writer throws an AbortError at its next step. */
  signal?: AbortSignal;
}
