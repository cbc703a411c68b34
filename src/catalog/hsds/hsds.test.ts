import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Location, OfferDetail, Organization } from '../offer.ts';
import { parseCsv, parseCsvTable, writeCsv } from '../../platform/csv.ts';
import { FORMULA_PAYLOADS } from '../../../test/support/payloads.ts';
import { parseDate, parseTime } from './import-services.ts';
import { type ImportedOffer } from './import-records.ts';
import { fromHsdsJson } from './import.ts';
import { csvFilesToTables, fromHsdsTables, toHsdsTables } from './tabular.ts';
import {
  toHsdsLocation,
  toHsdsOrganization,
  toHsdsService,
  toHsdsServiceAtLocationFull,
  toHsdsServiceAtLocationListItem,
  toHsdsServiceListItem,
  type HsdsServiceDetail,
} from './export.ts';
import { regionOf } from './fields.ts';
import { hsdsTaxonomyTerm, lighedTermById, stableId, termId } from './taxonomies.ts';
import { type HsdsService } from './types.ts';
import { hsdsErrors, hsdsTables, pointerToPath, validateHsds } from './hsds.schema.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures: one offer with every part of the profile filled in.

const ORG = '11111111-1111-4111-8111-111111111111';
const LOC1 = '22222222-2222-4222-8222-222222222221';
const LOC2 = '22222222-2222-4222-8222-222222222222';
const OFFER = '33333333-3333-4333-8333-333333333333';
const SAL1 = '44444444-4444-4444-8444-444444444441';
const SAL2 = '44444444-4444-4444-8444-444444444442';
const SCH1 = '55555555-5555-4555-8555-555555555551';
const SCH2 = '55555555-5555-4555-8555-555555555552';

const organization: Organization = {
  id: ORG,
  kommune: '0265',
  name: 'Roskilde Kommune, Sundhedscentret',
  description: 'Kommunens sundhedscenter',
  kind: 'municipal',
  email: 'sundhed@roskilde.dk',
  phone: '46 31 30 00',
  website: 'https://roskilde.dk/sundhed',
  status: 'active',
};

const locations: Location[] = [
  {
    id: LOC1,
    kommune: '0265',
    organization_id: ORG,
    name: 'Sundhedscentret',
    description: 'Indgang fra gården',
    address_1: 'Køgevej 1',
    postal_code: '4000',
    city: 'Roskilde',
    latitude: 55.6415,
    longitude: 12.0803,
    wheelchair_accessible: true,
    accessibility_note: 'Elevator til 1. sal',
    transport_note: 'Bus 202A stopper ved døren',
  },
  {
    id: LOC2,
    kommune: '0265',
    organization_id: ORG,
    name: 'Medborgerhuset',
    description: '',
    address_1: 'Hovedgaden 5, 2. sal',
    postal_code: '4000',
    city: 'Roskilde',
    latitude: null,
    longitude: null,
    wheelchair_accessible: false,
    accessibility_note: '',
    transport_note: '',
  },
];

