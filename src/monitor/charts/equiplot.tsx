/**
 * HEAT's equiplot: one row per area (or indicator), one marker per subgroup on a shared 0–max
 * axis, a line from the lowest to the highest subgroup (the gap), 95 % intervals as whiskers
 * and a tick for the row's average. Suppressed subgroups are left out here and named in the table.
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
  Whisker,
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
  textWidth,
  ticks,
  wrapLabel,
  type ChartBase,
  type Estimate,
  type LegendItem,
  type Subgroup,
} from './chart-kit.tsx';

export interface EquiplotRow {
  label: string;
  average?: number | null | undefined;
  /** Estimates by subgroup key; a missing key or `value: null` is suppressed. */
  estimates: Readonly<Record<string, Estimate>>;
}

export interface EquiplotProps extends ChartBase {
  subgroups: readonly Subgroup[];
  rows: readonly EquiplotRow[];
  /** Header of the row column in the table, e.g. "Område". */
  rowHeader: string;
  /** Axis title, e.g. "Andel (%)". */
  axisLabel?: string | undefined;
  /** Axis maximum; default: the largest upper limit rounded up to 10. */
  max?: number | undefined;
}

const WIDTH = 720;
const LABEL_RIGHT = 168;
const PLOT_LEFT = 184;
const PLOT_RIGHT = WIDTH - 24;
const ROW = 40;

const shown = (e: Estimate | undefined): e is Estimate & { value: number } =>
  e !== undefined && e.value !== null;

function layout(props: EquiplotProps) {
  const labels = labelsWith(props.labels);
  const legend: LegendItem[] = [
    ...subgroupLegend(props.subgroups),
    ...(props.rows.some((r) => r.average != null)
      ? [
          {
            label: labels.average,
            symbol: (cx: number, cy: number) => (
              <line x1={cx} y1={cy - 8} x2={cx} y2={cy + 8} stroke={INK} stroke-width={2.5} />
            ),
          },
        ]
      : []),
    { label: labels.interval, symbol: intervalSymbol },
  ];
  const legendTop = 18;
  const plotTop = legendTop + legendLines(legend, WIDTH - 16) * LEGEND_LINE + 8;
  const plotBottom = plotTop + props.rows.length * ROW;
  const height = plotBottom + (props.axisLabel ? 48 : 30);
  const all = props.rows.flatMap((r) =>
    Object.values(r.estimates).flatMap((e) => [e.value, e.upper ?? null]),
  );
  const max = props.max ?? niceMax(all.filter((v): v is number => v !== null));
  return {
    labels,
    legend,
    legendTop,
    plotTop,
    plotBottom,
    height,
    max,
    x: linear(0, max, PLOT_LEFT, PLOT_RIGHT),
  };
}

function RowLabel({ label, y }: { label: string; y: number }) {
  const lines = wrapLabel(label, 22);
  const top = y + 4 - ((lines.length - 1) * 15) / 2;
  return (
    <text x={LABEL_RIGHT} y={top} text-anchor="end">
      {lines.map((line, i) => (
        <tspan x={LABEL_RIGHT} y={top + i * 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Names the suppressed subgroups just under the row, so their absence is not silent. */
function SuppressedNote({
  names,
  left,
  y,
  text,
}: {
  names: string[];
  left: number;
  y: number;
  text: string;
}) {
  if (names.length === 0) return null;
  const note = `${text}: ${names.join(', ')}`;
  const fits = left + textWidth(note, 11) < PLOT_RIGHT;
  return (
    <text
      x={px(fits ? left : PLOT_RIGHT)}
      y={y + 21}
      text-anchor={fits ? 'start' : 'end'}
      font-size={11}
      fill={GREY}
    >
      {note}
    </text>
  );
}

function Row({
  row,
  y,
  x,
  props,
}: {
  row: EquiplotRow;
  y: number;
  x: (v: number) => number;
  props: EquiplotProps;
}) {
  const all = props.subgroups.map((s, i) => ({ s, i, e: row.estimates[s.key] }));
  const present = all.filter((d) => shown(d.e));
  const values = present.map((d) => d.e!.value!);
  const lows = present.map((d) => d.e!.lower ?? d.e!.value!);
  const suppressed = all.filter((d) => !shown(d.e)).map((d) => d.s.label);
  return (
    <g>
      <RowLabel label={row.label} y={y} />
      {values.length > 1 && (
        <line
          x1={px(x(Math.min(...values)))}
          y1={y}
          x2={px(x(Math.max(...values)))}
          y2={y}
          stroke={GREY}
          stroke-width={3}
        />
      )}
      {present.map(
        ({ i, e }) =>
          e!.lower != null &&
          e!.upper != null && (
            <Whisker x1={x(e!.lower)} x2={x(e!.upper)} y={y} colour={colourAt(i)} />
          ),
      )}
      {row.average != null && (
        <line
          x1={px(x(row.average))}
          y1={y - 11}
          x2={px(x(row.average))}
          y2={y + 11}
          stroke={INK}
          stroke-width={2.5}
        />
      )}
      {present.map(({ i, e }) => (
        <Marker shape={shapeAt(i)} x={x(e!.value!)} y={y} colour={colourAt(i)} />
      ))}
      <SuppressedNote
        names={suppressed}
        left={lows.length > 0 ? x(Math.min(...lows)) : PLOT_LEFT}
        y={y}
        text={labelsWith(props.labels).suppressed}
      />
    </g>
  );
}

function EquiplotSvg({ standalone, ...props }: EquiplotProps & { standalone: boolean }) {
  const { legend, legendTop, plotTop, plotBottom, height, max, x } = layout(props);
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
      {ticks(max).map((t) => (
        <g>
          <line
            x1={px(x(t))}
            y1={plotTop}
            x2={px(x(t))}
            y2={plotBottom}
            stroke={GRID}
            stroke-width={1}
          />
          <text x={px(x(t))} y={plotBottom + 18} text-anchor="middle" fill={INK}>
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
      {props.axisLabel && (
        <text x={(PLOT_LEFT + PLOT_RIGHT) / 2} y={plotBottom + 40} text-anchor="middle">
          {props.axisLabel}
        </text>
      )}
      {props.rows.map((row, r) => (
        <Row row={row} y={plotTop + r * ROW + ROW / 2} x={x} props={props} />
      ))}
    </SvgFrame>
  );
}

/** The equiplot as a `<figure>` for a page; pair it with `EquiplotTable`. */
export function Equiplot(props: EquiplotProps) {
  return (
    <figure class="lighed-chart-figure" id={props.id}>
      <EquiplotSvg {...props} standalone={false} />
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

/** Standalone SVG document (fixed size, white background, font) for download and PNG export. */
export const equiplotSvg = (props: EquiplotProps): string =>
  render(<EquiplotSvg {...props} standalone />);

/** The same numbers as a table: one row per row of the chart, one column per subgroup. */
export function EquiplotTable(props: EquiplotProps) {
  const labels = labelsWith(props.labels);
  const hasAverage = props.rows.some((r) => r.average != null);
  return (
    <table class="table table--compact lighed-figures">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          {props.subgroups.map((s) => (
            <th scope="col">{s.label}</th>
          ))}
          {hasAverage && <th scope="col">{labels.average}</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            {props.subgroups.map((s) => (
              <td>{estimateText(row.estimates[s.key], props.format, labels.suppressed)}</td>
            ))}
            {hasAverage && <td>{row.average != null ? props.format(row.average) : ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
