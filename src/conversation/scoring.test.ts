import { describe, expect, it } from 'vitest';
import { applicableItems, defineInstrument, type Answers, type Instrument } from './instrument.ts';
import {
  activity,
  alcoholUnits,
  auditC,
  diet,
  healthLiteracy,
  INSTRUMENTS,
  loneliness,
  motivation,
  pss10,
  selfRatedHealth,
  sleep,
  smoking,
  socialNeeds,
  who5,
} from './instruments/index.ts';
import { scoreInstrument } from './scoring.ts';

const D = { declined: true } as const;

/** Answers for items `${prefix}1..n` from option codes. */
function choices(prefix: string, codes: readonly string[]): Record<string, { code: string }> {
  return Object.fromEntries(codes.map((c, i) => [`${prefix}${i + 1}`, { code: c }]));
}

const band = (inst: Instrument, answers: Answers, ctx = {}) =>
  scoreInstrument(inst, answers, ctx).band?.id;

describe('the library', () => {
  it('parses, has unique ids, Danish and English text everywhere', () => {
    expect(new Set(INSTRUMENTS.map((i) => i.id)).size).toBe(INSTRUMENTS.length);
    for (const inst of INSTRUMENTS) {
      for (const item of inst.items) {
        expect(item.text.en, `${inst.id}/${item.id}`).toBeTruthy();
        for (const o of item.options)
          expect(o.label.en, `${inst.id}/${item.id}/${o.code}`).toBeTruthy();
      }
    }
  });

  it('flags licences and wording to check before shipping', () => {
    expect(who5.licence.checkBeforeShipping).toBe(true);
    expect(who5.wordingNote).toMatch(/official Danish/);
    expect(auditC.licence.checkBeforeShipping).toBe(true);
    expect(pss10.licence.checkBeforeShipping).toBe(true);
    expect(loneliness.licence.checkBeforeShipping).toBe(true);
  });

  it('rejects appliesIf to a later item, duplicate ids and the reserved declined code', () => {
    const base = {
      id: 'x',
      version: '1',
      title: { da: 'x', en: 'x' },
      domain: 'sleep' as const,
      source: 's',
      licence: { text: 't', checkBeforeShipping: false },
      scoring: { kind: 'none' as const },
    };
    const opts = [{ code: 'a', label: { da: 'a' } }];
    expect(() =>
      defineInstrument({
        ...base,
        items: [
          {
            id: 'a',
            kind: 'choice',
            text: { da: 'a' },
            options: opts,
            appliesIf: { itemId: 'b', anyOf: ['a'] },
          },
          { id: 'b', kind: 'choice', text: { da: 'b' }, options: opts },
        ],
      }),
    ).toThrow(/earlier item/);
    expect(() =>
      defineInstrument({
        ...base,
        items: [
          { id: 'a', kind: 'choice', text: { da: 'a' }, options: opts },
          { id: 'a', kind: 'choice', text: { da: 'b' }, options: opts },
        ],
      }),
    ).toThrow(/duplicate/);
    expect(() =>
      defineInstrument({
        ...base,
        items: [
          {
            id: 'a',
            kind: 'choice',
            text: { da: 'a' },
            options: [{ code: 'declined', label: { da: 'x' } }],
          },
        ],
      }),
    ).toThrow(/reserved/);
  });

  it('requires Danish text', () => {
    const base = {
      id: 'x',
      version: '1',
      title: { da: 'x', en: 'x' },
      domain: 'sleep' as const,
      source: 's',
      licence: { text: 't', checkBeforeShipping: false },
      scoring: { kind: 'none' as const },
    };
    expect(() =>
      defineInstrument({
        ...base,
        items: [{ id: 'a', kind: 'text', text: { en: 'only English' } as never }],
      }),
    ).toThrow();
  });
});

