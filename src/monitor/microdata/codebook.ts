/**
 * The codebook: how to read one microdata file (one row per respondent).
 *
 * It names the columns holding the weight, area and year, the social dimensions (with their
 * categories, most disadvantaged first for ordered ones) and the indicators (which answer codes
 * count as "yes", "no" and "missing", and whether "yes" is favourable). Labels are Danish with
 * English. The same JSON describes the synthetic national survey and any planner's upload.
 *
 * Storage uses fixed slots (d1..d8, y1..y64): the codebook's order of dimensions and indicators
 * is the slot order, so the limits below are the schema's.
 */
import { z } from 'zod';
import { nulPaths } from '../../platform/nul.ts';

export const MAX_DIMENSIONS = 8;
export const MAX_INDICATORS = 64;
export const MAX_CATEGORIES = 32;

const label = z.object({ da: z.string().trim().min(1), en: z.string().trim().min(1) });
export type Label = z.infer<typeof label>;

/** A machine key: lower-case letters, digits, underscore; it names a dimension or indicator in URLs and exports. */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'codebook.key');
/** A column header as it appears in the file (matched case-insensitively, trimmed). */
const column = z.string().trim().min(1);

const category = z.object({
  /** The code as written in the file ("1", "grundskole", ...). */
  code: z.string().trim().min(1),
  label,
});

const dimension = z
  .object({
    key,
    column,
    label,
    /**
     * Social position (education, income, labour market, origin, cohabitation) or demographic
     * (sex, age). The priority finder ranks gaps by social position only: a gap by age is not
     * social inequality.
     */
    kind: z.enum(['social', 'demographic']).default('social'),
    /** Ordered dimensions (education, income) list categories from most disadvantaged to most advantaged. */
    ordered: z.boolean(),
    categories: z.array(category).min(2).max(MAX_CATEGORIES),
    /** Non-ordered dimensions: the reference subgroup's code (HEAT's reference_subgroup). */
    reference: z.string().trim().min(1).optional(),
    /** Codes that mean "unknown"; such respondents are left out of this dimension only. */
    missing: z.array(z.string()).default([]),
  })
  .superRefine((d, ctx) => {
    const codes = d.categories.map((c) => c.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'codebook.duplicate_code' });
    if (d.reference !== undefined && !codes.includes(d.reference))
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'codebook.unknown_reference' });
  });
export type Dimension = z.infer<typeof dimension>;

/** A break in comparability: waves from `year` on are not comparable with earlier ones. */
const comparabilityBreak = z.object({ year: z.number().int(), note: label });

const indicator = z
  .object({
    key,
    column,
    label,
    /** A short verb phrase for plain-language explanations, e.g. {da: 'ryger dagligt', en: 'smoke daily'}. */
    phrase: label.optional(),
    /** Favourable: higher is better (e.g. good self-rated health). Adverse: higher is worse (daily smoking). */
    favourable: z.boolean(),
    /** Codes counted as 1 (the condition is present). */
    yes: z.array(z.string()).min(1),
    /** Codes counted as 0. */
    no: z.array(z.string()).min(1),
    /** Codes meaning "no answer"; an empty cell is always missing. */
    missing: z.array(z.string()).default([]),
    breaks: z.array(comparabilityBreak).default([]),
  })
  .superRefine((d, ctx) => {
    const all = [...d.yes, ...d.no, ...d.missing];
    if (new Set(all).size !== all.length)
      ctx.addIssue({ code: 'custom', path: ['yes'], message: 'codebook.duplicate_code' });
  });
export type Indicator = z.infer<typeof indicator>;

export const codebookSchema = z
  .object({
    name: label,
    source: z.string().trim().min(1),
    /** Synthetic data must say so on every page and export. */
    synthetic: z.boolean().default(false),
    /**
     * The age dimension's key: areas are then also compared directly age-standardised (to the
     * country's age distribution), so an old municipality is not "worse" only for being old.
     */
    ageDimension: key.optional(),
    columns: z.object({
      weight: column.optional(),
      area: column,
      year: column,
    }),
    dimensions: z.array(dimension).min(1).max(MAX_DIMENSIONS),
    indicators: z.array(indicator).min(1).max(MAX_INDICATORS),
  })
  .superRefine((c, ctx) => {
    if (c.ageDimension !== undefined && !c.dimensions.some((d) => d.key === c.ageDimension))
      ctx.addIssue({
        code: 'custom',
        path: ['ageDimension'],
        message: 'codebook.unknown_dimension',
      });
    const keys = [...c.dimensions.map((d) => d.key), ...c.indicators.map((i) => i.key)];
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'codebook.duplicate_key' });
    const cols = [
      c.columns.area,
      c.columns.year,
      ...(c.columns.weight ? [c.columns.weight] : []),
      ...c.dimensions.map((d) => d.column),
      ...c.indicators.map((i) => i.column),
    ].map((s) => s.toLowerCase());
    if (new Set(cols).size !== cols.length)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'codebook.duplicate_column' });
  });

export type Codebook = z.infer<typeof codebookSchema>;

/** One respondent after validation: category and answer slots as small integers, ready to store. */
export interface Respondent {
  /** 1-based line (CSV) or row (XLSX) in the source file. */
  line: number;
  year: number;
  /** Four-digit kommune code, e.g. "0265". */
  area: string;
  weight: number;
  /** Per dimension: 1-based category index in codebook order, or null when unknown. */
  dims: (number | null)[];
  /** Per indicator: 1, 0 or null (missing). */
  answers: (0 | 1 | null)[];
}

export interface CodebookProblem {
  /** Where in the JSON, e.g. "dimensions.0.reference" ("" for the whole document). */
  path: string;
  /** A message key (codebook.duplicate_code) or zod's own English message. */
  message: string;
}

export type ParsedCodebook =
  { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] };

/** Validates an uploaded codebook, listing every problem rather than the first. */
export function parseCodebook(json: unknown): ParsedCodebook {
  // PostgreSQL's jsonb cannot hold U+0000: name the field rather than fail on storing it.
  const nul = nulPaths(json);
  if (nul.length)
    return {
      ok: false,
      problems: nul.map((p) => ({ path: p.map(String).join('.'), message: 'codebook.nul' })),
    };
  const r = codebookSchema.safeParse(json);
  if (r.success) return { ok: true, codebook: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    })),
  };
}
