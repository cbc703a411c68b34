/**
 * Shared pieces of the monitor's SVG charts: DKFDS colours, marker shapes, axis scale and the
 * frame every chart uses. Styling is in presentation attributes only, because the CSP forbids
 * inline `style` and `<style>`.
 */
import type { ComponentChildren, VNode } from 'preact';

export type Format = (n: number) => string;

/** A point estimate with its 95 % interval; `value: null` means suppressed ("for få svar"). */
export interface Estimate {
  value: number | null;
  lower?: number | null | undefined;
  upper?: number | null | undefined;
}

export interface Subgroup {
  key: string;
  label: string;
}

/** DKFDS text and greys. */
export const INK = '#1a1a1a';
export const GREY = '#747474';
export const GRID = '#d9d9d9';
export const FONT_FAMILY = 'IBM Plex Sans, Arial, sans-serif';

/**
 * Subgroup colours: DKFDS primary first, then hues that stay apart for the common colour-vision
 * deficiencies; each has ≥ 3:1 contrast against white (checked in charts.test.tsx).
 */
export const PALETTE = ['#0059b3', '#b34700', '#358000', '#7a1fa2', '#1a1a1a', '#a3195b'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross';
export const SHAPES: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'cross',
];

export const colourAt = (i: number) => PALETTE[i % PALETTE.length]!;
export const shapeAt = (i: number) => SHAPES[i % SHAPES.length]!;

/** WCAG relative-luminance contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Axis maximum: the largest value rounded up to a multiple of 10 (at least 10, at most 100 for %). */
export function niceMax(values: readonly number[], cap = 100): number {
  const top = Math.max(0, ...values);
  return Math.min(cap, Math.max(10, Math.ceil(top / 10) * 10));
}

/** Tick values 0..max: steps of 10, or 20 when that would crowd the axis. */
export function ticks(max: number): number[] {
  const step = max > 60 ? 20 : 10;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

export const linear = (d0: number, d1: number, r0: number, r1: number) => (v: number) =>
  r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);

/** Rounds screen coordinates so the markup stays short and stable in tests. */
export const px = (n: number) => Math.round(n * 10) / 10;

export function Marker({
  shape,
  x,
  y,
  colour,
  size = 6,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
  size?: number;
}) {
  const s = size;
  const common = { fill: colour, stroke: '#ffffff', 'stroke-width': 1 };
  switch (shape) {
    case 'circle':
      return <circle cx={px(x)} cy={px(y)} r={s} {...common} />;
    case 'square':
      return (
        <rect
          x={px(x - s * 0.9)}
          y={px(y - s * 0.9)}
          width={px(s * 1.8)}
          height={px(s * 1.8)}
          {...common}
        />
      );
    case 'triangle':
      return (
        <polygon
          points={pts([
            [x, y - s * 1.15],
            [x + s * 1.1, y + s * 0.8],
            [x - s * 1.1, y + s * 0.8],
          ])}
          {...common}
        />
      );
    case 'triangleDown':
      return (
        <polygon
          points={pts([
            [x, y + s * 1.15],
            [x + s * 1.1, y - s * 0.8],
            [x - s * 1.1, y - s * 0.8],
          ])}
          {...common}
        />
      );
    case 'diamond':
      return (
        <polygon
          points={pts([
            [x, y - s * 1.25],
            [x + s * 1.1, y],
            [x, y + s * 1.25],
            [x - s * 1.1, y],
          ])}
          {...common}
        />
      );
    case 'cross': {
      const a = s * 0.45;
      const b = s * 1.1;
      return (
        <polygon
          points={pts([
            [x - a, y - b],
            [x + a, y - b],
            [x + a, y - a],
            [x + b, y - a],
            [x + b, y + a],
            [x + a, y + a],
            [x + a, y + b],
            [x - a, y + b],
            [x - a, y + a],
            [x - b, y + a],
            [x - b, y - a],
            [x - a, y - a],
          ])}
          {...common}
        />
      );
    }
  }
}

const pts = (list: [number, number][]) => list.map(([x, y]) => `${px(x)},${px(y)}`).join(' ');

/** A horizontal interval with short end caps. */
export function Whisker({
  x1,
  x2,
  y,
  colour,
}: {
  x1: number;
  x2: number;
  y: number;
  colour: string;
}) {
  return (
    <g stroke={colour} stroke-width={1.5}>
      <line x1={px(x1)} y1={px(y)} x2={px(x2)} y2={px(y)} />
      <line x1={px(x1)} y1={px(y - 4)} x2={px(x1)} y2={px(y + 4)} />
      <line x1={px(x2)} y1={px(y - 4)} x2={px(x2)} y2={px(y + 4)} />
    </g>
  );
}

/** Splits a long label into two balanced lines at a space (no text measuring on the server). */
export function wrapLabel(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  let best = -1;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    if (best < 0 || Math.max(i, text.length - i - 1) < Math.max(best, text.length - best - 1))
      best = i;
  }
  return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

/** Ids for one chart's title and description, so several charts can share a page. */
export const chartIds = (id: string) => ({ title: `${id}-title`, desc: `${id}-desc` });

export interface SvgFrameProps {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** Standalone: fixed size, xmlns, white background and font, for download and PNG. */
  standalone: boolean;
  /** Drawn under a standalone chart, e.g. "Syntetiske data": the file carries it wherever it goes. */
  footnote?: string | undefined;
  children: ComponentChildren;
}

