/**
 * The translated catalogs (src/web/messages/*.json) against the Danish source: same keys, valid
 * ICU, the same placeholders, plural branches each language needs, and nothing left in Danish.
 */
import { loadCatalog } from './i18n.ts';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type Catalog = Record<string, string>;

const LANGUAGES = ['en', 'ar', 'tr', 'so', 'uk'] as const;
type Lang = (typeof LANGUAGES)[number];

const load = (lang: string): Catalog => loadCatalog(lang);

const da = load('da');
const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)])) as Record<Lang, Catalog>;

/**
 * Messages that may be word for word the Danish one, and in which languages. Keep this short:
 * everything else must be translated.
 */
const SAME_AS_DANISH: Record<string, readonly Lang[]> = {
  'recommendation.alliancen-5': LANGUAGES, // a name and a number, nothing to translate
  'resultsMap.scale': ['en', 'tr', 'so'], // "{km} km" on the map's scale bar
  'finder.mode.online': ['en'],
  'offer.online': ['en'],
  'arena.online': ['en'],
  'mode.online': ['en'],
  'offerForm.offerType': ['en'],
  'staffOffers.col.status': ['en'],
  'offerForm.status': ['en'],
  'orgKind.regional': ['en'],
  'role.system': ['en'],
  'audit.entity.team': ['en'],
  'role.admin': ['en'],
  'report.submit': ['en'],
  'offer.phone': ['tr'],
  'offerForm.contactPhone': ['tr'],
  'privacy.cookiesHeading': ['en', 'so'],
  'monitor.reference': ['en'],
  'monitor.download.xlsx': ['en'],
  'monitor.indicator.tableCaption': ['en'],
  'profile.domain.stress': ['en'],
  'profile.need.transport': ['en'],
  'conversation.list.status': ['en'],
  'conversationSettings.teams': ['en'],
  'conversationSettings.team': ['en'],
  'assessment.list.state': ['en'], // "Status" in both
  'assessment.state.heading': ['en'],
  'assessment.step.screening': ['en'], // "Screening" in both
};

/** Keys of pages offered in Danish and English only. */
const STAFF_DA_EN_ONLY = (key: string) =>
  key.startsWith('monitor.') ||
  key.startsWith('codebook.') ||
  key.startsWith('conversation.') ||
  key.startsWith('referral.') ||
  key.startsWith('fhir.') ||
  key.startsWith('conversationSettings.') ||
  key.startsWith('people.') ||
  key.startsWith('jobs.') ||
  key.startsWith('outreach.') ||
  key.startsWith('reach.staff.') ||
  key.startsWith('voice.staff.') ||
  key.startsWith('assessment.') ||
  key.startsWith('report.portfolio.') ||
  key.startsWith('report.committee.') ||
  key.startsWith('goals.') ||
  key.startsWith('planning.') ||
  key.startsWith('api.');

