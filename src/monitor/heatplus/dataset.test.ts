import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyOf, settingCode, settingName, templateDataset } from './dataset.ts';
import { readTemplateCsv } from './template.read.ts';
import { TEMPLATE_COLUMNS } from './template.ts';
import { formatTemplateProblem } from './template.validate.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const base: Record<string, string> = {
  setting: 'Roskilde',
  date: '2021',
  source: 'Registre',
  indicator_abbr: 'ryg',
  indicator_name: 'Daglig rygning (%)',
  dimension: 'Uddannelse',
  subgroup: 'Grundskole',
  estimate: '20',
  se: '1.5',
  ci_lb: '',
  ci_ub: '',
  population: '1000',
  note: '',
  setting_average: '',
  iso3: 'DNK',
  favourable_indicator: '0',
  indicator_scale: '100',
  ordered_dimension: '1',
  subgroup_order: '1',
  reference_subgroup: '0',
};
const csv = (rows: Record<string, string>[]) =>
  [
    TEMPLATE_COLUMNS.join(','),
    ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? '').join(',')),
  ].join('\n');
const pair = (over: Record<string, string> = {}) => [
  { ...base, ...over },
  {
    ...base,
    subgroup: 'Videregående',
    estimate: '10',
    population: '3000',
    subgroup_order: '2',
    ...over,
  },
];
const map = (rows: Record<string, string>[]) => templateDataset(readTemplateCsv(csv(rows)));
const errorsOf = (r: ReturnType<typeof map>) => r.problems.filter((p) => p.severity === 'error');

