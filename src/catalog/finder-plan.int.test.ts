/**
 * A guard on the finder's plan, not its timing (issue 16): a text search near a place must
 * compute distances only for the places of the offers that match the words, never for every
 * place within reach (the "places first" regression), and must find the matching offers
 * through the text index rather than reading the whole catalog. Rows each scan touched come
 * from EXPLAIN ANALYZE on a synthetic national catalog (bench/national-catalog.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { buildNationalCatalog, readPostcodeTable } from '../../bench/national-catalog.ts';
import { inTenant, type Queryable } from '../db/db.ts';
import { ensurePostcodes } from '../platform/geo/postcode.store.ts';
import { filterQuery, PAGE_SIZE, parseFinderQuery, searchTerms } from './finder.ts';
import { searchOffers } from './offer.store.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/**
 * Rows each table's scans read (returned, or thrown away by a filter or recheck), by table. A
 * scan run once counts exactly; a scan repeated per outer row (an index lookup) counts at least
 * one row per run, since EXPLAIN rounds the per-run rows removed by a filter to whole rows.
 */
export function rowsTouched(plan: PlanNode): Map<string, number> {
  const touched = new Map<string, number>();
  const walk = (n: PlanNode) => {
    const table = n['Relation Name'];
    if (table && /Scan/.test(n['Node Type'])) {
      const perRun =
        n['Actual Rows'] +
        (n['Rows Removed by Filter'] ?? 0) +
        (n['Rows Removed by Index Recheck'] ?? 0);
      const loops = n['Actual Loops'];
      const rows = loops === 1 ? perRun : loops * Math.max(1, n['Actual Rows']);
      touched.set(table, (touched.get(table) ?? 0) + rows);
    }
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(plan);
  return touched;
}

const KOMMUNE = '0265';
const OFFERS = 4000;

eachEngine('finder plan guard', (ctx) => {
  beforeAll(async () => {
    await ensurePostcodes(ctx.db);
    await buildNationalCatalog(ctx.db, { offers: OFFERS, seed: 20250601 });
  }, 240_000);

  /** The finder statement of one search, as sent, with EXPLAIN ANALYZE's plan of it. */
  async function planOf(raw: Record<string, string>) {
    const { query } = parseFinderQuery(raw);
    const pcs = await readPostcodeTable(ctx.db);
    const pc = pcs.find((p) => p.postnummer === query.postnummer)!;
    const statements: { text: string; params: readonly unknown[] }[] = [];
    return inTenant(ctx.db, KOMMUNE, async (tx) => {
      const recording: Queryable = {
        query: (text, params) => {
          statements.push({ text, params: params ?? [] });
          return tx.query(text, params);
        },
      };
      const result = await searchOffers(recording, KOMMUNE, query, pc);
      const finder = statements.find((s) => s.text.includes('page as materialized'))!;
      const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, format json) ${finder.text}`,
        finder.params,
      );
      const json = row!['QUERY PLAN'];
      const plan = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
      return { result, touched: rowsTouched(plan[0].Plan), query, statements: statements.length };
    });
  }

  it.each([
    { q: 'yoga', postnummer: '2200' },
    { q: 'rygestop', postnummer: '4000', gratis: 'ja', emne: 'smoking' },
    { q: 'petanque', postnummer: '2100', sortering: 'tid' },
  ])('reads only the places of offers that match the words: $q near $postnummer', async (raw) => {
    const { result, touched, query, statements } = await planOf(raw);
    expect(result.total).toBeGreaterThan(0);
    // One round trip: the page's places and schedules come with the search (decision 0029).
    expect(statements).toBe(1);
    const [counts] = await inTenant(ctx.db, KOMMUNE, (tx) =>
      tx.query<{ matches: number; places: number; within: number }>(
        `select (select count(*) from published_offer o
                  where o.search_da @@ to_tsquery('danish', $1) or o.search_other @@ to_tsquery('simple', $1))::int as matches,
                (select count(*) from offer_location ol join published_offer o on o.id = ol.offer_id
                  where o.search_da @@ to_tsquery('danish', $1) or o.search_other @@ to_tsquery('simple', $1))::int as places,
                (select count(*) from location l, postcode p where p.postnummer = $2
                  and earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(p.latitude, p.longitude)) <= 25000)::int as within`,
        [filterQuery(searchTerms(query.q), 'all'), query.postnummer],
      ),
    );
    const { matches, places, within } = counts!;
    // The guard can fail: the places within reach are far more than the matches' places.
    expect(within).toBeGreaterThan(2 * places);
    // Plus the place shown for each row of the page (read in the same statement, decision 0029).
    expect(touched.get('location') ?? 0).toBeLessThanOrEqual(places + PAGE_SIZE);
    expect(touched.get('offer_location') ?? 0).toBeLessThanOrEqual(places + PAGE_SIZE);
    expect(touched.get('published_offer_place') ?? 0).toBeLessThanOrEqual(places);
    // Schedules are read for the matches only (the sort by next session), at most a few each.
    expect(touched.get('schedule') ?? 0).toBeLessThanOrEqual(3 * matches);
    expect(matches).toBeLessThan(OFFERS / 4);
  });

  it.each([{ postnummer: '2200' }, { postnummer: '4000' }, { postnummer: '2200', side: '2' }])(
    'a place-only search reads the offer rows of its page, not of every offer in reach: $postnummer $side',
    async (raw) => {
      const { result, touched, statements } = await planOf(raw);
      expect(statements).toBe(1);
      const [own] = await inTenant(ctx.db, KOMMUNE, (tx) =>
        tx.query<{ n: number }>(
          `select count(*)::int as n from published_offer where kommune = $1`,
          [KOMMUNE],
        ),
      );
      // The municipality's offers (the online branch scans them by index), the page's
      // offers and their ties twice (title, then display columns) and the page's places.
      const bound = own!.n + 3 * PAGE_SIZE;
      // The guard can fail: the old plan read offer, offer_location and location once per
      // offer in reach (decision 0031), far more than the bound.
      expect(result.total).toBeGreaterThan(2 * bound);
      expect(touched.get('offer') ?? 0).toBeLessThanOrEqual(bound);
      expect(touched.get('location') ?? 0).toBeLessThanOrEqual(PAGE_SIZE);
      expect(touched.get('offer_location') ?? 0).toBeLessThanOrEqual(PAGE_SIZE);
      // Each offer in reach once from the index (plus the box's corners), not more.
      expect(touched.get('published_offer_place') ?? 0).toBeLessThanOrEqual(2 * result.total);
    },
  );
});
