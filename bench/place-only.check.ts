// Place-only finder searches (postcode, no words) on the national catalog, on PostgreSQL:
// npx tsx bench/place-only.check.ts. Reported in bench/README.md, finding 4.
import pg from 'pg';
import { openPostgres } from '../src/db/postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { inTenant } from '../src/db/db.ts';
import { ensurePostcodes } from '../src/platform/geo/postcode.store.ts';
import { searchOffers } from '../src/catalog/offer.store.ts';
import { parseFinderQuery } from '../src/catalog/finder.ts';
import { buildNationalCatalog, readPostcodeTable } from './national-catalog.ts';
const name = `lighed_place_${process.pid}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`create database ${name}`);
const db = openPostgres(`postgres://postgres@127.0.0.1:5432/${name}`);
try {
  await migrate(db);
  await ensurePostcodes(db);
  await buildNationalCatalog(db, { offers: 25000, seed: 20250601 });
  const pcs = await readPostcodeTable(db);
  for (const code of ['4000', '2200', '8000']) {
    const pc = pcs.find((p) => p.postnummer === code)!;
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      await inTenant(db, '0265', (tx) =>
        searchOffers(tx, '0265', parseFinderQuery({ postnummer: code }).query, pc),
      );
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      code,
      'place-only search ms: median',
      times[6]!.toFixed(1),
      'max',
      times[11]!.toFixed(1),
    );
  }
} finally {
  await db.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
