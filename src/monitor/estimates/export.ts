/**
 * Downloads of the monitor's figures: a plain table (CSV for Danish or English Excel, XLSX) and
 * WHO's HEAT Plus template (CSV, XLSX). They are built from the same suppressed tables as the
 * pages, so a hidden cell stays hidden in every format; synthetic data say so in every row.
 */
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import type { Queryable } from '../../db/db.ts';
import { writeCsv } from '../../platform/csv.ts';
import { templateRows, type TemplateRow } from '../heatplus/template.ts';
import { writeTemplateCsv, writeTemplateXlsx } from '../heatplus/template.write.ts';
import type { Choice } from './choice.service.ts';
import { datasetAreas, loadSums } from './estimates.store.ts';
import { heatPlusExportTables } from './heatplus-views.ts';
import { areasOf, plansFor, scopesFor, type MonitorSettings } from './monitor.service.ts';
import { buildTable, indexSums, type Table } from './tables.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'heatplus.csv' | 'heatplus.xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * The tables a download holds: every indicator and dimension for the chosen area, its region
 * and the country in the chosen year, or (scope 'indicator') the chosen indicator and dimension
 * in every year.
 */
export async function exportedTables(
  q: Queryable,
  choice: Choice,
  scope: 'all' | 'indicator',
  settings: MonitorSettings,
): Promise<Table[]> {
  if (choice.dataset.kind === 'heatplus')
    return heatPlusExportTables(q, choice.dataset, choice, scope, settings);
  const cb = choice.dataset.codebook;
  const out: Table[] = [];
  const years = scope === 'indicator' ? choice.dataset.years : [choice.year];
  const indicators =
    scope === 'indicator' ? [choice.indicator ?? 1] : cb.indicators.map((_, i) => i + 1);
  const dims = scope === 'indicator' ? [choice.dim] : cb.dimensions.map((_, i) => i + 1);
  const keys = years.flatMap((year) =>
    indicators.flatMap((indicator) => dims.map((dim) => ({ indicator, dim, year }))),
  );
  const plan = await plansFor(q, choice.dataset, keys, settings);
  for (const s of scopesFor(choice.area, await datasetAreas(q, choice.dataset.id))) {
    const areas = areasOf(s);
    const rows = await loadSums(q, {
      datasetId: choice.dataset.id,
      ...(scope === 'indicator'
        ? { indicators: [choice.indicator ?? 1], dims: [0, choice.dim] }
        : { years: [choice.year] }),
      ...(areas ? { areas } : {}),
    });
    const sums = indexSums(rows);
    for (const year of years)
      for (const indicator of indicators)
        for (const dim of dims)
          out.push(
            buildTable(
              cb,
              sums,
              { indicator, dim, year, scope: s },
              {
                suppression: settings.suppression,
                measures: null,
                plan: plan({ indicator, dim, year }),
              },
            ),
          );
  }
  return out;
}

/** HEAT Plus rows; a dimension with a suppressed subgroup is left out whole (HEAT needs every subgroup). */
export function heatPlusRows(
  tables: readonly Table[],
  choice: Choice,
  lang: 'da' | 'en',
): { rows: TemplateRow[]; omitted: number } {
  const rows: TemplateRow[] = [];
  let omitted = 0;
  const source = choice.dataset.codebook.source;
  for (const t of tables) {
    if (t.groups.some((g) => g.suppressed || g.prevalence.value === null)) {
      omitted++;
      continue;
    }
    rows.push(
      ...templateRows({
        setting: t.scope.name[lang],
        date: t.year,
        source,
        indicatorAbbr: t.indicator.key,
        indicatorName: t.indicator.label[lang],
        dimension: t.dimension.label[lang],
        favourable: t.indicator.favourable,
        scale: 100,
        ordered: t.dimension.ordered,
        settingAverage: t.total.suppressed ? null : t.total.prevalence.value,
        iso3: 'DNK',
        note: noteOf(choice, lang),
        subgroups: t.groups.map((g) => ({
          name: g.label[lang],
          estimate: g.prevalence.value ?? 0,
          se: g.prevalence.se,
          lower: g.prevalence.lower,
          upper: g.prevalence.upper,
          population: Math.round(g.prevalence.population),
          order: g.category,
          reference: g.reference,
        })),
      }),
    );
  }
  return { rows, omitted };
}

function noteOf(choice: Choice, lang: 'da' | 'en'): string {
  if (!choice.dataset.synthetic) return '';
  return lang === 'da' ? 'Syntetiske data til demonstration' : 'Synthetic data for demonstration';
}

