import { describe, expect, it } from 'vitest';
import {
  KOMMUNE_MAP,
  MAP_UNITS_PER_KM,
  areaBoxes,
  pathRings,
  projectToMap,
  type MapPoint,
} from './kommune-map.ts';
import { readPostcodes } from './postcodes.ts';

/** Even-odd ray casting over all rings of a path. */
function inside(p: MapPoint, rings: MapPoint[][]): boolean {
  let hit = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
        hit = !hit;
    }
  }
  return hit;
}

function distanceToEdge(p: MapPoint, rings: MapPoint[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j]!;
      const b = ring[i]!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = dx * dx + dy * dy;
      const t =
        len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
      best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
    }
  }
  return best;
}

const rings = new Map(KOMMUNE_MAP.areas.map((a) => [a.code, pathRings(a.d)]));

describe('the kommune map projection', () => {
  it('puts every shipped postcode centre in its own kommune (or within 1.5 km of its border)', () => {
    const rows = readPostcodes().filter((r) => rings.has(r.kommune));
    expect(rows.length).toBeGreaterThan(90);
    const misplaced = rows.filter((r) => {
      const p = projectToMap(r.latitude, r.longitude);
      const own = rings.get(r.kommune)!;
      return !inside(p, own) && distanceToEdge(p, own) > 1.5 * MAP_UNITS_PER_KM;
    });
    expect(misplaced.map((r) => `${r.postnummer} ${r.name}`)).toEqual([]);
  });

  it('places known towns in the right kommune, Bornholm in its inset', () => {
    const towns: [string, number, number][] = [
      ['0265', 55.6415, 12.0803], // Roskilde
      ['0101', 55.6761, 12.5683], // København, Rådhuspladsen
      ['0851', 57.0488, 9.9217], // Aalborg
      ['0751', 56.1572, 10.2107], // Aarhus
      ['0400', 55.1037, 14.7065], // Rønne
    ];
    for (const [code, lat, lon] of towns) {
      const p = projectToMap(lat, lon);
      expect(inside(p, rings.get(code)!), code).toBe(true);
    }
    const { inset } = KOMMUNE_MAP;
    const ronne = projectToMap(55.1037, 14.7065);
    expect(ronne.x).toBeGreaterThan(inset.x);
    expect(ronne.y).toBeLessThan(inset.y + inset.height);
  });

  it('keeps distances: 10 km north is 10 km of map units up', () => {
    const a = projectToMap(55.6, 12.0);
    const b = projectToMap(55.6 + 10 / 111.2, 12.0);
    expect(a.y - b.y).toBeCloseTo(10 * MAP_UNITS_PER_KM, 6);
    expect(b.x).toBeCloseTo(a.x, 9);
  });

  it("knows each kommune's bounding box", () => {
    const box = areaBoxes().get('0265')!;
    const p = projectToMap(55.6415, 12.0803);
    expect(p.x).toBeGreaterThan(box.minX);
    expect(p.x).toBeLessThan(box.maxX);
    expect(p.y).toBeGreaterThan(box.minY);
    expect(p.y).toBeLessThan(box.maxY);
    expect(areaBoxes().size).toBe(98);
  });
});
