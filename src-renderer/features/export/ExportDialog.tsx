// The press digest and list exports: DOCX, PDF, CSV, JSON, Markdown, HTML of the selected items
// or the current list (a collection, a topic's search, a tag ...), with progress and cancel.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportChart, ReportItem, ReportMeta } from '../../../src-shared/export';
import type { PressWatchDb } from '../../db/schema';
import { saveFile } from '../../ui/saveFile';
import { chartSpecs, DIGEST_SIZES } from '../coverage/CoverageCharts';
import { useChartTexts } from '../coverage/CoverageView';
import { digestFigures } from '../coverage/digestFigures';
import { renderChartFiles } from '../coverage/renderCharts';
import type { ReportFormat } from './exportReport';
import { reportItemsFor } from './reportItems';

interface ExportDialogProps {
  db: PressWatchDb;
  keys: string[];
  defaultTitle: string;
  onDone: (message: string, kind: 'info' | 'error') => void;
  onClose: () => void;
}

const formats: ReportFormat[] = ['docx', 'pdf', 'csv', 'json', 'md', 'html'];
/** The formats that can carry coverage charts. */
const chartFormats: ReadonlySet<ReportFormat> = new Set(['docx', 'pdf', 'html']);

export function ExportDialog({ db, keys, defaultTitle, onDone, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [title, setTitle] = useState(defaultTitle);
  const [groupBy, setGroupBy] = useState<ReportMeta['groupBy']>('day');
  const [fullText, setFullText] = useState(false);
  const [images, setImages] = useState(true);
  const [charts, setCharts] = useState(false);
  const chartTexts = useChartTexts(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    controller.current = new AbortController();
    setProgress({ done: 0, total: keys.length + 1 });
    try {
      const items = await reportItemsFor(db, keys);
      const dates = items.map((item) => item.publishedAt).sort();
      const meta: ReportMeta = {
        title: title.trim() || defaultTitle,
        periodFrom: dates[0] ?? new Date().toISOString(),
        periodTo: dates.at(-1) ?? new Date().toISOString(),
        groupBy,
        locale: (['ru', 'kk', 'en'].includes(i18n.language) ? i18n.language : 'ru') as ReportMeta['locale'],
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        includeFullText: fullText,
        includeImages: images,
      };
      if (charts && chartFormats.has(format)) meta.charts = await coverageCharts(items, meta, format);
      // The writers (the DOCX library alone is megabytes) load on first export, not at start-up.
      const { exportReport } = await import('./exportReport');
      const blob = await exportReport(format, items, meta, {
        signal: controller.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      saveFile(blob, `${meta.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'presswatch'}.${format}`);
      onDone(t('export.done', { count: items.length }), 'info');
      onClose();
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      onDone(cancelled ? t('export.cancelled') : t('export.failed', { message: error instanceof Error ? error.message : String(error) }), cancelled ? 'info' : 'error');
      setProgress(null);
    }
  };

  /** The digest's own coverage, drawn off screen: PNG for DOCX and PDF, SVG (with PNG) for HTML. */
  const coverageCharts = async (items: ReportItem[], meta: ReportMeta, target: ReportFormat): Promise<ReportChart[]> => {
    const figures = digestFigures(items, meta.timeZone);
    if (!figures) return [];
    const texts = figures.unit === 'hour' ? { ...chartTexts, volume: t('coverage.volumeHourly') } : chartTexts;
    const files = await renderChartFiles(chartSpecs(figures, texts, meta.locale, DIGEST_SIZES).filter((spec) => !spec.empty));
    return files.map((file) => (target === 'html' ? file : { title: file.title, png: file.png }));
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" onSubmit={run} onKeyDown={(e) => e.key === 'Escape' && !progress && onClose()}>
        <h2 id="export-title">{t('export.title', { count: keys.length })}</h2>
        <label>
          {t('export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
            {formats.map((value) => (
              <option key={value} value={value}>
                {t(`export.formats.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.reportTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('export.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as ReportMeta['groupBy'])}>
            <option value="day">{t('export.byDay')}</option>
            <option value="outlet">{t('export.byOutlet')}</option>
            <option value="topic">{t('export.byTopic')}</option>
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={fullText} onChange={(e) => setFullText(e.target.checked)} /> {t('export.fullText')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={images} onChange={(e) => setImages(e.target.checked)} /> {t('export.images')}
        </label>
        {chartFormats.has(format) ? (
          <label className="inline">
            <input type="checkbox" checked={charts} onChange={(e) => setCharts(e.target.checked)} /> {t('export.charts')}
          </label>
        ) : null}
        {progress ? (
          <div role="status">
            <progress max={progress.total} value={progress.done} /> {t('export.progress', { done: Math.min(progress.done, keys.length), total: keys.length })}
          </div>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" disabled={progress !== null || keys.length === 0}>
            {t('export.run')}
          </button>
          {progress ? (
            <button type="button" onClick={() => controller.current?.abort()}>
              {t('export.cancel')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {t('clip.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
