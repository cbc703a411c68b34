/**
 * Subgroups across survey waves: one line per subgroup, points with 95 % whiskers. A wave whose
 * method is not comparable with the one before starts after a dashed "Brud i tidsserien" line,
 * and no line crosses it; a missing or suppressed value leaves a gap.
 */
import { render } from 'preact-render-to-string';
import {
  GREY,
  GRID,
  INK,
  LEGEND_LINE,
  Legend,
  Marker,
  SvgFrame,
  colourAt,
  estimateText,
  intervalSymbol,
  labelsWith,
  legendLines,
  linear,
  niceMax,
  px,
  shapeAt,
  subgroupLegend,
  ticks,
  type ChartBase,
  type Estimate,
  type LegendItem,
  type Subgroup,
} from './chart-kit.tsx';

export interface Wave {
  year: number;
  /** Shown on the axis; default the year. */
  label?: string | undefined;
  /** The method changed since the previous wave: not comparable with it. */
  breakBefore?: boolean | undefined;
}

export interface TrendProps extends ChartBase {
  waves: readonly Wave[];
  subgroups: readonly Subgroup[];
  /** Per subgroup key, one estimate per wave (same order as `waves`); null or missing = gap. */
  values: Readonly<Record<string, readonly (Estimate | null | undefined)[]>>;
  /** Header of the subgroup column in the table, e.g. "Uddannelse". */
  rowHeader: string;
  axisLabel?: string | undefined;
  max?: number | undefined;
}

const WIDTH = 720;
const PLOT_LEFT = 64;
const PLOT_RIGHT = WIDTH - 40;
const PLOT_HEIGHT = 260;
const DODGE = 6;

const waveLabel = (w: Wave) => w.label ?? String(w.year);
const valueAt = (props: TrendProps, key: string, i: number) => {
  const e = props.values[key]?.[i];
  return e && e.value !== null ? (e as Estimate & { value: number }) : undefined;
};

/** Pairs of consecutive waves a line may join: both present and no break between them. */
export function joinedSegments(
  waves: readonly Wave[],
  series: readonly (Estimate | null | undefined)[],
): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < waves.length; i++) {
    const ok = (e: Estimate | null | undefined) => e != null && e.value !== null;
    if (!waves[i]!.breakBefore && ok(series[i - 1]) && ok(series[i])) out.push([i - 1, i]);
  }
  return out;
}

