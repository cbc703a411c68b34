/**
 * A validated HEAT Plus template as a monitor dataset, pure: each setting becomes a place the
 * monitor knows (a municipality, a region or Denmark), the indicators and dimensions a codebook
 * (so the pages' pickers and labels work as for a survey), and each row an estimate with its
 * interval and population, in percent. Every problem names the line and column, in Danish and
 * English. Storage: dataset.store.ts; the tables the pages show: dataset-tables.ts.
 */
import {
  MAX_CATEGORIES,
  MAX_DIMENSIONS,
  MAX_INDICATORS,
  parseCodebook,
  type Codebook,
  type Label,
} from '../microdata/codebook.ts';
import { KOMMUNER, REGIONS, kommune, normaliseKommuneCode } from '../microdata/kommuner.ts';
import type { LocatedRow, TemplateColumn, TemplateGroup } from './template.ts';
import { hasErrors, type TemplateParse, type TemplateProblem } from './template.validate.ts';

/** The country's code among the settings (as the survey's suppression plan names it). */
export const COUNTRY_SETTING = 'DK';

/** One figure of the file: a subgroup (category >= 1) or the setting average (category 0). */
export interface HeatPlusEstimate {
  /** 1-based slots in the codebook's order. */
  indicator: number;
  dim: number;
  category: number;
  year: number;
  /** A municipality's four-digit code, a region's code (1081–1085) or 'DK'. */
  area: string;
  /** In percent (0–100), as every monitor figure. */
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  population: number | null;
  source: string;
  note: string;
  /** The file's line (0 for a setting average the file did not give). */
  line: number;
}

export interface HeatPlusDataset {
  codebook: Codebook;
  estimates: HeatPlusEstimate[];
  years: number[];
  /** The file's data rows. */
  rowCount: number;
}

export type TemplateDataset =
  | { ok: true; dataset: HeatPlusDataset; problems: TemplateProblem[] }
  | { ok: false; problems: TemplateProblem[] };

const COUNTRY_NAMES = new Set(['danmark', 'denmark', 'hele landet', 'all of denmark', 'dk', 'dnk']);

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(kommune|municipality of) /, '')
    .replace(/ (kommune|municipality|regionskommune)$/, '');

const SETTINGS = (() => {
  const m = new Map<string, string>();
  for (const k of KOMMUNER) {
    m.set(normal(k.name), k.code);
    // "Københavns Kommune", "Bornholms Regionskommune": the genitive form.
    m.set(`${normal(k.name)}s`, k.code);
  }
  for (const r of REGIONS) {
    m.set(normal(r.name.da), r.code);
    m.set(normal(r.name.en), r.code);
    m.set(r.code, r.code);
  }
  for (const c of COUNTRY_NAMES) m.set(c, COUNTRY_SETTING);
  return m;
})();

/** The monitor's code for a template setting: a municipality (name or code), a region or Denmark. */
export function settingCode(setting: string): string | undefined {
  const code = normaliseKommuneCode(setting);
  if (kommune(code)) return code;
  return SETTINGS.get(normal(setting));
}

/** A setting's name in the planner's language ("Roskilde", "Region Sjælland", "Hele landet"). */
export function settingName(code: string): Label {
  const k = kommune(code);
  if (k) return { da: k.name, en: k.name };
  const r = REGIONS.find((x) => x.code === code);
  if (r) return r.name;
  if (code === COUNTRY_SETTING) return { da: 'Hele landet', en: 'All of Denmark' };
  return { da: code, en: code };
}

/** Where a setting sits: 0 municipalities, 1 regions, 2 the country (the pickers' order). */
export const settingLevel = (code: string): 0 | 1 | 2 =>
  kommune(code) ? 0 : code === COUNTRY_SETTING ? 2 : 1;

/** A machine key from a name: "Mors uddannelse" → "mors_uddannelse", unique among `taken`. */
export function keyOf(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'x';
  const start = /^[a-z]/.test(base) ? base : `x_${base}`.slice(0, 36);
  let key = start;
  for (let k = 2; taken.has(key); k++) key = `${start}_${k}`;
  taken.add(key);
  return key;
}

const problem = (
  severity: 'error' | 'warning',
  line: number,
  column: TemplateColumn | undefined,
  da: string,
  en: string,
): TemplateProblem => ({ severity, line, ...(column ? { column } : {}), da, en });

