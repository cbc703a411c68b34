import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook, type Respondent } from '../microdata/codebook.ts';
import { KOMMUNER } from '../microdata/kommuner.ts';
import { nationalTargets, SST_2009_TABLE_1, WAVES, type Table1Group } from './calibration.ts';
import { solveShift } from './calibrate.ts';
import { demoCodebook, generateSurvey } from './generate.ts';
import { buildModel, groupOf, linear, outcomeKeys, populationSample } from './model.ts';
import { allocate } from './municipalities.ts';

const codebook = demoCodebook();
const dim = (key: string) => codebook.dimensions.findIndex((d) => d.key === key);
const ind = (key: string) => codebook.indicators.findIndex((i) => i.key === key);
const EDU = dim('uddannelse');
const WORK = dim('arbejdsmarked');

/** Table 1's groups read from the respondent's reported dimensions, as a planner would. */
function table1Group(r: Respondent): Table1Group | undefined {
  const work = r.dims[WORK];
  const edu = r.dims[EDU];
  if (work === 4) return 'foertidspension';
  if (work === 3) return 'kontanthjaelp';
  if (work === 2 && edu != null && edu <= 2) return 'arbejdsloese';
  return undefined;
}

function prevalence(
  rows: readonly Respondent[],
  k: number,
  keep: (r: Respondent) => boolean = () => true,
): number {
  let yes = 0;
  let all = 0;
  for (const r of rows) {
    const y = r.answers[k];
    if (y == null || !keep(r)) continue;
    yes += r.weight * y;
    all += r.weight;
  }
  return (100 * yes) / all;
}

// One full 2010 wave (the calibration wave) is shared by the calibration tests: ~1-2 s.
const wave2010 = [...generateSurvey(codebook, { waves: [2010] })];

describe('demoCodebook', () => {
  it('is a valid, synthetic codebook with a break and every Table-1 indicator', () => {
    expect(parseCodebook(codebook).ok).toBe(true);
    expect(codebook.synthetic).toBe(true);
    expect(codebook.name.da).toBe('Syntetisk national sundhedsundersøgelse (demo)');
    expect(codebook.source).toBe('Syntetiske data, kalibreret til Sundhedsstyrelsen 2009, tabel 1');
    expect(codebook.indicators[ind('ensom')]?.breaks).toEqual([
      {
        year: 2017,
        note: { da: 'Spørgsmålet blev ændret i 2017', en: 'The question was changed in 2017' },
      },
    ]);
    for (const r of SST_2009_TABLE_1) expect(ind(r.key), r.key).toBeGreaterThanOrEqual(0);
  });
});

