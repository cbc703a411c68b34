/**
 * Where a citizen is. Postcodes are placed at their centroid from the table Lighed ships
 * (src/platform/geo/postcodes.csv, loaded into `postcode`), which works offline. Full addresses
 * need the national address service (DAWA/Datafordeleren): an adapter a deployment enables
 * with LIGHED_GEOCODER=dawa. Tests never reach the network.
 */
import type { Db } from '../../db/db.ts';
import { findPostcode } from './postcode.store.ts';

export interface Point {
  latitude: number;
  longitude: number;
}

export interface Place extends Point {
  label: string;
}

export interface Geocoder {
  postcode: (postnummer: string) => Promise<Place | undefined>;
  /** Full address → point; undefined when unknown or when the deployment has no address service. */
  address: (text: string) => Promise<Place | undefined>;
}

export function offlineGeocoder(db: Db): Geocoder {
  // Postcodes are national reference data that change only with a release: a found one is
  // kept, so a finder search costs no round trip for it (issue 16). Unknown ones are asked
  // again (the table may be loaded after start).
  const known = new Map<string, Place>();
  return {
    async postcode(postnummer) {
      const cached = known.get(postnummer);
      if (cached) return cached;
      const row = await findPostcode(db, postnummer);
      if (!row) return undefined;
      const place = {
        label: `${row.postnummer} ${row.name}`,
        latitude: row.latitude,
        longitude: row.longitude,
      };
      known.set(postnummer, place);
      return place;
    },
    async address() {
      return undefined;
    },
  };
}

/** DAWA's address wash (datavask) returns the best match with WGS84 coordinates. */
export function dawaGeocoder(db: Db, baseUrl: string, fetchFn: typeof fetch = fetch): Geocoder {
  const offline = offlineGeocoder(db);
  return {
    postcode: offline.postcode,
    async address(text) {
      const url = `${baseUrl}/datavask/adresser?betegnelse=${encodeURIComponent(text)}`;
      const res = await fetchFn(url, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) return undefined;
      const body = (await res.json()) as {
        resultater?: { adresse?: { id?: string; betegnelse?: string } }[];
      };
      const id = body.resultater?.[0]?.adresse?.id;
      if (!id) return undefined;
      const adr = await fetchFn(`${baseUrl}/adresser/${id}?struktur=mini`, {
        signal: AbortSignal.timeout(3000),
      });
      if (!adr.ok) return undefined;
      const a = (await adr.json()) as { x?: number; y?: number; betegnelse?: string };
      if (typeof a.x !== 'number' || typeof a.y !== 'number') return undefined;
      return { label: a.betegnelse ?? text, latitude: a.y, longitude: a.x };
    },
  };
}