function layout(props: TrendProps) {
  const labels = labelsWith(props.labels);
  const legend: LegendItem[] = [
    ...subgroupLegend(props.subgroups, true),
    { label: labels.interval, symbol: intervalSymbol },
  ];
  const legendTop = 18;
  const plotTop = legendTop + legendLines(legend, WIDTH - 16) * LEGEND_LINE + 24;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const all = Object.values(props.values).flatMap((s) =>
    s.flatMap((e) => (e ? [e.value, e.upper ?? null] : [])),
  );
  const max = props.max ?? niceMax(all.filter((v): v is number => v !== null));
  const years = props.waves.map((w) => w.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const x = linear(first, last === first ? first + 1 : last, PLOT_LEFT + 30, PLOT_RIGHT - 30);
  const y = linear(0, max, plotBottom, plotTop);
  return { labels, legend, legendTop, plotTop, plotBottom, height: plotBottom + 36, max, x, y };
}

function TrendSvg({ standalone, ...props }: TrendProps & { standalone: boolean }) {
  const { labels, legend, legendTop, plotTop, plotBottom, height, max, x, y } = layout(props);
  const n = props.subgroups.length;
  const dodge = (i: number) => (i - (n - 1) / 2) * DODGE;
  return (
    <SvgFrame
      id={props.id}
      title={props.title}
      description={props.description}
      width={WIDTH}
      height={height}
      standalone={standalone}
      footnote={props.footnote}
    >
      <Legend items={legend} x={8} y={legendTop} maxWidth={WIDTH - 16} />
      {props.axisLabel && (
        <text x={8} y={plotTop - 12}>
          {props.axisLabel}
        </text>
      )}
      {ticks(max).map((t) => (
        <g>
          <line
            x1={PLOT_LEFT}
            y1={px(y(t))}
            x2={PLOT_RIGHT}
            y2={px(y(t))}
            stroke={GRID}
            stroke-width={1}
          />
          <text x={PLOT_LEFT - 8} y={px(y(t)) + 4} text-anchor="end">
            {String(t) /* whole numbers: the same in Danish and English */}
          </text>
        </g>
      ))}
      <line
        x1={PLOT_LEFT}
        y1={plotBottom}
        x2={PLOT_RIGHT}
        y2={plotBottom}
        stroke={GREY}
        stroke-width={1}
      />
      {props.waves.map((w) => (
        <text x={px(x(w.year))} y={plotBottom + 20} text-anchor="middle">
          {waveLabel(w)}
        </text>
      ))}
      {props.waves.map((w, i) => {
        if (!w.breakBefore || i === 0) return null;
        const bx = px((x(props.waves[i - 1]!.year) + x(w.year)) / 2);
        return (
          <g class="lighed-chart-break">
            <line
              x1={bx}
              y1={plotTop - 6}
              x2={bx}
              y2={plotBottom}
              stroke={INK}
              stroke-width={1.5}
              stroke-dasharray="6 4"
            />
            <text x={bx} y={plotTop - 10} text-anchor="middle" font-weight={600}>
              {labels.timeBreak}
            </text>
          </g>
        );
      })}
      {props.subgroups.map((s, k) => {
        const series = props.values[s.key] ?? [];
        const at = (i: number) =>
          [px(x(props.waves[i]!.year) + dodge(k)), px(y(valueAt(props, s.key, i)!.value))] as const;
        return (
          <g class="lighed-chart-series">
            {joinedSegments(props.waves, series).map(([a, b]) => (
              <line
                x1={at(a)[0]}
                y1={at(a)[1]}
                x2={at(b)[0]}
                y2={at(b)[1]}
                stroke={colourAt(k)}
                stroke-width={2}
              />
            ))}
            {props.waves.map((_, i) => {
              const e = valueAt(props, s.key, i);
              if (!e) return null;
              const [cx, cy] = at(i);
              return (
                <g>
                  {e.lower != null && e.upper != null && (
                    <g stroke={colourAt(k)} stroke-width={1.5}>
                      <line x1={cx} y1={px(y(e.lower))} x2={cx} y2={px(y(e.upper))} />
                      <line x1={cx - 3} y1={px(y(e.lower))} x2={cx + 3} y2={px(y(e.lower))} />
                      <line x1={cx - 3} y1={px(y(e.upper))} x2={cx + 3} y2={px(y(e.upper))} />
                    </g>
                  )}
                  <Marker shape={shapeAt(k)} x={cx} y={cy} colour={colourAt(k)} size={5} />
                </g>
              );
            })}
          </g>
        );
      })}
    </SvgFrame>
  );
}

/** The trend chart as a `<figure>` for a page; pair it with `TrendTable`. */
export function Trend(props: TrendProps) {
  return (
    <figure class="lighed-chart-figure" id={props.id}>
      <TrendSvg {...props} standalone={false} />
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

/** Standalone SVG document for download and PNG export. */
export const trendSvg = (props: TrendProps): string => render(<TrendSvg {...props} standalone />);

/** The same numbers as a table; waves after a break are marked † and explained in the caption. */
export function TrendTable(props: TrendProps) {
  const labels = labelsWith(props.labels);
  const hasBreak = props.waves.some((w, i) => i > 0 && w.breakBefore);
  return (
    <table class="table table--compact lighed-figures">
      <caption>
        {props.caption}
        {hasBreak && ` † ${labels.timeBreak}.`}
      </caption>
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          {props.waves.map((w, i) => (
            <th scope="col">{i > 0 && w.breakBefore ? `${waveLabel(w)} †` : waveLabel(w)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.subgroups.map((s) => (
          <tr>
            <th scope="row">{s.label}</th>
            {props.waves.map((_, i) => (
              <td>
                {estimateText(
                  props.values[s.key]?.[i] ?? undefined,
                  props.format,
                  labels.suppressed,
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
