/**
 * Denmark's 98 kommuner coloured by a value in up to 5 quantile classes (ColorBrewer Blues, safe
 * for colour-vision deficiencies). Kommuner without a value are hatched; the selected one is
 * outlined; every area has a `<title>` "Kommune: value" and the table repeats all numbers.
 * Geometry: platform/geo/kommuner.map.json, built by scripts/build-kommune-map.ts from DAGI 2014.
 */
import { render } from 'preact-render-to-string';
import { KOMMUNE_MAP, type KommuneMap } from '../../platform/geo/kommune-map.ts';
import { GREY, INK, SvgFrame, labelsWith, type ChartBase } from './chart-kit.tsx';
import { classify, paletteIndex, quantileBreaks } from './classes.ts';

// The geometry is shared with the citizen finder's map (src/platform/geo/kommune-map.ts).
export { KOMMUNE_MAP, type KommuneMap };

/** Lightest to darkest; the darkest stays clearly apart from the white borders and black outline. */
export const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export interface ChoroplethProps extends ChartBase {
  /** Value by kommune code ("0265"); null = suppressed, missing = no figure. */
  values: Readonly<Record<string, number | null>>;
  /** Kommune code to outline. */
  selected?: string | undefined;
  /** Legend heading, e.g. "Andel (%)". */
  legendTitle?: string | undefined;
}

const [, , MAP_W = 504, MAP_H = 607] = KOMMUNE_MAP.viewBox.split(' ').map(Number);
const LEGEND_X = Math.ceil(MAP_W) + 16;
const WIDTH = 720;
const NO_DATA_FILL = '#f2f2f2';

function classesOf(props: ChoroplethProps) {
  const known = Object.values(props.values).filter((v): v is number => v !== null);
  const breaks = quantileBreaks(known, BLUES.length);
  const n = breaks.length + 1;
  const colour = (v: number) => BLUES[paletteIndex(classify(v, breaks), n, BLUES.length)]!;
  const limits = [Math.min(...known), ...breaks, Math.max(...known)];
  const ranges =
    known.length === 0
      ? []
      : Array.from({ length: n }, (_, c) => ({
          from: limits[c]!,
          to: limits[c + 1]!,
          colour: BLUES[paletteIndex(c, n, BLUES.length)]!,
        }));
  return { colour, ranges };
}

function ChoroplethSvg({ standalone, ...props }: ChoroplethProps & { standalone: boolean }) {
  const labels = labelsWith(props.labels);
  const { colour, ranges } = classesOf(props);
  const hatch = `${props.id}-nodata`;
  const height = Math.ceil(MAP_H) + (standalone ? 28 : 0);
  const selected = KOMMUNE_MAP.areas.find((a) => a.code === props.selected);
  const selectedValue = selected ? props.values[selected.code] : undefined;
  const valueText = (v: number | null | undefined) =>
    v === undefined ? labels.noData : v === null ? labels.suppressed : props.format(v);
  const { inset } = KOMMUNE_MAP;
  let ly = 24;
  const next = (step: number) => (ly += step) - step;
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
      <defs>
        <pattern
          id={hatch}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect x={0} y={0} width={6} height={6} fill={NO_DATA_FILL} />
          <line x1={0} y1={0} x2={0} y2={6} stroke={GREY} stroke-width={1.5} />
        </pattern>
      </defs>
      <rect
        x={inset.x}
        y={inset.y}
        width={inset.width}
        height={inset.height}
        fill="none"
        stroke={GREY}
        stroke-width={1}
      />
      <g stroke="#ffffff" stroke-width={0.6} stroke-linejoin="round">
        {KOMMUNE_MAP.areas.map((a) => {
          const v = props.values[a.code];
          return (
            <path d={a.d} data-kommune={a.code} fill={v == null ? `url(#${hatch})` : colour(v)}>
              <title>{`${a.name}: ${valueText(v)}`}</title>
            </path>
          );
        })}
      </g>
      {selected && (
        <path
          d={selected.d}
          fill="none"
          stroke={INK}
          stroke-width={2.5}
          stroke-linejoin="round"
          aria-hidden="true"
        />
      )}
      {props.legendTitle && (
        <text x={LEGEND_X} y={next(26)} font-weight={600}>
          {props.legendTitle}
        </text>
      )}
      {ranges.map((r) => {
        const y = next(26);
        return (
          <g>
            <rect
              x={LEGEND_X}
              y={y - 13}
              width={28}
              height={18}
              fill={r.colour}
              stroke={GREY}
              stroke-width={0.5}
            />
            <text
              x={LEGEND_X + 36}
              y={y + 1}
            >{`${props.format(r.from)}–${props.format(r.to)}`}</text>
          </g>
        );
      })}
      {(() => {
        const y = next(26);
        return (
          <g>
            <rect
              x={LEGEND_X}
              y={y - 13}
              width={28}
              height={18}
              fill={`url(#${hatch})`}
              stroke={GREY}
              stroke-width={0.5}
            />
            <text x={LEGEND_X + 36} y={y + 1}>
              {labels.noData}
            </text>
          </g>
        );
      })()}
      {selected &&
        (() => {
          const y = next(14) + 26;
          return (
            <g>
              <rect
                x={LEGEND_X + 1}
                y={y - 12}
                width={26}
                height={16}
                fill="none"
                stroke={INK}
                stroke-width={2.5}
              />
              <text x={LEGEND_X + 36} y={y + 1}>
                {labels.selected}
              </text>
              <text
                x={LEGEND_X + 36}
                y={y + 19}
                font-weight={600}
              >{`${selected.name}: ${valueText(selectedValue)}`}</text>
            </g>
          );
        })()}
      {standalone && (
        <text x={8} y={height - 10} font-size={10.5} fill={INK}>
          {labels.attribution}
        </text>
      )}
    </SvgFrame>
  );
}

/** The map as a `<figure>` with caption and the licence's attribution; pair it with `ChoroplethTable`. */
export function Choropleth(props: ChoroplethProps) {
  const labels = labelsWith(props.labels);
  return (
    <figure class="lighed-chart-figure" id={props.id}>
      <ChoroplethSvg {...props} standalone={false} />
      <figcaption>
        {props.caption}
        <br />
        <small>{labels.attribution}</small>
      </figcaption>
    </figure>
  );
}

/** Standalone SVG document (with the attribution drawn in) for download and PNG export. */
export const choroplethSvg = (props: ChoroplethProps): string =>
  render(<ChoroplethSvg {...props} standalone />);

/** All 98 kommuner with their value, alphabetically; "for få svar" / "ingen tal" where missing. */
export function ChoroplethTable(
  props: ChoroplethProps & { rowHeader: string; valueHeader: string },
) {
  const labels = labelsWith(props.labels);
  const areas = [...KOMMUNE_MAP.areas].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <table class="table table--compact lighed-figures">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          <th scope="col">{props.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => {
          const v = props.values[a.code];
          return (
            <tr>
              <th scope="row">{a.code === props.selected ? <strong>{a.name}</strong> : a.name}</th>
              <td>
                {v === undefined ? labels.noData : v === null ? labels.suppressed : props.format(v)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
