import { describe, it, expect } from 'vitest';
import {
  ARENAS,
  LIFE_PHASES,
  MODES,
  OFFER_LANGUAGES,
  OFFER_STATUSES,
  OFFER_TYPES,
  ORGANIZATION_KINDS,
  RECOMMENDATIONS,
  TOPICS,
  checkStigma,
} from '../catalog/index.ts';
import { UI_LANGUAGES } from '../web/languages.ts';
import { readPostcodes } from '../platform/geo/postcodes.ts';
import raw from './demo-catalog.json' with { type: 'json' };
import {
  DEMO_KOMMUNE,
  DEMO_PASSWORD,
  demoLocations,
  demoOffers,
  demoOrganizations,
  demoStaff,
  parseDemoFile,
  type DemoOffer,
} from './demo.data.ts';

const postcodes = readPostcodes();
const postcodeByNumber = new Map(postcodes.map((p) => [p.postnummer, p]));
const orgKeys = new Set(demoOrganizations.map((o) => o.key));
const locationByKey = new Map(demoLocations.map((l) => [l.key, l]));

/** Great-circle distance in km. */
function km(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

const insideDenmark = (lat: number, lon: number) =>
  lat >= 54.5 && lat <= 57.8 && lon >= 8.0 && lon <= 15.2;

describe('postcodes.csv', () => {
  it('has unique, well-formed postcodes inside Denmark', () => {
    expect(duplicates(postcodes.map((p) => p.postnummer))).toEqual([]);
    for (const p of postcodes) {
      expect(p.postnummer, p.postnummer).toMatch(/^\d{4}$/);
      expect(p.kommune, p.postnummer).toMatch(/^0\d{3}$/);
      expect(p.name.trim(), p.postnummer).not.toBe('');
      expect(
        insideDenmark(p.latitude, p.longitude),
        `${p.postnummer} ${p.latitude},${p.longitude}`,
      ).toBe(true);
    }
    expect(postcodes.length).toBeGreaterThanOrEqual(150);
  });

  it('covers all 98 municipalities, without Christiansø', () => {
    const kommuner = new Set(postcodes.map((p) => p.kommune));
    expect(kommuner.size).toBe(98);
    expect(kommuner.has('0411')).toBe(false);
    for (const k of [
      '0101',
      '0147',
      '0265',
      '0350',
      '0259',
      '0253',
      '0461',
      '0751',
      '0851',
      '0400',
    ]) {
      expect(kommuner.has(k), k).toBe(true);
    }
  });

  it('has the postcodes of Roskilde Kommune', () => {
    for (const p of ['4000', '4030', '4040', '4130', '4621']) {
      expect(postcodeByNumber.get(p)?.kommune, p).toBe(DEMO_KOMMUNE);
    }
  });
});

describe('demo organisations, places and staff', () => {
  it('have unique keys and valid kinds', () => {
    expect(duplicates(demoOrganizations.map((o) => o.key))).toEqual([]);
    expect(duplicates(demoLocations.map((l) => l.key))).toEqual([]);
    for (const o of demoOrganizations) expect(ORGANIZATION_KINDS, o.key).toContain(o.kind);
    const kinds = new Set(demoOrganizations.map((o) => o.kind));
    for (const k of ['municipal', 'regional', 'civil_society'] as const)
      expect(kinds.has(k), k).toBe(true);
  });

  it('use fictitious contact details', () => {
    for (const o of demoOrganizations) {
      if (o.email) expect(o.email, o.key).toMatch(/demo\.(roskilde|lighed)\.dk$/);
      if (o.website) expect(o.website, o.key).toMatch(/^https:\/\/demo\.(roskilde|lighed)\.dk\//);
    }
  });

  it('place every location in Roskilde Kommune, near its postcode', () => {
    for (const l of demoLocations) {
      expect(orgKeys.has(l.organization), `${l.key} -> ${l.organization}`).toBe(true);
      const pc = postcodeByNumber.get(l.postal_code);
      expect(pc, `${l.key}: postcode ${l.postal_code}`).toBeDefined();
      expect(pc?.kommune, l.key).toBe(DEMO_KOMMUNE);
      expect(insideDenmark(l.latitude, l.longitude), l.key).toBe(true);
      expect(km(l, pc!), `${l.key} is far from ${l.postal_code}`).toBeLessThan(15);
    }
  });

  it('have one account per role and providers tied to an organisation', () => {
    const roles = new Set(demoStaff.map((s) => s.role));
    for (const r of ['admin', 'planner', 'frontline', 'referrer', 'provider'] as const)
      expect(roles.has(r), r).toBe(true);
    expect(demoStaff.filter((s) => s.role === 'provider')).toHaveLength(2);
    expect(duplicates(demoStaff.map((s) => s.email.toLowerCase()))).toEqual([]);
    for (const s of demoStaff) {
      if (s.role === 'provider')
        expect(s.organization && orgKeys.has(s.organization), s.email).toBe(true);
    }
    expect(demoStaff.some((s) => s.email === 'admin@demo.lighed.dk' && s.role === 'admin')).toBe(
      true,
    );
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});

describe('demo offers', () => {
  const published = demoOffers.filter((o) => (o.status ?? 'published') === 'published');

  it('are many, with unique keys and titles', () => {
    expect(demoOffers.length).toBeGreaterThanOrEqual(150);
    expect(duplicates(demoOffers.map((o) => o.key))).toEqual([]);
    expect(duplicates(demoOffers.map((o) => o.title))).toEqual([]);
    for (const o of demoOffers) expect(o.key, o.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('cover every arena, offer type, topic, life phase and mode among published offers', () => {
    const covers = (values: readonly string[], get: (o: DemoOffer) => readonly string[]) =>
      values.filter((v) => !published.some((o) => get(o).includes(v)));
    expect(covers(ARENAS, (o) => [o.arena])).toEqual([]);
    expect(covers(OFFER_TYPES, (o) => [o.offer_type])).toEqual([]);
    expect(covers(TOPICS, (o) => o.topics)).toEqual([]);
    expect(covers(LIFE_PHASES, (o) => o.life_phases)).toEqual([]);
    expect(covers(MODES, (o) => [o.mode])).toEqual([]);
  });

  it('use only the vocabulary', () => {
    for (const o of demoOffers) {
      expect(ARENAS, o.key).toContain(o.arena);
      expect(OFFER_TYPES, o.key).toContain(o.offer_type);
      expect(MODES, o.key).toContain(o.mode);
      expect(OFFER_STATUSES, o.key).toContain(o.status ?? 'published');
      expect(o.topics.length, o.key).toBeGreaterThan(0);
      expect(o.life_phases.length, o.key).toBeGreaterThan(0);
      expect(o.languages.length, o.key).toBeGreaterThan(0);
      for (const t of o.topics) expect(TOPICS, o.key).toContain(t);
      for (const p of o.life_phases) expect(LIFE_PHASES, o.key).toContain(p);
      for (const l of o.languages) expect(OFFER_LANGUAGES, o.key).toContain(l);
      for (const r of o.recommendations ?? []) expect(RECOMMENDATIONS, o.key).toContain(r);
      expect(
        duplicates([...o.topics, ...o.life_phases, ...o.languages, ...(o.recommendations ?? [])]),
        o.key,
      ).toEqual([]);
    }
  });

  it('refer to existing organisations and places; online-only offers have no place', () => {
    for (const o of demoOffers) {
      expect(orgKeys.has(o.organization), `${o.key} -> ${o.organization}`).toBe(true);
      const locs = o.locations ?? [];
      expect(locs.length, o.key).toBeLessThanOrEqual(2);
      for (const l of locs) expect(locationByKey.has(l), `${o.key} -> ${l}`).toBe(true);
      if (o.mode === 'online') expect(locs, o.key).toEqual([]);
      if (o.arena === 'online') expect(o.mode, o.key).toBe('online');
    }
  });

  it('have valid schedules', () => {
    const time = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
    const date = /^\d{4}-\d{2}-\d{2}$/;
    for (const o of demoOffers) {
      expect((o.schedules ?? []).length, o.key).toBeLessThanOrEqual(3);
      for (const s of o.schedules ?? []) {
        expect(Number.isInteger(s.weekday) && s.weekday >= 1 && s.weekday <= 7, o.key).toBe(true);
        expect(s.starts_at, o.key).toMatch(time);
        expect(s.ends_at, o.key).toMatch(time);
        expect(s.ends_at > s.starts_at, `${o.key}: ${s.starts_at}-${s.ends_at}`).toBe(true);
        if (s.interval_weeks !== undefined)
          expect(s.interval_weeks >= 1 && s.interval_weeks <= 8, o.key).toBe(true);
        if (s.valid_from !== undefined) expect(s.valid_from, o.key).toMatch(date);
        if (s.valid_to !== undefined) expect(s.valid_to, o.key).toMatch(date);
        if (s.valid_from !== undefined && s.valid_to !== undefined)
          expect(s.valid_to >= s.valid_from, o.key).toBe(true);
      }
    }
  });

  it('have consistent prices, ages and texts', () => {
    for (const o of demoOffers) {
      if (o.free) expect(o.price_dkk ?? 0, o.key).toBe(0);
      else expect(o.price_dkk, o.key).toBeGreaterThan(0);
      if (o.min_age !== undefined && o.max_age !== undefined)
        expect(o.min_age <= o.max_age, o.key).toBe(true);
      expect(o.title.length, o.key).toBeGreaterThanOrEqual(3);
      expect(o.title.length, o.key).toBeLessThanOrEqual(200);
      expect(o.summary.trim(), o.key).not.toBe('');
      expect(o.description.trim(), o.key).not.toBe('');
      expect(o.contact_name, o.key).toBeTruthy();
    }
    expect(demoOffers.filter((o) => o.free).length).toBeGreaterThan(demoOffers.length / 2);
    expect(demoOffers.some((o) => !o.free)).toBe(true);
  });

  it('are mostly published, with a few drafts and retired offers', () => {
    const count = (s: string) => demoOffers.filter((o) => (o.status ?? 'published') === s).length;
    expect(count('draft')).toBeGreaterThanOrEqual(1);
    expect(count('retired')).toBeGreaterThanOrEqual(1);
    expect(count('published')).toBeGreaterThan(demoOffers.length * 0.9);
  });

  it('have complete translations in the interface languages', () => {
    const translated = demoOffers.filter((o) => Object.keys(o.translations ?? {}).length > 0);
    expect(translated.length).toBeGreaterThanOrEqual(20);
    for (const o of translated) {
      for (const [lang, t] of Object.entries(o.translations ?? {})) {
        expect(UI_LANGUAGES, o.key).toContain(lang);
        expect(lang, o.key).not.toBe('da');
        expect(t?.title?.trim(), `${o.key}.${lang}.title`).toBeTruthy();
        expect(t?.summary?.trim(), `${o.key}.${lang}.summary`).toBeTruthy();
        expect(t?.description?.trim(), `${o.key}.${lang}.description`).toBeTruthy();
      }
      if (o.translations?.ar) expect(o.translations.ar.title, o.key).toMatch(/[\u0600-\u06FF]/);
      if (o.translations?.uk) expect(o.translations.uk.title, o.key).toMatch(/[\u0400-\u04FF]/);
    }
  });

  it('never name their users by social position (public texts)', () => {
    for (const o of published) {
      const fields: Record<string, string> = {
        title: o.title,
        summary: o.summary,
        description: o.description,
        how_to_join: o.how_to_join ?? '',
      };
      for (const [lang, t] of Object.entries(o.translations ?? {})) {
        for (const field of ['title', 'summary', 'description', 'how_to_join'] as const) {
          const value = t?.[field];
          if (value !== undefined) fields[`translations.${lang}.${field}`] = value;
        }
      }
      expect(checkStigma(fields), o.key).toEqual([]);
    }
  });

  it('include at least 3 free, published walking groups near 4000 Roskilde with Arabic', () => {
    const centre = postcodeByNumber.get('4000')!;
    const walks = published.filter((o) => {
      const first = o.locations?.[0] === undefined ? undefined : locationByKey.get(o.locations[0]);
      return (
        /gåtur|gågruppe|gåfællesskab/i.test(o.title) &&
        o.free &&
        o.translations?.ar?.title !== undefined &&
        (o.languages.includes('ar') || o.interpreter_available === true) &&
        first !== undefined &&
        km(first, centre) <= 5
      );
    });
    expect(walks.length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo-catalog.json', () => {
  const offer = raw.offers[0]!;
  const withOffer = (o: Record<string, unknown>) => ({ ...raw, offers: [o] });

  it('fits its schema', () => {
    expect(() => parseDemoFile(raw)).not.toThrow();
  });

  it('rejects a word outside the vocabulary and a misspelt field', () => {
    expect(() => parseDemoFile(withOffer({ ...offer, topics: ['physical_activty'] }))).toThrow(
      /topics/,
    );
    expect(() => parseDemoFile(withOffer({ ...offer, arena: 'housing' }))).toThrow(/arena/);
    expect(() => parseDemoFile(withOffer({ ...offer, languges: ['da'] }))).toThrow(/languges/);
    expect(() =>
      parseDemoFile(withOffer({ ...offer, translations: { da: { title: 'Gåtur' } } })),
    ).toThrow(/translations/);
  });
});