/** Sample values per argument name: numbers where a message may count or compare them. */
const SAMPLES: Record<string, string | number> = {
  count: 3,
  service: 'afklarende_samtale',
  attendance: 'attended',
  host: 'rejseplanen.dk',
  origin: '4000 Roskilde',
  status: 'published',
  respondents: 1200,
  instrument: 'who5',
  kind: 'pdf',
  lang: 'ar',
  on: 4,
  mb: 128,
  km: '2,5',
  weeks: 2,
  min: 18,
  max: 65,
  n: 1,
  page: 1,
  pages: 3,
  id: 'a1b2c3',
  hasMax: 'yes',
  kommune: 'Roskilde',
  from: '10:00',
  to: '11:30',
  day: 'tirsdag 24. november',
  time: '10:00',
  q: 'gåtur',
  domains: 'rygning og søvn',
  days: 365,
  hours: 24,
  citizen: 'Amal Haddad',
  step: 3,
  steps: 15,
  code: 'AB12-CD34',
  computed: 'Med vejledning',
  level: 'Håndholdt',
  source: 'WHO',
  version: '1',
  weekMax: 10,
  dayMax: 4,
  needs: 'penge og mad',
  places: 'i hjemmet og i bilen',
  score: 24,
  limit: 28,
  confidence: 2,
  goal: 'activity',
  factor: 'smoking',
  arena: 'job_centre',
  contact: 'Sara, 46 31 00 00',
  month: 'marts 2026',
  panel: 'Brugerpanel for sundhed',
  texts: 10,
  place: 'Jobcenter Roskilde',
  when: 'tirsdag 1. december kl. 10.00',
  team: 'Sundhedsteamet i Jobcenter Roskilde',
  name: 'Anna Jensen',
  email: 'anna@roskilde.dk',
  role: 'administrator',
  offer: 'Gåtur i Musicon',
  provider: 'Roskilde Kommune',
  weekday: 'tirsdag',
  title: 'Gåtur i Musicon',
  language: 'English',
  term: 'udsatte',
  field: 'titlen',
  date: '24. november 2026',
  area: 'Roskilde',
  year: 2021,
  dimension: 'uddannelse',
  indicator: 'Dagligryger',
  value: '23,4 % (21,0–25,9)',
  scope: 'Region Sjælland',
  other: 'hele landet',
  rows: '2.000',
  file: 'roskilde-2025.csv',
  problem: 'koden findes ikke',
  gap: '12,3',
  reached: 'yes',
  outcome: 'declined',
  people: '1.900',
  high: 'Grundskole',
  highValue: '28,0 %',
  low: 'Lang videregående',
  lowValue: '7,0 %',
  note: 'Spørgsmålet blev ændret.',
  areas: 2,
  of: 17,
  sex: 'female',
  purpose: 'referral',
  via: 'referral',
  format: 'json',
  key: 'k2025',
  few: 2,
  complementary: 1,
  choice: 'new_time',
  channels: 'email, sms',
  channel: 'digital_post',
  period: 'januar 2025 til og med juni 2025',
  standard: 30,
  baseline: '26,6 %',
  baselineYear: 2021,
  target: '18,0 %',
  targetYear: 2030,
  measure: 'SII',
  group: 'Grundskole',
  dataset: 'sundhedsprofil.csv',
  years: '2017, 2021',
  // Equity impact assessment (assessment.*).
  department: 'Plan og miljø',
  groups: 'Borgere efter uddannelse, Etniske minoriteter',
  impact: 'Negativ',
  question: 'Berører forslaget mange borgere?',
  state: 'final',
  type: 'Lokalplan',
  yes: 2,
  unsure: 1,
  // Planning (planning.*).
  framework: 'Sundhedsstyrelsens forebyggelsespakker',
  subject: 'intervention',
  decision: 'adjust',
};

interface Shape {
  args: Set<string>;
  plurals: Map<string, Set<string>>;
  selects: Map<string, Set<string>>;
}

function shape(message: string): Shape {
  const s: Shape = { args: new Set(), plurals: new Map(), selects: new Map() };
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      switch (el.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          s.args.add(el.value);
          break;
        case TYPE.plural:
          s.args.add(el.value);
          s.plurals.set(el.value, new Set(Object.keys(el.options)));
          for (const o of Object.values(el.options)) walk(o.value);
          break;
        case TYPE.select:
          s.args.add(el.value);
          s.selects.set(el.value, new Set(Object.keys(el.options)));
          for (const o of Object.values(el.options)) walk(o.value);
          break;
        case TYPE.tag:
          s.args.add(el.value);
          walk(el.children);
          break;
        case TYPE.literal:
        case TYPE.pound:
          break;
      }
    }
  };
  walk(parse(message));
  return s;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * Grammatical gender of the person addressed: the conversation passes `sex` ('female', 'male',
 * or anything else for neutral wording) to every citizen-facing message (issue 14).
 */
const GENDER_ARGS = new Set(['sex']);

/** Plural categories a language uses (CLDR), per Intl.PluralRules. */
const categories = (lang: string) =>
  new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