describe('WHO-5', () => {
  // raw 7 -> 28, raw 8 -> 32 (no raw sum gives 29..31 or 49; the bands are on the x4 score)
  it.each([
    [['2', '2', '2', '1', '0'], 28, 'likelyDepression'],
    [['2', '2', '2', '1', '1'], 32, 'poor'],
    [['3', '3', '3', '2', '1'], 48, 'poor'],
    [['3', '3', '3', '2', '2'], 52, 'good'],
    [['0', '0', '0', '0', '0'], 0, 'likelyDepression'],
    [['5', '5', '5', '5', '5'], 100, 'good'],
  ])('%j scores %i (%s)', (codes, score, bandId) => {
    const r = scoreInstrument(who5, choices('who5-', codes));
    expect(r).toMatchObject({ score, scored: true, missing: [] });
    expect(r.band?.id).toBe(bandId);
  });

  it('bands the x4 score at 28/29 and 49/50', () => {
    const s = who5.scoring;
    if (s.kind !== 'sum') throw new Error('sum');
    const at = (n: number) =>
      s.bands.find((b) => n >= (b.min ?? -Infinity) && n <= (b.max ?? Infinity))?.id;
    expect([at(28), at(29), at(49), at(50)]).toEqual(['likelyDepression', 'poor', 'poor', 'good']);
  });

  it('a declined item gives "not scored", not a low score', () => {
    const r = scoreInstrument(who5, { ...choices('who5-', ['5', '5', '5', '5']), 'who5-5': D });
    expect(r).toMatchObject({ scored: false, score: null, band: null, missing: ['who5-5'] });
    expect(scoreInstrument(who5, {}).scored).toBe(false);
  });
});

describe('smoking', () => {
  it.each([
    ['never', undefined, 'never'],
    ['former', undefined, 'former'],
    ['occasional', 20, 'occasional'],
    ['daily', 14, 'daily'],
    ['daily', 15, 'heavy'],
  ])('%s with %s a day is %s', (status, n, bandId) => {
    const answers: Answers = {
      'smoking-status': { code: status },
      ...(n === undefined ? {} : { 'smoking-per-day': { value: n } }),
    };
    expect(band(smoking, answers)).toBe(bandId);
  });

  it('asks the amount only of smokers', () => {
    expect(
      applicableItems(smoking, { 'smoking-status': { code: 'never' } }).map((i) => i.id),
    ).toEqual(['smoking-status']);
    expect(applicableItems(smoking, { 'smoking-status': { code: 'daily' } })).toHaveLength(2);
    expect(applicableItems(smoking, {})).toHaveLength(1);
  });

  it('a declined amount keeps the status and lists the amount as missing', () => {
    const r = scoreInstrument(smoking, {
      'smoking-status': { code: 'daily' },
      'smoking-per-day': D,
    });
    expect(r).toMatchObject({ scored: true, score: null, missing: ['smoking-per-day'] });
    expect(r.band?.id).toBe('daily');
  });

  it('a declined status is not scored', () => {
    expect(scoreInstrument(smoking, { 'smoking-status': D })).toMatchObject({
      scored: false,
      missing: ['smoking-status'],
    });
  });
});

describe('alcohol units against the 2022 limits (10 a week, 4 a day)', () => {
  const a = (week: number, day: number): Answers => ({
    'alcohol-week': { value: week },
    'alcohol-max-day': { value: day },
  });
  it.each([
    [10, 4, 'within'],
    [11, 4, 'above'],
    [10, 5, 'above'],
    [0, 0, 'within'],
  ])('%i a week, %i on one day: %s', (w, d, bandId) => {
    expect(band(alcoholUnits, a(w, d), { age: 30 })).toBe(bandId);
  });

  it('under 18 any alcohol is above the recommendation', () => {
    expect(band(alcoholUnits, a(1, 1), { age: 17 })).toBe('underAge');
    expect(band(alcoholUnits, a(0, 0), { age: 17 })).toBe('within');
    expect(band(alcoholUnits, a(1, 1), { age: 18 })).toBe('within');
  });

  it('one declined answer: above if the other is above, otherwise not scored', () => {
    expect(
      scoreInstrument(alcoholUnits, { 'alcohol-week': D, 'alcohol-max-day': { value: 6 } }),
    ).toMatchObject({ scored: true, missing: ['alcohol-week'] });
    expect(
      scoreInstrument(alcoholUnits, { 'alcohol-week': D, 'alcohol-max-day': { value: 3 } }),
    ).toMatchObject({ scored: false, missing: ['alcohol-week'] });
  });

  it('states the Danish unit (12 g) against the US drink (14 g)', () => {
    expect(alcoholUnits.items[0]?.note?.da).toMatch(/12 g/);
    expect(auditC.items[0]?.note?.en).toMatch(/14 g/);
  });
});

