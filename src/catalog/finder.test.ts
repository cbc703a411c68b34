import { describe, expect, it } from 'vitest';
import {
  blendedScore,
  copenhagenNow,
  distanceFactor,
  effectiveSort,
  filterQuery,
  isoWeekday,
  MATCH_TIERS,
  matchReasons,
  nextSession,
  orQuery,
  parseFinderQuery,
  searchTerms,
  toPrefixQuery,
  DEFAULT_KM,
  type LocalMoment,
} from './finder.ts';
import type { Schedule } from './offer.ts';

describe('parseFinderQuery', () => {
  it('reads every public parameter, one per filter', () => {
    const { query, problems } = parseFinderQuery({
      q: ' gåtur ',
      postnummer: '4000',
      emne: ['physical_activity', 'community', 'nonsense'],
      sprog: 'ar',
      tolk: 'ja',
      gratis: 'ja',
      boern: 'ja',
      koerestol: 'ja',
      dag: ['2', '9', '2'],
      tid: 'aften',
      form: 'online',
      km: '5',
      side: '3',
    });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({
      q: 'gåtur',
      postnummer: '4000',
      topics: ['physical_activity', 'community'],
      language: 'ar',
      interpreter: true,
      free: true,
      children: true,
      wheelchair: true,
      days: [2],
      time: 'aften',
      mode: 'online',
      km: 5,
      page: 3,
    });
  });

  it('names a malformed postcode and drops unknown values', () => {
    const { query, problems } = parseFinderQuery({
      postnummer: '40a0',
      km: '7',
      side: '-1',
      sprog: 'xx',
      tid: 'nat',
    });
    expect(problems).toEqual([{ path: 'postnummer', message: 'finder.error.postnummer' }]);
    expect(query).toMatchObject({
      postnummer: '',
      km: DEFAULT_KM,
      page: 1,
      language: null,
      time: null,
    });
  });

  it('accepts a position only inside Denmark', () => {
    expect(parseFinderQuery({ lat: '55.64', lon: '12.08' }).query.position).toEqual({
      latitude: 55.64,
      longitude: 12.08,
    });
    expect(parseFinderQuery({ lat: '40', lon: '12' }).query.position).toBeNull();
  });
});

describe('toPrefixQuery', () => {
  it('keeps only letters and digits, so the tsquery is always valid', () => {
    expect(toPrefixQuery("Gå-tur & ryg'stop | !")).toBe('gå:* & tur:* & ryg:* & stop:*');
    expect(toPrefixQuery('   ')).toBe('');
    expect(toPrefixQuery('مشي')).toBe('مشي:*');
  });
});

