/**
 * Writes the synthetic example files beside this script (run: npx tsx examples/monitor/make-example.ts).
 * Deterministic: the same seed gives the same files. Answers follow a social gradient (lower
 * education and income, no job: more adverse outcomes) so the monitor has something to show.
 * The data are invented; they describe no real person.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../../src/monitor/measures/random.ts';

interface Codebook {
  columns: { weight: string; area: string; year: string };
  dimensions: { column: string; categories: { code: string }[] }[];
  indicators: { column: string; favourable: boolean }[];
}

const here = new URL('.', import.meta.url);
const codebook = JSON.parse(readFileSync(new URL('codebook.json', here), 'utf8')) as Codebook;

const random = mulberry32(20251);
const pick = (weights: number[]) => {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = random() * total;
  for (let i = 0; i < weights.length; i++) if ((u -= weights[i]!) < 0) return i;
  return weights.length - 1;
};

const ROWS = 2000;
const base = [0.17, 0.15, 0.12, 0.09, 0.16, 0.2, 0.14, 0.28, 0.1, 0.22, 0.11, 0.13, 0.85];
const header = [
  'lbnr',
  codebook.columns.year,
  codebook.columns.area,
  codebook.columns.weight,
  ...codebook.dimensions.map((d) => d.column),
  ...codebook.indicators.map((i) => i.column),
];

const lines: string[][] = [];
for (let r = 1; r <= ROWS; r++) {
  const age = pick([0.14, 0.31, 0.32, 0.23]);
  const edu = pick([0.2, 0.4, 0.27, 0.13]);
  const job =
    age === 3 ? 5 : age === 0 && random() < 0.6 ? 4 : pick([0.8, 0.05, 0.04, 0.05, 0.03, 0.03]);
  const inc = Math.min(4, Math.max(0, edu + pick([0.25, 0.35, 0.25, 0.15]) - 1));
  const origin = pick([0.86, 0.05, 0.09]);
  const sex = pick([0.49, 0.51]);
  const alone = pick([age === 3 ? 0.4 : 0.22, 0.78]);
  // Disadvantage 0..1 drives the gradient.
  const dis = ((3 - edu) / 3) * 0.4 + ((4 - inc) / 4) * 0.3 + (job === 0 || job === 4 ? 0 : 0.3);
  const dims = [edu, job, inc, origin, sex, age, alone].map((i) => String(i + 1));
  // A few respondents did not answer the education and income questions.
  if (random() < 0.02) dims[0] = '9';
  if (random() < 0.04) dims[2] = '9';
  const answers = codebook.indicators.map((ind, i) => {
    if (random() < 0.03) return random() < 0.5 ? '9' : '';
    const p = ind.favourable
      ? base[i]! * (1 - 0.35 * dis)
      : Math.min(0.95, base[i]! * (0.6 + 1.4 * dis));
    return random() < p ? '1' : '0';
  });
  const weight = (0.4 + random() * 1.8).toFixed(3).replace('.', ',');
  lines.push([String(r), '2025', '0265', weight, ...dims, ...answers]);
}

const write = (name: string, rows: string[][]) =>
  writeFileSync(
    new URL(name, here),
    [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n',
  );
write('roskilde-2025.csv', lines);

// The same file with five deliberate errors; line numbers count the header as line 1.
const bad = lines.map((r) => [...r]);
bad[5]![4] = '7'; // line 7: unknown education code
bad[41]![1] = ''; // line 43: missing year
bad[99]![3] = '-1,2'; // line 101: negative weight
bad[499]![2] = '9999'; // line 501: not a kommune
bad[1499]![11] = '2'; // line 1501: unknown answer code (dagligryger)
write('roskilde-2025-med-fejl.csv', bad);