function detail(over: Partial<HsdsServiceDetail> = {}): HsdsServiceDetail {
  const base: OfferDetail = {
    id: OFFER,
    kommune: '0265',
    organization_id: ORG,
    title: 'Gåtur for alle',
    summary: 'Vi går en tur sammen hver tirsdag.',
    description:
      'En rolig gåtur på 3 km. "Alle" kan være med, også med rollator.\nVi slutter med kaffe.',
    how_to_join: 'Mød op, eller ring til Hanne.',
    arena: 'health_centre',
    offer_type: 'group',
    topics: ['physical_activity', 'community'],
    life_phases: ['adults', 'seniors'],
    languages: ['da', 'ar'],
    mode: 'both',
    interpreter_available: true,
    free: false,
    price_dkk: 25,
    price_note: 'Kaffe koster 5 kr.',
    children_welcome: true,
    childcare: false,
    wheelchair_accessible: true,
    welcomes_newcomers: true,
    transport_help: false,
    min_age: 18,
    max_age: null,
    recommendations: ['roskilde-3', 'kl-2'],
    target_groups: ['hemmelig-maalgruppe'],
    contact_name: 'Hanne Hansen',
    contact_phone: '+45 12 34 56 78',
    contact_email: 'hanne@roskilde.dk',
    url: 'https://roskilde.dk/gaatur',
    status: 'published',
    translations: {
      en: { title: 'Walk for everyone', summary: 'We walk together, every Tuesday.' },
      ar: { title: 'نزهة للجميع', how_to_join: 'تعال فقط' },
      uk: { title: '' },
    },
    last_confirmed_at: new Date('2026-03-02T09:00:00Z'),
    demo: true,
    created_at: new Date('2025-01-01T00:00:00Z'),
    updated_at: new Date('2026-03-02T09:00:00.123Z'),
    organization,
    locations,
    schedules: [
      {
        id: SCH1,
        location_id: LOC1,
        weekday: 2,
        starts_at: '10:00',
        ends_at: '11:30',
        interval_weeks: 1,
        valid_from: '2026-01-06',
        valid_to: null,
        note: 'Husk gode sko',
      },
      {
        id: SCH2,
        location_id: null,
        weekday: 4,
        starts_at: '17:00',
        ends_at: '18:00',
        interval_weeks: 2,
        valid_from: null,
        valid_to: '2026-12-31',
        note: '',
      },
    ],
  };
  return { ...base, service_at_location_ids: { [LOC1]: SAL1, [LOC2]: SAL2 }, ...over };
}

/** What an import of our own export must give back: the offer without internal fields. */
function expectedOffer(d: HsdsServiceDetail): Partial<ImportedOffer> {
  const {
    kommune: _k,
    target_groups: _t,
    demo: _d,
    created_at: _c,
    updated_at,
    organization: _o,
    locations: _l,
    schedules,
    service_at_location_ids: _s,
    last_modified: _m,
    ...rest
  } = d;
  return {
    ...rest,
    translations: { en: d.translations.en ?? {}, ar: d.translations.ar ?? {} },
    last_confirmed_at: new Date('2026-03-02T12:00:00Z'), // the date, at noon UTC
    updated_at,
    schedules: schedules.map((s) => ({
      id: s.id ?? '',
      location_id: s.location_id ?? null,
      weekday: s.weekday,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      interval_weeks: s.interval_weeks ?? 1,
      valid_from: s.valid_from ?? null,
      valid_to: s.valid_to ?? null,
      note: s.note ?? '',
    })),
  };
}

const sortById = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));

// ---------------------------------------------------------------------------------------------

