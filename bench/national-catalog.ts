/**
 * A synthetic national-scale catalog for benchmarks: every municipality in the postcode table
 * as a tenant, a few organisations each, and N published offers spread evenly across them,
 * each with one place near one of its municipality's postcodes and one or two meeting times.
 * Texts are built from a Danish vocabulary so full-text search has realistic selectivity.
 * Everything comes from one seeded PRNG, so the same seed builds the same catalog.
 *
 * Rows are written in bulk (one `unnest` insert per table per municipality), inside
 * inTenant() so row-level security checks every row exactly as it does for the app.
 */
import { inTenant, type Db } from '../src/db/db.ts';
import { ARENAS, LIFE_PHASES, TOPICS, type Topic } from '../src/catalog/offer.ts';
import { mulberry32, pick, pickSome, randInt, type Rng } from './stats.ts';

export type { PostcodeRow } from '../src/platform/geo/postcodes.ts';
import type { PostcodeRow } from '../src/platform/geo/postcodes.ts';

interface Activity {
  /** The search word (what a citizen types). */
  word: string;
  /** How a title names it. */
  titles: readonly string[];
  topics: readonly Topic[];
  english: string;
}

/** The activities offers are about; `word` is the search vocabulary. */
export const ACTIVITIES: readonly Activity[] = [
  {
    word: 'gåtur',
    titles: ['Gåtur', 'Gåture', 'Morgengåtur'],
    topics: ['physical_activity', 'community'],
    english: 'Walk',
  },
  {
    word: 'gågruppe',
    titles: ['Gågruppe', 'Gågruppen'],
    topics: ['physical_activity', 'loneliness'],
    english: 'Walking group',
  },
  {
    word: 'madlavning',
    titles: ['Madlavning', 'Sund madlavning'],
    topics: ['diet', 'community'],
    english: 'Cooking',
  },
  {
    word: 'rygestop',
    titles: ['Rygestop', 'Rygestopkursus'],
    topics: ['smoking'],
    english: 'Stop smoking',
  },
  {
    word: 'styrketræning',
    titles: ['Styrketræning', 'Let styrketræning'],
    topics: ['physical_activity', 'musculoskeletal'],
    english: 'Strength training',
  },
  {
    word: 'yoga',
    titles: ['Yoga', 'Stolyoga', 'Blid yoga'],
    topics: ['mental_wellbeing', 'physical_activity'],
    english: 'Yoga',
  },
  {
    word: 'svømning',
    titles: ['Svømning', 'Morgensvømning'],
    topics: ['physical_activity'],
    english: 'Swimming',
  },
  {
    word: 'fællesspisning',
    titles: ['Fællesspisning', 'Fællesspisning i huset'],
    topics: ['community', 'loneliness', 'diet'],
    english: 'Shared meal',
  },
  {
    word: 'sundhedscafé',
    titles: ['Sundhedscafé', 'Sundhedscaféen'],
    topics: ['chronic_illness', 'community'],
    english: 'Health café',
  },
  {
    word: 'stress',
    titles: ['Stresshåndtering', 'Stressforløb', 'Stress og trivsel'],
    topics: ['mental_wellbeing'],
    english: 'Stress',
  },
  { word: 'søvn', titles: ['Bedre søvn', 'Søvnskole'], topics: ['sleep'], english: 'Better sleep' },
  {
    word: 'cykling',
    titles: ['Cykling', 'Cykling for alle'],
    topics: ['physical_activity'],
    english: 'Cycling',
  },
  {
    word: 'dans',
    titles: ['Dans', 'Seniordans', 'Linedans'],
    topics: ['physical_activity', 'community'],
    english: 'Dance',
  },
  {
    word: 'fodbold',
    titles: ['Fodbold', 'Motionsfodbold', 'Walking fodbold'],
    topics: ['physical_activity', 'community'],
    english: 'Football',
  },
  {
    word: 'strikkeklub',
    titles: ['Strikkeklub', 'Strikkeklubben'],
    topics: ['loneliness', 'community'],
    english: 'Knitting club',
  },
  {
    word: 'havefællesskab',
    titles: ['Havefællesskab', 'Havefællesskabet'],
    topics: ['community', 'mental_wellbeing'],
    english: 'Community garden',
  },
  {
    word: 'vægttab',
    titles: ['Vægttab', 'Vægttab i fællesskab'],
    topics: ['overweight', 'diet'],
    english: 'Weight loss',
  },
  {
    word: 'motion',
    titles: ['Motion', 'Motionshold', 'Motion for seniorer'],
    topics: ['physical_activity'],
    english: 'Exercise',
  },
  {
    word: 'alkohol',
    titles: ['Alkoholrådgivning', 'Snak om alkohol'],
    topics: ['alcohol'],
    english: 'Alcohol counselling',
  },
  {
    word: 'rygskole',
    titles: ['Rygskole', 'Rygskolen'],
    topics: ['musculoskeletal'],
    english: 'Back school',
  },
  {
    word: 'diabetes',
    titles: ['Diabetesskole', 'Livet med diabetes'],
    topics: ['chronic_illness', 'diet'],
    english: 'Diabetes school',
  },
  {
    word: 'kol',
    titles: ['KOL-hold', 'Træning med KOL'],
    topics: ['chronic_illness', 'smoking'],
    english: 'COPD class',
  },
  {
    word: 'mindfulness',
    titles: ['Mindfulness', 'Mindfulness for begyndere'],
    topics: ['mental_wellbeing', 'sleep'],
    english: 'Mindfulness',
  },
  {
    word: 'sorggruppe',
    titles: ['Sorggruppe', 'Sorggruppen'],
    topics: ['mental_wellbeing', 'loneliness'],
    english: 'Grief group',
  },
  {
    word: 'forældrekursus',
    titles: ['Forældrekursus', 'Kursus for nye forældre'],
    topics: ['family'],
    english: 'Parenting course',
  },
  {
    word: 'familiemotion',
    titles: ['Familiemotion', 'Leg og familiemotion'],
    topics: ['family', 'physical_activity'],
    english: 'Family exercise',
  },
  {
    word: 'petanque',
    titles: ['Petanque', 'Petanqueklub'],
    topics: ['community', 'physical_activity'],
    english: 'Petanque',
  },
  {
    word: 'vandgymnastik',
    titles: ['Vandgymnastik', 'Varmtvandsgymnastik'],
    topics: ['musculoskeletal', 'physical_activity'],
    english: 'Water gymnastics',
  },
  {
    word: 'løb',
    titles: ['Løbeklub', 'Løb for begyndere'],
    topics: ['physical_activity'],
    english: 'Running',
  },
  {
    word: 'kostvejledning',
    titles: ['Kostvejledning', 'Kostvejledning i grupper'],
    topics: ['diet', 'overweight'],
    english: 'Diet advice',
  },
  {
    word: 'smerter',
    titles: ['Lev med smerter', 'Smerteskole'],
    topics: ['chronic_illness', 'musculoskeletal'],
    english: 'Living with pain',
  },
  {
    word: 'ensomhed',
    titles: ['Fri for ensomhed', 'Café mod ensomhed'],
    topics: ['loneliness', 'mental_wellbeing'],
    english: 'Loneliness café',
  },
  {
    word: 'netværk',
    titles: ['Netværksgruppe', 'Netværk for nye i byen'],
    topics: ['loneliness', 'community'],
    english: 'Network group',
  },
  {
    word: 'hjerte',
    titles: ['Hjerteforeningens motionshold', 'Hjertemotion'],
    topics: ['chronic_illness', 'physical_activity'],
    english: 'Heart exercise',
  },
  {
    word: 'angst',
    titles: ['Angstgruppe', 'Lær at leve med angst'],
    topics: ['mental_wellbeing'],
    english: 'Anxiety group',
  },
  {
    word: 'fællessang',
    titles: ['Fællessang', 'Syng sammen'],
    topics: ['community', 'mental_wellbeing'],
    english: 'Community singing',
  },
  {
    word: 'cykelhold',
    titles: ['Cykelhold', 'Cykelholdet'],
    topics: ['physical_activity', 'community'],
    english: 'Cycling team',
  },
  {
    word: 'bordtennis',
    titles: ['Bordtennis', 'Bordtennis for seniorer'],
    topics: ['physical_activity', 'community'],
    english: 'Table tennis',
  },
];

