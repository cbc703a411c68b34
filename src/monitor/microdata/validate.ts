/**
 * Row validation for microdata: pure rules, no I/O. `read.ts` feeds it the cells of each row;
 * it returns a Respondent or adds problems that name the line, the column and the value.
 */
import type { Codebook, Respondent } from './codebook.ts';
import { kommune, normaliseKommuneCode } from './kommuner.ts';

export type ProblemCode =
  | 'missing_column'
  | 'empty_file'
  | 'csv_syntax'
  | 'unreadable_file'
  | 'year_invalid'
  | 'area_invalid'
  | 'area_unknown'
  | 'weight_invalid'
  | 'code_unknown'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'file_too_large'
  | 'xlsx_too_large';

export interface RowProblem {
  /** 1-based line (CSV) or row (XLSX); 0 when the problem concerns the whole file. */
  line: number;
  /** The column as the codebook names it ("" when not about a column). */
  column: string;
  /** Message key. */
  code: ProblemCode;
  /** The offending value as written (trimmed). */
  value: string;
  /** For unknown codes: the codes the codebook accepts. */
  allowed?: string[];
}

/** Where each codebook column sits in the file, and the lookup tables for its codes. */
export interface RowPlan {
  year: number;
  area: number;
  /** -1 when the codebook has no weight column: every weight is 1. */
  weight: number;
  /** The file's names for year, area and weight, for problem reports. */
  names: { year: string; area: string; weight: string };
  dims: { column: string; index: number; codes: Map<string, number | null>; allowed: string[] }[];
  answers: { column: string; index: number; codes: Map<string, 0 | 1 | null>; allowed: string[] }[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** Matches the header to the codebook (case-insensitive, trimmed); a missing column is one problem. */
export function planRows(
  codebook: Codebook,
  header: readonly string[],
): { plan: RowPlan } | { problems: RowProblem[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (!at.has(norm(h))) at.set(norm(h), i);
  });
  const problems: RowProblem[] = [];
  const find = (column: string) => {
    const i = at.get(norm(column));
    if (i === undefined) problems.push({ line: 1, column, code: 'missing_column', value: '' });
    return i ?? -1;
  };
  const plan: RowPlan = {
    year: find(codebook.columns.year),
    area: find(codebook.columns.area),
    weight: codebook.columns.weight === undefined ? -1 : find(codebook.columns.weight),
    names: {
      year: codebook.columns.year,
      area: codebook.columns.area,
      weight: codebook.columns.weight ?? '',
    },
    dims: codebook.dimensions.map((d) => {
      const codes = new Map<string, number | null>();
      d.categories.forEach((c, i) => codes.set(c.code, i + 1));
      for (const m of d.missing) codes.set(m, null);
      return { column: d.column, index: find(d.column), codes, allowed: [...codes.keys()] };
    }),
    answers: codebook.indicators.map((ind) => {
      const codes = new Map<string, 0 | 1 | null>();
      for (const c of ind.yes) codes.set(c, 1);
      for (const c of ind.no) codes.set(c, 0);
      for (const c of ind.missing) codes.set(c, null);
      return { column: ind.column, index: find(ind.column), codes, allowed: [...codes.keys()] };
    }),
  };
  return problems.length > 0 ? { problems } : { plan };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads "1,25", "1.25", "1.234,5" (Danish Excel) and "1234.5" as numbers; NaN otherwise. */
export function parseDecimal(raw: string): number {
  let s = raw.trim().replace(/\s/g, '');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** Validates one row; returns null and adds to `problems` when any cell is wrong. */
export function validateRow(
  plan: RowPlan,
  line: number,
  cells: readonly string[],
  problems: (p: RowProblem) => void,
): Respondent | null {
  let ok = true;
  const cell = (i: number) => (cells[i] ?? '').trim();
  const bad = (column: string, code: RowProblem['code'], value: string, allowed?: string[]) => {
    ok = false;
    problems(allowed ? { line, column, code, value, allowed } : { line, column, code, value });
  };

  const yearRaw = cell(plan.year);
  const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
  if (!(year >= 1990 && year <= 2100)) bad(plan.names.year, 'year_invalid', yearRaw);

  const areaRaw = cell(plan.area);
  const area = normaliseKommuneCode(areaRaw);
  if (!/^\d{4}$/.test(area)) bad(plan.names.area, 'area_invalid', areaRaw);
  else if (!kommune(area)) bad(plan.names.area, 'area_unknown', areaRaw);

  let weight = 1;
  if (plan.weight >= 0) {
    const raw = cell(plan.weight);
    weight = parseDecimal(raw);
    if (!(Number.isFinite(weight) && weight > 0)) bad(plan.names.weight, 'weight_invalid', raw);
  }

  const dims: (number | null)[] = [];
  for (const d of plan.dims) {
    const raw = cell(d.index);
    // An empty cell is unknown: the respondent is left out of this dimension only.
    const v = raw === '' ? null : d.codes.get(raw);
    if (v === undefined) bad(d.column, 'code_unknown', raw, d.allowed);
    dims.push(v ?? null);
  }
  const answers: (0 | 1 | null)[] = [];
  for (const a of plan.answers) {
    const raw = cell(a.index);
    const v = raw === '' ? null : a.codes.get(raw);
    if (v === undefined) bad(a.column, 'code_unknown', raw, a.allowed);
    answers.push(v ?? null);
  }
  return ok ? { line, year, area, weight, dims, answers } : null;
}
