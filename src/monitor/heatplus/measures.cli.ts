/**
 * `lighed measures --input FILE [--format csv] [--method heat|survey|phe]`: reads a HEAT Plus
 * template (CSV or XLSX) and prints every applicable summary measure for every setting x date x
 * source x indicator x dimension, as JSON (default) or CSV (one row per measure). `--method`:
 * `heat` (default) WHO HEAT's own numbers, as HEAT Plus; `survey` intervals of ACI, RCI, SII
 * and RII from the subgroups' standard errors; `phe` SII and RII in PHE's convention (WLS, Monte
 * Carlo limits). See measures/method.ts. A file with errors gets the problem report (line,
 * column, problem; Danish, then English) on stderr and exit code 1.
 */
import type { HeatOptions } from '../measures/heat.ts';
import { heatOptionsFor, type MeasureMethod } from '../measures/method.ts';

export { isMeasureMethod } from '../measures/method.ts';
import { groupMeasures, measuresCsv, type GroupMeasures } from './measures.ts';
import { readTemplateFile } from './template.read.ts';
import { formatTemplateProblem, hasErrors } from './template.validate.ts';

export interface RunMeasuresArgs {
  input: string;
  format: 'json' | 'csv';
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  /** Options for computeAll (e.g. repetitions); defaults as computeAll's. */
  heat?: HeatOptions;
  /** Which convention (measures/method.ts); default `heat`, the numbers HEAT Plus shows. */
  method?: MeasureMethod;
}

/** Runs the command; resolves to the exit code (0 ok, 1 problems in the file or a computation). */
export async function runMeasures(args: RunMeasuresArgs): Promise<number> {
  const out = args.out ?? process.stdout;
  const err = args.err ?? process.stderr;
  const parsed = await readTemplateFile(args.input);
  const report = (lines: string[]): void => {
    if (lines.length > 0) err.write(`${lines.join('\n')}\n`);
  };
  const describe = (p: (typeof parsed.problems)[number]): string =>
    `${formatTemplateProblem(p, 'da')}\n  ${formatTemplateProblem(p, 'en')}`;
  if (hasErrors(parsed.problems)) {
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    report([
      `${args.input}: ${errors.length} fejl; intet er beregnet. / ${errors.length} error(s); nothing was computed.`,
      ...errors.map(describe),
    ]);
    return 1;
  }
  report(parsed.problems.map(describe));
  let failed = false;
  const results: GroupMeasures[] = [];
  for (const g of parsed.groups) {
    try {
      results.push(groupMeasures(g, { ...heatOptionsFor(args.method ?? 'heat'), ...args.heat }));
    } catch (e) {
      failed = true;
      const msg = e instanceof Error ? e.message : String(e);
      report([
        `Linje ${g.rows[0]?.line ?? 0}: ${g.setting} ${g.date} ${g.indicator_abbr} / ${g.dimension}: målene kunne ikke beregnes (${msg}). / the measures could not be computed.`,
      ]);
    }
  }
  out.write(args.format === 'csv' ? measuresCsv(results) : `${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}