describe('nextSession', () => {
  const tuesday10 = { weekday: 2, starts_at: '10:00', ends_at: '11:30' };
  it('finds the same day later, or the next week', () => {
    expect(isoWeekday('2026-11-24')).toBe(2);
    expect(nextSession([tuesday10], { date: '2026-11-24', time: '09:00' })).toMatchObject({
      date: '2026-11-24',
      time: '10:00',
    });
    expect(nextSession([tuesday10], { date: '2026-11-24', time: '10:30' })).toMatchObject({
      date: '2026-12-01',
    });
  });

  it('picks the earliest of several schedules', () => {
    const thursday = { weekday: 4, starts_at: '18:00', ends_at: '19:00' };
    expect(nextSession([tuesday10, thursday], { date: '2026-11-25', time: '08:00' })).toMatchObject(
      { date: '2026-11-26', time: '18:00' },
    );
  });

  it('respects validity and fortnightly intervals', () => {
    const fortnightly = {
      weekday: 2,
      starts_at: '10:00',
      ends_at: '11:00',
      interval_weeks: 2,
      valid_from: '2026-11-17',
    };
    expect(nextSession([fortnightly], { date: '2026-11-23', time: '08:00' })).toMatchObject({
      date: '2026-12-01',
    });
    const ended = { ...tuesday10, valid_to: '2026-11-01' };
    expect(nextSession([ended], { date: '2026-11-23', time: '08:00' })).toBeNull();
    const later = { ...tuesday10, valid_from: '2027-01-05' };
    expect(nextSession([later], { date: '2026-11-23', time: '08:00' })).toMatchObject({
      date: '2027-01-05',
    });
  });

  // Reference: the first version, which walked the days as 'YYYY-MM-DD' strings (issue 16
  // made it count days as numbers); both must agree on every schedule.
  function nextSessionByStrings(schedules: readonly Schedule[], from: LocalMoment) {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const date = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    let best: (LocalMoment & { schedule: Schedule }) | null = null;
    const today = day(from.date);
    for (const s of schedules) {
      const startDay = s.valid_from ? Math.max(today, day(s.valid_from)) : today;
      const interval = s.interval_weeks ?? 1;
      const anchor = s.valid_from ? day(s.valid_from) : null;
      for (let d = startDay; d < startDay + 7 * interval + 7; d++) {
        const text = date(d);
        if (s.valid_to && text > s.valid_to) break;
        if (isoWeekday(text) !== s.weekday) continue;
        if (anchor !== null && interval > 1 && Math.floor((d - anchor) / 7) % interval !== 0)
          continue;
        const time = s.starts_at.slice(0, 5);
        if (d === today && time < from.time) continue;
        if (!best || text < best.date || (text === best.date && time < best.time))
          best = { date: text, time, schedule: s };
        break;
      }
    }
    return best;
  }

  it('agrees with the date-string version on varied schedules', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0; // mulberry32
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const dayOf = (base: number, offset: number) =>
      new Date(Date.UTC(2026, 0, base + offset)).toISOString().slice(0, 10);
    for (let i = 0; i < 3000; i++) {
      const base = 1 + rnd(400);
      // Validity around the searched day, so sessions on its first and last day occur.
      const schedules: Schedule[] = Array.from({ length: 1 + rnd(3) }, () => ({
        weekday: 1 + rnd(7),
        starts_at: `${String(7 + rnd(14)).padStart(2, '0')}:${rnd(2) ? '00' : '30'}`,
        ends_at: '22:00',
        interval_weeks: 1 + rnd(4),
        valid_from: rnd(2) ? dayOf(base, rnd(40) - 20) : null,
        valid_to: rnd(2) ? dayOf(base, rnd(30) - 3) : null,
      }));
      const from = { date: dayOf(base, 0), time: `${String(rnd(24)).padStart(2, '0')}:15` };
      expect(nextSession(schedules, from)).toEqual(nextSessionByStrings(schedules, from));
    }
  });

  it('reads the clock once a minute, and a new minute anew (also at the change to summer time)', () => {
    const first = copenhagenNow(new Date('2026-03-29T00:59:10Z'));
    expect(first).toEqual({ date: '2026-03-29', time: '01:59' });
    first.time = 'changed by a caller';
    expect(copenhagenNow(new Date('2026-03-29T00:59:50Z'))).toEqual({
      date: '2026-03-29',
      time: '01:59',
    });
    expect(copenhagenNow(new Date('2026-03-29T01:00:05Z'))).toEqual({
      date: '2026-03-29',
      time: '03:00',
    });
  });

  it('reads the Copenhagen wall clock across daylight saving', () => {
    expect(copenhagenNow(new Date('2026-07-01T22:30:00Z'))).toEqual({
      date: '2026-07-02',
      time: '00:30',
    });
    expect(copenhagenNow(new Date('2026-12-01T22:30:00Z'))).toEqual({
      date: '2026-12-01',
      time: '23:30',
    });
  });
});

