/** Problem reports for microdata files, in Danish or English. */
import type { RowProblem } from './validate.ts';

type Lang = 'da' | 'en';

const where = (p: RowProblem, lang: Lang): string => {
  const parts: string[] = [];
  if (p.line > 0) parts.push(lang === 'da' ? `Linje ${p.line}` : `Line ${p.line}`);
  if (p.column) parts.push(lang === 'da' ? `kolonne «${p.column}»` : `column «${p.column}»`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
};

const messages: Record<RowProblem['code'], Record<Lang, (p: RowProblem) => string>> = {
  missing_column: {
    da: () => 'kolonnen mangler i filens første linje.',
    en: () => 'the column is missing from the first line of the file.',
  },
  empty_file: { da: () => 'Filen er tom.', en: () => 'The file is empty.' },
  csv_syntax: {
    da: (p) => `filen kan ikke læses som CSV (${p.value}).`,
    en: (p) => `the file cannot be read as CSV (${p.value}).`,
  },
  unreadable_file: {
    da: (p) => `Filen kan ikke læses (${p.value}).`,
    en: (p) => `The file cannot be read (${p.value}).`,
  },
  year_invalid: {
    da: (p) =>
      p.value === ''
        ? 'årstallet mangler.'
        : `årstallet «${p.value}» er ikke et år mellem 1990 og 2100.`,
    en: (p) =>
      p.value === ''
        ? 'the year is missing.'
        : `the year «${p.value}» is not a year between 1990 and 2100.`,
  },
  area_invalid: {
    da: (p) =>
      p.value === ''
        ? 'kommunekoden mangler.'
        : `«${p.value}» er ikke en kommunekode (fire cifre, fx 0265).`,
    en: (p) =>
      p.value === ''
        ? 'the municipality code is missing.'
        : `«${p.value}» is not a municipality code (four digits, e.g. 0265).`,
  },
  area_unknown: {
    da: (p) => `kommunekoden «${p.value}» findes ikke blandt de 98 kommuner.`,
    en: (p) => `the municipality code «${p.value}» is not one of the 98 municipalities.`,
  },
  weight_invalid: {
    da: (p) =>
      p.value === '' ? 'vægten mangler.' : `vægten «${p.value}» er ikke et positivt tal.`,
    en: (p) =>
      p.value === ''
        ? 'the weight is missing.'
        : `the weight «${p.value}» is not a positive number.`,
  },
  code_unknown: {
    da: (p) =>
      `koden «${p.value}» findes ikke i kodebogen (tilladt: ${(p.allowed ?? []).join(', ')}).`,
    en: (p) =>
      `the code «${p.value}» is not in the codebook (allowed: ${(p.allowed ?? []).join(', ')}).`,
  },
  too_many_rows: {
    da: (p) =>
      `Filen har flere end ${p.value} rækker, og mere kan ikke indlæses ad gangen. Del filen, fx pr. år.`,
    en: (p) =>
      `The file has more than ${p.value} rows, more than can be loaded at a time. Split the file, e.g. by year.`,
  },
  too_many_columns: {
    da: (p) => `Filen har flere end ${p.value} kolonner. Fjern de kolonner, kodebogen ikke bruger.`,
    en: (p) =>
      `The file has more than ${p.value} columns. Remove the columns the codebook does not use.`,
  },
  file_too_large: {
    da: (p) => `Filen er større end ${p.value} MB. Del filen, fx pr. år.`,
    en: (p) => `The file is larger than ${p.value} MB. Split the file, e.g. by year.`,
  },
  xlsx_too_large: {
    da: (p) => `Regnearket fylder over ${p.value} MB udpakket. Gem det som CSV, eller del det.`,
    en: (p) => `The workbook takes more than ${p.value} MB unpacked. Save it as CSV, or split it.`,
  },
};

/** "Linje 7, kolonne «uddannelse»: koden «9» findes ikke i kodebogen (tilladt: 1, 2, 3, 4)." */
export function formatProblem(p: RowProblem, lang: Lang): string {
  return where(p, lang) + messages[p.code][lang](p);
}

/** The first `max` problems, one per line, then "og N flere" / "and N more". */
export function formatProblems(
  problems: readonly RowProblem[],
  problemCount: number,
  lang: Lang,
  max = 50,
): string {
  const lines = problems.slice(0, max).map((p) => formatProblem(p, lang));
  const rest = problemCount - lines.length;
  if (rest > 0)
    lines.push(
      lang === 'da'
        ? `… og ${rest.toLocaleString('da-DK')} flere.`
        : `… and ${rest.toLocaleString('en-GB')} more.`,
    );
  return lines.join('\n');
}