describe('message catalogs', () => {
  it('Danish source parses', () => {
    for (const [key, msg] of Object.entries(da)) {
      expect(() => shape(msg), key).not.toThrow();
    }
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    const catalog = catalogs[lang];

    it('has exactly the Danish keys', () => {
      // The monitor is a staff tool offered in Danish and English only (issue 3).
      const daKeys = Object.keys(da).filter((k) => lang === 'en' || !STAFF_DA_EN_ONLY(k));
      const keys = Object.keys(catalog);
      expect(
        daKeys.filter((k) => !(k in catalog)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((k) => !(k in da)),
        'extra',
      ).toEqual([]);
    });

    it('every message is a non-empty string that compiles', () => {
      for (const [key, msg] of Object.entries(catalog)) {
        expect(typeof msg, key).toBe('string');
        expect(msg.trim(), key).not.toBe('');
        expect(() => new IntlMessageFormat(msg, lang), key).not.toThrow();
      }
    });

    it('uses the same placeholders as Danish', () => {
      for (const [key, msg] of Object.entries(catalog)) {
        const source = da[key];
        if (source === undefined) continue;
        const own = shape(msg);
        // A language whose "you" has a gender (Arabic) may select on {sex}; Danish need not.
        const extra = [...own.args].filter((a) => GENDER_ARGS.has(a) && !shape(source).args.has(a));
        for (const a of extra)
          expect(sorted(own.selects.get(a) ?? []), `${key}: select ${a}`).toEqual([
            'female',
            'male',
            'other',
          ]);
        expect(sorted([...own.args].filter((a) => !extra.includes(a))), key).toEqual(
          sorted(shape(source).args),
        );
      }
    });

    it('keeps select keys and plural categories the language needs', () => {
      const needed = categories(lang).filter((c) => c !== 'other');
      for (const [key, msg] of Object.entries(catalog)) {
        const source = da[key];
        if (source === undefined) continue;
        const own = shape(msg);
        const src = shape(source);
        for (const [arg, options] of src.selects) {
          expect(sorted(own.selects.get(arg) ?? []), `${key}: select ${arg}`).toEqual(
            sorted(options),
          );
        }
        for (const [arg, options] of src.plurals) {
          const mine = own.plurals.get(arg);
          expect(mine, `${key}: plural ${arg}`).toBeDefined();
          // Exact matches like =0 stay, and every CLDR category of the language is covered.
          for (const o of options)
            if (o.startsWith('=')) expect(mine?.has(o), `${key}: ${o}`).toBe(true);
          for (const c of [...needed, 'other'])
            expect(mine?.has(c), `${key}: ${arg} needs "${c}"`).toBe(true);
        }
        for (const [arg, options] of own.plurals) {
          for (const o of options) {
            if (!o.startsWith('='))
              expect(categories(lang), `${key}: "${o}" is no ${lang} category`).toContain(o);
          }
          expect(options.has('other'), `${key}: ${arg} needs "other"`).toBe(true);
        }
      }
    });

    it('formats every message with sample values', () => {
      for (const [key, msg] of Object.entries(catalog)) {
        const values = Object.fromEntries(
          sorted(shape(msg).args).map((a) => [a, SAMPLES[a] ?? 'x']),
        );
        for (const a of Object.keys(values))
          expect(SAMPLES, `${key}: add a sample for {${a}}`).toHaveProperty(a);
        const out = String(new IntlMessageFormat(msg, lang).format(values));
        expect(out.trim(), key).not.toBe('');
        expect(out, key).not.toMatch(/[{}]/);
        // Every plural branch a count can reach, in every language's rules (0, 1, 2, 3-10, 11-99, 100+).
        const plurals = [...shape(msg).plurals.keys()];
        for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1.5]) {
          const counted = { ...values, ...Object.fromEntries(plurals.map((a) => [a, n])) };
          if (plurals.length)
            expect(
              String(new IntlMessageFormat(msg, lang).format(counted)),
              `${key} (${n})`,
            ).not.toMatch(/[{}]/);
        }
      }
    });

    it('keeps plain text as written (no apostrophe swallowed by ICU quoting)', () => {
      for (const [key, msg] of Object.entries(catalog)) {
        if (shape(msg).args.size) continue;
        expect(String(new IntlMessageFormat(msg, lang).format()), key).toBe(msg);
      }
    });

    it('translates every message (apart from an explicit allow-list)', () => {
      const untranslated = Object.keys(catalog).filter(
        (k) => catalog[k] === da[k] && !(SAME_AS_DANISH[k] ?? []).includes(lang),
      );
      expect(untranslated).toEqual([]);
    });
  });

  it('Arabic plurals have two, few and many branches where Danish has a plural', () => {
    for (const [key, source] of Object.entries(da)) {
      const msg = catalogs.ar[key];
      if (msg === undefined) continue;
      for (const arg of shape(source).plurals.keys()) {
        const options = shape(msg).plurals.get(arg) ?? new Set();
        for (const c of ['zero', 'one', 'two', 'few', 'many', 'other'])
          expect(options.has(c), `${key}: ${c}`).toBe(true);
      }
    }
  });

  it('Ukrainian plurals have one, few and many branches where Danish has a plural', () => {
    for (const [key, source] of Object.entries(da)) {
      const msg = catalogs.uk[key];
      if (msg === undefined) continue;
      for (const arg of shape(source).plurals.keys()) {
        const options = shape(msg).plurals.get(arg) ?? new Set();
        for (const c of ['one', 'few', 'many', 'other'])
          expect(options.has(c), `${key}: ${c}`).toBe(true);
      }
    }
  });

  it('allow-list only names messages that really are the same as Danish', () => {
    for (const [key, langs] of Object.entries(SAME_AS_DANISH)) {
      expect(da, key).toHaveProperty([key]);
      for (const l of langs) expect(catalogs[l][key], `${l} ${key}`).toBe(da[key]);
    }
  });
});
