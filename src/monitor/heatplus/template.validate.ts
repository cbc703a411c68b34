/**
 * Validation of HEAT Plus template cells, pure: every row is checked and every problem named
 * by line and column, in Danish and English; then each setting x date x source x indicator x
 * dimension group is checked for consistency (HEAT Plus' upload checks) and turned into the
 * input of the summary measures.
 */
import type { Setting } from '../measures/types.ts';
import {
  effectiveSe,
  TEMPLATE_COLUMNS,
  type LocatedRow,
  type TemplateColumn,
  type TemplateGroup,
} from './template.ts';

export interface TemplateProblem {
  /** An error makes the file unusable; a warning is reported and the file still used. */
  severity: 'error' | 'warning';
  /** 1-based line (CSV) or sheet row (XLSX); 0 for the file as a whole. */
  line: number;
  column?: TemplateColumn;
  da: string;
  en: string;
}

export interface TemplateCells {
  header: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
}

export interface TemplateParse {
  rows: LocatedRow[];
  groups: TemplateGroup[];
  problems: TemplateProblem[];
}

const REQUIRED_TEXT: readonly TemplateColumn[] = [
  'setting',
  'source',
  'indicator_abbr',
  'indicator_name',
  'dimension',
  'subgroup',
];
const OPTIONAL_NUMBERS = ['se', 'ci_lb', 'ci_ub', 'population', 'setting_average'] as const;
const FLAGS = ['favourable_indicator', 'ordered_dimension', 'reference_subgroup'] as const;

/** A number as written in a cell: dot or (Danish) decimal comma, no thousands separators. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const err = (
  line: number,
  column: TemplateColumn | undefined,
  da: string,
  en: string,
): TemplateProblem => ({
  severity: 'error',
  line,
  ...(column ? { column } : {}),
  da,
  en,
});
const warn = (
  line: number,
  column: TemplateColumn | undefined,
  da: string,
  en: string,
): TemplateProblem => ({
  ...err(line, column, da, en),
  severity: 'warning',
});

/** Checks one row's cells; returns the row, or undefined with the problems pushed. */
function validateRow(
  line: number,
  get: (c: TemplateColumn) => string,
  problems: TemplateProblem[],
): LocatedRow | undefined {
  const before = problems.filter((p) => p.severity === 'error').length;
  for (const c of REQUIRED_TEXT) {
    if (get(c).trim() === '')
      problems.push(
        err(line, c, 'feltet er tomt, men skal udfyldes.', 'the cell is empty but is required.'),
      );
  }
  const num = (c: TemplateColumn, required: boolean): number | null => {
    const raw = get(c).trim();
    if (raw === '') {
      if (required)
        problems.push(
          err(line, c, 'feltet er tomt; skriv et tal.', 'the cell is empty; write a number.'),
        );
      return null;
    }
    const v = parseNumber(raw);
    if (v === undefined) {
      problems.push(err(line, c, `«${raw}» er ikke et tal.`, `«${raw}» is not a number.`));
      return null;
    }
    return v;
  };
  const date = num('date', true);
  if (date !== null && !(Number.isInteger(date) && date >= 1000 && date <= 9999)) {
    problems.push(
      err(
        line,
        'date',
        `«${get('date')}» er ikke et årstal med fire cifre.`,
        `«${get('date')}» is not a four-digit year.`,
      ),
    );
  }
  const estimate = num('estimate', true);
  const numbers = Object.fromEntries(OPTIONAL_NUMBERS.map((c) => [c, num(c, false)])) as Record<
    (typeof OPTIONAL_NUMBERS)[number],
    number | null
  >;
  if (numbers.se !== null && numbers.se < 0) {
    problems.push(
      err(
        line,
        'se',
        'standardfejlen må ikke være negativ.',
        'the standard error must not be negative.',
      ),
    );
  }
  if (numbers.population !== null && !(numbers.population > 0)) {
    problems.push(
      err(
        line,
        'population',
        'befolkningstallet skal være større end 0.',
        'the population must be greater than 0.',
      ),
    );
  }
  const scale = num('indicator_scale', true);
  if (scale !== null && !(scale > 0)) {
    problems.push(
      err(
        line,
        'indicator_scale',
        'skalaen skal være større end 0 (fx 100 for procent).',
        'the scale must be greater than 0 (e.g. 100 for a percentage).',
      ),
    );
  }
  const flags = {} as Record<(typeof FLAGS)[number], 0 | 1>;
  for (const c of FLAGS) {
    const raw = get(c).trim();
    if (raw !== '0' && raw !== '1') {
      problems.push(err(line, c, `«${raw}» skal være 0 eller 1.`, `«${raw}» must be 0 or 1.`));
    }
    flags[c] = raw === '1' ? 1 : 0;
  }
  const order = num('subgroup_order', true);
  if (order !== null && !(Number.isInteger(order) && order >= 0)) {
    problems.push(
      err(
        line,
        'subgroup_order',
        'rækkefølgen skal være et helt tal (0, eller 1, 2, … for en ordnet dimension).',
        'the order must be a whole number (0, or 1, 2, … for an ordered dimension).',
      ),
    );
  }
  if (flags.ordered_dimension === 0 && order !== null && order !== 0) {
    problems.push(
      err(
        line,
        'subgroup_order',
        'skal være 0, når dimensionen ikke er ordnet (ordered_dimension = 0).',
        'must be 0 when the dimension is not ordered (ordered_dimension = 0).',
      ),
    );
  }
  if (flags.ordered_dimension === 1 && flags.reference_subgroup === 1) {
    problems.push(
      err(
        line,
        'reference_subgroup',
        'en ordnet dimension har ingen referencegruppe; skriv 0.',
        'an ordered dimension has no reference subgroup; write 0.',
      ),
    );
  }
  const iso3 = get('iso3').trim();
  if (iso3 !== '' && !/^[A-Za-z]{3}$/.test(iso3)) {
    problems.push(
      err(
        line,
        'iso3',
        `«${iso3}» er ikke en landekode med tre bogstaver (fx DNK).`,
        `«${iso3}» is not a three-letter country code (e.g. DNK).`,
      ),
    );
  }
  const { ci_lb: lb, ci_ub: ub } = numbers;
  if (lb !== null && ub !== null && lb > ub) {
    problems.push(
      err(
        line,
        'ci_lb',
        'den nedre grænse er større end den øvre.',
        'the lower limit is above the upper limit.',
      ),
    );
  }
  if (estimate !== null && lb !== null && ub !== null && (estimate < lb || estimate > ub)) {
    problems.push(
      warn(
        line,
        'estimate',
        'estimatet ligger uden for sit konfidensinterval.',
        'the estimate lies outside its confidence interval.',
      ),
    );
  }
  if (estimate !== null && scale !== null && scale > 0 && (estimate < 0 || estimate > scale)) {
    problems.push(
      warn(
        line,
        'estimate',
        `estimatet ${estimate} ligger uden for skalaen [0, ${scale}].`,
        `the estimate ${estimate} lies outside the scale [0, ${scale}].`,
      ),
    );
  }
  if (problems.filter((p) => p.severity === 'error').length > before) return undefined;
  return {
    line,
    setting: get('setting').trim(),
    date: date as number,
    source: get('source').trim(),
    indicator_abbr: get('indicator_abbr').trim(),
    indicator_name: get('indicator_name').trim(),
    dimension: get('dimension').trim(),
    subgroup: get('subgroup').trim(),
    estimate: estimate as number,
    se: numbers.se,
    ci_lb: lb,
    ci_ub: ub,
    population: numbers.population,
    note: get('note'),
    setting_average: numbers.setting_average,
    iso3,
    favourable_indicator: flags.favourable_indicator,
    indicator_scale: scale as number,
    ordered_dimension: flags.ordered_dimension,
    subgroup_order: order as number,
    reference_subgroup: flags.reference_subgroup,
  };
}

