// Draws charts off screen and hands back their files: for the digest, which has no view open.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { chartPng, composeChartSvg, svgText } from './chartImage';
import type { ChartSpec } from './CoverageCharts';

export interface ChartFile {
  title: string;
  svg: string;
  png: Uint8Array;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Recharts lays a chart out over a few renders: wait until its SVG stops changing. */
export async function settledChart(container: HTMLElement, maxFrames = 90): Promise<SVGSVGElement> {
  let last = -1;
  let steady = 0;
  for (let i = 0; i < maxFrames; i++) {
    await frame();
    const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
    const size = svg ? svg.getElementsByTagName('*').length : -1;
    if (svg && size === last && ++steady >= 2) return svg;
    if (size !== last) steady = 0;
    last = size;
  }
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('the chart was not drawn');
  return svg;
}

/** The composed SVG (title, chart, legend) of a chart on screen, and the same as PNG. */
export async function chartFileOf(container: HTMLElement, title: string, legend: ChartSpec['legend'], titleInImage = true): Promise<ChartFile> {
  const svg = composeChartSvg(await settledChart(container), titleInImage ? title : null, legend);
  return { title, svg: svgText(svg), png: await chartPng(svg) };
}

/** Charts for a report, which prints each title itself: the images carry none. */
export async function renderChartFiles(specs: readonly ChartSpec[]): Promise<ChartFile[]> {
  const out: ChartFile[] = [];
  for (const spec of specs) {
    const host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    host.className = 'coverage-offscreen';
    document.body.append(host);
    const root = createRoot(host);
    try {
      flushSync(() => root.render(spec.element));
      out.push(await chartFileOf(host, spec.title, spec.legend, false));
    } finally {
      root.unmount();
      host.remove();
    }
  }
  return out;
}