describe('HSDS export mapping', () => {
  it('gives a service that validates against service_with_definitions.json with zero errors', () => {
    const s = toHsdsService(detail());
    expect(hsdsErrors('service', s)).toEqual([]);
    expect(hsdsErrors('service', { ...s, status: 'nope' })).not.toEqual([]);
    expect(validateHsds('service', { ...s, status: 'nope' }, 'services[0]')).toEqual([
      {
        path: 'services[0].status',
        message: 'must be one of: active, inactive, defunct, temporarily closed',
      },
    ]);
  });

  it('never exports target groups nor the demo flag', () => {
    const json = JSON.stringify(toHsdsService(detail()));
    expect(json).not.toContain('hemmelig-maalgruppe');
    expect(json).not.toContain('target_groups');
    expect(json).not.toContain('"demo"');
  });

  it('maps status, languages, prices, ages, contact and schedules', () => {
    const s = toHsdsService(detail());
    expect(s.status).toBe('active');
    expect(toHsdsService(detail({ status: 'draft' })).status).toBe('inactive');
    expect(toHsdsService(detail({ status: 'retired' })).status).toBe('defunct');
    expect(s.languages?.map((l) => [l.code, l.name])).toEqual([
      ['da', 'dansk'],
      ['ar', 'arabisk'],
    ]);
    expect(s.cost_options).toEqual([
      expect.objectContaining({
        currency: 'DKK',
        amount: 25,
        amount_description: 'Kaffe koster 5 kr.',
      }),
    ]);
    expect(toHsdsService(detail({ free: true, price_dkk: null })).cost_options).toEqual([
      expect.objectContaining({ currency: 'DKK', amount: 0, option: 'Gratis' }),
    ]);
    expect(s).toMatchObject({
      minimum_age: 18,
      eligibility_description: 'Fra 18 år',
      application_process: 'Mød op, eller ring til Hanne.',
      interpretation_services: 'Tolk kan komme med',
      assured_date: '2026-03-02',
      last_modified: '2026-03-02T09:00:00.123Z',
      email: 'hanne@roskilde.dk',
      url: 'https://roskilde.dk/gaatur',
    });
    expect(s.contacts?.[0]).toMatchObject({
      name: 'Hanne Hansen',
      email: 'hanne@roskilde.dk',
      phones: [{ number: '+45 12 34 56 78' }],
    });
    // The location's schedule sits on its service_at_location, the other on the service.
    expect(s.schedules).toEqual([
      expect.objectContaining({
        id: SCH2,
        freq: 'WEEKLY',
        byday: 'TH',
        interval: 2,
        opens_at: '17:00',
        closes_at: '18:00',
        until: '2026-12-31',
        wkst: 'MO',
      }),
    ]);
    expect(
      s.service_at_locations?.map((x) => [x.id, x.location_id, x.schedules?.map((h) => h.byday)]),
    ).toEqual([
      [SAL1, LOC1, ['TU']],
      [SAL2, LOC2, []],
    ]);
    const where = s.service_at_locations?.[0]?.location;
    expect(where).toMatchObject({
      latitude: 55.6415,
      longitude: 12.0803,
      transportation: 'Bus 202A stopper ved døren',
    });
    expect(where?.addresses?.[0]).toMatchObject({
      postal_code: '4000',
      city: 'Roskilde',
      country: 'DK',
      state_province: 'Region Sjælland',
    });
    expect(s.service_at_locations?.[1]?.location).not.toHaveProperty('latitude');
  });

  it('carries the profile and the translations as attributes with lighed-* taxonomy terms', () => {
    const s = toHsdsService(detail());
    const terms = (s.attributes ?? []).map(
      (a) => `${a.taxonomy_term?.taxonomy}/${a.taxonomy_term?.code}`,
    );
    expect(terms).toEqual(
      expect.arrayContaining([
        'lighed-arena/health_centre',
        'lighed-offer-type/group',
        'lighed-mode/both',
        'lighed-topic/physical_activity',
        'lighed-topic/community',
        'lighed-life-phase/seniors',
        'lighed-flag/interpreter_available',
        'lighed-flag/children_welcome',
        'lighed-recommendation/kl-2',
        'lighed-text/summary',
        'lighed-translation/en',
        'lighed-translation/ar',
      ]),
    );
    expect(terms).not.toContain('lighed-flag/free');
    expect(terms).not.toContain('lighed-translation/uk'); // nothing in it
    const en = s.attributes?.find((a) => a.taxonomy_term?.code === 'en');
    expect(JSON.parse(en?.value ?? '')).toEqual({
      title: 'Walk for everyone',
      summary: 'We walk together, every Tuesday.',
    });
    const topic = s.attributes?.find((a) => a.taxonomy_term?.code === 'physical_activity');
    expect(topic).toMatchObject({
      link_id: OFFER,
      link_entity: 'service',
      taxonomy_term_id: termId('lighed-topic', 'physical_activity'),
    });
    expect(topic?.taxonomy_term).toMatchObject({
      name: 'Bevægelse',
      language: 'da',
      taxonomy_detail: { name: 'lighed-topic' },
    });
    expect(lighedTermById(termId('lighed-topic', 'physical_activity'))).toEqual({
      taxonomy: 'lighed-topic',
      code: 'physical_activity',
    });
    expect(hsdsTaxonomyTerm('lighed-flag', 'free').id).toBe(termId('lighed-flag', 'free'));
  });

  it('gives stable ids: the same export twice is identical', () => {
    expect(toHsdsService(detail())).toEqual(toHsdsService(detail()));
    expect(stableId('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stableId('x')).not.toBe(stableId('y'));
  });

  it('gives list items, organizations, locations and service_at_locations that validate', () => {
    const d = detail();
    expect(hsdsErrors('service_list_item', toHsdsServiceListItem(d))).toEqual([]);
    expect(hsdsErrors('organization_list_item', toHsdsOrganization(organization))).toEqual([]);
    expect(hsdsErrors('organization', toHsdsOrganization(organization, { locations }))).toEqual([]);
    expect(hsdsErrors('location', toHsdsLocation(locations[1] as Location))).toEqual([]);
    expect(
      hsdsErrors(
        'service_at_location_list_item',
        toHsdsServiceAtLocationListItem(d, locations[0] as Location),
      ),
    ).toEqual([]);
    const full = toHsdsServiceAtLocationFull(d, locations[0] as Location);
    expect(hsdsErrors('service_at_location', full)).toEqual([]);
    expect(hsdsErrors('service', full.service)).toEqual([]);
    expect(toHsdsServiceListItem(d)).not.toHaveProperty('service_at_locations');
  });

  it('leaves out what the schema would refuse (a malformed email or URL)', () => {
    const s = toHsdsService(detail({ contact_email: 'not an email', url: 'roskilde dk' }));
    expect(s).not.toHaveProperty('email');
    expect(s).not.toHaveProperty('url');
    expect(hsdsErrors('service', s)).toEqual([]);
  });

  it('knows the region of every municipality code', () => {
    expect(regionOf('0265')).toBe('Region Sjælland');
    expect(regionOf('0101')).toBe('Region Hovedstaden');
    expect(regionOf('0851')).toBe('Region Nordjylland');
    expect(regionOf('9999')).toBe('');
  });
});

describe('HSDS import mapping', () => {
  it('round-trips our own export: JSON back to the same records', () => {
    const d = detail();
    const { records, problems, warnings } = fromHsdsJson(toHsdsService(d));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records.offers).toHaveLength(1);
    const offer = records.offers[0] as ImportedOffer;
    expect({ ...offer, schedules: sortById(offer.schedules) }).toMatchObject({
      ...expectedOffer(d),
      schedules: sortById(expectedOffer(d).schedules ?? []),
    });
    expect(offer.service_at_locations).toEqual([
      { id: SAL1, location_id: LOC1, source: 'service.service_at_locations[0]' },
      { id: SAL2, location_id: LOC2, source: 'service.service_at_locations[1]' },
    ]);
    expect(records.organizations).toEqual(
      [
        { ...organization, kommune: undefined, status: undefined, source: 'service.organization' },
      ].map(({ kommune: _k, status: _s, ...o }) => o),
    );
    expect(
      sortById(records.locations).map(({ source: _s, fallback_organization_id: _f, ...l }) => l),
    ).toEqual(sortById(locations).map(({ kommune: _k, ...l }) => l));
  });

  it('round-trips through the CSV data package', () => {
    const d = detail();
    const tables = toHsdsTables({ services: [toHsdsService(d)] });
    const files: Record<string, string> = {};
    for (const t of hsdsTables())
      files[t.path] = writeCsv(
        t.columns.map((c) => c.name),
        tables.get(t.path) ?? [],
      );
    expect(parseCsvTable(files['services.csv'] ?? '').rows).toHaveLength(1);
    expect(parseCsvTable(files['taxonomy_terms.csv'] ?? '').rows.length).toBeGreaterThan(10);
    const { tables: parsed, problems: p1, warnings: w1 } = csvFilesToTables(files);
    expect(p1).toEqual([]);
    const { records, problems, warnings } = fromHsdsTables(parsed, { warnings: w1 });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    const offer = records.offers[0] as ImportedOffer;
    const { schedules, ...expected } = expectedOffer(d);
    expect(offer).toMatchObject(expected);
    expect(sortById(offer.schedules)).toEqual(sortById(schedules ?? []));
    expect(
      sortById(records.locations).map((l) => [
        l.id,
        l.latitude,
        l.wheelchair_accessible,
        l.accessibility_note,
        l.address_1,
      ]),
    ).toEqual([
      [LOC1, 55.6415, true, 'Elevator til 1. sal', 'Køgevej 1'],
      [LOC2, null, false, '', 'Hovedgaden 5, 2. sal'],
    ]);
    expect(offer.source).toBe('services.csv line 2');
  });

  it('neutralises formula text in the CSV data package and reads it back unchanged', () => {
    const [title, summary, description, howToJoin, priceNote, , , contact, payload] =
      FORMULA_PAYLOADS as [string, string, string, string, string, string, string, string, string];
    const d = detail({
      title,
      summary,
      description,
      how_to_join: howToJoin,
      price_note: priceNote,
      contact_name: contact,
      schedules: [{ ...detail().schedules[0]!, note: '\t=1' }],
      organization: { ...organization, name: '@SUM(1,1)', description: payload },
    });
    const tables = toHsdsTables({ services: [toHsdsService(d)] });
    const files: Record<string, string> = {};
    for (const t of hsdsTables())
      files[t.path] = writeCsv(
        t.columns.map((c) => c.name),
        tables.get(t.path) ?? [],
      );
    // No cell of any file begins like a formula, the phone number is left as it was.
    const risky = Object.values(files)
      .flatMap((text) => parseCsv(text).flatMap((r) => r.fields))
      .filter((f) => /^[=+\-@\t\r]/.test(f));
    expect(new Set(risky)).toEqual(new Set(['+45 12 34 56 78']));
    expect(files['services.csv']).toContain(`'${title}`);
    const { tables: parsed, problems: p1 } = csvFilesToTables(files);
    expect(p1).toEqual([]);
    const { records, problems } = fromHsdsTables(parsed);
    expect(problems).toEqual([]);
    const offer = records.offers[0] as ImportedOffer;
    expect(offer).toMatchObject({
      title,
      summary,
      description,
      how_to_join: howToJoin,
      price_note: priceNote,
      contact_name: contact,
    });
    // The file holds `'\t=1`; the importer trims text, as it always has, so the tab goes.
    expect(files['schedules.csv']).toContain("'\t=1");
    expect(offer.schedules.map((x) => x.note)).toContain('=1');
    expect(records.organizations[0]).toMatchObject({ name: '@SUM(1,1)', description: payload });
  });

  it('names record and field for every schema problem', () => {
    const good = toHsdsService(detail());
    const noName: Partial<HsdsService> = { ...good, id: '66666666-6666-4666-8666-666666666666' };
    delete noName.name;
    const badLatitude = structuredClone(good);
    const loc = badLatitude.service_at_locations?.[0]?.location;
    if (loc) (loc as unknown as Record<string, unknown>).latitude = 'north';
    const { problems } = fromHsdsJson([good, noName, badLatitude, { ...good, status: 'nope' }]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'services[1].name', message: 'required' },
        {
          path: 'services[2].service_at_locations[0].location.latitude',
          message: 'must be a number',
        },
        {
          path: 'services[3].status',
          message: 'must be one of: active, inactive, defunct, temporarily closed',
        },
      ]),
    );
    expect(problems.some((p) => p.path.startsWith('services[0]'))).toBe(false);
  });

  it('checks what the schema allows but our catalog cannot hold', () => {
    const s = toHsdsService(detail());
    s.name = 'Go';
    const h = s.service_at_locations?.[0]?.schedules?.[0];
    if (h) h.opens_at = 'ten';
    const { problems } = fromHsdsJson({ contents: [s] });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'contents[0].name', message: 'must be 3–200 characters' },
        {
          path: 'contents[0].service_at_locations[0].schedules[0].opens_at',
          message: 'not a time (HH:MM)',
        },
      ]),
    );
    expect(fromHsdsJson({ foo: 1 }).problems).toEqual([
      {
        path: 'record',
        message: 'not an HSDS service, organization, service_at_location or location',
      },
    ]);
    expect(fromHsdsJson({ id: ORG, name: 'Org', description: '' }).problems).toEqual([]);
  });

  it('names file, line and column for CSV problems', () => {
    const files = {
      'organizations.csv': `id,name,description\n${ORG},"Forening, med komma","To\nlinjer"\n`,
      'locations.csv': `id,location_type,organization_id,name,latitude,longitude\n${LOC1},physical,${ORG},Hus,55.6,12.1\n${LOC2},physical,${ORG},Hal,north,12.1\n`,
      'services.csv': `id,organization_id,name,status\n${OFFER},${ORG},,active\n`,
    };
    const { tables, problems } = csvFilesToTables(files);
    expect(problems).toEqual([
      { path: 'locations.csv line 3, column latitude', message: 'not a number' },
    ]);
    const result = fromHsdsTables(tables, { problems });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'locations.csv line 3, column latitude', message: 'not a number' },
        { path: 'services.csv line 2, column name', message: 'required' },
      ]),
    );
    const broken = csvFilesToTables({ 'services.csv': 'id,name\n1,"open\n' });
    expect(broken.problems).toEqual([
      { path: 'services.csv line 2', message: 'a quoted field is not closed' },
    ]);
  });

  it('keeps Danish postcodes and stores others as 0000 with the original in address_1', () => {
    const loc = (address: Record<string, string>, lat?: number) => ({
      id: LOC1,
      location_type: 'physical',
      organization_id: ORG,
      name: 'Sted',
      ...(lat === undefined ? {} : { latitude: lat, longitude: 12 }),
      addresses: [
        {
          id: stableId('a'),
          address_1: 'Vej 1',
          city: 'By',
          state_province: '',
          address_type: 'physical',
          ...address,
        },
      ],
    });
    const dk = fromHsdsJson(loc({ postal_code: 'DK-4000', country: 'DK' }, 55.6));
    expect(dk.records.locations[0]).toMatchObject({
      postal_code: '4000',
      address_1: 'Vej 1',
      city: 'By',
      latitude: 55.6,
    });
    expect(dk.warnings).toEqual([]);
    const us = fromHsdsJson(
      loc(
        {
          postal_code: 'ABC 1234',
          country: 'US',
          address_2: 'MyVillage',
          state_province: 'MyState',
        },
        100,
      ),
    );
    expect(us.problems).toEqual([]);
    expect(us.records.locations[0]).toMatchObject({
      postal_code: '0000',
      address_1: 'Vej 1, MyVillage, MyState, ABC 1234, US',
      city: 'By',
      latitude: null,
      longitude: null,
    });
    expect(us.warnings.map((w) => w.path)).toEqual([
      'location.addresses[0].postal_code',
      'location.latitude',
    ]);
    // A Norwegian four-digit code is not a Danish postcode.
    expect(
      fromHsdsJson(loc({ postal_code: '0150', country: 'NO' })).records.locations[0]?.postal_code,
    ).toBe('0000');
  });

  it('maps an HSDS service without our profile to sensible defaults', () => {
    const { records, problems, warnings } = fromHsdsJson({
      id: OFFER,
      name: 'Community walk',
      description: 'A walk in the park. Bring shoes.',
      status: 'temporarily closed',
      organization: { id: ORG, name: 'Walkers', description: '' },
      languages: [
        { id: stableId('l1'), code: 'eng' },
        { id: stableId('l2'), code: 'English' },
      ],
      cost_options: [{ id: stableId('c'), amount: 0, currency: 'DKK' }],
      schedules: [
        {
          id: SCH1,
          freq: 'WEEKLY',
          byday: 'MO,WE',
          opens_at: '09:00:00+01:00',
          closes_at: '10:00Z',
        },
        { id: SCH2, freq: 'MONTHLY', byday: '2MO', opens_at: '09:00', closes_at: '10:00' },
      ],
    });
    expect(problems).toEqual([]);
    expect(records.offers[0]).toMatchObject({
      arena: 'health_centre',
      offer_type: 'group',
      mode: 'in_person',
      status: 'draft',
      summary: 'A walk in the park.',
      languages: ['en'],
      free: true,
      price_dkk: null,
      topics: [],
    });
    expect(records.offers[0]?.schedules.map((s) => [s.weekday, s.starts_at, s.ends_at])).toEqual([
      [1, '09:00', '10:00'],
      [3, '09:00', '10:00'],
    ]);
    expect(records.organizations[0]).toMatchObject({ kind: 'civil_society', name: 'Walkers' });
    expect(warnings.map((w) => w.path)).toEqual([
      'service.languages[1].code',
      'service.schedules[1]',
    ]);
  });

  it('reads times and dates strictly', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('10:00:00')).toBe('10:00');
    expect(parseTime('10:00+02:00')).toBe('10:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('ten')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2023-03-15T10:30:45.123Z')).toBe('2023-03-15');
  });

  it('turns a JSON pointer into a readable path', () => {
    expect(pointerToPath('/service_at_locations/0/location/latitude')).toBe(
      '.service_at_locations[0].location.latitude',
    );
    expect(pointerToPath('')).toBe('');
  });
});

