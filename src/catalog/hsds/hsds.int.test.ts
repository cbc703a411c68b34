import { systemClock } from '../../platform/clock.ts';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { inTenant, type Db } from '../../db/db.ts';
import { LighedError } from '../../platform/errors.ts';
import { parseCsvTable } from '../../platform/csv.ts';
import { exportHsds, exportServices, importHsdsPath } from './hsds.cli.ts';
import { type HsdsImport } from './import-records.ts';
import { toHsdsOrganization, toHsdsService } from './export.ts';
import { stableId, termId } from './taxonomies.ts';
import { type HsdsService } from './types.ts';
import { hsdsErrors, hsdsTables } from './hsds.schema.ts';
import { loadOrganizations, loadServiceAtLocations, loadServices } from './hsds.store.ts';
import { importHsds } from './import.store.ts';
import { hsdsRoutes } from './hsds.routes.ts';

const K = '0265';
const OTHER = '0101';
const ORG = '11111111-1111-4111-8111-111111111111';
const LOC1 = '22222222-2222-4222-8222-222222222221';
const LOC2 = '22222222-2222-4222-8222-222222222222';
const OFFER = '33333333-3333-4333-8333-333333333333';
const DRAFT = '33333333-3333-4333-8333-333333333334';
const SAL1 = '44444444-4444-4444-8444-444444444441';
const SAL2 = '44444444-4444-4444-8444-444444444442';
const SAL3 = '44444444-4444-4444-8444-444444444443';

// Open Referral's HSDS 3.0 examples, carried verbatim as a fixture (test/fixtures/README.md).
const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/hsds/examples', import.meta.url));
const EXAMPLE_SERVICE = 'ac148810-d857-441c-9679-408f346de14b';

async function seed(db: Db) {
  await db.execAsOwner(`insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0101', 'København') on conflict do nothing;
    insert into postcode (postnummer, name, kommune, latitude, longitude) values ('4000', 'Roskilde', '0265', 55.64, 12.08)
      on conflict do nothing;`);
  await inTenant(db, K, async (tx) => {
    await tx.query(
      `insert into organization (id, kommune, name, description, kind, email, phone, website)
       values ($1, $2, 'Roskilde Sundhedscenter', 'Kommunens sundhedscenter', 'municipal', 'sundhed@roskilde.dk', '46 31 30 00', 'https://roskilde.dk')`,
      [ORG, K],
    );
    await tx.query(
      `insert into location (id, kommune, organization_id, name, address_1, postal_code, city, latitude, longitude,
         wheelchair_accessible, accessibility_note, transport_note)
       values ($1, $2, $3, 'Sundhedscentret', 'Køgevej 1', '4000', 'Roskilde', 55.6415, 12.0803, true, 'Elevator til 1. sal', 'Bus 202A'),
              ($4, $2, $3, 'Medborgerhuset', 'Hovedgaden 5', '4000', 'Roskilde', null, null, false, '', '')`,
      [LOC1, K, ORG, LOC2],
    );
    await tx.query(
      `insert into offer (id, kommune, organization_id, title, summary, description, how_to_join, arena, offer_type, topics,
         life_phases, languages, mode, interpreter_available, free, recommendations, target_groups, contact_name,
         contact_phone, contact_email, url, status, translations, last_confirmed_at)
       values ($1, $2, $3, 'Gåtur for alle', 'Vi går en tur sammen', 'En rolig gåtur på 3 km', 'Mød op', 'health_centre', 'group',
         '{physical_activity,community}', '{adults,seniors}', '{da,ar}', 'both', true, true, '{roskilde-3}',
         '{hemmelig-maalgruppe}', 'Hanne', '+45 12 34 56 78', 'hanne@roskilde.dk', 'https://roskilde.dk/gaatur', 'published',
         $4::jsonb, now()),
              ($5, $2, $3, 'Kladde om kost', '', '', '', 'school', 'individual', '{diet}', '{}', '{da}', 'in_person',
         false, false, '{}', '{}', '', '', '', '', 'draft', '{}', null)`,
      [OFFER, K, ORG, JSON.stringify({ en: { title: 'Walk for everyone' } }), DRAFT],
    );
    await tx.query(
      `insert into offer_location (id, kommune, offer_id, location_id) values ($1, $4, $5, $6), ($2, $4, $5, $7), ($3, $4, $8, $6)`,
      [SAL1, SAL2, SAL3, K, OFFER, LOC1, LOC2, DRAFT],
    );
    await tx.query(
      `insert into schedule (kommune, offer_id, location_id, weekday, starts_at, ends_at, interval_weeks, valid_from, note)
       values ($1, $2, $3, 2, '10:00', '11:30', 1, '2026-01-06', 'Husk gode sko'),
              ($1, $2, null, 4, '17:00', '18:00', 2, null, '')`,
      [K, OFFER, LOC1],
    );
  });
}

