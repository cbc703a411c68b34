/**
 * Place-only searches read published_offer_place (decision 0031), which triggers derive from
 * offer, offer_location and location. These cases are the ones the bench's catalog (one place
 * per offer, no shared places) cannot show: offers sharing a place (equal distances across a
 * page boundary, ordered by title), an offer with several places, 'both' offers in and out of
 * reach, and the table following every kind of write.
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, type Fixture } from '../../test/support/app.ts';
import { inTenant, type Queryable } from '../db/db.ts';
import { PAGE_SIZE, parseFinderQuery } from './finder.ts';
import { searchOffers, type FinderHit } from './offer.store.ts';

const K = '0265';
/** Æblehaven, Roskilde: the fixture's near place. */
const ORIGIN = { latitude: 55.6469, longitude: 12.0631 };

eachEngine('place-only finder over published_offer_place', (ctx) => {
  let fx: Fixture;
  const ids = new Map<string, string>();
  const search = (raw: Record<string, string> = {}) =>
    searchOffers(ctx.db, K, parseFinderQuery(raw).query, ORIGIN);
  const tenant = <T>(fn: (tx: Queryable) => Promise<T>) => inTenant(ctx.db, K, fn);
  const place = (name: string, lat: number, lon: number) =>
    tenant(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude)
         values ($1, $2, $3, 'Vej 1', '4000', 'Roskilde', $4, $5) returning id`,
        [K, fx.orgId, name, lat, lon],
      );
      ids.set(name, row!.id);
      return row!.id;
    });
  const offer = (title: string, places: string[], mode = 'in_person', status = 'published') =>
    tenant(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `insert into offer (kommune, organization_id, title, arena, offer_type, mode, status)
         values ($1, $2, $3, 'association', 'group', $4, $5) returning id`,
        [K, fx.orgId, title, mode, status],
      );
      for (const p of places) {
        await tx.query(
          'insert into offer_location (kommune, offer_id, location_id) values ($1, $2, $3)',
          [K, row!.id, ids.get(p)],
        );
      }
      ids.set(title, row!.id);
      return row!.id;
    });
  const titles = (hits: FinderHit[]) => hits.map((h) => h.title);
  const hit = async (title: string, raw: Record<string, string> = {}) => {
    const all = [];
    for (let side = 1; ; side++) {
      const r = await search({ ...raw, side: String(side) });
      all.push(...r.hits);
      if (r.hits.length < PAGE_SIZE) break;
    }
    return all.find((h) => h.title === title);
  };

  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    await place('Hallen', 55.6555, 12.0631); // about 960 m north
    await place('Skolen', 55.6649, 12.0631); // about 2 km north
    await place('Langt væk', 56.1, 12.0631); // about 50 km north, out of reach
    // 25 offers at one place: equal distances across the first page's end.
    for (let i = 0; i < 25; i++) await offer(`Hold ${String.fromCharCode(65 + i)}`, ['Hallen']);
    await offer('To steder', ['Langt væk', 'Skolen']);
    await offer('Begge, langt væk', ['Langt væk'], 'both');
    await offer('Begge, tæt på', ['Skolen'], 'both');
    await offer('Kladde i hallen', ['Hallen'], 'in_person', 'draft');
  }, 60_000);

  it('orders offers at one place by title across pages, each once, with one total', async () => {
    const first = await search();
    const second = await search({ side: '2' });
    expect(second.total).toBe(first.total);
    const hold = [...titles(first.hits), ...titles(second.hits)].filter((t) =>
      t.startsWith('Hold'),
    );
    expect(hold).toHaveLength(25);
    expect(hold).toEqual([...hold].sort((a, b) => a.localeCompare(b, 'da')));
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(
      first.hits.length + second.hits.length,
    );
    // Distance first: the fixture's walk (at the origin) leads, the 25 at Hallen follow.
    expect(first.hits[0]!.title).toBe('Gåtur i Æblehaven');
    expect(first.hits.slice(1).every((h) => h.meters === first.hits[1]!.meters)).toBe(true);
  });

  it('sorts a place-only search by the next meeting, and by distance, on every page', async () => {
    // The next-meeting order reads every offer in reach and does not cut at the page's last
    // distance: its statement takes one parameter fewer (a bench run once sent it one too many).
    for (const sortering of ['tid', 'afstand']) {
      const first = await search({ sortering });
      const second = await search({ sortering, side: '2' });
      expect(first.total).toBeGreaterThan(PAGE_SIZE);
      expect(second.total).toBe(first.total);
      expect(first.hits).toHaveLength(PAGE_SIZE);
      const seen = new Set([...first.hits, ...second.hits].map((h) => h.id));
      expect(seen.size).toBe(first.hits.length + second.hits.length);
    }
  });

  it('shows an offer once, at its nearest place in reach; online and far "both" offers last', async () => {
    const two = await hit('To steder');
    expect(two?.location_name).toBe('Skolen');
    expect(two?.meters).toBeGreaterThan(1900);
    expect((await hit('Begge, tæt på'))?.meters).toBeGreaterThan(1900);
    const far = await hit('Begge, langt væk');
    expect(far?.meters).toBeNull();
    const all = [...(await search()).hits, ...(await search({ side: '2' })).hits];
    expect(all.filter((h) => h.title === 'To steder')).toHaveLength(1);
    expect(await hit('Kladde i hallen')).toBeUndefined();
  });

  it('follows publishing, moved places, removed links and mode changes', async () => {
    const before = (await search()).total;
    await tenant((tx) =>
      tx.query(`update offer set status = 'published' where id = $1`, [ids.get('Kladde i hallen')]),
    );
    expect((await search()).total).toBe(before + 1);
    expect((await hit('Kladde i hallen'))?.location_name).toBe('Hallen');

    // The far place moves next to the origin: 'To steder' is now nearest there.
    await tenant((tx) =>
      tx.query('update location set latitude = $2, longitude = $3 where id = $1', [
        ids.get('Langt væk'),
        55.6475,
        12.0631,
      ]),
    );
    expect((await hit('To steder'))?.location_name).toBe('Langt væk');
    expect((await hit('Begge, langt væk'))?.meters).toBeLessThan(100);

    await tenant((tx) =>
      tx.query('delete from offer_location where offer_id = $1', [ids.get('Kladde i hallen')]),
    );
    await tenant((tx) =>
      tx.query(`update offer set mode = 'online' where id = $1`, [ids.get('Begge, tæt på')]),
    );
    await tenant((tx) =>
      tx.query(`update offer set status = 'retired' where id = $1`, [ids.get('Hold A')]),
    );
    expect(await hit('Kladde i hallen')).toBeUndefined();
    expect((await hit('Begge, tæt på'))?.meters).toBeNull();
    expect(await hit('Hold A')).toBeUndefined();
    expect((await search()).total).toBe(before - 1);
  });

  it('lets no request write the derived table', async () => {
    await expect(
      tenant((tx) =>
        tx.query('delete from published_offer_place where offer_id = $1', [ids.get('Hold B')]),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
