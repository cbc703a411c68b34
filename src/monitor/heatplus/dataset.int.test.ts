/**
 * A HEAT Plus file as a monitor dataset, end to end over HTTP (app.inject) on both engines:
 * upload → the indicator page shows the file's indicator beside the survey's, with its own
 * intervals, suppression and method named; a broken file is refused by line and column; only
 * the owning municipality deletes it; the CLI loads the same file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../test/support/db.ts';
import { Client, seedFixture, testApp } from '../../../test/support/app.ts';
import { seedSurvey } from '../../../test/support/monitor.ts';
import { deleteOwnDataset, datasetsOf } from '../microdata/import.service.ts';
import { DEMO_HEATPLUS_FILE, seedDemoHeatPlus } from '../demo/heatplus.seed.ts';
import { monitorImportHeatPlus } from './dataset.cli.ts';

const fixtureUrl = (name: string) => new URL(`fixtures/${name}`, import.meta.url);
const demoFile = readFileSync(fixtureUrl('demo-registers.csv'), 'utf8');
const ghanaFile = readFileSync(fixtureUrl('anc-wealth.csv'), 'utf8');

eachEngine('a HEAT Plus file as a monitor dataset', (ctx) => {
  let app: FastifyInstance;
  let surveyId: string;
  let datasetId = '';
  let planner: Client;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    surveyId = (await seedSurvey(ctx.db, { shared: true })).datasetId;
    app = await testApp(ctx.db);
    planner = new Client(app);
    await planner.signIn('planner@test.dk');
  });
  afterAll(() => app.close());

  async function upload(c: Client, body: string, fileName: string, name = '') {
    const form = await c.get('/personale/monitor/heatplus/datasaet');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const fd = new FormData();
    fd.append('_csrf', token);
    fd.append('skabelon', new Blob([body]), fileName);
    fd.append('navn', name);
    return c.postForm('/personale/monitor/heatplus/datasaet', fd);
  }

  it('offers the upload to planners only', async () => {
    const page = await planner.get('/personale/monitor/heatplus/datasaet');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Indlæs en HEAT Plus-fil som datasæt');
    expect(page.body).toContain('name="skabelon"');
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect((await provider.get('/personale/monitor/heatplus/datasaet')).statusCode).toBe(403);
    const data = await planner.get('/personale/monitor/data');
    expect(data.body).toContain('href="/personale/monitor/heatplus/datasaet"');
  });

  it('refuses a file with settings the monitor does not know, by line and column, storing nothing', async () => {
    const before = (await datasetsOf(ctx.db, '0265')).length;
    const res = await upload(planner, ghanaFile, 'anc-wealth.csv');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Linje 2, kolonne «setting»: «Ghana» er hverken en dansk kommune');
    expect(res.body).toContain('1 fejl i anc-wealth.csv. Intet er gemt.');
    expect((await datasetsOf(ctx.db, '0265')).length).toBe(before);
  });

  it('loads a file and opens its indicator page, with the file’s figures, intervals and method', async () => {
    const res = await upload(planner, demoFile, 'registre.csv', 'Registertal for børn');
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    datasetId = /datasaet=([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
    expect(datasetId).not.toBe('');
    const page = await planner.get(
      `/personale/monitor/indikator?datasaet=${datasetId}&omraade=0265&aar=2019&dimension=foraeldres_uddannelse&indikator=mfr2`,
    );
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('MFR-vaccination, 2. stik ved 6 år (%)');
    expect(body).toContain('Tallene kommer fra HEAT Plus-filen registre.csv');
    expect(body).toContain('Syntetiske registertal (demo)');
    expect(body).toContain('Estimater og 95 %-intervaller er filens egne');
    // Roskilde's lowest-educated group as the file gives it: 87,0 % (82,2–91,8).
    expect(body).toContain('87,0 % (82,2–91,8)');
    // Beside the region and the country the file holds, named as themselves.
    expect(body).toContain('Region Sjælland');
    expect(body).toContain('Hele landet');
    expect(body).not.toContain('kommuner i datasættet');
    // HEAT's measures with the method named.
    expect(body).toContain('<abbr title="Hældningsindeks for ulighed">SII</abbr>');
    expect(body).toContain("Metode: WHO HEAT's ulighedsmål.");
    // The picker offers the survey beside the file, and the file's own places.
    expect(body).toContain(`value="${surveyId}"`);
    expect(body).toMatch(/<option value="1085"[^>]*>Region Sjælland<\/option>/);
  });

  it('hides a small group of the file as the survey’s figures are hidden', async () => {
    const page = await planner.get(
      `/personale/monitor/indikator?datasaet=${datasetId}&omraade=0350&aar=2019&dimension=herkomst&indikator=mfr2`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('For få svar');
    // Lejre's 11 children of immigrants: no 89,3 % anywhere.
    expect(page.body).not.toContain('89,3');
    expect(page.body).toContain('Ulighedsmålene kan ikke vises');
  });

  it('shows the file on the overview, priorities, downloads and charts', async () => {
    const q = `datasaet=${datasetId}&omraade=0265&aar=2023&dimension=foraeldres_uddannelse`;
    const overview = await planner.get(`/personale/monitor?${q}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Overvægt ved indskolingsundersøgelsen (%)');
    expect((await planner.get(`/personale/monitor/prioriteter?${q}`)).statusCode).toBe(200);
    const csv = await planner.get(`/personale/monitor/download/csv?${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('MFR-vaccination');
    const heat = await planner.get(`/personale/monitor/download/heatplus.csv?${q}`);
    expect(heat.statusCode).toBe(200);
    const svg = await planner.get(`/personale/monitor/graf/equiplot.svg?${q}&indikator=mfr2`);
    expect(svg.statusCode).toBe(200);
    expect(svg.body).toContain('<svg');
  });

  it('is listed among the datasets with its kind and source; the survey stays the default', async () => {
    const data = await planner.get('/personale/monitor/data');
    expect(data.body).toContain('Registertal for børn');
    expect(data.body).toContain('HEAT Plus-fil: registre.csv');
    expect(data.body).toContain('Kilde: Syntetiske registertal (demo)');
    const overview = await planner.get('/personale/monitor');
    expect(overview.body).toContain('Ryger dagligt');
  });

  it('is deleted by its own municipality only, with its figures', async () => {
    const lejre = { kommune: '0350', actorId: null, actorRole: 'system', requestId: 't' } as const;
    expect(await deleteOwnDataset(ctx.db, lejre, datasetId)).toBe('notFound');
    const form = await planner.get('/personale/monitor/data');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const res = await planner.postRaw(`/personale/monitor/data/${datasetId}/slet`, {
      _csrf: token,
    });
    expect(res.statusCode).toBe(303);
    expect((await datasetsOf(ctx.db, '0265')).some((d) => d.id === datasetId)).toBe(false);
    const left = await ctx.db.asOwner((tx) =>
      tx.query<{ n: number }>(
        'select count(*)::int as n from monitor_heatplus_estimate where dataset_id = $1',
        [datasetId],
      ),
    );
    expect(left[0]?.n).toBe(0);
  });

  it('seeds the demo’s synthetic register file once, labelled synthetic', async () => {
    expect(await seedDemoHeatPlus(ctx.db, '0350')).toBe(true);
    expect(await seedDemoHeatPlus(ctx.db, '0350')).toBe(false);
    const demo = (await datasetsOf(ctx.db, '0350')).find((d) => d.kind === 'heatplus');
    expect(demo).toMatchObject({
      synthetic: true,
      fileName: DEMO_HEATPLUS_FILE,
      years: [2019, 2023],
    });
  });

  describe('lighed monitor import-heatplus', () => {
    const io = () => {
      const out: string[] = [];
      let err = '';
      return {
        out,
        get err() {
          return err;
        },
        io: { out: (l: string) => out.push(l), err: { write: (s: string) => (err += s) } },
      };
    };

    it('loads a file for a municipality and prints the dataset', async () => {
      const o = io();
      const code = await monitorImportHeatPlus(
        ctx.db,
        fileURLToPath(fixtureUrl('smoking-region.csv')),
        { kommune: '265', name: 'Sundhedsprofilen efter region' },
        o.io,
      );
      expect(code).toBe(0);
      const id = /datasæt ([0-9a-f-]{36})/.exec(o.out.join('\n'))?.[1];
      const list = await datasetsOf(ctx.db, '0265');
      const found = list.find((d) => d.id === id);
      expect(found).toMatchObject({ kind: 'heatplus', fileName: 'smoking-region.csv' });
      expect(found?.codebook.name.da).toBe('Sundhedsprofilen efter region');
    });

    it('prints the problems by line and column and stores nothing', async () => {
      const o = io();
      const code = await monitorImportHeatPlus(
        ctx.db,
        fileURLToPath(fixtureUrl('anc-wealth.csv')),
        { kommune: '0265' },
        o.io,
      );
      expect(code).toBe(1);
      expect(o.err).toContain('Linje 2, kolonne «setting»');
      expect(o.err).toContain('Line 2, column «setting»');
    });
  });
});
