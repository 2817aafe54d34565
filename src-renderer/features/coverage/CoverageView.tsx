// The coverage of a topic, tag, collection or the current search over a date range: items per
// day (or hour) per outlet, each outlet's share, the tone of the clippings and the top stories,
// each chart saved as PNG or SVG.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collection, PressWatchDb, Tag, Topic } from '../../db/schema';
import { kazakhMonths } from '../../ui/formatTime';
import { saveFile } from '../../ui/saveFile';
import { addDays, dayOf, unitFor } from './buckets';
import { chartSpecs, type ChartSpec, type ChartTexts } from './CoverageCharts';
import type { Story } from './figures';
import { CoverageQueryError, loadCoverage, loadTopStories, newestDay, type CoverageFigures, type CoverageScope } from './loadCoverage';
import { chartFileOf } from './renderCharts';

/** 'all', 'search', 'tag:<id>', 'topic:<id>' or 'collection:<id>': one value for one <select>. */
export type ScopeValue = string;

export function scopeOf(value: ScopeValue, query: string): CoverageScope {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if (kind === 'tag') return { kind: 'tag', tagId: id };
  if (kind === 'topic') return { kind: 'topic', topicId: id };
  if (kind === 'collection') return { kind: 'collection', collectionId: id };
  if (kind === 'search' && query.trim()) return { kind: 'search', query };
  return { kind: 'all' };
}

interface CoverageViewProps {
  db: PressWatchDb;
  tags: Tag[];
  topics: Topic[];
  collections: Collection[];
  /** The search box's query: "the current search". */
  query: string;
  initialScope: ScopeValue;
  onOpenItem: (key: string) => void;
  onClose: () => void;
}