/** The `<svg role="img">` with `<title>`/`<desc>` that carry the chart's main finding. */
export function SvgFrame({
  id,
  title,
  description,
  width,
  height: plotHeight,
  standalone,
  footnote,
  children,
}: SvgFrameProps) {
  const ids = chartIds(id);
  const height = standalone && footnote ? plotHeight + 24 : plotHeight;
  const size = standalone
    ? { xmlns: 'http://www.w3.org/2000/svg', width, height, 'font-family': FONT_FAMILY }
    : { width: '100%', class: 'lighed-chart' };
  return (
    <svg
      {...size}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${ids.title} ${ids.desc}`}
      font-size={13}
      fill={INK}
    >
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{description}</desc>
      {standalone && <rect x={0} y={0} width={width} height={height} fill="#ffffff" />}
      {children}
      {standalone && footnote && (
        <text x={8} y={height - 8} font-size={12} font-weight={600}>
          {footnote}
        </text>
      )}
    </svg>
  );
}

/** The value with its interval for tables, e.g. "23,4 (20,1–26,9)"; "for få svar" when suppressed. */
export function estimateText(e: Estimate | undefined, format: Format, suppressed: string): string {
  if (!e || e.value === null) return suppressed;
  const hasInterval = e.lower != null && e.upper != null;
  return hasInterval
    ? `${format(e.value)} (${format(e.lower!)}–${format(e.upper!)})`
    : format(e.value);
}

export interface LegendItem {
  label: string;
  /** Draws the symbol centred at (cx, cy), in a box about 18 px wide. */
  symbol: (cx: number, cy: number) => VNode;
}

/** One legend item per subgroup: its marker, on a line segment for line charts. */
export function subgroupLegend(subgroups: readonly Subgroup[], line = false): LegendItem[] {
  return subgroups.map((s, i) => ({
    label: s.label,
    symbol: (cx, cy) => (
      <g>
        {line && (
          <line x1={cx - 9} y1={cy} x2={cx + 9} y2={cy} stroke={colourAt(i)} stroke-width={2} />
        )}
        <Marker shape={shapeAt(i)} x={cx} y={cy} colour={colourAt(i)} size={5} />
      </g>
    ),
  }));
}

/** Text width estimate (no DOM on the server): IBM Plex Sans averages ~6.6 px per character at 13 px. */
export const textWidth = (text: string, fontSize = 13) => text.length * fontSize * 0.51;

const itemWidth = (item: LegendItem) => 36 + textWidth(item.label);

function layoutLegend(items: readonly LegendItem[], maxWidth: number) {
  let x = 0;
  let line = 0;
  return items.map((item) => {
    const w = itemWidth(item);
    if (x + w > maxWidth && x > 0) {
      x = 0;
      line++;
    }
    const at = { item, x, line };
    x += w;
    return at;
  });
}

/** How many lines `Legend` needs, to reserve space for it. */
export const legendLines = (items: readonly LegendItem[], maxWidth: number) =>
  Math.max(0, ...layoutLegend(items, maxWidth).map((a) => a.line)) + 1;

export const LEGEND_LINE = 20;

/** Legend items left to right, wrapping at maxWidth; (x, y) is the centre line of the first row. */
export function Legend({
  items,
  x,
  y,
  maxWidth,
}: {
  items: readonly LegendItem[];
  x: number;
  y: number;
  maxWidth: number;
}) {
  return (
    <g>
      {layoutLegend(items, maxWidth).map(({ item, x: dx, line }) => (
        <g>
          {item.symbol(x + dx + 9, y + line * LEGEND_LINE)}
          <text x={x + dx + 24} y={y + line * LEGEND_LINE + 4}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Words the charts draw themselves; Danish defaults, the caller passes English when needed. */
export interface ChartLabels {
  suppressed: string;
  average: string;
  interval: string;
  timeBreak: string;
  noData: string;
  selected: string;
  attribution: string;
}

export const DANISH_LABELS: ChartLabels = {
  suppressed: 'for få svar',
  average: 'Gennemsnit',
  interval: '95 %-sikkerhedsinterval',
  timeBreak: 'Brud i tidsserien',
  noData: 'ingen tal / for få svar',
  selected: 'Valgt kommune',
  attribution:
    'Kortgrundlag: Indeholder data fra Geodatastyrelsen (nu Klimadatastyrelsen), DAGI 1:500.000 (FOT), 2014. CC BY 4.0.',
};

export const labelsWith = (given: Partial<ChartLabels> | undefined): ChartLabels => ({
  ...DANISH_LABELS,
  ...given,
});

/** Props every chart shares. */
export interface ChartBase {
  /** Prefix for element ids, unique on the page. */
  id: string;
  /** The main finding, in the SVG's `<title>`. */
  title: string;
  /** The finding in a sentence or two, in the SVG's `<desc>`. */
  description: string;
  /** Visible caption under the chart. */
  caption: string;
  format: Format;
  labels?: Partial<ChartLabels> | undefined;
  /** Shown under the standalone SVG/PNG only. */
  footnote?: string | undefined;
}

/** Symbol for the legend: the interval whisker. */
export const intervalSymbol = (cx: number, cy: number) => (
  <Whisker x1={cx - 9} x2={cx + 9} y={cy} colour={GREY} />
);