const HEADERS = {
  da: [
    'område',
    'år',
    'indikator',
    'opdeling',
    'gruppe',
    'andel_pct',
    'nedre_95',
    'øvre_95',
    'standardfejl',
    'svar',
    'anslået_antal',
    'note',
  ],
  en: [
    'area',
    'year',
    'indicator',
    'breakdown',
    'group',
    'share_pct',
    'lower_95',
    'upper_95',
    'standard_error',
    'respondents',
    'estimated_people',
    'note',
  ],
} as const;

/** One row per subgroup (and everyone), suppressed figures as "For få svar" with no numbers. */
export function plainRows(
  tables: readonly Table[],
  choice: Choice,
  lang: 'da' | 'en',
): (string | number | null)[][] {
  const note = noteOf(choice, lang);
  const hidden = lang === 'da' ? 'For få svar' : 'Too few answers';
  const rows: (string | number | null)[][] = [];
  for (const t of tables) {
    for (const g of [...t.groups, t.total]) {
      const p = g.prevalence;
      const round = (v: number | null, d = 2) => (v === null ? null : Number(v.toFixed(d)));
      rows.push([
        t.scope.name[lang],
        t.year,
        t.indicator.label[lang],
        t.dimension.label[lang],
        g.label[lang],
        round(p.value),
        round(p.lower),
        round(p.upper),
        round(p.se, 3),
        // A HEAT Plus file gives populations, not respondents.
        g.suppressed || p.method === 'heatplus' ? null : p.n,
        g.suppressed ? null : Math.round(p.population),
        g.suppressed ? hidden : note,
      ]);
    }
  }
  return rows;
}

export async function exportTables(
  q: Queryable,
  choice: Choice,
  opts: {
    format: ExportFormat;
    lang: 'da' | 'en';
    scope: 'all' | 'indicator';
    settings: MonitorSettings;
  },
): Promise<ExportFile> {
  const tables = await exportedTables(q, choice, opts.scope, opts.settings);
  const stem = fileStem(choice, opts.scope);
  switch (opts.format) {
    case 'heatplus.csv':
      return {
        fileName: `${stem}-heatplus.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: writeTemplateCsv(heatPlusRows(tables, choice, opts.lang).rows),
      };
    case 'heatplus.xlsx':
      return {
        fileName: `${stem}-heatplus.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await writeTemplateXlsx(heatPlusRows(tables, choice, opts.lang).rows),
      };
    case 'csv':
      return {
        fileName: `${stem}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: plainCsv(plainRows(tables, choice, opts.lang), opts.lang),
      };
    case 'xlsx':
      return {
        fileName: `${stem}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await plainXlsx(plainRows(tables, choice, opts.lang), opts.lang),
      };
  }
}

/**
 * The plain table as CSV through the kernel's writer (formula text neutralised, numbers kept):
 * Danish Excel expects semicolons and decimal commas; English, commas and points. The byte-order
 * mark makes Excel read UTF-8.
 */
export function plainCsv(rows: readonly (string | number | null)[][], lang: 'da' | 'en'): string {
  const columns = HEADERS[lang];
  const records = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  const da = lang === 'da';
  return `\uFEFF${writeCsv(columns, records, { delimiter: da ? ';' : ',', decimalComma: da })}`;
}

/** The plain table as XLSX: text is written as text cells (shared strings), never as formulas. */
export async function plainXlsx(
  rows: readonly (string | number | null)[][],
  lang: 'da' | 'en',
): Promise<Buffer> {
  const header: Cell[] = HEADERS[lang].map((h) => ({
    value: h,
    type: String,
    fontWeight: 'bold',
  }));
  const data: Cell[][] = rows.map((r) =>
    r.map((v) =>
      v === null
        ? null
        : typeof v === 'number'
          ? { value: v, type: Number }
          : { value: v, type: String },
    ),
  );
  const out = await writeXlsxFile([header, ...data], {
    sheet: lang === 'da' ? 'Tal' : 'Figures',
  }).toBuffer();
  return Buffer.from(out);
}

function fileStem(choice: Choice, scope: 'all' | 'indicator'): string {
  const cb = choice.dataset.codebook;
  const parts = [
    'lighed',
    choice.area,
    scope === 'indicator'
      ? (cb.indicators[(choice.indicator ?? 1) - 1]?.key ?? '')
      : String(choice.year),
  ];
  if (choice.dataset.synthetic) parts.push('syntetisk');
  return parts.filter(Boolean).join('-');
}