const DEFAULT_DAYS = 7;
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function CoverageView({ db, tags, topics, collections, query, initialScope, onOpenItem, onClose }: CoverageViewProps) {
  const { t, i18n } = useTranslation();
  const [scopeValue, setScopeValue] = useState<ScopeValue>(initialScope);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [figures, setFigures] = useState<CoverageFigures | null>(null);
  const [stories, setStories] = useState<Story[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scope = useMemo(() => scopeOf(scopeValue, query), [scopeValue, query]);

  // A new scope opens on its latest week: the seven days up to its newest item (or today).
  useEffect(() => {
    let current = true;
    void newestDay(db, scope, timeZone()).then((newest) => {
      const to = newest ?? dayOf(Date.now(), timeZone());
      if (current) setRange({ from: addDays(to, -(DEFAULT_DAYS - 1)), to });
    });
    return () => {
      current = false;
    };
  }, [db, scope]);

  useEffect(() => {
    if (!range) return;
    let current = true;
    const controller = new AbortController();
    setFigures(null);
    setStories(null);
    setError(null);
    loadCoverage(db, scope, { ...range, timeZone: timeZone() })
      .then(async (loaded) => {
        if (!current) return;
        setFigures(loaded);
        const top = await loadTopStories(db, loaded, 10, controller.signal);
        if (current) setStories(top);
      })
      .catch((e: unknown) => {
        if (!current) return;
        const message = e instanceof Error ? e.message : String(e);
        setError(e instanceof CoverageQueryError ? t('search.error', { message }) : t('coverage.failed', { message }));
      });
    return () => {
      current = false;
      controller.abort();
    };
  }, [db, scope, range, t]);

  const texts = useChartTexts(range ? unitFor(range.from, range.to) === 'hour' : false);
  const specs = useMemo(() => (figures ? chartSpecs(figures, texts, i18n.language) : []), [figures, texts, i18n.language]);
  const period = range ? `${formatDay(range.from, i18n.language)} — ${formatDay(range.to, i18n.language)}` : '';
  const setDay = (which: 'from' | 'to', value: string) => {
    if (!range || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next = { ...range, [which]: value };
    // A reversed range is read as the same days the other way round.
    setRange(next.from <= next.to ? next : { from: next.to, to: next.from });
  };

  return (
    <div className="dialog-backdrop">
      <section className="dialog coverage" role="dialog" aria-modal="true" aria-labelledby="coverage-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <div className="coverage-head">
          <h2 id="coverage-title">{t('coverage.title')}</h2>
          <button type="button" className="link-button" onClick={onClose}>
            {t('coverage.close')}
          </button>
        </div>
        <div className="coverage-controls">
          <label>
            {t('coverage.scope')}
            {/* Focus starts inside the dialog, so Escape closes it at once. */}
            <select autoFocus value={scopeValue} onChange={(e) => setScopeValue(e.target.value)}>
              <option value="all">{t('coverage.all')}</option>
              {query.trim() ? <option value="search">{t('coverage.search', { query })}</option> : null}
              {topics.length ? (
                <optgroup label={t('topics.heading')}>
                  {topics.map((topic) => (
                    <option key={topic.id} value={`topic:${topic.id}`}>
                      {topic.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {tags.length ? (
                <optgroup label={t('tags.heading')}>
                  {tags.map((tag) => (
                    <option key={tag.id} value={`tag:${tag.id}`}>
                      {tag.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {collections.length ? (
                <optgroup label={t('collections.heading')}>
                  {collections.map((c) => (
                    <option key={c.id} value={`collection:${c.id}`}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <label>
            {t('coverage.from')}
            <input type="date" value={range?.from ?? ''} onChange={(e) => setDay('from', e.target.value)} />
          </label>
          <label>
            {t('coverage.to')}
            <input type="date" value={range?.to ?? ''} onChange={(e) => setDay('to', e.target.value)} />
          </label>
          {range ? <span className="muted small">{unitFor(range.from, range.to) === 'hour' ? t('coverage.byHour') : t('coverage.byDay')}</span> : null}
        </div>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {!figures && !error ? <p role="status">{t('coverage.loading')}</p> : null}
        {figures ? (
          <>
            <p className="coverage-summary" data-testid="coverage-summary">
              {t('coverage.summary', { count: figures.series.total, outlets: figures.series.outlets.length, period })}
            </p>
            <div className="coverage-charts">
              {specs.map((spec) => (
                <ChartCard key={`${spec.id}-${i18n.language}`} spec={spec} fileBase={`coverage-${spec.id}-${range?.from}_${range?.to}`} subtitle={period} emptyText={spec.id === 'tone' ? t('coverage.noClippings') : t('coverage.empty')} />
              ))}
            </div>
            <section className="coverage-stories" aria-labelledby="coverage-stories-heading">
              <h3 id="coverage-stories-heading">{t('coverage.topStories')}</h3>
              {!stories ? <p className="muted small">{t('coverage.loading')}</p> : stories.length === 0 ? <p className="muted small">{t('coverage.empty')}</p> : null}
              <ol data-testid="coverage-stories">
                {(stories ?? []).map((story) => (
                  <li key={story.id}>
                    <button type="button" className="link-button" onClick={() => onOpenItem(story.firstKey)}>
                      {story.title}
                    </button>{' '}
                    <span className="muted small">
                      {t('coverage.storyLine', { count: story.items, outlets: story.outlets.map((id) => figures.outletNames[id] ?? id).join(', ') })}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          </>
        ) : null}
      </section>
    </div>
  );
}

function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Chromium's ICU data spells Kazakh dates "2026 M02 26": written out as the reader does.
  if (locale === 'kk') return `${y} ж. ${d} ${kazakhMonths[m - 1]}`;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function useChartTexts(hourly: boolean): ChartTexts {
  const { t, i18n } = useTranslation();
  // The language is a dependency on purpose: t() answers in the new one after a switch.
  return useMemo(
    () => ({
      volume: hourly ? t('coverage.volumeHourly') : t('coverage.volume'),
      outlets: t('coverage.outlets'),
      tone: t('coverage.tone'),
      other: t('coverage.other'),
      tones: { positive: t('clip.positive'), neutral: t('clip.neutral'), negative: t('clip.negative') },
    }),
    [t, hourly, i18n.language],
  );
}

function ChartCard({ spec, fileBase, subtitle, emptyText }: { spec: ChartSpec; fileBase: string; subtitle: string; emptyText: string }) {
  const { t } = useTranslation();
  const chartRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const save = async (format: 'png' | 'svg') => {
    if (!chartRef.current) return;
    try {
      const file = await chartFileOf(chartRef.current, `${spec.title}, ${subtitle}`, spec.legend);
      const blob = format === 'svg' ? new Blob([file.svg], { type: 'image/svg+xml' }) : new Blob([file.png as BlobPart], { type: 'image/png' });
      saveFile(blob, `${fileBase}.${format}`);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className="coverage-chart" data-testid={`coverage-chart-${spec.id}`}>
      <figcaption>
        <span>{spec.title}</span>
        {spec.empty ? null : (
          <span className="coverage-save">
            {(['png', 'svg'] as const).map((format) => (
              <button key={format} type="button" aria-label={t('coverage.save', { title: spec.title, format: format.toUpperCase() })} onClick={() => void save(format)}>
                ⤓ {format.toUpperCase()}
              </button>
            ))}
          </span>
        )}
      </figcaption>
      {spec.empty ? (
        <p className="muted small">{emptyText}</p>
      ) : (
        <>
          <div ref={chartRef} className="coverage-chart-body">
            {spec.element}
          </div>
          {spec.legend.length ? (
            <ul className="coverage-legend">
              {spec.legend.map((entry) => (
                <li key={entry.label}>
                  <span className="swatch" style={{ background: entry.color }} aria-hidden="true" /> {entry.label}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {failed ? <p role="alert">{t('coverage.failed', { message: failed })}</p> : null}
    </figure>
  );
}