/** Every catalog row one tenant can see, to prove that something changed nothing. */
const snapshot = (db: Db, kommune = K) =>
  inTenant(db, kommune, async (tx) => ({
    organization: await tx.query('select * from organization order by id'),
    location: await tx.query('select * from location order by id'),
    offer: await tx.query('select * from offer order by id'),
    offer_location: await tx.query('select * from offer_location order by id'),
    schedule: await tx.query('select * from schedule order by id'),
  }));

const counts = async (db: Db) => {
  const s = await snapshot(db);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.length]));
};

async function expectImportInvalid(p: Promise<unknown>): Promise<LighedError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LighedError);
  expect((err as LighedError).code).toBe('LIGHED_ERR_IMPORT_INVALID');
  return err as LighedError;
}

eachEngine('HSDS export, API and import', (ctx) => {
  let work: string;
  beforeAll(async () => {
    await seed(ctx.db);
    work = mkdtempSync(join(tmpdir(), 'lighed-hsds-'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  describe('export', () => {
    it('exports every published service so that it validates with zero errors', async () => {
      const services = await exportServices(ctx.db, K);
      expect(services.map((s) => s.id)).toEqual([OFFER]);
      for (const s of services) expect(hsdsErrors('service', s)).toEqual([]);
      const s = services[0] as HsdsService;
      expect(hsdsErrors('service', { ...s, status: 'nope' })).not.toEqual([]);
      expect(s.service_at_locations?.map((x) => x.id)).toEqual([SAL2, SAL1]); // by location name
      expect(
        s.service_at_locations
          ?.find((x) => x.id === SAL1)
          ?.schedules?.map((h) => [h.byday, h.opens_at, h.closes_at]),
      ).toEqual([['TU', '10:00', '11:30']]);
      expect(s.schedules?.map((h) => [h.byday, h.interval])).toEqual([['TH', 2]]);
      expect(JSON.stringify(s)).not.toContain('hemmelig-maalgruppe');
    });

    it('exports drafts only when asked, with their HSDS status', async () => {
      const all = await exportServices(ctx.db, K, { includeUnpublished: true });
      expect(all.map((s) => [s.id, s.status])).toEqual([
        [OFFER, 'active'],
        [DRAFT, 'inactive'],
      ]);
      for (const s of all) expect(hsdsErrors('service', s)).toEqual([]);
    });

    it('gives organizations and service_at_locations that validate against their schemas', async () => {
      const orgs = await loadOrganizations(ctx.db, { page: 1, perPage: 10, kommune: K });
      expect(orgs.total).toBe(1);
      for (const o of orgs.items)
        expect(hsdsErrors('organization_list_item', toHsdsOrganization(o))).toEqual([]);
      const sals = await loadServiceAtLocations(ctx.db, { page: 1, perPage: 10, kommune: K });
      expect(sals.items.map((x) => x.id).sort()).toEqual([SAL1, SAL2]);
    });

    it('writes services.json and the CSV data package with the standard columns', async () => {
      const dir = join(work, 'export');
      const result = await exportHsds(ctx.db, K, dir);
      expect(result).toEqual({
        services: 1,
        organizations: 1,
        locations: 2,
        service_at_locations: 2,
        schedules: 2,
        files: 23,
      });
      const services = JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')) as unknown[];
      expect(services).toHaveLength(1);
      for (const s of services) expect(hsdsErrors('service', s)).toEqual([]);
      for (const t of hsdsTables()) {
        const table = parseCsvTable(readFileSync(join(dir, t.path), 'utf8'));
        expect(table.header, t.path).toEqual(t.columns.map((c) => c.name));
      }
      const loc = parseCsvTable(readFileSync(join(dir, 'locations.csv'), 'utf8')).rows.find(
        (r) => r.values.id === LOC1,
      );
      expect(loc?.values).toMatchObject({
        latitude: '55.6415',
        organization_id: ORG,
        name: 'Sundhedscentret',
      });
      const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
        resources: unknown[];
      };
      expect(pkg.resources).toHaveLength(21);
    });

    it('imports its own export (JSON and CSV) into the same municipality without changing anything', async () => {
      const before = await snapshot(ctx.db);
      const dir = join(work, 'export');
      const fromCsv = await importHsdsPath(ctx.db, K, dir);
      expect(fromCsv).toMatchObject({
        organizations: 1,
        locations: 2,
        services: 1,
        service_at_locations: 2,
        schedules: 2,
        warnings: [],
      });
      expect(await snapshot(ctx.db)).toEqual(before);
      const fromJson = await importHsdsPath(ctx.db, K, join(dir, 'services.json'));
      expect(fromJson).toMatchObject({ services: 1, warnings: [] });
      expect(await snapshot(ctx.db)).toEqual(before);
    });
  });

  describe('API', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = Fastify();
      app.setErrorHandler((err, _req, reply) => {
        if (err instanceof LighedError) {
          return reply
            .status(err.status)
            .type('application/problem+json')
            .send({ code: err.code, title: err.message, errors: err.problems });
        }
        return reply.status(500).send({ message: String(err) });
      });
      await app.register(hsdsRoutes, {
        db: ctx.db,
        config: {} as never,
        geocoder: {} as never,
        tenants: {} as never,
        clock: systemClock,
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
    });

    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      return {
        status: res.statusCode,
        type: String(res.headers['content-type']),
        body: res.json<Record<string, unknown>>(),
      };
    };

    it('describes itself', async () => {
      const res = await get('/api/hsds/');
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        version: '3.0',
        profile: expect.stringMatching(/^https:\/\//) as unknown,
      });
      expect((await get('/api/hsds')).status).toBe(200);
    });

    it('lists published services in the standard page envelope', async () => {
      const res = await get(`/api/hsds/services?kommune=${K}`);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        total_items: 1,
        total_pages: 1,
        page_number: 1,
        size: 1,
        first_page: true,
        last_page: true,
        empty: false,
      });
      const contents = res.body.contents as Record<string, unknown>[];
      expect(contents.map((c) => c.id)).toEqual([OFFER]);
      for (const c of contents) expect(hsdsErrors('service_list_item', c)).toEqual([]);
      expect(contents[0]).not.toHaveProperty('service_at_locations');

      const full = await get(`/api/hsds/services?kommune=${K}&full=true`);
      for (const c of full.body.contents as unknown[]) expect(hsdsErrors('service', c)).toEqual([]);
      const minimal = await get(`/api/hsds/services?kommune=${K}&minimal=true`);
      expect(minimal.body.contents).toEqual([
        { id: OFFER, last_modified: expect.any(String) as unknown },
      ]);
    });

    it('pages', async () => {
      const res = await get(`/api/hsds/services?kommune=${K}&per_page=1&page=2`);
      expect(res.body).toMatchObject({
        total_items: 1,
        total_pages: 1,
        page_number: 2,
        size: 0,
        first_page: false,
        last_page: true,
        empty: true,
        contents: [],
      });
      expect((await get(`/api/hsds/services?kommune=${OTHER}`)).body).toMatchObject({
        total_items: 0,
        total_pages: 0,
        empty: true,
      });
    });

    it('filters by search, taxonomy term, taxonomy, organization and modified_after', async () => {
      const ids = async (q: string) =>
        ((await get(`/api/hsds/services?kommune=${K}&${q}`)).body.contents as { id: string }[]).map(
          (c) => c.id,
        );
      expect(await ids('search=gåtur')).toEqual([OFFER]);
      expect(await ids('search=svømning')).toEqual([]);
      expect(await ids(`taxonomy_term_id=${termId('lighed-topic', 'physical_activity')}`)).toEqual([
        OFFER,
      ]);
      expect(await ids(`taxonomy_term_id=${termId('lighed-topic', 'diet')}`)).toEqual([]); // only the draft has it
      expect(await ids(`taxonomy_term_id=${termId('lighed-flag', 'free')}`)).toEqual([OFFER]);
      expect(await ids(`taxonomy_term_id=${termId('lighed-translation', 'en')}`)).toEqual([OFFER]);
      expect(await ids(`taxonomy_term_id=${stableId('not ours')}`)).toEqual([]);
      expect(await ids(`organization_id=${ORG}`)).toEqual([OFFER]);
      expect(await ids('modified_after=2000-01-01T00:00:00Z')).toEqual([OFFER]);
      expect(await ids('modified_after=2999-01-01')).toEqual([]);
      expect(await ids('modified_after=2000-01-01T00:00:00+01:00'.replace('+', '%2B'))).toEqual([
        OFFER,
      ]);
    });

    it('refuses bad query parameters with problems naming them', async () => {
      const res = await get(
        '/api/hsds/services?per_page=abc&organization_id=nope&kommune=Roskilde',
      );
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('LIGHED_ERR_VALIDATION');
      expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
        'kommune',
        'organization_id',
        'per_page',
      ]);
      expect((await get('/api/hsds/services?per_page=100000')).status).toBe(400);
      expect((await get('/api/hsds/services?modified_after=yesterday')).status).toBe(400);
      expect((await get('/api/hsds/services?format=ndjson')).status).toBe(400);
      expect((await get('/api/hsds/service_at_locations?proximity=100')).status).toBe(400);
    });

    it('gives one service fully nested, and never a draft', async () => {
      const res = await get(`/api/hsds/services/${OFFER}`);
      expect(res.status).toBe(200);
      expect(hsdsErrors('service', res.body)).toEqual([]);
      expect(res.body).toMatchObject({ id: OFFER, name: 'Gåtur for alle', status: 'active' });
      expect((await get(`/api/hsds/services/${DRAFT}`)).status).toBe(404);
      expect((await get('/api/hsds/services/not-a-uuid')).status).toBe(404);
    });

    it('lists and gives organizations', async () => {
      const list = await get(`/api/hsds/organizations?kommune=${K}`);
      expect(list.body).toMatchObject({ total_items: 1, size: 1 });
      for (const c of list.body.contents as unknown[])
        expect(hsdsErrors('organization_list_item', c)).toEqual([]);
      const full = await get(`/api/hsds/organizations?kommune=${K}&full=true`);
      for (const c of full.body.contents as unknown[])
        expect(hsdsErrors('organization', c)).toEqual([]);
      const one = await get(`/api/hsds/organizations/${ORG}?full_service=true`);
      expect(one.status).toBe(200);
      expect(hsdsErrors('organization', one.body)).toEqual([]);
      expect((one.body.locations as unknown[]).length).toBe(2);
      expect((one.body.services as { id: string }[]).map((s) => s.id)).toEqual([OFFER]);
      for (const s of one.body.services as unknown[]) expect(hsdsErrors('service', s)).toEqual([]);
      expect((await get(`/api/hsds/organizations/${stableId('nobody')}`)).status).toBe(404);
    });

    it('gives no retired organization, nor lists it', async () => {
      const [retired] = await inTenant(ctx.db, K, (tx) =>
        tx.query<{ id: string }>(
          `insert into organization (kommune, name, kind, email, phone, status)
           values ($1, 'Nedlagt forening', 'civil_society', 'kasserer@nedlagt.dk', '11223344', 'retired') returning id`,
          [K],
        ),
      );
      const one = await get(`/api/hsds/organizations/${retired!.id}`);
      expect(one.status).toBe(404);
      expect(JSON.stringify(one.body)).not.toContain('kasserer@nedlagt.dk');
      const list = await get(`/api/hsds/organizations?kommune=${K}&search=Nedlagt`);
      expect(list.body).toMatchObject({ total_items: 0 });
    });

    it('lists and gives service_at_locations, by postcode and proximity', async () => {
      const list = await get(`/api/hsds/service_at_locations?kommune=${K}`);
      expect(list.body).toMatchObject({ total_items: 2, size: 2 });
      for (const c of list.body.contents as unknown[])
        expect(hsdsErrors('service_at_location_list_item', c)).toEqual([]);
      const full = await get(`/api/hsds/service_at_locations?kommune=${K}&full=true`);
      for (const c of full.body.contents as unknown[])
        expect(hsdsErrors('service_at_location', c)).toEqual([]);
      const near = await get(
        `/api/hsds/service_at_locations?kommune=${K}&postcode=4000&proximity=2000`,
      );
      expect((near.body.contents as { id: string }[]).map((c) => c.id)).toEqual([SAL1]); // the other has no coordinates
      const byCode = await get(`/api/hsds/service_at_locations?kommune=${K}&postcode=4000`);
      expect(byCode.body.total_items).toBe(2);
      const one = await get(`/api/hsds/service_at_locations/${SAL1}`);
      expect(one.status).toBe(200);
      expect(hsdsErrors('service_at_location', one.body)).toEqual([]);
      expect(hsdsErrors('service', one.body.service)).toEqual([]);
      expect((await get(`/api/hsds/service_at_locations/${SAL3}`)).status).toBe(404); // the draft's
    });
  });

  describe('import of the HSDS 3.0 reference examples', () => {
    it.each([
      [
        'service_full.json',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1, schedules: 2 },
      ],
      [
        'organization_full.json',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1, schedules: 2 },
      ],
      ['service_list.json', { organizations: 1, locations: 0, services: 1 }],
      ['organization_list.json', { organizations: 1, locations: 0, services: 0 }],
      [
        'service_at_location_full.json',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1 },
      ],
      [
        'service_at_location_list.json',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1 },
      ],
      [
        'tabular.json',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1, schedules: 2 },
      ],
      [
        'csv',
        { organizations: 1, locations: 1, services: 1, service_at_locations: 1, schedules: 2 },
      ],
    ])('imports %s cleanly', async (file, expected) => {
      const result = await importHsdsPath(ctx.db, K, join(EXAMPLES, file));
      expect(result).toMatchObject(expected);
      const [row] = await inTenant(ctx.db, K, (tx) =>
        tx.query<{ title: string; status: string; kommune: string }>(
          'select title, status, kommune from offer where id = $1',
          [EXAMPLE_SERVICE],
        ),
      );
      expect(row).toEqual({ title: 'Community Counselling', status: 'published', kommune: K });
    });

    it('stores the example location with postcode 0000, the original address kept, and no coordinates', async () => {
      await importHsdsPath(ctx.db, K, join(EXAMPLES, 'service_full.json'));
      const [loc] = await ctx.db.query(
        'select postal_code, address_1, city, latitude, organization_id from location where id = $1',
        ['3a19ff88-4620-4d17-9830-ac1d859eb5d5'],
      );
      expect(loc).toEqual({
        postal_code: '0000',
        address_1: '1-30 Main Street, MyVillage, MyRegion, MyState, ABC 1234, US',
        city: 'MyCity',
        latitude: null,
        organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      });
      const exported = (await exportServices(ctx.db, K)).find((s) => s.id === EXAMPLE_SERVICE);
      expect(hsdsErrors('service', exported)).toEqual([]);
    });

    it('re-importing the CSV data package and the JSON changes nothing', async () => {
      await importHsdsPath(ctx.db, K, join(EXAMPLES, 'csv'));
      const before = await snapshot(ctx.db);
      const again = await importHsdsPath(ctx.db, K, join(EXAMPLES, 'csv'));
      expect(again.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^addresses\.csv line 2, column postal_code: "ABC 1234" \(US\) is not a Danish postcode/,
          ),
          expect.stringMatching(
            /^locations\.csv line 2, column latitude: 100, 101 is not a position on Earth/,
          ),
          expect.stringMatching(
            /^locations\.csv line 2\.organization_id: organization 985e4a42-bd9f-4edc-911d-0243a4640aca is not in the import/,
          ),
        ]),
      );
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it('refuses ids another municipality already has, changing nothing', async () => {
      const before = await snapshot(ctx.db, OTHER);
      const err = await expectImportInvalid(
        importHsdsPath(ctx.db, OTHER, join(EXAMPLES, 'service_full.json')),
      );
      expect(err.problems).toEqual(
        expect.arrayContaining([
          { path: 'service.id', message: 'already used by municipality 0265' },
        ]),
      );
      expect(await snapshot(ctx.db, OTHER)).toEqual(before);
    });

    it('refuses a location without an organization', async () => {
      const err = await expectImportInvalid(
        importHsdsPath(ctx.db, K, join(EXAMPLES, 'location.json')),
      );
      expect(err.problems).toEqual([
        {
          path: 'location.organization_id',
          message: expect.stringMatching(/^required/) as unknown,
        },
      ]);
    });

    it('a broken CSV package (bad latitude, missing name) gets every problem by file, line and column, and imports nothing', async () => {
      const dir = join(work, 'broken-csv');
      cpSync(join(EXAMPLES, 'csv'), dir, { recursive: true });
      const locations = readFileSync(join(dir, 'locations.csv'), 'utf8').replace(
        ',100,101,',
        ',north,101,',
      );
      writeFileSync(join(dir, 'locations.csv'), locations);
      const services = readFileSync(join(dir, 'services.csv'), 'utf8').replace(
        ',Community Counselling,',
        ',,',
      );
      writeFileSync(join(dir, 'services.csv'), services);
      const before = await counts(ctx.db);
      const err = await expectImportInvalid(importHsdsPath(ctx.db, K, dir));
      expect(err.problems).toEqual(
        expect.arrayContaining([
          { path: 'locations.csv line 2, column latitude', message: 'not a number' },
          { path: 'services.csv line 2, column name', message: 'required' },
        ]),
      );
      expect(await counts(ctx.db)).toEqual(before);
    });
  });

  describe('all or nothing', () => {
    const NEW_ORG = '77777777-7777-4777-8777-777777777771';
    const NEW_OFFER = '77777777-7777-4777-8777-777777777772';

    it('a broken JSON file (a service without name, a bad latitude) names record and field and imports nothing', async () => {
      const [good] = await exportServices(ctx.db, K);
      const fresh = {
        ...(good as HsdsService),
        id: NEW_OFFER,
        organization: { id: NEW_ORG, name: 'Ny forening', description: '' },
        organization_id: NEW_ORG,
      };
      const noName: Partial<HsdsService> = { ...fresh, id: stableId('no name') };
      delete noName.name;
      const badLatitude = structuredClone(fresh) as HsdsService & { id: string };
      badLatitude.id = stableId('bad latitude');
      const loc = badLatitude.service_at_locations?.[0]?.location as unknown as Record<
        string,
        unknown
      >;
      loc.latitude = 'north';
      const file = join(work, 'broken.json');
      writeFileSync(file, JSON.stringify([fresh, noName, badLatitude]));
      const before = await counts(ctx.db);
      const err = await expectImportInvalid(importHsdsPath(ctx.db, K, file));
      expect(err.problems).toEqual([
        { path: 'services[1].name', message: 'required' },
        {
          path: 'services[2].service_at_locations[0].location.latitude',
          message: 'must be a number',
        },
      ]);
      expect(await counts(ctx.db)).toEqual(before);
      await expectImportInvalid(importHsdsPath(ctx.db, K, join(work, 'nope.json')));
      writeFileSync(join(work, 'not-json.json'), '{"id": ');
      const notJson = await expectImportInvalid(
        importHsdsPath(ctx.db, K, join(work, 'not-json.json')),
      );
      expect(notJson.problems[0]?.path).toBe('not-json.json');
    });

    it('a NUL character in a CSV cell or a JSON string names file, line or field and imports nothing', async () => {
      const before = await counts(ctx.db);
      const dir = join(work, 'nul-csv');
      await exportHsds(ctx.db, K, dir);
      const services = readFileSync(join(dir, 'services.csv'), 'utf8').replace(
        ',Gåtur for alle,',
        ',Gåtur\u0000for alle,',
      );
      writeFileSync(join(dir, 'services.csv'), services);
      const csv = await expectImportInvalid(importHsdsPath(ctx.db, K, dir));
      expect(csv.problems).toEqual(
        expect.arrayContaining([
          {
            // Which line depends on the export's order; the file, a line and the column are named.
            path: expect.stringMatching(/^services\.csv line \d+, column name$/) as string,
            message: 'holds a NUL character (U+0000), which cannot be stored',
          },
        ]),
      );
      const [good] = await exportServices(ctx.db, K);
      const file = join(work, 'nul.json');
      writeFileSync(file, JSON.stringify([{ ...(good as HsdsService), name: 'Gå\u0000tur' }]));
      const json = await expectImportInvalid(importHsdsPath(ctx.db, K, file));
      expect(json.problems).toEqual(
        expect.arrayContaining([
          { path: '[0].name', message: 'holds a NUL character (U+0000), which cannot be stored' },
        ]),
      );
      expect(await counts(ctx.db)).toEqual(before);
    });

    it('a failure inside the transaction rolls back what was already written', async () => {
      const before = await snapshot(ctx.db);
      const records: HsdsImport = {
        organizations: [
          {
            id: NEW_ORG,
            name: 'Ny forening',
            description: '',
            kind: 'civil_society',
            email: null,
            phone: null,
            website: null,
            source: 'o',
          },
        ],
        locations: [],
        offers: [
          {
            id: NEW_OFFER,
            source: 's',
            organization_id: NEW_ORG,
            title: 'Et tilbud',
            summary: '',
            description: '',
            how_to_join: '',
            arena: 'nowhere' as never, // the database's check refuses it, after the organization was written
            offer_type: 'group',
            topics: [],
            life_phases: [],
            languages: ['da'],
            mode: 'in_person',
            interpreter_available: false,
            free: true,
            price_dkk: null,
            price_note: '',
            children_welcome: false,
            childcare: false,
            wheelchair_accessible: false,
            welcomes_newcomers: false,
            transport_help: false,
            min_age: null,
            max_age: null,
            recommendations: [],
            contact_name: '',
            contact_phone: '',
            contact_email: '',
            url: '',
            status: 'published',
            translations: {},
            last_confirmed_at: null,
            updated_at: null,
            service_at_locations: [],
            schedules: [],
          },
        ],
      };
      await expectImportInvalid(importHsds(ctx.db, K, records));
      expect(await snapshot(ctx.db)).toEqual(before);
      // The same records with a valid arena go in.
      const ok = await importHsds(ctx.db, K, {
        ...records,
        offers: records.offers.map((o) => ({ ...o, arena: 'association' })),
      });
      expect(ok).toMatchObject({ organizations: 1, services: 1 });
      const services = await loadServices(ctx.db, {
        page: 1,
        perPage: 50,
        organizationId: NEW_ORG,
      });
      expect(services.items.map((s) => s.id)).toEqual([NEW_OFFER]);
      expect(hsdsErrors('service', toHsdsService(services.items[0] as never))).toEqual([]);
    });

    it('refuses an unknown municipality', async () => {
      await expect(importHsdsPath(ctx.db, '9999', work)).rejects.toMatchObject({
        code: 'LIGHED_ERR_VALIDATION',
      });
      await expect(exportHsds(ctx.db, 'x', work)).rejects.toMatchObject({
        code: 'LIGHED_ERR_VALIDATION',
      });
    });
  });

  it('lists the files it wrote', () => {
    expect(readdirSync(join(work, 'export')).sort()).toContain('services.csv');
  });
});
