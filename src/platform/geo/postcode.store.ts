import { one, type Db, type Queryable } from '../../db/db.ts';
import { readPostcodes } from './postcodes.ts';

export async function ensurePostcodes(db: Db): Promise<number> {
  const rows = readPostcodes();
  const [count] = await db.query<{ n: number }>('select count(*)::int as n from postcode');
  if (count?.n === rows.length) return 0;
  // National reference data: written by the owner only, the application role just reads it.
  await db.asOwner(async (tx) => {
    await tx.query(
      `insert into postcode (postnummer, name, kommune, latitude, longitude)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[])
       on conflict (postnummer) do update set name = excluded.name, kommune = excluded.kommune,
         latitude = excluded.latitude, longitude = excluded.longitude`,
      [
        rows.map((r) => r.postnummer),
        rows.map((r) => r.name),
        rows.map((r) => r.kommune),
        rows.map((r) => r.latitude),
        rows.map((r) => r.longitude),
      ],
    );
  });
  return rows.length;
}

export interface PostcodeCentroid {
  postnummer: string;
  name: string;
  latitude: number;
  longitude: number;
}

export async function findPostcode(q: Queryable, postnummer: string) {
  return one<PostcodeCentroid>(
    q,
    'select postnummer, name, latitude, longitude from postcode where postnummer = $1',
    [postnummer],
  );
}
