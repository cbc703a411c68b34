/**
 * The portfolio review and the committee report over HTTP: flags, a decision with errors named,
 * saved, and refused when stale; the report page, its Word file and PDF, publishing a snapshot.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { findChromium } from '../platform/pdf.ts';
import { PORTFOLIO_PATH, REPORT_PATH } from './index.ts';

const chromium = await findChromium();

eachEngine('portfolio and committee report', (ctx) => {
  let app: FastifyInstance;
  let f: Fixture;
  let planner: Client;
  const walk = () => `${PORTFOLIO_PATH}/tilbud/${f.walkId}`;

  beforeAll(async () => {
    f = await seedFixture(ctx.db);
    await seedSurvey(ctx.db);
    app = await testApp(ctx.db);
    planner = new Client(app);
    await planner.signIn('planner@test.dk');
  });

  it('lists offers with what to look at, for planners only', async () => {
    const res = await planner.get(PORTFOLIO_PATH);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gåtur i Æblehaven');
    expect(res.body).toContain('Få deltagere');
    expect(res.body).not.toContain('Hemmelig kladde');
    const frontline = new Client(app);
    await frontline.signIn('frontline@test.dk');
    expect((await frontline.get(PORTFOLIO_PATH)).statusCode).toBe(403);
  });

  it('records a decision: errors at their fields, then saved in the history, stale refused', async () => {
    const bad = await planner.post(walk(), {
      decision: '',
      reason: '',
      decidedOn: 'i går',
      seen: '0',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-decision"');
    expect(bad.body).toContain('href="#f-reason"');
    expect(bad.body).toContain('href="#f-decidedOn"');
    const ok = await planner.post(walk(), {
      decision: 'adjust',
      reason: 'Flyt gåturen til eftermiddagen, så flere kan komme.',
      decidedOn: '2026-01-15',
      seen: '0',
    });
    expect(ok.statusCode).toBe(303);
    const page = await planner.get(walk());
    expect(page.body).toContain('Flyt gåturen til eftermiddagen');
    expect(page.body).toContain('Justeres');
    const stale = await planner.post(walk(), {
      decision: 'stop',
      reason: 'Stop den.',
      decidedOn: '2026-01-16',
      seen: '0',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Stop den.');
  });

  it('shows the health committee’s report and gives it as Word and PDF', async () => {
    const page = await planner.get(`${REPORT_PATH}?udvalg=health&aar=2026`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De største forskelle');
    const bad = await planner.get(`${REPORT_PATH}?udvalg=health&aar=26`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-aar"');
    const docx = await planner.get(`${REPORT_PATH}.docx?udvalg=health&aar=2026`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    if (chromium) {
      const pdf = await planner.get(`${REPORT_PATH}.pdf?udvalg=health&aar=2026`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    }
  });

  it('publishes a snapshot that stays readable with its date', async () => {
    const res = await planner.post(
      `${REPORT_PATH}/udgiv?udvalg=health&aar=2026`,
      {},
      `${REPORT_PATH}?udvalg=health&aar=2026`,
    );
    expect(res.statusCode).toBe(303);
    const at = res.headers.location as string;
    const published = await planner.get(at);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('Udgivet');
    const docx = await planner.get(`${at}/docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await planner.get(`${REPORT_PATH}?udvalg=health&aar=2026`)).body).toContain(at);
  });
});