describe('generateSurvey', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const small = { waves: [2010] as const, respondentsPerWave: 3_000 };
    const a = [...generateSurvey(codebook, { ...small, seed: 7 })];
    const b = [...generateSurvey(codebook, { ...small, seed: 7 })];
    const c = [...generateSurvey(codebook, { ...small, seed: 8 })];
    expect(a).toHaveLength(3_000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('produces well-formed rows: codes in range, weights summing to the adult population', () => {
    const sizes = codebook.dimensions.map((d) => d.categories.length);
    let weight = 0;
    let bad = 0;
    for (const r of wave2010) {
      // Plain checks: 180,000 rows is too many for one expect() per value.
      if (
        r.dims.length !== sizes.length ||
        r.answers.length !== codebook.indicators.length ||
        !(r.weight > 0)
      )
        bad++;
      r.dims.forEach((v, d) => {
        if (v !== null && !(v >= 1 && v <= (sizes[d] ?? 0))) bad++;
      });
      weight += r.weight;
    }
    expect(bad).toBe(0);
    expect(wave2010).toHaveLength(180_000);
    expect(wave2010.map((r) => r.line)).toEqual(wave2010.map((_, i) => i + 1));
    expect(weight / 1e6).toBeCloseTo(4.5, 1);
  });

  it('reproduces Sundhedsstyrelsen 2009 Table 1 nationally in 2010, every group within 2 points', () => {
    for (const row of SST_2009_TABLE_1) {
      const k = ind(row.key);
      expect(
        Math.abs(prevalence(wave2010, k) - row.percent.befolkning),
        `${row.key} befolkning`,
      ).toBeLessThanOrEqual(1);
      for (const g of ['foertidspension', 'kontanthjaelp', 'arbejdsloese'] as const) {
        const got = prevalence(wave2010, k, (r) => table1Group(r) === g);
        expect(
          Math.abs(got - row.percent[g]),
          `${row.key} ${g}: ${got.toFixed(1)} vs ${row.percent[g]}`,
        ).toBeLessThanOrEqual(2);
      }
    }
  });

  it('has social gradients: adverse outcomes fall and favourable rise from short to long education', () => {
    for (const i of codebook.indicators) {
      if (['hoejt_alkohol', 'helbredstjek'].includes(i.key)) continue; // flat by design, as in the real data
      const k = ind(i.key);
      const short = prevalence(wave2010, k, (r) => r.dims[EDU] === 1);
      const long = prevalence(wave2010, k, (r) => r.dims[EDU] === 4);
      if (i.favourable) expect(long, i.key).toBeGreaterThan(short);
      else expect(short, i.key).toBeGreaterThan(long);
    }
  });

  it('includes every municipality, with more respondents in larger ones, and 2-4 % missing answers', () => {
    const per = new Map<string, number>();
    let missing = 0;
    for (const r of wave2010) {
      per.set(r.area, (per.get(r.area) ?? 0) + 1);
      for (const a of r.answers) if (a === null) missing++;
    }
    expect([...per.keys()].sort()).toEqual(KOMMUNER.map((k) => k.code).sort());
    expect(per.get('0101')).toBeGreaterThan(10 * (per.get('0825') ?? 0));
    const share = missing / (wave2010.length * codebook.indicators.length);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
  });

  it('has municipal variation: Lolland smokes more than Gentofte', () => {
    const k = ind('dagligryger');
    const lolland = prevalence(wave2010, k, (r) => r.area === '0360');
    const gentofte = prevalence(wave2010, k, (r) => r.area === '0157');
    expect(lolland - gentofte).toBeGreaterThan(10);
  });

  it('follows the trends across waves: smoking falls, loneliness and stress rise; all areas in every wave', () => {
    const rows = [...generateSurvey(codebook, { respondentsPerWave: 20_000, seed: 3 })];
    const years = WAVES;
    expect(years).toEqual([2010, 2013, 2017, 2021, 2025]);
    for (const y of years) {
      const wave = rows.filter((r) => r.year === y);
      expect(wave).toHaveLength(20_000);
      expect(new Set(wave.map((r) => r.area)).size).toBe(98);
    }
    // Roskilde's extra 2025 sample: three times its usual share.
    const roskilde = (y: number) => rows.filter((r) => r.year === y && r.area === '0265').length;
    expect(roskilde(2025) / roskilde(2021)).toBeGreaterThan(2.5);
    const national = (key: string) =>
      years.map((y) => prevalence(rows, ind(key), (r) => r.year === y));
    const smoking = national('dagligryger');
    expect(smoking[3]).toBeLessThan((smoking[0] ?? 0) - 5);
    expect(smoking[4]).toBeLessThan(smoking[3] ?? 0);
    for (const key of ['ensom', 'stress']) {
      const p = national(key);
      expect(p[4], key).toBeGreaterThan((p[0] ?? 0) + 2);
      // And close to the calibration's own targets for each wave.
      const target = nationalTargets(key);
      years.forEach((y, i) =>
        expect(Math.abs((p[i] ?? 0) - (target?.[y] ?? 0)), `${key} ${y}`).toBeLessThan(1.5),
      );
    }
  });

  it('copes with a codebook that has an indicator and a dimension it does not know', () => {
    const extra: Codebook = {
      ...codebook,
      dimensions: [
        ...codebook.dimensions,
        {
          key: 'ukendt',
          column: 'ukendt',
          label: { da: 'Ukendt', en: 'Unknown' },
          kind: 'social',
          ordered: false,
          categories: [
            { code: 'a', label: { da: 'A', en: 'A' } },
            { code: 'b', label: { da: 'B', en: 'B' } },
          ],
          missing: [],
        },
      ],
      indicators: [
        ...codebook.indicators,
        {
          key: 'nyt_maal',
          column: 'nyt_maal',
          label: { da: 'Nyt', en: 'New' },
          favourable: false,
          yes: ['1'],
          no: ['0'],
          missing: [],
          breaks: [],
        },
      ],
    };
    const rows = [...generateSurvey(extra, { waves: [2021], respondentsPerWave: 5_000 })];
    expect(rows.every((r) => r.dims.at(-1) === null)).toBe(true);
    const p = prevalence(rows, extra.indicators.length - 1);
    expect(p).toBeGreaterThan(10);
    expect(p).toBeLessThan(20);
  });
});

describe('model', () => {
  it('hits Table 1 in expectation on a fresh population sample (no sampling noise), within 1.5 points', () => {
    const model = buildModel(outcomeKeys(codebook.indicators), [2010], 2009);
    const { people } = populationSample(2010, 80_000, 424242);
    const groups = people.map(groupOf);
    const columns = ['befolkning', 'foertidspension', 'kontanthjaelp', 'arbejdsloese'] as const;
    for (const row of SST_2009_TABLE_1) {
      const o = model.outcomes.find((x) => x.key === row.key);
      if (!o) throw new Error(row.key);
      const sum = [0, 0, 0, 0];
      const n = [0, 0, 0, 0];
      people.forEach((p, i) => {
        const g = groups[i] ?? 0;
        const q = 1 / (1 + Math.exp(-((o.intercept.get(2010) ?? 0) + o.offsets[g] + linear(o, p))));
        sum[0] = (sum[0] ?? 0) + q;
        n[0] = (n[0] ?? 0) + 1;
        if (g > 0) {
          sum[g] = (sum[g] ?? 0) + q;
          n[g] = (n[g] ?? 0) + 1;
        }
      });
      columns.forEach((c, g) => {
        const got = (100 * (sum[g] ?? 0)) / (n[g] ?? 1);
        expect(Math.abs(got - row.percent[c]), `${row.key} ${c}: ${got.toFixed(2)}`).toBeLessThan(
          1.5,
        );
      });
    }
  });
});

describe('helpers', () => {
  it('solveShift finds the logistic shift that hits a target sum', () => {
    const x = [-2, -1, 0, 1, 2];
    const c = solveShift(x, 1.5);
    expect(x.reduce((s, v) => s + 1 / (1 + Math.exp(-(v + c))), 0)).toBeCloseTo(1.5, 6);
    expect(() => solveShift(x, 5)).toThrow(RangeError);
  });
  it('allocate adds up exactly and gives every area at least its floor', () => {
    const counts = allocate(1_000, [100, 1, 1, 50]);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(1_000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
  });
});
