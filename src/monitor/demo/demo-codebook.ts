/**
 * The demo survey's codebook: the example codebook (examples/monitor/codebook.json) renamed as
 * synthetic, with a comparability break on loneliness and with the Table-1 indicators the
 * example lacks, so every row of Sundhedsstyrelsen's table can be shown.
 */
import { readFileSync } from 'node:fs';
import { parseCodebook, type Codebook } from '../microdata/codebook.ts';
import { SST_2009_TABLE_1 } from './calibration.ts';

const EXAMPLE = new URL('../../../examples/monitor/codebook.json', import.meta.url);

export const DEMO_NAME = {
  da: 'Syntetisk national sundhedsundersøgelse (demo)',
  en: 'Synthetic national health survey (demo)',
};
export const DEMO_SOURCE = 'Syntetiske data, kalibreret til Sundhedsstyrelsen 2009, tabel 1';
export const DEMO_BREAK = {
  key: 'ensom',
  year: 2017,
  note: { da: 'Spørgsmålet blev ændret i 2017', en: 'The question was changed in 2017' },
};

/** Plain-language phrases for the Table-1 indicators the example codebook lacks (priority finder). */
const TABLE1_PHRASES: Record<string, { da: string; en: string }> = {
  ikke_frisk: {
    da: 'sjældent føler sig friske nok til at gøre, hvad de har lyst til',
    en: 'rarely feel fit enough to do what they want',
  },
  goer_noget_for_helbred: {
    da: 'gør noget for at bevare eller forbedre helbredet',
    en: 'do something to keep or improve their health',
  },
  begraenset_af_sygdom: {
    da: 'har været begrænset af sygdom de sidste 14 dage',
    en: 'have been held back by illness in the last 14 days',
  },
  laegekontakt: {
    da: 'har haft kontakt til egen læge de sidste tre måneder',
    en: 'have seen their GP in the last three months',
  },
  fast_medicin: { da: 'bruger medicin fast', en: 'take medicine regularly' },
  tandlaege_3_mdr: {
    da: 'har været hos tandlæge de sidste tre måneder',
    en: 'have seen a dentist in the last three months',
  },
  helbredstjek: {
    da: 'har været til forebyggende helbredstjek de sidste tre år',
    en: 'have had a preventive health check in the last three years',
  },
};

export interface DemoCodebookOptions {
  /** Add Table 1's indicators that the example codebook lacks (default true). */
  table1?: boolean;
}

export function demoCodebook(opts: DemoCodebookOptions = {}): Codebook {
  const parsed = parseCodebook(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  if (!parsed.ok)
    throw new Error(
      `demo: examples/monitor/codebook.json is invalid: ${JSON.stringify(parsed.problems)}`,
    );
  const base = parsed.codebook;
  const indicators = base.indicators.map((i) =>
    i.key === DEMO_BREAK.key && !i.breaks.some((b) => b.year === DEMO_BREAK.year)
      ? { ...i, breaks: [...i.breaks, { year: DEMO_BREAK.year, note: DEMO_BREAK.note }] }
      : i,
  );
  if (opts.table1 ?? true) {
    const have = new Set(indicators.map((i) => i.key));
    for (const r of SST_2009_TABLE_1) {
      if (have.has(r.key)) continue;
      const phrase = TABLE1_PHRASES[r.key];
      indicators.push({
        key: r.key,
        column: r.key,
        label: r.label,
        ...(phrase ? { phrase } : {}),
        favourable: r.favourable,
        yes: ['1'],
        no: ['0'],
        missing: ['9'],
        breaks: [],
      });
    }
  }
  return { ...base, name: DEMO_NAME, source: DEMO_SOURCE, synthetic: true, indicators };
}