describe('AUDIT-C (positive at 4 men, 3 women)', () => {
  const a = (q1: string, q2: string, q3: string) => ({
    'auditc-1': { code: q1 },
    'auditc-2': { code: q2 },
    'auditc-3': { code: q3 },
  });
  const three = a('2-4-month', '3-4', 'never'); // 2 + 1 + 0
  const four = a('2-4-month', '3-4', 'less-monthly'); // 2 + 1 + 1
  const two = a('2-4-month', '1-2', 'never'); // 2 + 0 + 0

  it('scores 0-12', () => {
    expect(scoreInstrument(auditC, three).score).toBe(3);
    expect(scoreInstrument(auditC, a('4plus-week', '10plus', 'daily')).score).toBe(12);
  });
  it('men: 3 negative, 4 positive', () => {
    expect(band(auditC, three, { sex: 'male' })).toBe('negative');
    expect(band(auditC, four, { sex: 'male' })).toBe('positive');
  });
  it('women: 2 negative, 3 positive', () => {
    expect(band(auditC, two, { sex: 'female' })).toBe('negative');
    expect(band(auditC, three, { sex: 'female' })).toBe('positive');
  });
  it('unknown sex uses the lower cut-off and says so', () => {
    const r = scoreInstrument(auditC, three);
    expect(r.band?.id).toBe('positive');
    expect(r.reasons.join(' ')).toMatch(/lower cut-off 3/);
  });
  it('"never" skips items 2 and 3 and scores 0', () => {
    expect(applicableItems(auditC, { 'auditc-1': { code: 'never' } })).toHaveLength(1);
    expect(scoreInstrument(auditC, { 'auditc-1': { code: 'never' } })).toMatchObject({
      score: 0,
      scored: true,
      missing: [],
    });
  });
  it('a declined item is not scored', () => {
    expect(scoreInstrument(auditC, { ...four, 'auditc-3': D }, { sex: 'male' })).toMatchObject({
      scored: false,
      missing: ['auditc-3'],
    });
  });
});

describe('physical activity (150 min a week WHO, 30 min a day DK)', () => {
  const a = (level: string, minutes?: number): Answers => ({
    'activity-level': { code: level },
    ...(minutes === undefined ? {} : { 'activity-minutes': { value: minutes } }),
  });
  it.each([
    ['2', 149, 'below'],
    ['1', 149, 'sedentary'],
    ['2', 150, 'meetsWho'],
    ['3', 209, 'meetsWho'],
    ['3', 210, 'meetsDk'],
    ['1', 300, 'meetsDk'],
  ])('level %s, %i min: %s', (level, minutes, bandId) => {
    expect(band(activity, a(level, minutes))).toBe(bandId);
  });
  it('minutes declined: level 1 is sedentary, other levels are not scored', () => {
    expect(band(activity, { ...a('1'), 'activity-minutes': D })).toBe('sedentary');
    expect(scoreInstrument(activity, { ...a('3'), 'activity-minutes': D })).toMatchObject({
      scored: false,
      missing: ['activity-minutes'],
    });
  });
});

describe('diet against Fødevarestyrelsen', () => {
  const a = (fv: string, fish: string, wg: string): Answers => ({
    'diet-fruitveg': { code: fv },
    'diet-fish': { code: fish },
    'diet-wholegrain': { code: wg },
  });
  it.each([
    [a('0-1', 'rarely', 'rarely'), 0, 'farFrom'],
    [a('6plus', '1-week', 'sometimes'), 1, 'farFrom'],
    [a('6plus', '2plus-week', 'sometimes'), 2, 'partly'],
    [a('6plus', '2plus-week', 'daily'), 3, 'meets'],
    [a('4-5', '2plus-week', 'daily'), 2, 'partly'],
  ])('%j meets %i', (answers, score, bandId) => {
    const r = scoreInstrument(diet, answers);
    expect(r.score).toBe(score);
    expect(r.band?.id).toBe(bandId);
  });
  it('declined is not scored', () => {
    expect(
      scoreInstrument(diet, { ...a('6plus', '2plus-week', 'daily'), 'diet-fish': D }).scored,
    ).toBe(false);
  });
});

