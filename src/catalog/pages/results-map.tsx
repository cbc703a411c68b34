/**
 * A small map of the results near the searched place: the shipped kommune boundaries
 * (platform/geo/kommune-map.ts) cut to a window around the searched point and the offers'
 * places, the searched point as a cross, and each offer as a numbered marker matching its
 * number in the list below (lighed.css numbers the list when the map precedes it). Server-
 * rendered SVG, no tiles and no requests elsewhere; it scales to its container. The list is its
 * text alternative: the image says so in its label, and holds nothing the list does not.
 */
import {
  KOMMUNE_MAP,
  MAP_UNITS_PER_KM,
  areaBoxes,
  overlaps,
  projectToMap,
  type Box,
  type MapPoint,
} from '../../platform/geo/kommune-map.ts';
import { formatKm } from '../../web/i18n.ts';
import type { PageContext } from '../../web/layout.tsx';
import { autoIn } from '../../web/present.ts';
import type { FinderHit, FinderResult } from '../offer.store.ts';
import { localText } from './present.ts';

/** The drawing's own units: it scales to its container (CSS width 100%, at most 640 px). */
export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 360;
/** The window is never smaller than this, so a single nearby offer still shows its area. */
const MIN_SPAN_KM = 3;
const PAD = 0.12;
const MARKER_R = 13;
const INK = '#1a1a1a';

export interface MapMarker {
  /** The offer's number in the list (1-based, as on the page). */
  n: number;
  id: string;
  /** Where the marker is drawn, in the drawing's units. */
  x: number;
  y: number;
  /** The place itself, where markers at one place are spread around it. */
  at: MapPoint;
}

export interface ResultsMapLayout {
  /** The window of the kommune map shown, in map units. */
  window: Box;
  /** Map units → drawing units. */
  scale: number;
  origin: MapPoint;
  markers: MapMarker[];
  /** Numbers of the hits without a place on the map (online, or no coordinates). */
  missing: number[];
}

/**
 * Where everything goes: a window around the searched point and the places (padded, at least
 * MIN_SPAN_KM, at the drawing's aspect ratio), and the markers in drawing units. Markers at the
 * same place are spread on a small circle around it, so every number stays readable.
 */
