/**
 * The finder's relevance test set (finder-relevance.fixture.json, decision 0011) on the demo
 * catalog, on both engines: real queries with the offers that must come first, the sort
 * orders a citizen can choose, and why an offer matched, on the page.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';
import { ensurePostcodes } from '../platform/geo/postcode.store.ts';
import { offlineGeocoder } from '../platform/geo/geocoder.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { DEMO_KOMMUNE } from '../demo/demo.data.ts';
import { nextSession, parseFinderQuery, type LocalMoment } from './finder.ts';
import { searchOffers, type FinderResult } from './offer.store.ts';

interface Case {
  q: string;
  postnummer?: string;
  first: string[];
  absent?: string[];
  fuzzy?: boolean;
}
const fixture = JSON.parse(
  readFileSync(new URL('./finder-relevance.fixture.json', import.meta.url), 'utf8'),
) as { queries: Case[] };

eachEngine('finder relevance on the demo catalog', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await ensurePostcodes(ctx.db);
    await seedDemo(ctx.db);
    app = await testApp(ctx.db);
  });

  const search = async (raw: Record<string, string>, now?: LocalMoment): Promise<FinderResult> => {
    const { query } = parseFinderQuery(raw);
    const place = query.postnummer
      ? await offlineGeocoder(ctx.db).postcode(query.postnummer)
      : null;
    const origin = place ? { latitude: place.latitude, longitude: place.longitude } : null;
    return inTenant(ctx.db, DEMO_KOMMUNE, (tx) =>
      searchOffers(tx, DEMO_KOMMUNE, query, origin, now),
    );
  };

  it.each(fixture.queries)('puts the right offers first for "$q"', async (c) => {
    const result = await search({ q: c.q, ...(c.postnummer ? { postnummer: c.postnummer } : {}) });
    const titles = result.hits.map((h) => h.title);
    expect(result.fuzzy).toBe(c.fuzzy ?? false);
    expect(new Set(titles.slice(0, c.first.length))).toEqual(new Set(c.first));
    // Not found at all: on no page.
    const all = [...titles];
    for (let side = 2; (side - 1) * 20 < result.total; side++) {
      const more = await search({
        q: c.q,
        side: String(side),
        ...(c.postnummer ? { postnummer: c.postnummer } : {}),
      });
      all.push(...more.hits.map((h) => h.title));
    }
    expect(all).toHaveLength(result.total);
    for (const title of c.absent ?? []) expect(all).not.toContain(title);
    // Ordered by the blended score, best first.
    const blended = result.hits.map((h) =>
      c.postnummer ? h.score / (1 + (h.meters ?? 5000) / 5000) : h.score,
    );
    expect(blended).toEqual([...blended].sort((a, b) => b - a));
  });

  it('shows offers with some of the words when none has all of them, and says so', async () => {
    const result = await search({ q: 'diabetes zumba', postnummer: '4000' });
    expect(result.partial).toBe(true);
    expect(result.hits.map((h) => h.title)).toEqual(
      expect.arrayContaining(['Livet med type 2-diabetes', 'Zumba i fælleshuset']),
    );
  });

  it('sorts by distance when the citizen asks, online offers last', async () => {
    const result = await search({ q: 'rygestop', postnummer: '4000', sortering: 'afstand' });
    expect(result.sort).toBe('distance');
    const meters = result.hits.map((h) => h.meters ?? Infinity);
    expect(meters).toEqual([...meters].sort((a, b) => a - b));
    expect(result.hits.at(-1)!.meters).toBeNull();
  });

  it('sorts by the next session, counted as nextSession() counts it', async () => {
    const now = { date: '2026-12-02', time: '12:00' }; // a Wednesday
    const result = await search({ q: 'motion', sortering: 'tid' }, now);
    expect(result.sort).toBe('next');
    const next = result.hits.map((h) => {
      const n = nextSession(h.schedules, now);
      return n ? `${n.date} ${n.time}` : '9999';
    });
    expect(next.length).toBeGreaterThan(5);
    expect(next).toEqual([...next].sort());
    expect(next[0]! < '2026-12-03').toBe(true);
  });

  it('says on the page why an offer matched, with a sort choice that works without JavaScript', async () => {
    const res = await app.inject(`/?q=gang&postnummer=4000`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Match i titel: gang');
    expect(res.body).toContain('Match i titel: gåtur (beslægtet med gang)');
    expect(res.body).toMatch(/<select[^>]*name="sortering"/);
    expect(res.body).toContain('<option value="relevans" selected');
    const byDistance = await app.inject(`/?q=gang&postnummer=4000&sortering=afstand`);
    expect(byDistance.body).toContain('<option value="afstand" selected');
    const first = (body: string) => /<h3[^>]*><a href="\/tilbud\/[^"]+">([^<]+)</.exec(body)?.[1];
    expect(first(res.body)).toBe('Gåtur fra Fjordhuset til havnen');
    const arabic = await app.inject(`/?q=gang&postnummer=4000&lang=ar`);
    expect(arabic.body).toContain('تطابق في العنوان');
  });

  it('sets no cookie on an anonymous finder page; the sign-up and report forms get their CSRF token', async () => {
    // Decision 0029: the token (and its cookie) is minted only where a form reads it.
    const res = await app.inject(`/?q=gang&postnummer=4000`);
    expect(res.headers['set-cookie']).toBeUndefined();
    const id = /href="\/tilbud\/([0-9a-f-]{36})"/.exec(res.body)![1];
    for (const path of [`/tilbud/${id}/tilmeld`, `/tilbud/${id}/fejl`]) {
      const form = await app.inject(path);
      expect(form.statusCode).toBe(200);
      expect(String(form.headers['set-cookie'])).toContain('lighed_csrf=');
      expect(form.body).toMatch(/name="_csrf" value="[^"]+"/);
    }
  });
});