// Open Referral's HSDS 3.0 examples, carried verbatim as a fixture (test/fixtures/README.md).
const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/hsds/examples', import.meta.url));

describe('HSDS 3.0 reference examples', () => {
  const read = (f: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8'));

  it('validates service_full.json and refuses it with status "nope"', () => {
    const s = read('service_full.json') as Record<string, unknown>;
    expect(hsdsErrors('service', s)).toEqual([]);
    expect(hsdsErrors('service', { ...s, status: 'nope' })).toHaveLength(1);
  });

  it.each([
    ['service_full.json', 1, 1, 1],
    ['organization_full.json', 1, 1, 1],
    ['service_list.json', 1, 0, 1],
    ['organization_list.json', 1, 0, 0],
    ['service_at_location_full.json', 1, 1, 1],
    ['service_at_location_list.json', 1, 1, 1],
    ['tabular.json', 1, 1, 1],
  ])('reads %s without problems', (file, orgs, locs, offers) => {
    const { records, problems } = fromHsdsJson(read(file));
    expect(problems).toEqual([]);
    expect([records.organizations.length, records.locations.length, records.offers.length]).toEqual(
      [orgs, locs, offers],
    );
  });

  it('reads the CSV data package; our tables have exactly its columns', () => {
    const dir = join(EXAMPLES, 'csv');
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv')))
      files[f] = readFileSync(join(dir, f), 'utf8');
    for (const t of hsdsTables()) {
      expect(parseCsvTable(files[t.path] ?? '').header, t.path).toEqual(
        t.columns.map((c) => c.name),
      );
    }
    const { tables, problems, warnings } = csvFilesToTables(files);
    const result = fromHsdsTables(tables, { problems, warnings });
    expect(result.problems).toEqual([]);
    expect(result.records.offers[0]).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      title: 'Community Counselling',
      status: 'published',
      min_age: 12,
      max_age: 100,
      contact_phone: '+44 1234 234567',
    });
    expect(result.records.offers[0]?.schedules.map((s) => s.weekday)).toEqual([4, 5]);
    expect(result.records.locations[0]).toMatchObject({
      postal_code: '0000',
      latitude: null,
      city: 'MyCity',
    });
  });
});