describe('single items: sleep, self-rated health, health literacy', () => {
  it('sleep', () => {
    expect(band(sleep, { 'sleep-bother': { code: 'no' } })).toBe('none');
    expect(band(sleep, { 'sleep-bother': { code: 'little' } })).toBe('some');
    expect(band(sleep, { 'sleep-bother': { code: 'very' } })).toBe('much');
    expect(scoreInstrument(sleep, { 'sleep-bother': D }).scored).toBe(false);
  });
  it('self-rated health: good is the top three', () => {
    expect(
      ['excellent', 'very-good', 'good', 'fair', 'poor'].map((c) =>
        band(selfRatedHealth, { srh: { code: c } }),
      ),
    ).toEqual(['good', 'good', 'good', 'notGood', 'notGood']);
  });
  it('health literacy: limited from "sometimes"', () => {
    expect(
      ['never', 'rarely', 'sometimes', 'often', 'always'].map((c) =>
        band(healthLiteracy, { sils: { code: c } }),
      ),
    ).toEqual(['adequate', 'adequate', 'limited', 'limited', 'limited']);
    expect(scoreInstrument(healthLiteracy, { sils: D }).scored).toBe(false);
  });
});

describe('Three-Item Loneliness Scale (3-9, severe >= 7)', () => {
  it.each([
    [['hardly', 'hardly', 'hardly'], 3, 'notSevere'],
    [['often', 'often', 'hardly'], 7, 'severe'],
    [['often', 'some', 'hardly'], 6, 'notSevere'],
    [['often', 'often', 'often'], 9, 'severe'],
  ])('%j = %i', (codes, score, bandId) => {
    const r = scoreInstrument(loneliness, choices('lonely-', codes));
    expect(r.score).toBe(score);
    expect(r.band?.id).toBe(bandId);
  });
  it('declined is not scored', () => {
    expect(
      scoreInstrument(loneliness, { ...choices('lonely-', ['often', 'often']), 'lonely-3': D })
        .scored,
    ).toBe(false);
  });
});

describe('PSS-10 (items 4, 5, 7, 8 reversed; high >= 18)', () => {
  it('reverses items 4, 5, 7 and 8', () => {
    expect(pss10.items.filter((i) => i.reversed).map((i) => i.id)).toEqual([
      'pss-4',
      'pss-5',
      'pss-7',
      'pss-8',
    ]);
    // all "never": 6 plain items give 0, 4 reversed items give 4 each
    expect(scoreInstrument(pss10, choices('pss-', Array<string>(10).fill('0'))).score).toBe(16);
    expect(scoreInstrument(pss10, choices('pss-', Array<string>(10).fill('4'))).score).toBe(24);
  });
  it('0 and 40 are the extremes', () => {
    expect(
      scoreInstrument(pss10, choices('pss-', ['0', '0', '0', '4', '4', '0', '4', '4', '0', '0']))
        .score,
    ).toBe(0);
    expect(
      scoreInstrument(pss10, choices('pss-', ['4', '4', '4', '0', '0', '4', '0', '0', '4', '4']))
        .score,
    ).toBe(40);
  });
  it('17 is not high, 18 is high', () => {
    const seventeen = choices('pss-', ['1', '0', '0', '0', '0', '0', '0', '0', '0', '0']); // 1 + 16
    const eighteen = choices('pss-', ['2', '0', '0', '0', '0', '0', '0', '0', '0', '0']); // 2 + 16
    expect(scoreInstrument(pss10, seventeen)).toMatchObject({ score: 17, band: { id: 'notHigh' } });
    expect(scoreInstrument(pss10, eighteen)).toMatchObject({ score: 18, band: { id: 'high' } });
  });
  it('a declined reversed item is missing, not scored as 4', () => {
    const r = scoreInstrument(pss10, {
      ...choices('pss-', Array<string>(10).fill('0')),
      'pss-4': D,
    });
    expect(r).toMatchObject({ scored: false, missing: ['pss-4'] });
  });
});

