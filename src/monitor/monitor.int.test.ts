/**
 * The planner's monitor end to end over HTTP (app.inject): pages, role checks, suppression on
 * every output, downloads in WHO's template, and upload of a good and a broken file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { TEMPLATE_COLUMNS } from './heatplus/template.ts';
import { readTemplateCsv } from './heatplus/template.read.ts';
import { inTenant } from '../db/db.ts';
import { getJob, startJob } from './microdata/import.store.ts';
import { recoverImports } from './microdata/import.service.ts';

const EXAMPLES = new URL('../../examples/monitor/', import.meta.url);

eachEngine('equity monitor pages', (ctx) => {
  let app: FastifyInstance;
  let datasetId: string;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    datasetId = (await seedSurvey(ctx.db, { shared: true })).datasetId;
    app = await testApp(ctx.db);
  });
  afterAll(() => app.close());

  // One signed-in planner for the suite: repeated sign-ins would only slow the suite
  // (failed ones are throttled per account, decision 0010).
  let plannerClient: Client | undefined;
  const planner = async () => {
    if (!plannerClient) {
      plannerClient = new Client(app);
      await plannerClient.signIn('planner@test.dk');
    }
    return plannerClient;
  };

  it('is for planners and admins only', async () => {
    const anonymous = await new Client(app).get('/personale/monitor');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/personale/log-ind');
    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    expect((await provider.get('/personale/monitor')).statusCode).toBe(403);
    expect((await provider.get('/personale/monitor/download/csv')).statusCode).toBe(403);
    const admin = new Client(app);
    await admin.signIn('admin@test.dk');
    expect((await admin.get('/personale/monitor')).statusCode).toBe(200);
  });

  it('shows every indicator by education for Roskilde, with the synthetic label', async () => {
    const c = await planner();
    const res = await c.get(
      `/personale/monitor?datasaet=${datasetId}&omraade=0265&aar=2021&dimension=uddannelse`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Roskilde');
    expect(res.body).toContain('Ryger dagligt');
    expect(res.body).toContain('Syntetiske data');
    expect(res.body).toMatch(/<svg[^>]+role="img"/);
    // Is the gap closing? D in both waves.
    expect(res.body).toContain('Bliver forskellen mindre?');
    expect(res.body).toMatch(/<th scope="col">2017<\/th><th scope="col">2021<\/th>/);
    // The chosen measures' columns.
    expect(res.body).toContain('<abbr title="Hældningsindeks for ulighed">SII</abbr>');
  });

  it('compares the smoking gap by education in Roskilde with the region and the country, with SII and RII', async () => {
    const c = await planner();
    const res = await c.get(
      `/personale/monitor/indikator?datasaet=${datasetId}&omraade=0265&aar=2021&dimension=uddannelse&indikator=dagligryger`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.body;
    // Three municipalities in two regions: named for what they sum, not the whole region or country.
    expect(body).toContain('de 2 kommuner i datasættet i Region Sjælland');
    expect(body).toContain('de 3 kommuner i datasættet');
    for (const code of ['SII', 'RII', 'ACI', 'RCI', 'D', 'R', 'PAF', 'PAR'])
      expect(body.includes(`>${code}</abbr>`), code).toBe(true);
    // Each measure names its method (HEAT's logit convention for SII here).
    expect(body).toMatch(/logit/i);
    // Directly age-standardised to the country's age distribution.
    expect(body).toContain('Aldersstandardiseret andel');
    // The trend and the map with its attribution.
    expect(body).toContain('Udvikling over tid');
    expect(body).toContain('Geodatastyrelsen');
  });

  it('hides a group of 3 respondents and one more cell, on the page and in every download', async () => {
    const c = await planner();
    const q = `datasaet=${datasetId}&omraade=0265&aar=2021&dimension=herkomst&indikator=dagligryger`;
    const page = await c.get(`/personale/monitor/indikator?${q}`);
    expect(page.body).toContain('For få svar');
    const csv = await c.get(`/personale/monitor/download/csv?${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 3)).toEqual(['område', 'år', 'indikator']);
    const rows = lines.slice(1).map((l) => l.split(';'));
    const roskilde = rows.filter(
      (r) =>
        r[0] === 'Roskilde' && r[1] === '2021' && r[2] === 'Ryger dagligt' && r[3] === 'Herkomst',
    );
    const hidden = roskilde.filter((r) => r[11] === 'For få svar');
    // The tiny group and a complementary cell, so total minus the others reveals nothing.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const total = roskilde.find((r) => r[4] === 'Alle');
    const shownN = roskilde
      .filter((r) => r[4] !== 'Alle' && r[9] !== '')
      .reduce((a, r) => a + Number(r[9]), 0);
    expect(Number(total![9]) - shownN).toBeGreaterThanOrEqual(20);

    const heat = await c.get(`/personale/monitor/download/heatplus.csv?${q}`);
    const parsed = readTemplateCsv(heat.body);
    expect(heat.body.split('\r\n')[0]).toBe(TEMPLATE_COLUMNS.join(','));
    // A dimension with a hidden subgroup is left out of WHO's template altogether.
    expect(
      parsed.rows.filter(
        (r) => r.setting === 'Roskilde' && r.date === 2021 && r.dimension === 'Herkomst',
      ),
    ).toEqual([]);
  });

  it('downloads the whole year in WHO HEAT Plus format, labelled synthetic', async () => {
    const c = await planner();
    const res = await c.get(
      `/personale/monitor/download/heatplus.csv?datasaet=${datasetId}&omraade=0265&aar=2021`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('syntetisk');
    const parsed = readTemplateCsv(res.body);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const education = parsed.rows.filter(
      (r) =>
        r.setting === 'de 3 kommuner i datasættet' &&
        r.indicator_abbr === 'dagligryger' &&
        r.dimension === 'Uddannelse',
    );
    expect(education.map((r) => r.subgroup_order).sort()).toEqual([1, 2, 3, 4]);
    expect(
      education.every(
        (r) =>
          r.favourable_indicator === 0 &&
          r.ordered_dimension === 1 &&
          r.note.includes('Syntetiske'),
      ),
    ).toBe(true);
    const xlsx = await c.get(
      `/personale/monitor/download/heatplus.xlsx?datasaet=${datasetId}&omraade=0265&aar=2021`,
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('ranks priorities and explains them in plain Danish', async () => {
    const c = await planner();
    const res = await c.get(
      `/personale/monitor/prioriteter?datasaet=${datasetId}&omraade=0265&aar=2017`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<ol class="lighed-priorities">/);
    expect(res.body).toContain('Grundskole');
    expect(res.body).toMatch(/færre, der/);
  });

  it('serves charts as SVG and PNG', async () => {
    const c = await planner();
    const q = `datasaet=${datasetId}&omraade=0265&aar=2021&dimension=uddannelse&indikator=dagligryger`;
    const svg = await c.get(`/personale/monitor/graf/equiplot.svg?${q}`);
    expect(svg.statusCode).toBe(200);
    expect(svg.body).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body).toContain('Syntetiske data til demonstration');
    const png = await c.get(`/personale/monitor/graf/kort.png?${q}`);
    expect(png.statusCode).toBe(200);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  describe('HEAT Plus template upload', () => {
    const fixture = readFileSync(
      new URL('heatplus/fixtures/anc-wealth.csv', import.meta.url),
      'utf8',
    );
    async function send(c: Client, body: string, name: string) {
      const form = await c.get('/personale/monitor/heatplus');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const fd = new FormData();
      fd.append('_csrf', token);
      fd.append('skabelon', new Blob([body]), name);
      return c.postForm('/personale/monitor/heatplus', fd);
    }

    it('computes every measure of a template file', async () => {
      const c = await planner();
      const res = await send(c, fixture, 'anc-wealth.csv');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Ghana 2014');
      expect(res.body).toContain('>SII</abbr>');
      expect(res.body).toMatch(/HC1/);
    });

    it('refuses a file over the size limit with a clear message, without reading it', async () => {
      const c = await planner();
      const res = await send(c, fixture + 'x'.repeat(9 * 1024 * 1024), 'stor.csv');
      expect(res.statusCode).toBe(413);
      expect(res.body).toContain('Filen er større end 8 MB');
      expect(res.body).not.toContain('>SII</abbr>');
    });

    it('names the line and column of a broken template and computes nothing', async () => {
      const c = await planner();
      const lines = fixture.trim().split(/\r?\n/);
      const header = lines[0]!.split(',');
      const estimate = header.indexOf('estimate');
      const broken = lines.map((l, i) => {
        if (i !== 2) return l;
        const cells = l.split(',');
        cells[estimate] = 'mange';
        return cells.join(',');
      });
      const res = await send(c, broken.join('\n'), 'broken.csv');
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Linje 3, kolonne «estimate»');
      expect(res.body).not.toContain('>SII</abbr>');
    });
  });

  describe('upload', () => {
    async function upload(c: Client, name: string) {
      const form = await c.get('/personale/monitor/data');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const fd = new FormData();
      fd.append('_csrf', token);
      fd.append('fil', new Blob([readFileSync(new URL(name, EXAMPLES))]), name);
      return c.postForm('/personale/monitor/data', fd);
    }

    async function waitForJob(jobId: string) {
      for (let i = 0; i < 200; i++) {
        const job = await getJob(ctx.db, '0265', jobId);
        if (job && job.status !== 'running') return job;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('import did not finish');
    }

    it('reports every problem of a broken file by line and column and stores nothing', async () => {
      const c = await planner();
      const before = (await c.get('/personale/monitor/data')).body.match(/<tr>/g)?.length ?? 0;
      const res = await upload(c, 'roskilde-2025-med-fejl.csv');
      expect(res.statusCode).toBe(303);
      const jobId = /\/personale\/monitor\/import\/([0-9a-f-]{36})$/.exec(
        res.headers.location as string,
      )?.[1];
      const job = await waitForJob(jobId!);
      expect(job.status).toBe('failed');
      const page = await c.get(`/personale/monitor/import/${jobId}`);
      expect(page.body).toContain('Intet er gemt');
      expect(page.body).toMatch(/Linje \d+, kolonne «[^»]+»/);
      const after = (await c.get('/personale/monitor/data')).body.match(/<tr>/g)?.length ?? 0;
      expect(after).toBe(before);
    });

    it('imports a good file and shows progress until it is done', async () => {
      const c = await planner();
      const res = await upload(c, 'roskilde-2025.csv');
      expect(res.statusCode).toBe(303);
      const jobId = /([0-9a-f-]{36})$/.exec(res.headers.location as string)?.[1];
      const job = await waitForJob(jobId!);
      expect(job.status).toBe('done');
      const page = await c.get(`/personale/monitor/import/${jobId}`);
      expect(page.body).toContain('Data er indlæst');
      const list = await c.get('/personale/monitor/data');
      expect(list.body).toContain('roskilde-2025.csv');
    });

    it('refuses an upload without a file, with a message beside the field', async () => {
      const c = await planner();
      const form = await c.get('/personale/monitor/data');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const fd = new FormData();
      fd.append('_csrf', token);
      const res = await c.postForm('/personale/monitor/data', fd);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Vælg en datafil');
    });

    it('refuses a multipart post from someone who is not a planner before reading it', async () => {
      const provider = new Client(app);
      await provider.signIn('provider@test.dk');
      const fd = new FormData();
      fd.append('fil', new Blob(['x']), 'x.csv');
      expect((await provider.postForm('/personale/monitor/data', fd)).statusCode).toBe(403);
    });

    it('keeps /healthz and the citizen pages answering while a large survey is imported', async () => {
      const c = await planner();
      // 50,000 rows (about 3 MB): the example repeated, parsed in a worker, written in batches.
      const [header, ...rows] = readFileSync(new URL('roskilde-2025.csv', EXAMPLES), 'utf8')
        .trim()
        .split(/\r?\n/);
      const big = [header, ...Array.from({ length: 25 }, () => rows).flat()].join('\n');
      const form = await c.get('/personale/monitor/data');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const fd = new FormData();
      fd.append('_csrf', token);
      fd.append('fil', new Blob([big]), 'stor.csv');
      const res = await c.postForm('/personale/monitor/data', fd);
      expect(res.statusCode).toBe(303);
      const jobId = /([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
      const answered: { ms: number; running: boolean }[] = [];
      for (;;) {
        const started = Date.now();
        const health = await app.inject({ method: 'GET', url: '/healthz' });
        const citizen = await app.inject({ method: 'GET', url: '/' });
        const ms = Date.now() - started;
        expect(health.statusCode).toBe(200);
        expect(citizen.statusCode).toBe(200);
        const job = await getJob(ctx.db, '0265', jobId);
        answered.push({ ms, running: job!.status === 'running' });
        if (job!.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // Answered before the import finished, and promptly (a guard, not a benchmark).
      expect(answered.filter((a) => a.running).length).toBeGreaterThan(0);
      expect(Math.max(...answered.map((a) => a.ms))).toBeLessThan(1000);
      expect((await getJob(ctx.db, '0265', jobId))!.status).toBe('done');
    });

    it('shows the audit page after an upload, in Danish, with the planner’s role', async () => {
      const admin = new Client(app);
      await admin.signIn('admin@test.dk');
      const res = await admin.get('/personale/audit?type=monitor_dataset');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/Sundhedsundersøgelse indlæst \([\d.]+ besvarelser\)/);
      expect(res.body).toContain('(planlægger)');
      expect(res.body).toContain('Datasæt i monitoren');
      expect(res.body).not.toContain('imported microdata');
    });

    it('says on the job page that an import killed mid-way was interrupted', async () => {
      const c = await planner();
      const jobId = await startJob(ctx.db, '0265', 'afbrudt.csv', null);
      await inTenant(ctx.db, '0265', (tx) =>
        tx.query(
          `update monitor_import_job set heartbeat_at = now() - interval '5 minutes' where id = $1`,
          [jobId],
        ),
      );
      await recoverImports(ctx.db);
      const page = await c.get(`/personale/monitor/import/${jobId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Indlæsningen blev afbrudt');
      expect(page.body).not.toContain('http-equiv="refresh"');
    });
  });

  describe('datasets: whose they are', () => {
    it('labels the national dataset shared, without a delete button, and refuses deleting it', async () => {
      const c = await planner();
      const page = await c.get('/personale/monitor/data');
      const row = page.body.split('<tr>').find((r) => r.includes(`datasaet=${datasetId}`))!;
      expect(row).toContain('Nationalt (delt)');
      expect(row).not.toContain('Kommunens eget');
      expect(row).not.toContain('/slet');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const res = await c.post(`/personale/monitor/data/${datasetId}/slet`, { _csrf: token });
      expect(res.statusCode).toBe(403);
      expect((await c.get('/personale/monitor/data')).body).toContain(`datasaet=${datasetId}`);
    });
  });

  it('keeps /healthz answering while a large HEAT Plus file is measured', async () => {
    const c = await planner();
    const header =
      'setting,date,source,indicator_abbr,indicator_name,dimension,subgroup,estimate,se,ci_lb,ci_ub,population,note,setting_average,iso3,favourable_indicator,indicator_scale,ordered_dimension,subgroup_order,reference_subgroup';
    const lines = [header];
    // 2,500 rows with long notes: about 3 MB, measured in a worker for a few seconds.
    const note = 'Bemærkning '.repeat(110);
    for (let g = 1; g <= 10; g++)
      for (let k = 1; k <= 250; k++) {
        const est = 10 + ((g * 7 + k * 13) % 200) / 10;
        lines.push(
          `Område ${g},2021,Kilde,ryg,Daglig rygning (%),Kommune,Kommune ${k},${est},0.5,${est - 1},${est + 1},1000,${note},20,DNK,0,100,0,0,${k === 1 ? 1 : 0}`,
        );
      }
    const form = await c.get('/personale/monitor/heatplus');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const fd = new FormData();
    fd.append('_csrf', token);
    fd.append('skabelon', new Blob([lines.join('\n')]), 'stor.csv');
    let finished = false;
    const post = c.postForm('/personale/monitor/heatplus', fd).finally(() => (finished = true));
    const during: number[] = [];
    while (!finished) {
      const started = Date.now();
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      if (!finished) during.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await post;
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Område 10');
    expect(during.length).toBeGreaterThan(2);
    expect(Math.max(...during)).toBeLessThan(1000);
  });
});