/** Checks one group's consistency and builds its measure input. */
function buildGroup(rows: LocatedRow[], problems: TemplateProblem[]): TemplateGroup | undefined {
  const first = rows[0] as LocatedRow;
  const errorsBefore = problems.filter((p) => p.severity === 'error').length;
  const what = `${first.setting} ${first.date} ${first.indicator_abbr} / ${first.dimension}`;
  for (const c of [
    'favourable_indicator',
    'indicator_scale',
    'ordered_dimension',
    'indicator_name',
    'iso3',
    'setting_average',
  ] as const) {
    const bad = rows.find((r) => r[c] !== first[c]);
    if (bad) {
      problems.push(
        err(
          bad.line,
          c,
          `værdien skal være den samme for alle undergrupper i ${what} (linje ${first.line} har «${String(first[c] ?? '')}»).`,
          `the value must be the same for every subgroup of ${what} (line ${first.line} has «${String(first[c] ?? '')}»).`,
        ),
      );
    }
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const prev = seen.get(r.subgroup);
    if (prev !== undefined) {
      problems.push(
        err(
          r.line,
          'subgroup',
          `undergruppen «${r.subgroup}» står to gange i ${what} (også linje ${prev}).`,
          `the subgroup «${r.subgroup}» appears twice in ${what} (also line ${prev}).`,
        ),
      );
    } else seen.set(r.subgroup, r.line);
  }
  const ordered = first.ordered_dimension === 1;
  if (ordered) {
    const orders = rows.map((r) => r.subgroup_order).sort((a, b) => a - b);
    if (!orders.every((o, k) => o === k + 1)) {
      problems.push(
        err(
          first.line,
          'subgroup_order',
          `rækkefølgen i ${what} skal være 1, 2, …, ${rows.length} (1 = mest udsatte gruppe); fundet ${orders.join(', ')}.`,
          `the order in ${what} must be 1, 2, …, ${rows.length} (1 = most disadvantaged); found ${orders.join(', ')}.`,
        ),
      );
    }
  }
  const refs = rows.filter((r) => r.reference_subgroup === 1);
  if (refs.length > 1) {
    problems.push(
      err(
        (refs[1] as LocatedRow).line,
        'reference_subgroup',
        `${what} har mere end én referencegruppe.`,
        `${what} has more than one reference subgroup.`,
      ),
    );
  }
  if (rows.length < 2) {
    problems.push(
      warn(
        first.line,
        'subgroup',
        `${what} har kun én undergruppe; der beregnes ingen ulighedsmål.`,
        `${what} has only one subgroup; no summary measures are computed.`,
      ),
    );
  }
  if (problems.filter((p) => p.severity === 'error').length > errorsBefore) return undefined;
  const seKnown = rows.every((r) => effectiveSe(r) !== null);
  if (!seKnown) {
    problems.push(
      warn(
        first.line,
        'se',
        `${what}: en undergruppe mangler både se og konfidensgrænser; målene vises uden intervaller.`,
        `${what}: a subgroup has neither se nor confidence limits; measures are shown without intervals.`,
      ),
    );
  }
  const popKnown = rows.every((r) => r.population !== null);
  if (!popKnown) {
    problems.push(
      warn(
        first.line,
        'population',
        `${what}: befolkningstal mangler; ulighedsmålene kræver dem og beregnes ikke.`,
        `${what}: populations are missing; the summary measures need them and are not computed.`,
      ),
    );
  }
  const measureSetting: Setting | undefined =
    popKnown && rows.length >= 2
      ? {
          subgroups: rows.map((r) => ({
            name: r.subgroup,
            estimate: r.estimate,
            se: effectiveSe(r) ?? 0,
            population: r.population as number,
            ...(ordered ? { order: r.subgroup_order } : {}),
            ...(r.reference_subgroup === 1 ? { reference: true } : {}),
          })),
          ordered,
          favourable: first.favourable_indicator === 1,
          scale: first.indicator_scale,
          ...(first.setting_average !== null ? { settingAverage: first.setting_average } : {}),
        }
      : undefined;
  return {
    setting: first.setting,
    date: first.date,
    source: first.source,
    indicator_abbr: first.indicator_abbr,
    indicator_name: first.indicator_name,
    dimension: first.dimension,
    iso3: first.iso3,
    ...(first.setting_average !== null ? { setting_average: first.setting_average } : {}),
    rows,
    ...(measureSetting ? { measureSetting } : {}),
    seKnown,
  };
}

