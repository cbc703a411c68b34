/**
 * Builds src/platform/geo/kommuner.map.json, the geometry of the choropleth and the finder's map, from DAGI 2014
 * (1:500.000). Run once: `npx tsx scripts/build-kommune-map.ts`. The output is committed, so the
 * app never needs /work/shared at runtime.
 *
 * Steps: equirectangular projection with x scaled by cos(56°), Douglas-Peucker per ring, tiny
 * islets dropped, Bornholm moved into an inset box at the top right (as Danish maps do),
 * Christiansø (0411, not a kommune) dropped, coordinates rounded to 0.1.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCE = process.argv[2] ?? '/work/shared/reference/geo/kommuner_dagi_2014.geojson';
const TARGET = new URL('../src/platform/geo/kommuner.map.json', import.meta.url);
// The projection below is repeated in src/platform/geo/kommune-map.ts (MAP_PROJECTION), which
// places points on the map; kommune-map.test.ts fails if a rebuild moves the map under it.

/** Pixels per degree of latitude: gives a map about 600 high. */
const SCALE = 185;
const COS56 = Math.cos((56 * Math.PI) / 180);
/** Douglas-Peucker tolerance in output pixels: keeps the asset < 150 KB and borders readable. */
const TOLERANCE = 0.45;
/** Islets smaller than this (px²) are dropped, unless they are a kommune's largest ring. */
const MIN_AREA = 2;
const MARGIN = 8;

type Point = [number, number];
type Ring = Point[];
interface Feature {
  properties: { KOMKODE: string; KOMNAVN: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] };
}

const project = ([lon, lat]: Point): Point => [lon * COS56 * SCALE, -lat * SCALE];

function perpendicularDistance([x, y]: Point, [x1, y1]: Point, [x2, y2]: Point): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(x - x1, y - y1);
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / len;
}

/** Iterative Douglas-Peucker; keeps the first and last point of the ring. */
function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstAt = -1;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicularDistance(points[i]!, points[from]!, points[to]!);
      if (d > worst) [worst, worstAt] = [d, i];
    }
    if (worst > tolerance) {
      keep[worstAt] = 1;
      stack.push([from, worstAt], [worstAt, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const area = (ring: Ring) =>
  Math.abs(
    ring.reduce((sum, [x, y], i) => {
      const [nx, ny] = ring[(i + 1) % ring.length]!;
      return sum + x * ny - nx * y;
    }, 0),
  ) / 2;

function bounds(rings: Ring[]) {
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  return {
    minX: Math.min(...xs),
    maxX: Math.max(...xs),
    minY: Math.min(...ys),
    maxY: Math.max(...ys),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function pathData(rings: Ring[]): string {
  return rings
    .map((ring) => {
      const pts = ring.map(([x, y]) => `${round(x)} ${round(y)}`);
      const unique = pts.filter((p, i) => i === 0 || p !== pts[i - 1]);
      if (unique.length > 1 && unique[0] === unique[unique.length - 1]) unique.pop();
      return `M${unique[0]}L${unique.slice(1).join(' ')}Z`;
    })
    .join('');
}

const geo = JSON.parse(readFileSync(SOURCE, 'utf8')) as { features: Feature[] };
const byCode = new Map<string, { name: string; rings: Ring[] }>();
for (const f of geo.features) {
  const code = f.properties.KOMKODE;
  if (code === '0411') continue; // Christiansø: not a kommune, a few px at this scale.
  const entry = byCode.get(code) ?? { name: f.properties.KOMNAVN, rings: [] };
  // Holes are rare at this scale and would need even-odd fill; keep outer rings only.
  entry.rings.push(f.geometry.coordinates[0]!.map(project));
  byCode.set(code, entry);
}

const simplified = [...byCode].map(([code, { name, rings }]) => {
  const kept = rings.map((r) => simplify(r, TOLERANCE)).filter((r) => r.length >= 3);
  const largest = Math.max(...kept.map(area));
  return { code, name, rings: kept.filter((r) => area(r) >= MIN_AREA || area(r) === largest) };
});

// Bornholm goes into an inset at the top right; everything else keeps its place.
const isBornholm = (code: string) => code === '0400';
const main = bounds(simplified.filter((a) => !isBornholm(a.code)).flatMap((a) => a.rings));
const bornholm = simplified.find((a) => isBornholm(a.code))!;
const bh = bounds(bornholm.rings);
const width = main.maxX - main.minX + 2 * MARGIN;
const height = main.maxY - main.minY + 2 * MARGIN;
const insetPad = 6;
const inset = {
  x: round(width - MARGIN - (bh.maxX - bh.minX) - 2 * insetPad),
  y: MARGIN,
  width: round(bh.maxX - bh.minX + 2 * insetPad),
  height: round(bh.maxY - bh.minY + 2 * insetPad),
};
const shift = (dx: number, dy: number) => (rings: Ring[]) =>
  rings.map((r) => r.map(([x, y]): Point => [x + dx, y + dy]));
const toMain = shift(MARGIN - main.minX, MARGIN - main.minY);
const toInset = shift(inset.x + insetPad - bh.minX, inset.y + insetPad - bh.minY);

const areas = simplified
  .map((a) => ({
    code: a.code,
    name: a.name,
    d: pathData(isBornholm(a.code) ? toInset(a.rings) : toMain(a.rings)),
  }))
  .sort((a, b) => a.code.localeCompare(b.code));
const out = { viewBox: `0 0 ${round(width)} ${round(height)}`, inset, areas };
const json = JSON.stringify(out);
writeFileSync(TARGET, json + '\n');
console.log(`${areas.length} areas, ${(json.length / 1024).toFixed(1)} KB, viewBox ${out.viewBox}`);
