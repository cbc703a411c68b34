/**
 * A small, deterministic survey for monitor tests: three municipalities in two regions, two
 * years, a clear education gradient in smoking, and one tiny group (non-Western origin in
 * Roskilde has 3 respondents) that must be suppressed everywhere.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/db.ts';
import {
  parseCodebook,
  type Codebook,
  type Respondent,
} from '../../src/monitor/microdata/codebook.ts';
import { importMicrodata } from '../../src/monitor/microdata/import.store.ts';
import { mulberry32 } from '../../src/monitor/measures/random.ts';

export function testCodebook(): Codebook {
  const parsed = parseCodebook(
    JSON.parse(
      readFileSync(new URL('../../examples/monitor/codebook.json', import.meta.url), 'utf8'),
    ),
  );
  if (!parsed.ok) throw new Error('examples/monitor/codebook.json is invalid');
  return parsed.codebook;
}

export const SURVEY_AREAS = ['0265', '0350', '0101'] as const;
export const SURVEY_YEARS = [2017, 2021] as const;

/** Respondents per area and year; Roskilde gets 3 non-Western respondents in all. */
export function testRespondents(codebook: Codebook, perAreaYear = 800): Respondent[] {
  const rnd = mulberry32(7);
  const dimIndex = (key: string) => codebook.dimensions.findIndex((d) => d.key === key);
  const indIndex = (key: string) => codebook.indicators.findIndex((d) => d.key === key);
  const edu = dimIndex('uddannelse');
  const origin = dimIndex('herkomst');
  const smoke = indIndex('dagligryger');
  const out: Respondent[] = [];
  let line = 1;
  for (const year of SURVEY_YEARS) {
    for (const area of SURVEY_AREAS) {
      for (let i = 0; i < perAreaYear; i++) {
        line++;
        const dims = codebook.dimensions.map((d) => 1 + Math.floor(rnd() * d.categories.length));
        const e = 1 + (i % 4);
        dims[edu] = e;
        // Origin: Danish or Western, except 3 non-Western respondents in Roskilde 2021.
        dims[origin] = area === '0265' && year === 2021 && i < 3 ? 3 : 1 + (i % 2);
        const answers = codebook.indicators.map(() => (rnd() < 0.25 ? 1 : 0));
        // Smoking falls with education: 40 %, 28 %, 16 %, 8 % (lower in 2021).
        const pSmoke = [0.4, 0.28, 0.16, 0.08][e - 1]! * (year === 2021 ? 0.85 : 1);
        answers[smoke] = rnd() < pSmoke ? 1 : 0;
        out.push({ line, year, area, weight: 0.5 + rnd(), dims, answers });
      }
    }
  }
  return out;
}

export async function seedSurvey(
  db: Db,
  opts: { kommune?: string; shared?: boolean; perAreaYear?: number } = {},
) {
  const codebook = testCodebook();
  return importMicrodata(db, {
    kommune: opts.kommune ?? '0265',
    codebook,
    fileName: 'test-survey.csv',
    respondents: testRespondents(codebook, opts.perAreaYear),
    shared: opts.shared ?? true,
  });
}