const DEMOGRAPHIC = /^(alder|aldersgruppe|age|age group|køn|sex|gender)\b/i;

/**
 * Maps a validated template to a dataset. `name` labels it in the pickers (default: its
 * sources); `synthetic` marks demonstration data.
 */
export function templateDataset(
  parse: TemplateParse,
  opts: { name?: string; synthetic?: boolean } = {},
): TemplateDataset {
  const problems: TemplateProblem[] = [...parse.problems];
  if (hasErrors(problems)) return { ok: false, problems };
  const err = (line: number, column: TemplateColumn | undefined, da: string, en: string) =>
    problems.push(problem('error', line, column, da, en));

  // Settings: places the monitor knows.
  const areaOf = new Map<string, string>();
  for (const r of parse.rows) {
    if (areaOf.has(r.setting)) continue;
    const code = settingCode(r.setting);
    if (code) areaOf.set(r.setting, code);
    else {
      areaOf.set(r.setting, '');
      err(
        r.line,
        'setting',
        `«${r.setting}» er hverken en dansk kommune, en region eller Danmark; monitoren viser kun tal for dem (skriv fx «Roskilde», «0265», «Region Sjælland» eller «Danmark»).`,
        `«${r.setting}» is neither a Danish municipality, a region nor Denmark; the monitor shows figures for those only (write e.g. «Roskilde», «0265», «Region Sjælland» or «Danmark»).`,
      );
    }
  }
  // Scale: the monitor's figures are percentages.
  const factor = (r: LocatedRow): number | null => {
    if (r.indicator_scale === 100) return 1;
    if (r.indicator_scale === 1) return 100;
    return null;
  };
  const badScale = parse.rows.find((r) => factor(r) === null);
  if (badScale)
    err(
      badScale.line,
      'indicator_scale',
      `skalaen ${badScale.indicator_scale} kan ikke indlæses som datasæt: monitorens sider viser procent, så skalaen skal være 100 (procent) eller 1 (andel). Ulighedsmålene for andre skalaer kan beregnes under «Beregn ulighedsmål fra en HEAT Plus-fil».`,
      `the scale ${badScale.indicator_scale} cannot be loaded as a dataset: the monitor's pages show percentages, so the scale must be 100 (percent) or 1 (proportion). The measures for other scales can be computed under «Compute measures from a HEAT Plus file».`,
    );

  // Indicators, in the order they first appear; one name and direction each.
  const keys = new Set<string>();
  const indicators = new Map<string, { key: string; first: LocatedRow }>();
  for (const r of parse.rows) {
    const seen = indicators.get(r.indicator_abbr);
    if (!seen) {
      indicators.set(r.indicator_abbr, { key: keyOf(r.indicator_abbr, keys), first: r });
      continue;
    }
    for (const c of ['indicator_name', 'favourable_indicator', 'indicator_scale'] as const)
      if (r[c] !== seen.first[c])
        err(
          r.line,
          c,
          `indikatoren «${r.indicator_abbr}» har «${String(seen.first[c])}» i linje ${seen.first.line}; den skal være den samme i hele filen.`,
          `the indicator «${r.indicator_abbr}» has «${String(seen.first[c])}» on line ${seen.first.line}; it must be the same throughout the file.`,
        );
  }

  // Dimensions: ordered or not throughout, subgroups in one order, one reference subgroup.
  interface Dim {
    key: string;
    first: LocatedRow;
    subgroups: Map<string, LocatedRow>;
    reference: LocatedRow | null;
  }
  const dims = new Map<string, Dim>();
  for (const r of parse.rows) {
    let d = dims.get(r.dimension);
    if (!d) {
      d = { key: keyOf(r.dimension, keys), first: r, subgroups: new Map(), reference: null };
      dims.set(r.dimension, d);
    }
    if (r.ordered_dimension !== d.first.ordered_dimension)
      err(
        r.line,
        'ordered_dimension',
        `dimensionen «${r.dimension}» har ordered_dimension = ${d.first.ordered_dimension} i linje ${d.first.line}; den skal være den samme i hele filen.`,
        `the dimension «${r.dimension}» has ordered_dimension = ${d.first.ordered_dimension} on line ${d.first.line}; it must be the same throughout the file.`,
      );
    const sub = d.subgroups.get(r.subgroup);
    if (!sub) d.subgroups.set(r.subgroup, r);
    else if (r.ordered_dimension === 1 && r.subgroup_order !== sub.subgroup_order)
      err(
        r.line,
        'subgroup_order',
        `«${r.subgroup}» har rækkefølgen ${sub.subgroup_order} i linje ${sub.line}; en gruppe skal have samme plads i hele filen.`,
        `«${r.subgroup}» has order ${sub.subgroup_order} on line ${sub.line}; a subgroup must have the same place throughout the file.`,
      );
    if (r.reference_subgroup === 1) {
      if (d.reference && d.reference.subgroup !== r.subgroup)
        err(
          r.line,
          'reference_subgroup',
          `dimensionen «${r.dimension}» har referencegruppen «${d.reference.subgroup}» i linje ${d.reference.line}; et datasæt har én referencegruppe pr. dimension.`,
          `the dimension «${r.dimension}» has the reference subgroup «${d.reference.subgroup}» on line ${d.reference.line}; a dataset has one reference subgroup per dimension.`,
        );
      d.reference ??= r;
    }
  }
  const tooMany = (what: 'indicator' | 'dimension', count: number, max: number, line: number) =>
    err(
      line,
      what === 'indicator' ? 'indicator_abbr' : 'dimension',
      `filen har ${count} ${what === 'indicator' ? 'indikatorer' : 'dimensioner'}; et datasæt kan højst have ${max}. Del filen.`,
      `the file has ${count} ${what === 'indicator' ? 'indicators' : 'dimensions'}; a dataset holds at most ${max}. Split the file.`,
    );
  if (indicators.size > MAX_INDICATORS)
    tooMany(
      'indicator',
      indicators.size,
      MAX_INDICATORS,
      [...indicators.values()][MAX_INDICATORS]!.first.line,
    );
  if (dims.size > MAX_DIMENSIONS)
    tooMany('dimension', dims.size, MAX_DIMENSIONS, [...dims.values()][MAX_DIMENSIONS]!.first.line);
  for (const [name, d] of dims) {
    if (d.subgroups.size < 2)
      err(
        d.first.line,
        'subgroup',
        `dimensionen «${name}» har kun én gruppe i hele filen; monitoren sammenligner mindst to.`,
        `the dimension «${name}» has only one subgroup in the whole file; the monitor compares at least two.`,
      );
    if (d.subgroups.size > MAX_CATEGORIES)
      err(
        d.first.line,
        'subgroup',
        `dimensionen «${name}» har ${d.subgroups.size} grupper; højst ${MAX_CATEGORIES}.`,
        `the dimension «${name}» has ${d.subgroups.size} subgroups; at most ${MAX_CATEGORIES}.`,
      );
  }
  if (hasErrors(problems)) return { ok: false, problems: sortProblems(problems) };

  // The codebook: the pages' labels and pickers. Answer codes and columns are not used for a
  // HEAT Plus dataset; they are filled in only because the codebook's schema asks for them.
  const categoryOrder = (d: Dim): LocatedRow[] =>
    d.first.ordered_dimension === 1
      ? [...d.subgroups.values()].sort((a, b) => a.subgroup_order - b.subgroup_order)
      : [...d.subgroups.values()];
  const dimList = [...dims.entries()];
  const sources = [...new Set(parse.rows.map((r) => r.source))];
  const sourceText = sources.join('; ').slice(0, 300);
  const named = opts.name?.trim();
  const codebookJson = {
    name: named
      ? { da: named, en: named }
      : { da: `${sourceText} (HEAT Plus-fil)`, en: `${sourceText} (HEAT Plus file)` },
    source: sourceText,
    synthetic: opts.synthetic ?? false,
    columns: { area: 'setting', year: 'date' },
    dimensions: dimList.map(([name, d]) => ({
      key: d.key,
      column: `dimension ${d.key}`,
      label: { da: name, en: name },
      kind: DEMOGRAPHIC.test(name) ? 'demographic' : 'social',
      ordered: d.first.ordered_dimension === 1,
      categories: categoryOrder(d).map((r) => ({
        code: r.subgroup,
        label: { da: r.subgroup, en: r.subgroup },
      })),
      ...(d.reference ? { reference: d.reference.subgroup } : {}),
    })),
    indicators: [...indicators.values()].map(({ key, first }) => ({
      key,
      column: `indicator ${key}`,
      label: { da: first.indicator_name, en: first.indicator_name },
      favourable: first.favourable_indicator === 1,
      yes: ['1'],
      no: ['0'],
    })),
  };
  const parsed = parseCodebook(codebookJson);
  if (!parsed.ok)
    return {
      ok: false,
      problems: [
        ...problems,
        ...parsed.problems.map((p) =>
          problem(
            'error',
            0,
            undefined,
            `Filen kan ikke beskrives som datasæt (${p.path}: ${p.message}).`,
            `The file cannot be described as a dataset (${p.path}: ${p.message}).`,
          ),
        ),
      ],
    };
  const codebook = parsed.codebook;

  // The estimates, one per indicator x dimension x year x place x subgroup.
  const indSlot = new Map([...indicators.keys()].map((k, i) => [k, i + 1]));
  const dimSlot = new Map(dimList.map(([k], i) => [k, i + 1]));
  const catSlot = new Map(
    dimList.map(([k, d]) => [k, new Map(categoryOrder(d).map((r, i) => [r.subgroup, i + 1]))]),
  );
  const estimates: HeatPlusEstimate[] = [];
  const taken = new Map<string, LocatedRow>();
  for (const g of parse.groups) {
    const first = g.rows[0]!;
    const area = areaOf.get(g.setting) ?? '';
    const at = {
      indicator: indSlot.get(g.indicator_abbr)!,
      dim: dimSlot.get(g.dimension)!,
      year: g.date,
      area,
    };
    const key = `${at.indicator}:${at.dim}:${at.year}:${area}`;
    const before = taken.get(key);
    if (before) {
      err(
        first.line,
        'setting',
        `${g.setting} ${g.date}, ${g.indicator_abbr} efter ${g.dimension} står allerede i linje ${before.line} (${before.setting}, kilde ${before.source}); et datasæt har ét tal pr. sted, år, indikator og gruppe.`,
        `${g.setting} ${g.date}, ${g.indicator_abbr} by ${g.dimension} is already on line ${before.line} (${before.setting}, source ${before.source}); a dataset holds one figure per place, year, indicator and subgroup.`,
      );
      continue;
    }
    taken.set(key, first);
    const f = factor(first) ?? 1;
    const scaled = (v: number | null) => (v === null ? null : v * f);
    for (const r of g.rows)
      estimates.push({
        ...at,
        category: catSlot.get(g.dimension)!.get(r.subgroup)!,
        estimate: r.estimate * f,
        se: scaled(r.se),
        lower: scaled(r.ci_lb),
        upper: scaled(r.ci_ub),
        population: r.population,
        source: g.source,
        note: r.note.trim(),
        line: r.line,
      });
    estimates.push(settingAverage(g, at, f));
  }
  if (hasErrors(problems)) return { ok: false, problems: sortProblems(problems) };
  const years = [...new Set(parse.rows.map((r) => r.date))].sort((a, b) => a - b);
  return {
    ok: true,
    dataset: { codebook, estimates, years, rowCount: parse.rows.length },
    problems: sortProblems(problems),
  };
}

/**
 * The group's everyone-figure: the file's setting average, else (as HEAT does) the subgroups'
 * population-weighted mean when every population is given. Its population is the subgroups'.
 */
function settingAverage(
  g: TemplateGroup,
  at: { indicator: number; dim: number; year: number; area: string },
  factor: number,
): HeatPlusEstimate {
  const pops = g.rows.map((r) => r.population);
  const known = pops.every((p): p is number => p !== null);
  const total = known ? pops.reduce((a, b) => a + b, 0) : null;
  const mean =
    total !== null && total > 0
      ? g.rows.reduce((s, r) => s + r.estimate * (r.population ?? 0), 0) / total
      : null;
  const given = g.setting_average;
  return {
    ...at,
    category: 0,
    estimate: given !== undefined ? given * factor : mean === null ? null : mean * factor,
    se: null,
    lower: null,
    upper: null,
    population: total,
    source: g.source,
    note: '',
    line: given !== undefined ? g.rows[0]!.line : 0,
  };
}

const sortProblems = (ps: TemplateProblem[]) => [...ps].sort((a, b) => a.line - b.line);