/** Validates a whole template given as text cells. */
export function validateTemplate(cells: TemplateCells): TemplateParse {
  const problems: TemplateProblem[] = [];
  const index = new Map<string, number>();
  cells.header.forEach((h, k) => index.set(h.trim().toLowerCase(), k));
  const missing = TEMPLATE_COLUMNS.filter((c) => !index.has(c));
  for (const c of missing) {
    problems.push(
      err(
        1,
        c,
        'kolonnen mangler i filens første linje.',
        'the column is missing from the first line of the file.',
      ),
    );
  }
  if (missing.length > 0) return { rows: [], groups: [], problems };
  if (cells.rows.length === 0) {
    problems.push(err(0, undefined, 'Filen har ingen datarækker.', 'The file has no data rows.'));
    return { rows: [], groups: [], problems };
  }
  const rows: LocatedRow[] = [];
  for (const r of cells.rows) {
    const get = (c: TemplateColumn): string => r.cells[index.get(c) as number] ?? '';
    const row = validateRow(r.line, get, problems);
    if (row) rows.push(row);
  }
  const byKey = new Map<string, LocatedRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.setting, r.date, r.source, r.indicator_abbr, r.dimension]);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const groups: TemplateGroup[] = [];
  for (const list of byKey.values()) {
    const g = buildGroup(list, problems);
    if (g) groups.push(g);
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, groups, problems };
}

/** "Linje 7, kolonne «se»: standardfejlen må ikke være negativ." */
export function formatTemplateProblem(p: TemplateProblem, lang: 'da' | 'en'): string {
  const parts: string[] = [];
  if (p.line > 0) parts.push(lang === 'da' ? `Linje ${p.line}` : `Line ${p.line}`);
  if (p.column) parts.push(lang === 'da' ? `kolonne «${p.column}»` : `column «${p.column}»`);
  const tag = p.severity === 'warning' ? (lang === 'da' ? 'Advarsel: ' : 'Warning: ') : '';
  return `${tag}${parts.length > 0 ? `${parts.join(', ')}: ` : ''}${p[lang]}`;
}

export const hasErrors = (problems: readonly TemplateProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