describe('relevance rules (decision 0011)', () => {
  it('reads the sort order from the URL and ignores unknown values', () => {
    expect(parseFinderQuery({ sortering: 'afstand' }).query.sort).toBe('distance');
    expect(parseFinderQuery({ sortering: 'tid' }).query.sort).toBe('next');
    expect(parseFinderQuery({ sortering: 'relevans' }).query.sort).toBe('relevance');
    expect(parseFinderQuery({ sortering: 'constructor' }).query.sort).toBeNull();
    expect(parseFinderQuery({}).query.sort).toBeNull();
  });

  it('defaults to relevance with words, distance with only a place, and never distance without one', () => {
    const q = (raw: Record<string, string>) => parseFinderQuery(raw).query;
    expect(effectiveSort(q({ q: 'yoga' }), true)).toBe('relevance');
    expect(effectiveSort(q({ postnummer: '4000' }), true)).toBe('distance');
    expect(effectiveSort(q({ q: 'yoga', sortering: 'afstand' }), false)).toBe('relevance');
    expect(effectiveSort(q({ q: 'yoga', sortering: 'tid' }), false)).toBe('next');
  });

  it('drops Danish stop words, widens a word with its related words, and marks idioms', () => {
    const terms = searchTerms('Motion for ældre');
    expect(terms.map((t) => t.word)).toEqual(['motion', 'ældre']);
    expect(terms[0]!.related).toContain('træning');
    expect(terms[1]!.related).toContain('senior');
    const [gang] = searchTerms('gang');
    expect(gang!.related).toContain('gåtur');
    expect(gang!.idiom).toMatch(/gange/);
    // A simple inflection finds the list's word; a stop word alone is still searched.
    expect(searchTerms('seniorer')[0]!.related).toContain('ældre');
    expect(searchTerms('for').map((t) => t.word)).toEqual(['for']);
    expect(searchTerms('yoga')[0]!.idiom).toBeNull();
  });

  it('builds tsqueries from letters and digits only, with weights and prefixes', () => {
    expect(orQuery(['gang'], { prefix: false, weight: 'A' })).toBe('gang:A');
    expect(orQuery(['gåtur', 'stavgang'], { prefix: true, weight: 'C' })).toBe(
      'gåtur:*C | stavgang:*C',
    );
    expect(orQuery(['gang'], { prefix: false })).toBe('gang');
    const terms = searchTerms("kræft & ' | !diabetes");
    expect(filterQuery(terms, 'all')).toBe(
      '(kræft:* | cancer:*) & (diabetes:* | sukkersyge:* | blodsukker:*)',
    );
    expect(filterQuery(terms, 'any')).toContain(') | (');
  });

  it('ranks titles above summaries above descriptions, whole words above prefixes above related words', () => {
    const points = MATCH_TIERS.map((t) => t.points);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
    const at = (field: string, kind: string) =>
      MATCH_TIERS.find((t) => t.field === field && t.kind === kind)!.points;
    for (const kind of ['word', 'prefix', 'related'])
      expect(at('title', kind)).toBeGreaterThan(at('summary', kind));
    for (const kind of ['word', 'prefix'])
      expect(at('summary', kind)).toBeGreaterThan(at('description', kind));
    for (const field of ['title', 'summary', 'description'])
      expect(at(field, 'word')).toBeGreaterThan(at(field, 'prefix'));
  });

  it('blends text with distance: a title 10 km away beats a description next door', () => {
    expect(distanceFactor(0)).toBe(1);
    expect(distanceFactor(5000)).toBe(0.5);
    expect(distanceFactor(null)).toBe(0.5);
    expect(blendedScore(10, 10_000, true)).toBeGreaterThan(blendedScore(2, 0, true));
    expect(blendedScore(6, 200, true)).toBeGreaterThan(blendedScore(7, 2800, true));
    expect(blendedScore(6, 99_000, false)).toBe(6);
  });

  it('says why an offer matched, naming the related word the title shows', () => {
    const terms = searchTerms('motion ældre');
    const title = MATCH_TIERS.findIndex((t) => t.field === 'title' && t.kind === 'related') + 1;
    const summary = MATCH_TIERS.findIndex((t) => t.field === 'summary' && t.kind === 'word') + 1;
    expect(
      matchReasons(terms, [summary, title], {
        title: 'Styrketræning for seniorer',
        summary: 'Motion to gange om ugen',
      }),
    ).toEqual([
      { field: 'title', words: [{ word: 'senior', forTerm: 'ældre' }] },
      { field: 'summary', words: [{ word: 'motion', forTerm: null }] },
    ]);
    expect(matchReasons(terms, [0, 0], { title: 'x', summary: 'y' })).toEqual([]);
  });
});
