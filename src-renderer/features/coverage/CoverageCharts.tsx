// The coverage charts, drawn with recharts at a fixed size so that what is on screen, in the
// SVG and PNG files and in the digest is the same picture. Numbers are written on the bars:
// colour is never the only way to tell outlets or tones apart.
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { LegendEntry } from './chartImage';
import { outletKeys, shareRows, textColorOn, toneRows, volumeRows, type OutletKey, type ShareRow, type VolumeRow } from './chartData';
import type { CoverageFigures } from './loadCoverage';
import type { Tone } from './figures';

export const CHART_WIDTH = 1240;
/** Shares sit two to a row under the volume chart. */
export const SHARE_WIDTH = 610;
const AXIS = { fontSize: 12, fill: '#333333' };

/** Segment numbers fit while bars are wide enough; beyond that only the totals are written. */
const SEGMENT_LABELS_UP_TO = 16;

function VolumeChart({ rows, keys, width }: { rows: VolumeRow[]; keys: OutletKey[]; width: number }) {
  const segmentLabels = rows.length <= SEGMENT_LABELS_UP_TO;
  const capped = rows.map((row) => ({ ...row, cap: 0 }));
  return (
    <BarChart width={width} height={250} data={capped} margin={{ top: 22, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid vertical={false} stroke="#d9dde3" />
      <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" stroke="#666666" />
      <YAxis allowDecimals={false} tick={AXIS} width={40} stroke="#666666" />
      {keys.map((key) => (
        <Bar key={key.dataKey} dataKey={key.dataKey} name={key.name} stackId="volume" fill={key.color} stroke="#ffffff" strokeWidth={0.5} isAnimationActive={false}>
          {segmentLabels ? <LabelList dataKey={key.dataKey} position="center" fill={textColorOn(key.color)} fontSize={11} formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')} /> : null}
        </Bar>
      ))}
      {/* The total over each bar rides on an empty one-pixel cap: recharts writes no label on a segment of height 0. */}
      <Bar dataKey="cap" stackId="volume" fill="none" isAnimationActive={false} minPointSize={(_value, index) => ((capped[index]?.total ?? 0) > 0 ? 1 : 0)}>
        <LabelList dataKey="total" position="top" fill="#111111" fontSize={12} fontWeight="bold" formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')} />
      </Bar>
    </BarChart>
  );
}

function HorizontalBars({ rows, width }: { rows: ShareRow[]; width: number }) {
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  return (
    <BarChart width={width} height={30 + rows.length * 30} data={rows} layout="vertical" margin={{ top: 8, right: 90, bottom: 8, left: 8 }}>
      <XAxis type="number" hide allowDecimals={false} domain={[0, 'dataMax']} />
      <YAxis type="category" dataKey="name" tick={AXIS} width={Math.min(220, 30 + longest * 7.5)} stroke="#666666" />
      // A sliver for zero, so that its "0 · 0%" is written too.
      <Bar dataKey="count" isAnimationActive={false} barSize={20} minPointSize={2} stroke="#333333" strokeWidth={0.5}>
        {rows.map((row) => (
          <Cell key={row.name} fill={row.color} />
        ))}
        <LabelList dataKey="label" position="right" fill="#111111" fontSize={12} />
      </Bar>
    </BarChart>
  );
}

export interface ChartSpec {
  id: 'volume' | 'outlets' | 'tone';
  title: string;
  legend: LegendEntry[];
  element: ReactElement;
  /** Nothing to draw (no items, no clippings). */
  empty: boolean;
}

export interface ChartTexts {
  volume: string;
  outlets: string;
  tone: string;
  other: string;
  tones: Record<Tone, string>;
}

/** The three charts of a coverage: what the view shows and what goes into a digest. */
export interface ChartSizes {
  volume: number;
  share: number;
}

/** The digest's page is narrower than the screen: there the charts are drawn to fit it. */
export const DIGEST_SIZES: ChartSizes = { volume: 720, share: 640 };

export function chartSpecs(figures: CoverageFigures, texts: ChartTexts, locale: string, sizes: ChartSizes = { volume: CHART_WIDTH, share: SHARE_WIDTH }): ChartSpec[] {
  const keys = outletKeys(figures.series, figures.outletNames, texts.other);
  return [
    {
      id: 'volume',
      title: texts.volume,
      legend: keys.map((k) => ({ color: k.color, label: k.name })),
      element: <VolumeChart rows={volumeRows(figures.series, keys, figures.unit, locale)} keys={keys} width={sizes.volume} />,
      empty: figures.series.total === 0,
    },
    { id: 'outlets', title: texts.outlets, legend: [], element: <HorizontalBars rows={shareRows(figures.shares, keys)} width={sizes.share} />, empty: figures.series.total === 0 },
    { id: 'tone', title: texts.tone, legend: [], element: <HorizontalBars rows={toneRows(figures.tone, texts.tones)} width={sizes.share} />, empty: figures.tone.total === 0 },
  ];
}
