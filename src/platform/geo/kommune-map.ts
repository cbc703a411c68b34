/**
 * Denmark's 98 kommuner as SVG paths (kommuner.map.json, built by scripts/build-kommune-map.ts
 * from DAGI 2014, 1:500.000, CC BY 4.0), and the projection that put them there, so a point
 * (an offer's place, a searched postcode) lands where it belongs on the same map. Shared by
 * the monitor's choropleth and the finder's map of nearby offers; no domain's business.
 */
import mapData from './kommuner.map.json' with { type: 'json' };

export interface KommuneMap {
  viewBox: string;
  inset: { x: number; y: number; width: number; height: number };
  areas: { code: string; name: string; d: string }[];
}

export const KOMMUNE_MAP: KommuneMap = mapData;

/**
 * The build script's projection: equirectangular with x scaled by cos(56°), SCALE px per
 * degree of latitude, shifted so the mainland's bounds start at the margin; Bornholm is moved
 * into the inset box at the top right. The offsets are the script's bounds of the simplified
 * rings (printed by it); kommune-map.test.ts checks every shipped postcode centre lands in
 * its own kommune, so a rebuild that moves the map fails there.
 */
export const MAP_PROJECTION = {
  scale: 185,
  cosLat: Math.cos((56 * Math.PI) / 180),
  main: { dx: 8 - 835.4002351510428, dy: 8 + 10684.057978156952 },
  bornholm: { dx: 435.1 + 6 - 1518.9195046703594, dy: 8 + 6 + 10230.350887772847 },
} as const;

/** Bornholm (and Ertholmene) lie east of 14.5°E and south of 55.4°N; nothing else does. */
export const isBornholm = (latitude: number, longitude: number) =>
  longitude > 14.5 && latitude < 55.4;

export interface MapPoint {
  x: number;
  y: number;
}

/** Where a WGS84 point lies on the kommune map (Bornholm in its inset). */
export function projectToMap(latitude: number, longitude: number): MapPoint {
  const { scale, cosLat } = MAP_PROJECTION;
  const shift = isBornholm(latitude, longitude) ? MAP_PROJECTION.bornholm : MAP_PROJECTION.main;
  return { x: longitude * cosLat * scale + shift.dx, y: -latitude * scale + shift.dy };
}

/** Map units per kilometre (north-south; east-west is the same by the cos(56°) scaling). */
export const MAP_UNITS_PER_KM = MAP_PROJECTION.scale / 111.2;

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The rings of a path as the build script writes them ("M1 2L3 4 5 6Z…"). */
export function pathRings(d: string): MapPoint[][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((ring) => {
      const nums = ring.replace(/[LZ]/g, ' ').trim().split(/\s+/).map(Number);
      const points: MapPoint[] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) points.push({ x: nums[i]!, y: nums[i + 1]! });
      return points;
    });
}

let boxes: Map<string, Box> | undefined;

/** Each kommune's bounding box, worked out once, to draw only those near a window. */
export function areaBoxes(): Map<string, Box> {
  if (boxes) return boxes;
  boxes = new Map();
  for (const a of KOMMUNE_MAP.areas) {
    const pts = pathRings(a.d).flat();
    boxes.set(a.code, {
      minX: Math.min(...pts.map((p) => p.x)),
      minY: Math.min(...pts.map((p) => p.y)),
      maxX: Math.max(...pts.map((p) => p.x)),
      maxY: Math.max(...pts.map((p) => p.y)),
    });
  }
  return boxes;
}

export const overlaps = (a: Box, b: Box) =>
  a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
