// A chart as a file: the SVG recharts drew, with its title and legend, as SVG text and as PNG.
// The PNG is painted from the live SVG element by element (paths, rects, lines, text) onto a
// canvas, not by loading the SVG as an image: the app's Content-Security-Policy allows no data:
// or blob: images, and it should not have to for this.

export interface LegendEntry {
  color: string;
  label: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";
const TITLE_HEIGHT = 30;
const LEGEND_ROW = 20;
const PAINTED = new Set(['rect', 'path', 'line', 'circle', 'polyline', 'polygon', 'text', 'tspan']);
const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-size', 'font-weight', 'text-anchor'] as const;

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string, size: number): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size * 0.6;
  measurer.font = `${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** Copies the computed look onto attributes, so the file looks the same without the app's CSS. */
function inlineStyles(source: Element, copy: Element): void {
  if (PAINTED.has(source.localName)) {
    const style = getComputedStyle(source);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value) copy.setAttribute(property, value);
    }
  }
  const from = source.children;
  const to = copy.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/**
 * A standalone SVG of a chart: a white page with the title above the chart (none when the
 * document around it prints the title) and the legend below it. `chart` must be in the document
 * (its computed styles are read).
 */
export function composeChartSvg(chart: SVGSVGElement, title: string | null, legend: readonly LegendEntry[]): SVGSVGElement {
  const width = Number(chart.getAttribute('width')) || chart.getBoundingClientRect().width;
  const chartHeight = Number(chart.getAttribute('height')) || chart.getBoundingClientRect().height;
  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  // Legend entries flow left to right and wrap.
  const placed: Array<{ entry: LegendEntry; x: number; row: number }> = [];
  let x = 12;
  let row = 0;
  for (const entry of legend) {
    const w = 14 + 6 + textWidth(entry.label, 12) + 18;
    if (x + w > width - 12 && x > 12) {
      row++;
      x = 12;
    }
    placed.push({ entry, x, row });
    x += w;
  }
  const legendHeight = legend.length ? (row + 1) * LEGEND_ROW + 8 : 0;
  const top = title === null ? 0 : TITLE_HEIGHT;
  const height = top + chartHeight + legendHeight;
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT });
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  if (title !== null) {
    const heading = el('text', { x: 12, y: 20, 'font-size': 15, 'font-weight': 'bold', fill: '#1f2a37' });
    heading.textContent = title;
    svg.append(heading);
  }
  const body = el('g', { transform: `translate(0 ${top})` });
  body.append(...Array.from(copy.childNodes));
  svg.append(body);
  for (const { entry, x: left, row: r } of placed) {
    const y = top + chartHeight + 4 + r * LEGEND_ROW;
    svg.append(el('rect', { x: left, y: y + 2, width: 14, height: 14, fill: entry.color, stroke: '#333333', 'stroke-width': 0.5 }));
    const label = el('text', { x: left + 20, y: y + 14, 'font-size': 12, fill: '#1f2a37' });
    label.textContent = entry.label;
    svg.append(label);
  }
  return svg;
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Runs `work` while `svg` is laid out (off screen): geometry and text positions need layout. */
async function whileMounted<T>(svg: SVGSVGElement, work: () => T): Promise<T> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-100000px;top:0;pointer-events:none;';
  host.append(svg);
  document.body.append(host);
  try {
    await document.fonts?.ready;
    return work();
  } finally {
    host.remove();
  }
}

function paintable(node: Element): boolean {
  for (let n: Element | null = node; n; n = n.parentElement) {
    if (n.localName === 'defs' || n.localName === 'clipPath' || n.localName === 'mask') return false;
  }
  const style = getComputedStyle(node);
  return style.display !== 'none' && style.visibility !== 'hidden';
}

function paint(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, scale: number): void {
  for (const node of Array.from(svg.querySelectorAll('*'))) {
    if (!PAINTED.has(node.localName) || !(node instanceof SVGGraphicsElement) || !paintable(node)) continue;
    // A <text> with <tspan>s is painted through them.
    if (node.localName === 'text' && node.querySelector('tspan')) continue;
    const m = node.getCTM();
    if (!m) continue;
    ctx.setTransform(scale * m.a, scale * m.b, scale * m.c, scale * m.d, scale * m.e, scale * m.f);
    const style = getComputedStyle(node);
    const opacity = Number(style.opacity || 1);
    const fill = style.fill && style.fill !== 'none' && !style.fill.startsWith('url(') ? style.fill : null;
    const stroke = style.stroke && style.stroke !== 'none' && !style.stroke.startsWith('url(') ? style.stroke : null;
    const strokeWidth = parseFloat(style.strokeWidth) || 1;
    if (node instanceof SVGTextContentElement && (node.localName === 'text' || node.localName === 'tspan')) {
      const text = node.textContent ?? '';
      if (!text.trim() || node.getNumberOfChars() === 0 || !fill) continue;
      const start = node.getStartPositionOfChar(0);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.globalAlpha = opacity * Number(style.fillOpacity || 1);
      ctx.fillStyle = fill;
      ctx.fillText(text, start.x, start.y);
      continue;
    }
    const path = new Path2D();
    if (node instanceof SVGRectElement) path.rect(node.x.baseVal.value, node.y.baseVal.value, node.width.baseVal.value, node.height.baseVal.value);
    else if (node instanceof SVGPathElement) path.addPath(new Path2D(node.getAttribute('d') ?? ''));
    else if (node instanceof SVGLineElement) {
      path.moveTo(node.x1.baseVal.value, node.y1.baseVal.value);
      path.lineTo(node.x2.baseVal.value, node.y2.baseVal.value);
    } else if (node instanceof SVGCircleElement) path.arc(node.cx.baseVal.value, node.cy.baseVal.value, node.r.baseVal.value, 0, Math.PI * 2);
    else if (node instanceof SVGPolylineElement || node instanceof SVGPolygonElement) {
      Array.from(node.points).forEach((p, i) => (i === 0 ? path.moveTo(p.x, p.y) : path.lineTo(p.x, p.y)));
      if (node instanceof SVGPolygonElement) path.closePath();
    }
    if (fill && node.localName !== 'line') {
      ctx.globalAlpha = opacity * Number(style.fillOpacity || 1);
      ctx.fillStyle = fill;
      ctx.fill(path);
    }
    if (stroke) {
      ctx.globalAlpha = opacity * Number(style.strokeOpacity || 1);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = strokeWidth;
      ctx.setLineDash((style.strokeDasharray && style.strokeDasharray !== 'none' ? style.strokeDasharray.split(/[\s,]+/).map(parseFloat) : []).filter((n) => !Number.isNaN(n)));
      ctx.stroke(path);
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
}

/** The composed chart as PNG bytes, at `scale` pixels per SVG unit (2: sharp in print). */
export async function chartPng(svg: SVGSVGElement, scale = 2): Promise<Uint8Array> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  // Opaque and white: a PNG without an alpha channel prints the same in every viewer.
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  await whileMounted(copy, () => paint(ctx, copy, scale));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be drawn');
  return new Uint8Array(await blob.arrayBuffer());
}