describe('a HEAT Plus template as a monitor dataset', () => {
  it('maps the national smoking file by region: Denmark, one non-ordered dimension, derived se', () => {
    const r = templateDataset(readTemplateCsv(fixture('smoking-region.csv')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { codebook, estimates, years } = r.dataset;
    expect(years).toEqual([2021]);
    expect(codebook.indicators.map((i) => [i.key, i.label.da, i.favourable])).toEqual([
      ['dagligryg', 'Daglig rygning, 16+ år (%)', false],
    ]);
    const [dim] = codebook.dimensions;
    expect(dim?.key).toBe('region');
    expect(dim?.ordered).toBe(false);
    expect(dim?.reference).toBe('Region Hovedstaden');
    expect(dim?.categories.map((c) => c.code)).toHaveLength(5);
    expect(codebook.source).toBe('Den Nationale Sundhedsprofil');
    expect(codebook.name.da).toBe('Den Nationale Sundhedsprofil (HEAT Plus-fil)');
    // Five subgroups and the setting average, all in Denmark.
    expect(estimates).toHaveLength(6);
    expect(new Set(estimates.map((e) => e.area))).toEqual(new Set(['DK']));
    const sjaelland = estimates.find((e) => e.category === 2)!;
    expect(sjaelland).toMatchObject({ estimate: 19.5, se: null, lower: 18.4, upper: 20.6 });
    expect(sjaelland.population).toBe(840000);
    const average = estimates.find((e) => e.category === 0)!;
    expect(average).toMatchObject({ estimate: 16.6, se: null, lower: null, population: 5870000 });
  });

  it('maps the demo register file: municipalities, region and country, two dimensions', () => {
    const r = templateDataset(readTemplateCsv(fixture('demo-registers.csv')), {
      name: 'Demo',
      synthetic: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { codebook, estimates } = r.dataset;
    expect(codebook.name).toEqual({ da: 'Demo', en: 'Demo' });
    expect(codebook.synthetic).toBe(true);
    expect(new Set(estimates.map((e) => e.area))).toEqual(new Set(['0265', '0350', '1085', 'DK']));
    expect(codebook.dimensions.map((d) => [d.key, d.ordered])).toEqual([
      ['foraeldres_uddannelse', true],
      ['herkomst', false],
    ]);
    expect(codebook.dimensions[0]?.categories.map((c) => c.code)).toEqual([
      'Grundskole',
      'Erhvervsfaglig uddannelse',
      'Videregående uddannelse',
    ]);
    expect(r.dataset.years).toEqual([2019, 2023]);
    expect(r.dataset.rowCount).toBe(72);
  });

  it('refuses a setting the monitor does not know, naming line and column in both languages', () => {
    const r = templateDataset(readTemplateCsv(fixture('anc-wealth.csv')));
    expect(r.ok).toBe(false);
    const [first] = errorsOf(r);
    expect(first).toMatchObject({ line: 2, column: 'setting' });
    expect(formatTemplateProblem(first!, 'da')).toContain(
      'Linje 2, kolonne «setting»: «Ghana» er hverken en dansk kommune',
    );
    expect(formatTemplateProblem(first!, 'en')).toContain(
      'Line 2, column «setting»: «Ghana» is neither a Danish municipality',
    );
    // One problem per unknown setting, not one per row.
    expect(errorsOf(r)).toHaveLength(1);
  });

  it('passes the template’s own problems through, with nothing stored', () => {
    const r = map(pair({ estimate: 'mange' }));
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatchObject({ line: 2, column: 'estimate' });
  });

  it('takes percentages and proportions, and refuses other scales by line and column', () => {
    const proportion = map(
      pair({ indicator_scale: '1', estimate: '0.2', se: '0.01', setting_average: '0.125' }),
    );
    expect(proportion.ok).toBe(true);
    if (proportion.ok) {
      const e = proportion.dataset.estimates;
      expect(e.find((x) => x.category === 1)).toMatchObject({ estimate: 20, se: 1 });
      expect(e.find((x) => x.category === 0)?.estimate).toBe(12.5);
    }
    const rate = map(pair({ indicator_scale: '1000' }));
    expect(rate.ok).toBe(false);
    expect(errorsOf(rate)[0]).toMatchObject({ line: 2, column: 'indicator_scale' });
    expect(errorsOf(rate)[0]?.da).toContain('skalaen 1000 kan ikke indlæses');
  });

  it('computes the setting average as the population-weighted mean when the file has none', () => {
    const r = map(pair());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const avg = r.dataset.estimates.find((e) => e.category === 0)!;
    expect(avg.estimate).toBeCloseTo((20 * 1000 + 10 * 3000) / 4000, 10);
    expect(avg.population).toBe(4000);
    expect(avg.line).toBe(0);
  });

  it('refuses a subgroup whose order changes between groups', () => {
    const r = map([
      ...pair(),
      ...pair({ date: '2022' }).map((row) => ({
        ...row,
        subgroup_order: row.subgroup === 'Grundskole' ? '2' : '1',
      })),
    ]);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatchObject({ line: 4, column: 'subgroup_order' });
  });

  it('refuses the same place, year, indicator and dimension twice (a name and a code)', () => {
    const r = map([...pair(), ...pair({ setting: '0265' })]);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatchObject({ line: 4, column: 'setting' });
    expect(errorsOf(r)[0]?.en).toContain('is already on line 2');
  });

  it('refuses a dimension with one subgroup in the whole file', () => {
    const r = map([{ ...base }]);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).some((p) => p.column === 'subgroup' && p.line === 2)).toBe(true);
  });

  it('refuses an indicator named differently in two places', () => {
    const r = map([...pair(), ...pair({ date: '2022', indicator_name: 'Rygning' })]);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatchObject({ line: 4, column: 'indicator_name' });
  });

  it('knows municipalities by name or code, regions and the country', () => {
    expect(settingCode('Roskilde')).toBe('0265');
    expect(settingCode('Roskilde Kommune')).toBe('0265');
    expect(settingCode('265')).toBe('0265');
    expect(settingCode('Københavns Kommune')).toBe('0101');
    expect(settingCode('Region Sjælland')).toBe('1085');
    expect(settingCode('Region Zealand')).toBe('1085');
    expect(settingCode('Danmark')).toBe('DK');
    expect(settingCode('DNK')).toBe('DK');
    expect(settingCode('Ghana')).toBeUndefined();
    expect(settingName('1085').da).toBe('Region Sjælland');
    expect(settingName('DK')).toEqual({ da: 'Hele landet', en: 'All of Denmark' });
  });

  it('makes machine keys from names, unique and valid', () => {
    const taken = new Set<string>();
    expect(keyOf('Forældres uddannelse', taken)).toBe('foraeldres_uddannelse');
    expect(keyOf('Forældres  uddannelse!', taken)).toBe('foraeldres_uddannelse_2');
    expect(keyOf('2. stik', taken)).toBe('x_2_stik');
    expect(keyOf('???', taken)).toBe('x');
  });
});