/** The words the load generator searches for. */
export const SEARCH_WORDS: readonly string[] = ACTIVITIES.map((a) => a.word);

const AUDIENCES = [
  'seniorer',
  'mænd',
  'kvinder',
  'begyndere',
  'børnefamilier',
  'unge',
  'nydanskere',
  'pensionister',
  'ledige',
  'alle',
];
const SUMMARIES = [
  'Vi mødes hver uge til {act} i et trygt fællesskab.',
  '{Act} for alle, uanset form og erfaring. Kom som du er.',
  'Hold med {act} og {extra}, ledet af en erfaren instruktør.',
  'Få hjælp og inspiration til {act} sammen med andre.',
  'Et hold for dig, der gerne vil i gang med {act} i dit eget tempo.',
  'Hyggeligt samvær med {act}, kaffe og en god snak.',
];
const SENTENCES = [
  'Vi starter med kaffe og en snak, og derefter er der {act}.',
  'Forløbet varer otte uger, og du kan begynde når som helst.',
  'Mange deltagere fortæller, at {extra} også har hjulpet dem.',
  'Tilbuddet holdes af frivillige og medarbejdere fra kommunen.',
  'Der er plads til omkring femten deltagere på holdet.',
  'Du behøver ikke have prøvet {act} før.',
  'Efter holdet er der mulighed for {extra} og {extra2}.',
  'Vi mødes i {city} og tager hensyn til den enkeltes behov.',
  'Tag gerne behageligt tøj og en drikkedunk med.',
  'Har du spørgsmål om {extra}, kan du tale med en sundhedsfaglig medarbejder.',
  'Holdet er et godt sted at møde nye mennesker.',
  'Instruktøren tilpasser øvelserne, så alle kan være med.',
];
const HOW_TO_JOIN = [
  'Tilmeld dig her på siden, eller ring til kontaktpersonen.',
  'Du kan bare møde op. Første gang er uforpligtende.',
  'Skriv til os, så finder vi et hold, der passer dig.',
];
const ORGANIZATIONS: readonly {
  name: string;
  kind: 'municipal' | 'regional' | 'civil_society' | 'private';
}[] = [
  { name: 'Sundhedscenter {city}', kind: 'municipal' },
  { name: 'Ældre Sagen {city}', kind: 'civil_society' },
  { name: 'Frivilligcenter {city}', kind: 'civil_society' },
  { name: 'Idrætsforeningen {city}', kind: 'civil_society' },
  { name: 'Sund By {city}', kind: 'municipal' },
  { name: 'Fysioterapi {city} ApS', kind: 'private' },
];
const PLACES = [
  'Medborgerhuset',
  'Sundhedshuset',
  'Idrætshallen',
  'Biblioteket',
  'Beboerhuset',
  'Kulturhuset',
  'Aktivitetscentret',
  'Svømmehallen',
  'Foreningshuset',
];
const STREETS = [
  'Skolevej',
  'Stationsvej',
  'Hovedgaden',
  'Kirkevej',
  'Parkvej',
  'Bakkevej',
  'Engvej',
  'Møllevej',
  'Vestergade',
  'Østergade',
  'Nørregade',
  'Søndergade',
];
const OTHER_LANGUAGES = ['ar', 'en', 'tr', 'so', 'uk', 'pl'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fill = (template: string, v: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => v[key] ?? '');

/** A v4-shaped UUID from the PRNG, so ids (and so tie-breaks) are reproducible too. */
function uuid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A point uniformly within `km` of a centre. */
function near(
  rng: Rng,
  lat: number,
  lon: number,
  km: number,
): { latitude: number; longitude: number } {
  const r = km * Math.sqrt(rng());
  const angle = 2 * Math.PI * rng();
  const dLat = (r * Math.cos(angle)) / 111.32;
  const dLon = (r * Math.sin(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return {
    latitude: Math.round((lat + dLat) * 1e6) / 1e6,
    longitude: Math.round((lon + dLon) * 1e6) / 1e6,
  };
}

const townName = (name: string) => name.replace(/\s+(K|V|Ø|N|S|C|SV|NV|NØ|SØ)$/u, '');

export async function readPostcodeTable(db: Db): Promise<PostcodeRow[]> {
  return db.query<PostcodeRow>(
    `select postnummer, name, kommune, latitude, longitude from postcode where kommune is not null order by postnummer`,
  );
}

export interface CatalogStats {
  tenants: number;
  organizations: number;
  locations: number;
  offers: number;
  schedules: number;
  /** Milliseconds: inserting rows, then VACUUM ANALYZE, and the sum. */
  insertMs: number;
  analyzeMs: number;
  totalMs: number;
}

export async function buildNationalCatalog(
  db: Db,
  opts: { offers: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<CatalogStats> {
  const started = performance.now();
  const rng = mulberry32(opts.seed);
  const postcodes = await readPostcodeTable(db);
  const byKommune = new Map<string, PostcodeRow[]>();
  for (const p of postcodes) byKommune.set(p.kommune, [...(byKommune.get(p.kommune) ?? []), p]);
  const kommuner = [...byKommune.keys()].sort();
  if (kommuner.length === 0)
    throw new Error('The postcode table is empty: run ensurePostcodes(db) first');
  const names = kommuner.map((k) => townName(byKommune.get(k)?.[0]?.name ?? k));
  await db.asOwner((tx) =>
    tx.query(
      `insert into tenant (kommune, name) select * from unnest($1::text[], $2::text[]) on conflict (kommune) do nothing`,
      [kommuner, names],
    ),
  );

  const stats = {
    tenants: kommuner.length,
    organizations: 0,
    locations: 0,
    offers: 0,
    schedules: 0,
  };
  const perTenant = Math.floor(opts.offers / kommuner.length);
  const remainder = opts.offers % kommuner.length;

  for (const [i, kommune] of kommuner.entries()) {
    const places = byKommune.get(kommune) ?? [];
    const town = names[i] ?? kommune;
    const count = perTenant + (i < remainder ? 1 : 0);

    const orgs = pickSome(rng, ORGANIZATIONS, randInt(rng, 3, 5)).map((o) => ({
      id: uuid(rng),
      name: fill(o.name, { city: town }),
      kind: o.kind,
      description: `${fill(o.name, { city: town })} samarbejder med kommunen om sundhed og fællesskab.`,
    }));

    const loc = {
      id: [] as string[],
      org: [] as string[],
      name: [] as string[],
      address: [] as string[],
      postal: [] as string[],
      city: [] as string[],
      lat: [] as number[],
      lon: [] as number[],
      wheelchair: [] as boolean[],
    };
    const off = {
      id: [] as string[],
      org: [] as string[],
      title: [] as string[],
      summary: [] as string[],
      description: [] as string[],
      howToJoin: [] as string[],
      arena: [] as string[],
      offerType: [] as string[],
      topics: [] as string[],
      lifePhases: [] as string[],
      languages: [] as string[],
      mode: [] as string[],
      interpreter: [] as boolean[],
      free: [] as boolean[],
      price: [] as (number | null)[],
      children: [] as boolean[],
      childcare: [] as boolean[],
      wheelchair: [] as boolean[],
      newcomers: [] as boolean[],
      transport: [] as boolean[],
      translations: [] as string[],
    };
    const ol = { offer: [] as string[], location: [] as string[] };
    const sch = {
      offer: [] as string[],
      location: [] as (string | null)[],
      weekday: [] as number[],
      starts: [] as string[],
      ends: [] as string[],
    };

    for (let n = 0; n < count; n++) {
      const id = uuid(rng);
      const org = pick(rng, orgs);
      const activity = pick(rng, ACTIVITIES);
      const [extraA, extraB] = pickSome(
        rng,
        ACTIVITIES.filter((a) => a !== activity),
        2,
      );
      const place = pick(rng, places);
      const city = townName(place.name);
      const m = rng();
      const mode = m < 0.85 ? 'in_person' : m < 0.93 ? 'online' : 'both';
      const wheelchair = rng() < 0.5;
      const free = rng() < 0.7;

      let title = pick(rng, activity.titles);
      if (rng() < 0.5) title += ` for ${pick(rng, AUDIENCES)}`;
      if (mode !== 'online' && rng() < 0.6) title += ` i ${city}`;
      if (mode === 'online') title += ' online';
      const words = {
        act: activity.word,
        Act: cap(activity.word),
        extra: extraA?.word ?? 'motion',
        extra2: extraB?.word ?? 'kaffe',
        city,
      };
      const sentences = pickSome(rng, SENTENCES, randInt(rng, 3, 5)).map((s) => fill(s, words));

      const topics = new Set<Topic>(activity.topics);
      if (rng() < 0.4) topics.add(pick(rng, TOPICS));
      const l = rng();
      const languages =
        l < 0.75
          ? ['da']
          : l < 0.95
            ? ['da', pick(rng, OTHER_LANGUAGES)]
            : [pick(rng, OTHER_LANGUAGES)];

      off.id.push(id);
      off.org.push(org.id);
      off.title.push(title);
      off.summary.push(fill(pick(rng, SUMMARIES), words));
      off.description.push(sentences.join(' '));
      off.howToJoin.push(pick(rng, HOW_TO_JOIN));
      off.arena.push(
        mode === 'online'
          ? 'online'
          : pick(
              rng,
              ARENAS.filter((a) => a !== 'online'),
            ),
      );
      off.offerType.push(rng() < 0.8 ? 'group' : 'individual');
      off.topics.push([...topics].join(','));
      off.lifePhases.push(pickSome(rng, LIFE_PHASES, randInt(rng, 1, 2)).join(','));
      off.languages.push(languages.join(','));
      off.mode.push(mode);
      off.interpreter.push(rng() < 0.2);
      off.free.push(free);
      off.price.push(free ? null : randInt(rng, 1, 12) * 50);
      off.children.push(rng() < 0.3);
      off.childcare.push(rng() < 0.05);
      off.wheelchair.push(wheelchair);
      off.newcomers.push(rng() < 0.25);
      off.transport.push(rng() < 0.1);
      off.translations.push(
        rng() < 0.1 ? JSON.stringify({ en: { title: `${activity.english} in ${city}` } }) : '{}',
      );

      // Online-only offers have no place; every other offer has one, near one of the municipality's postcodes.
      let locationId: string | null = null;
      if (mode !== 'online') {
        locationId = uuid(rng);
        const point = near(rng, place.latitude, place.longitude, 12);
        loc.id.push(locationId);
        loc.org.push(org.id);
        loc.name.push(`${pick(rng, PLACES)} ${city}`);
        loc.address.push(`${pick(rng, STREETS)} ${randInt(rng, 1, 120)}`);
        loc.postal.push(place.postnummer);
        loc.city.push(place.name);
        loc.lat.push(point.latitude);
        loc.lon.push(point.longitude);
        loc.wheelchair.push(wheelchair);
        ol.offer.push(id);
        ol.location.push(locationId);
      }
      const weekdays = pickSome(rng, [1, 2, 3, 4, 5, 6, 7], randInt(rng, 1, 2));
      for (const weekday of weekdays) {
        const startMin = randInt(rng, 16, 39) * 30; // 08:00 .. 19:30
        const endMin = startMin + pick(rng, [60, 90, 120]);
        sch.offer.push(id);
        sch.location.push(locationId);
        sch.weekday.push(weekday);
        sch.starts.push(hhmm(startMin));
        sch.ends.push(hhmm(endMin));
      }
    }

    await inTenant(db, kommune, async (tx) => {
      await tx.query(
        `insert into organization (id, kommune, name, description, kind)
         select id, $1, name, description, kind from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as t(id, name, description, kind)`,
        [
          kommune,
          orgs.map((o) => o.id),
          orgs.map((o) => o.name),
          orgs.map((o) => o.description),
          orgs.map((o) => o.kind),
        ],
      );
      await tx.query(
        `insert into location (id, kommune, organization_id, name, address_1, postal_code, city, latitude, longitude, wheelchair_accessible)
         select id, $1, org, name, address, postal, city, lat, lon, wheelchair
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::bool[])
             as t(id, org, name, address, postal, city, lat, lon, wheelchair)`,
        [
          kommune,
          loc.id,
          loc.org,
          loc.name,
          loc.address,
          loc.postal,
          loc.city,
          loc.lat,
          loc.lon,
          loc.wheelchair,
        ],
      );
      await tx.query(
        `insert into offer (id, kommune, organization_id, title, summary, description, how_to_join, arena, offer_type, topics,
                            life_phases, languages, mode, interpreter_available, free, price_dkk, children_welcome, childcare,
                            wheelchair_accessible, welcomes_newcomers, transport_help, translations, status, last_confirmed_at)
         select id, $1, org, title, summary, description, how_to_join, arena, offer_type, string_to_array(topics, ','),
                string_to_array(life_phases, ','), string_to_array(languages, ','), mode, interpreter, free, price, children, childcare,
                wheelchair, newcomers, transport, translations::jsonb, 'published', now()
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                       $11::text[], $12::text[], $13::text[], $14::bool[], $15::bool[], $16::numeric[], $17::bool[], $18::bool[],
                       $19::bool[], $20::bool[], $21::bool[], $22::text[])
             as t(id, org, title, summary, description, how_to_join, arena, offer_type, topics, life_phases, languages, mode,
                  interpreter, free, price, children, childcare, wheelchair, newcomers, transport, translations)`,
        [
          kommune,
          off.id,
          off.org,
          off.title,
          off.summary,
          off.description,
          off.howToJoin,
          off.arena,
          off.offerType,
          off.topics,
          off.lifePhases,
          off.languages,
          off.mode,
          off.interpreter,
          off.free,
          off.price,
          off.children,
          off.childcare,
          off.wheelchair,
          off.newcomers,
          off.transport,
          off.translations,
        ],
      );
      await tx.query(
        `insert into offer_location (kommune, offer_id, location_id)
         select $1, o, l from unnest($2::uuid[], $3::uuid[]) as t(o, l)`,
        [kommune, ol.offer, ol.location],
      );
      await tx.query(
        `insert into schedule (kommune, offer_id, location_id, weekday, starts_at, ends_at)
         select $1, o, l, wd, s::time, e::time from unnest($2::uuid[], $3::uuid[], $4::int2[], $5::text[], $6::text[]) as t(o, l, wd, s, e)`,
        [kommune, sch.offer, sch.location, sch.weekday, sch.starts, sch.ends],
      );
    });
    stats.organizations += orgs.length;
    stats.locations += loc.id.length;
    stats.offers += count;
    stats.schedules += sch.offer.length;
    opts.onProgress?.(i + 1, kommuner.length);
  }
  const inserted = performance.now();
  // Fresh bulk-loaded tables: give the planner statistics, as autovacuum would shortly.
  await db.execAsOwner('vacuum analyze');
  const done = performance.now();
  return {
    ...stats,
    insertMs: inserted - started,
    analyzeMs: done - inserted,
    totalMs: done - started,
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The finder query mix: text + distance + two filters, as a citizen's link would carry it:
 * /?q=<word>&postnummer=<postcode>&gratis=ja&emne=<topic>.
 */
export function buildQueryMix(
  seed: number,
  postcodes: readonly PostcodeRow[],
  n: number,
): string[] {
  const rng = mulberry32(seed);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const params = new URLSearchParams({
      q: pick(rng, SEARCH_WORDS),
      postnummer: pick(rng, postcodes).postnummer,
      gratis: 'ja',
      emne: pick(rng, TOPICS),
    });
    paths.push(`/?${params.toString()}`);
  }
  return paths;
}

/**
 * Varied finder searches (issue 16: at least 1,000 distinct, so a cache helps only as much as
 * real traffic would let it): words or none, a postcode near the municipality or none, 0–2
 * filters, now and then a sort or a second page. `near` limits the postcodes (the demo
 * catalog has places in one municipality only).
 */
export function buildVariedMix(
  seed: number,
  postcodes: readonly PostcodeRow[],
  n: number,
  words: readonly string[] = SEARCH_WORDS,
): string[] {
  const rng = mulberry32(seed);
  const paths: string[] = [];
  const filters: [string, () => string][] = [
    ['gratis', () => 'ja'],
    ['emne', () => pick(rng, TOPICS)],
    ['tolk', () => 'ja'],
    ['koerestol', () => 'ja'],
    ['dag', () => String(1 + Math.floor(rng() * 7))],
    ['tid', () => pick(rng, ['morgen', 'eftermiddag', 'aften'])],
    ['form', () => pick(rng, ['fremmoede', 'online'])],
    ['km', () => pick(rng, ['2', '5', '10', '25'])],
  ];
  for (let i = 0; i < n; i++) {
    const params = new URLSearchParams();
    const place = rng() < 0.8;
    if (!place || rng() < 0.8) params.set('q', pick(rng, words));
    if (place) params.set('postnummer', pick(rng, postcodes).postnummer);
    for (let f = Math.floor(rng() * 3); f > 0; f--) {
      const [name, value] = pick(rng, filters);
      params.set(name, value());
    }
    if (rng() < 0.1) params.set('sortering', pick(rng, ['afstand', 'tid']));
    if (rng() < 0.05) params.set('side', '2');
    paths.push(`/?${params.toString()}`);
  }
  return paths;
}

/** Place-only searches (a postcode, no words, no filters). */
export function buildPlaceOnlyMix(
  seed: number,
  postcodes: readonly PostcodeRow[],
  n: number,
): string[] {
  const rng = mulberry32(seed);
  return Array.from(
    { length: n },
    () => `/?${new URLSearchParams({ postnummer: pick(rng, postcodes).postnummer }).toString()}`,
  );
}
