import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeAll } from '../measures/heat.ts';
import { runMeasures } from './measures.cli.ts';
import { type GroupMeasures } from './measures.ts';
import { readTemplateFile } from './template.read.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

async function run(input: string, format: 'json' | 'csv') {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errs: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  err.on('data', (c: Buffer) => errs.push(c.toString()));
  const code = await runMeasures({ input, format, out, err, heat: { repetitions: 300 } });
  return { code, out: chunks.join(''), err: errs.join('') };
}

describe('lighed measures', () => {
  it('prints every ordered measure per setting x date x indicator x dimension as JSON', async () => {
    const res = await run(fixture('anc-wealth.csv'), 'json');
    expect(res.code).toBe(0);
    expect(res.err).toBe('');
    const groups = JSON.parse(res.out) as GroupMeasures[];
    expect(groups.map((g) => [g.setting, g.date, g.indicator_abbr, g.dimension])).toEqual([
      ['Ghana', 2014, 'anc4', 'Economic status (wealth quintile)'],
      ['Ghana', 2008, 'anc4', 'Economic status (wealth quintile)'],
    ]);
    expect(groups[0]?.measures.map((m) => m.code)).toEqual([
      'D',
      'R',
      'ACI',
      'RCI',
      'SII',
      'RII',
      'PAF',
      'PAR',
    ]);
    const d = groups[0]?.measures.find((m) => m.code === 'D');
    expect(d?.value).toBeCloseTo(96.1 - 78.0, 10);
    // the same numbers as computeAll on the parsed group
    const parsed = await readTemplateFile(fixture('anc-wealth.csv'));
    const setting = parsed.groups[0]?.measureSetting;
    if (!setting) throw new Error('no setting');
    const direct = computeAll(setting, { repetitions: 300 });
    expect(groups[0]?.measures.map((m) => m.value)).toEqual(direct.map((m) => m.value));
    for (const m of groups[0]?.measures ?? []) expect(m.method.length, m.code).toBeGreaterThan(10);
  });

  it('prints one CSV row per measure for a non-ordered dimension with a reference subgroup', async () => {
    const res = await run(fixture('smoking-region.csv'), 'csv');
    expect(res.code).toBe(0);
    const lines = res.out.trim().split('\r\n');
    expect(lines[0]).toBe(
      'setting,date,source,indicator_abbr,indicator_name,dimension,measure,value,lower,upper,method',
    );
    expect(lines).toHaveLength(1 + 17); // all non-ordered measures, MDRU/MDRW included
    const d = lines.find((l) => l.includes(',Region,D,'));
    // adverse with reference Hovedstaden 14.2: highest other (Sjælland 19.5) - reference
    expect(d).toMatch(/,Region,D,5\.3/);
  });

  it('a file with problems: report on stderr naming line and column, exit 1, nothing on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lighed-measures-'));
    const bad = join(dir, 'bad.csv');
    const text = await readFile(fixture('anc-wealth.csv'), 'utf8');
    await writeFile(bad, text.replace('78.0,1.9', '78.0,minus'));
    const res = await run(bad, 'json');
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/Linje 2, kolonne «se»: «minus» er ikke et tal\./);
    expect(res.err).toMatch(/Line 2, column «se»: «minus» is not a number\./);
  });

  it('a missing file is reported, exit 1', async () => {
    const res = await run('/nonexistent/template.csv', 'csv');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/kan ikke læses/);
  });
});
