import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeAll } from '../measures/heat.ts';
import { runMeasures } from './measures.cli.ts';
import { type GroupMeasures } from './measures.ts';
import type { MeasureMethod } from '../measures/method.ts';
import { readTemplateFile } from './template.read.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

async function run(input: string, format: 'json' | 'csv', method?: MeasureMethod) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errs: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  err.on('data', (c: Buffer) => errs.push(c.toString()));
  const code = await runMeasures({
    input,
    format,
    out,
    err,
    heat: { repetitions: 300 },
    ...(method ? { method } : {}),
  });
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

  it('--method phe gives PHE’s SII/RII (WLS, Monte Carlo limits); the default stays WHO HEAT’s', async () => {
    const heat = JSON.parse((await run(fixture('anc-wealth.csv'), 'json')).out) as GroupMeasures[];
    const phe = JSON.parse(
      (await run(fixture('anc-wealth.csv'), 'json', 'phe')).out,
    ) as GroupMeasures[];
    const sii = (g: GroupMeasures[] | undefined) => g?.[0]?.measures.find((m) => m.code === 'SII');
    expect(sii(heat)?.method).toMatch(/^heat-logit/);
    expect(sii(heat)?.interval).toBe('heat-model');
    expect(sii(phe)?.method).toMatch(/^phe-wls/);
    expect(sii(phe)?.interval).toBe('monte-carlo');
    expect(sii(phe)?.value).not.toBeCloseTo(sii(heat)?.value ?? 0, 6);
    // D has no convention to choose: the same under both.
    const d = (g: GroupMeasures[]) => g[0]?.measures.find((m) => m.code === 'D')?.value;
    expect(d(phe)).toBe(d(heat));
    const survey = JSON.parse(
      (await run(fixture('anc-wealth.csv'), 'json', 'survey')).out,
    ) as GroupMeasures[];
    expect(sii(survey)?.interval).toBe('simulation');
  });

  it('a missing file is reported, exit 1', async () => {
    const res = await run('/nonexistent/template.csv', 'csv');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/kan ikke læses/);
  });
});