export function layoutResultsMap(
  origin: { latitude: number; longitude: number },
  hits: readonly Pick<FinderHit, 'id' | 'latitude' | 'longitude'>[],
): ResultsMapLayout {
  const o = projectToMap(origin.latitude, origin.longitude);
  const placed = hits.flatMap((h, i) =>
    h.latitude !== null && h.longitude !== null
      ? [{ n: i + 1, id: h.id, p: projectToMap(h.latitude, h.longitude) }]
      : [],
  );
  const missing = hits.flatMap((h, i) =>
    h.latitude === null || h.longitude === null ? [i + 1] : [],
  );
  const xs = [o.x, ...placed.map((m) => m.p.x)];
  const ys = [o.y, ...placed.map((m) => m.p.y)];
  let minX = Math.min(...xs);
  let maxX = Math.max(...xs);
  let minY = Math.min(...ys);
  let maxY = Math.max(...ys);
  const minSpan = MIN_SPAN_KM * MAP_UNITS_PER_KM;
  let w = Math.max(maxX - minX, minSpan) * (1 + 2 * PAD);
  let h = Math.max(maxY - minY, minSpan) * (1 + 2 * PAD);
  const aspect = MAP_WIDTH / MAP_HEIGHT;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  minX = cx - w / 2;
  maxX = cx + w / 2;
  minY = cy - h / 2;
  maxY = cy + h / 2;
  const scale = MAP_WIDTH / w;
  const toDrawing = (p: MapPoint): MapPoint => ({
    x: (p.x - minX) * scale,
    y: (p.y - minY) * scale,
  });

  // Markers at (nearly) one spot: spread on a circle around it.
  const groups = new Map<string, typeof placed>();
  for (const m of placed) {
    const d = toDrawing(m.p);
    const key = `${Math.round(d.x / 4)}:${Math.round(d.y / 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const markers: MapMarker[] = [];
  for (const group of groups.values()) {
    const at = toDrawing(group[0]!.p);
    const ring = group.length > 1 ? MARKER_R * (1.1 + group.length * 0.12) : 0;
    group.forEach((m, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
      markers.push({
        n: m.n,
        id: m.id,
        x: at.x + ring * Math.cos(angle),
        y: at.y + ring * Math.sin(angle),
        at,
      });
    });
  }
  markers.sort((a, b) => a.n - b.n);
  return { window: { minX, minY, maxX, maxY }, scale, origin: toDrawing(o), markers, missing };
}

/** A round number of km for the scale bar, about a fifth of the drawing's width. */
export function scaleBarKm(layout: Pick<ResultsMapLayout, 'window'>): number {
  const widthKm = (layout.window.maxX - layout.window.minX) / MAP_UNITS_PER_KM;
  const target = widthKm / 5;
  const steps = [0.25, 0.5, 1, 2, 5, 10, 20, 50];
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best));
}

export interface ResultsMapProps {
  ctx: PageContext;
  result: Pick<FinderResult, 'hits' | 'origin'>;
  /** What the search was from ("4000 Roskilde", "din position"). */
  originLabel: string | null;
}

/** The map, or nothing without a searched place or without any result with a place. */
export function ResultsMap({ ctx, result, originLabel }: ResultsMapProps) {
  const { t, lang } = ctx;
  if (!result.origin) return null;
  const layout = layoutResultsMap(result.origin, result.hits);
  if (layout.markers.length === 0) return null;
  const { window: win, scale } = layout;
  const areas = KOMMUNE_MAP.areas.filter((a) => overlaps(areaBoxes().get(a.code)!, win));
  const origin = originLabel ? autoIn(lang, originLabel) : '';
  const km = scaleBarKm(layout);
  const bar = km * MAP_UNITS_PER_KM * scale;
  const titleOf = (m: MapMarker) => {
    const hit = result.hits[m.n - 1];
    return hit ? `${m.n}. ${localText(hit, lang).title}` : String(m.n);
  };
  const { origin: o } = layout;
  return (
    <figure class="lighed-results-map" id="results-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        role="img"
        aria-label={t('resultsMap.label', { count: layout.markers.length })}
        direction="ltr"
        font-family="'IBM Plex Sans', Arial, sans-serif"
      >
        <rect x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} fill="#dcecf7" />
        <g
          transform={`matrix(${r(scale)} 0 0 ${r(scale)} ${r(-win.minX * scale)} ${r(-win.minY * scale)})`}
          fill="#f4f2ec"
          stroke="#8a8a8a"
          // In map units, so the borders are 1.2 of the drawing's units at any zoom.
          stroke-width={Math.round((1.2 / scale) * 10_000) / 10_000}
          stroke-linejoin="round"
        >
          {areas.map((a) => (
            <path d={a.d} data-kommune={a.code} />
          ))}
        </g>
        <g data-origin="1" stroke={INK} stroke-width={3.5} stroke-linecap="round">
          <title>{t('resultsMap.origin', { origin })}</title>
          <circle cx={r(o.x)} cy={r(o.y)} r={11} fill="#ffffff" stroke={INK} stroke-width={1.5} />
          <line x1={r(o.x - 6)} y1={r(o.y - 6)} x2={r(o.x + 6)} y2={r(o.y + 6)} />
          <line x1={r(o.x - 6)} y1={r(o.y + 6)} x2={r(o.x + 6)} y2={r(o.y - 6)} />
        </g>
        {layout.markers
          .filter((m) => m.x !== m.at.x || m.y !== m.at.y)
          .map((m) => (
            <line
              x1={r(m.at.x)}
              y1={r(m.at.y)}
              x2={r(m.x)}
              y2={r(m.y)}
              stroke={INK}
              stroke-width={1}
            />
          ))}
        {layout.markers.map((m) => (
          <g data-marker={m.n} data-offer={m.id}>
            <title>{titleOf(m)}</title>
            <circle
              cx={r(m.x)}
              cy={r(m.y)}
              r={MARKER_R}
              fill={INK}
              stroke="#ffffff"
              stroke-width={2}
            />
            <text
              x={r(m.x)}
              y={r(m.y)}
              dy="0.35em"
              text-anchor="middle"
              fill="#ffffff"
              font-size={m.n > 9 ? 12 : 14}
              font-weight={600}
            >
              {m.n}
            </text>
          </g>
        ))}
        <g data-scale="1">
          <rect
            x={10}
            y={MAP_HEIGHT - 30}
            width={r(bar + 16)}
            height={22}
            fill="#ffffff"
            opacity={0.85}
          />
          <line
            x1={18}
            y1={MAP_HEIGHT - 14}
            x2={r(18 + bar)}
            y2={MAP_HEIGHT - 14}
            stroke={INK}
            stroke-width={2}
          />
          <text x={18} y={MAP_HEIGHT - 18} font-size={11} fill={INK}>
            {t('resultsMap.scale', { km: formatKm(km * 1000, lang) })}
          </text>
        </g>
      </svg>
      <figcaption>
        {t('resultsMap.caption', { origin })}
        {layout.missing.length > 0 && (
          <> {t('resultsMap.notShown', { count: layout.missing.length })}</>
        )}
        <br />
        <small>{t('resultsMap.attribution')}</small>
      </figcaption>
    </figure>
  );
}

const r = (n: number) => Math.round(n * 100) / 100;