describe('social needs', () => {
  const none: Answers = {
    'needs-housing': { code: 'stable' },
    'needs-housing-quality': { code: 'no' },
    'needs-food': { code: 'never' },
    'needs-money': { code: 'not-hard' },
    'needs-transport': { code: 'no' },
    'needs-hurt': { code: 'never' },
    'needs-safe-home': { code: 'yes' },
  };
  it('no needs', () => {
    expect(scoreInstrument(socialNeeds, none)).toMatchObject({
      scored: true,
      score: 0,
      flags: [],
      band: { id: 'none' },
    });
  });
  it.each(['rarely', 'sometimes', 'fairly-often', 'often'])(
    '"physically hurt" %s always flags',
    (code) => {
      expect(scoreInstrument(socialNeeds, { ...none, 'needs-hurt': { code } })).toMatchObject({
        flags: ['needs-hurt'],
        band: { id: 'need' },
      });
    },
  );
  it('flags each positive answer', () => {
    const r = scoreInstrument(socialNeeds, {
      ...none,
      'needs-food': { code: 'sometimes' },
      'needs-money': { code: 'very-hard' },
    });
    expect(r.flags).toEqual(['needs-food', 'needs-money']);
    expect(r.score).toBe(2);
  });
  it('skips housing quality for people without a home; declined items do not hide a need', () => {
    const r = scoreInstrument(socialNeeds, { 'needs-housing': { code: 'none' }, 'needs-food': D });
    expect(r.flags).toEqual(['needs-housing']);
    expect(r.missing).not.toContain('needs-housing-quality');
    expect(r.missing).toContain('needs-food');
  });
  it('all declined is not scored', () => {
    expect(scoreInstrument(socialNeeds, { 'needs-housing': D }).scored).toBe(false);
  });
});

describe('unscored instruments and skip logic', () => {
  it('motivation is not scored and asks "why not lower?" only above 0', () => {
    expect(scoreInstrument(motivation, { importance: { code: '5' } }).scored).toBe(false);
    const ids = (a: Answers) => applicableItems(motivation, a).map((i) => i.id);
    expect(ids({ importance: { code: '0' }, confidence: { code: '3' } })).toEqual([
      'importance',
      'confidence',
      'confidence-why',
    ]);
    expect(ids({ importance: D })).toEqual(['importance', 'confidence']);
  });
});

describe('sum scoring with missing items allowed', () => {
  const opts = [0, 1, 2].map((n) => ({ code: String(n), label: { da: String(n) }, score: n }));
  const inst = defineInstrument({
    id: 'test-prorate',
    version: '1',
    title: { da: 't', en: 't' },
    domain: 'stress',
    source: 's',
    licence: { text: 't', checkBeforeShipping: false },
    items: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      kind: 'choice' as const,
      text: { da: id },
      options: opts,
    })),
    scoring: { kind: 'sum', maxMissing: 1, bands: [{ id: 'any', label: { da: 'x', en: 'x' } }] },
  });
  it('prorates one missing item and says so', () => {
    const r = scoreInstrument(inst, { a: { code: '2' }, b: { code: '2' }, c: { code: '1' }, d: D });
    expect(r).toMatchObject({ scored: true, score: 7, missing: ['d'] }); // 5 / 3 * 4 = 6.67 -> 7
    expect(r.reasons.join(' ')).toMatch(/Prorated/);
  });
  it('two missing is not scored', () => {
    expect(scoreInstrument(inst, { a: { code: '2' }, b: { code: '2' } })).toMatchObject({
      scored: false,
      score: null,
      missing: ['c', 'd'],
    });
  });
  it('an unknown code or a number for a choice item counts as missing', () => {
    expect(
      scoreInstrument(inst, {
        a: { code: '9' },
        b: { value: 2 },
        c: { code: '1' },
        d: { code: '1' },
      }).scored,
    ).toBe(false);
  });
});
