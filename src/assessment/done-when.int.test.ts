/**
 * Issue 13's "done when" for the equity impact assessment, over HTTP on both engines: a planner
 * in the technical department assesses a new local plan for a housing area. The screening asks
 * for a full assessment, the groups and layers are chosen, the page shows the area's gaps from
 * the monitor (with a small group hidden), two mitigations are written and one becomes an
 * intervention, and the report downloads as PDF and Word.
 */
import { inflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { findChromium } from '../platform/pdf.ts';
import { getIntervention, listGoals } from '../planning/index.ts';
import { addMonths } from './assessment.ts';
import { DEFAULT_TEMPLATE } from './template.ts';

const BASE = '/personale/lighedsvurderinger';
const chromium = await findChromium();
const required = process.env.LIGHED_REQUIRE_BROWSER === '1';
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** word/document.xml from a .docx (a zip), read through its central directory. */
function documentXml(zip: Buffer): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name === 'word/document.xml') {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(p + 20));
      return (zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return '';
}

eachEngine('done when: a planner assesses a local plan', (ctx) => {
  let app: FastifyInstance;
  let planner: Client;
  let url = '';

  beforeAll(async () => {
    await seedFixture(ctx.db);
    await seedSurvey(ctx.db);
    app = await testApp(ctx.db);
    planner = new Client(app);
    await planner.signIn('planner@test.dk');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts the assessment from the planning pages; the screening asks for a full one', async () => {
    const planning = await planner.get('/personale/planlaegning');
    expect(planning.body).toContain(`href="${BASE}"`);
    const start = await planner.get(BASE);
    expect(start.statusCode).toBe(200);
    const created = await planner.post(`${BASE}/ny`, {
      title: 'Lokalplan 512: boligområdet ved Søndertorv',
      proposalType: 'lokalplan',
      department: 'planning_environment',
      description: 'Nye boliger, færre p-pladser, busstoppestedet flyttes 400 meter.',
      decision: 'Teknik- og Miljøudvalget: forslag til lokalplan',
      decisionDate: '2026-09-15',
      objective: 'Hvem får glæde af planen, og hvem rammes?',
      area: '0265',
    });
    expect(created.statusCode).toBe(303);
    url = String(created.headers.location).replace(/\?.*$/, '');

    const answers = Object.fromEntries(DEFAULT_TEMPLATE.questions.map((q) => [`s_${q.key}`, 'no']));
    const screened = await planner.post(`${url}/screening`, {
      version: versionOf((await planner.get(`${url}/screening`)).body),
      ...answers,
      s_disadvantaged: 'yes',
      s_surroundings: 'yes',
      s_access: 'yes',
    });
    expect(screened.statusCode).toBe(303);
    const page = await planner.get(`${url}/screening`);
    expect(page.body).toContain('Forslaget skal have en fuld vurdering');
    expect(page.body).toContain('I svarede ja til: Rammer forslaget især grupper');
  });

  it("chooses groups and layers; the matrix page shows the area's gaps from the monitor", async () => {
    const scoped = await planner.post(`${url}/afgraensning`, {
      version: versionOf((await planner.get(`${url}/afgraensning`)).body),
      groups: ['education', 'origin', 'disability'],
      layers: ['networks', 'conditions'],
    });
    expect(scoped.statusCode).toBe(303);
    const matrix = await planner.get(`${url}/vurdering`);
    expect(matrix.statusCode).toBe(200);
    expect(matrix.body).toContain('Tal fra monitoren efter Uddannelse');
    // Smoking falls with education in the test survey: the clearest gap, with its interval.
    expect(matrix.body).toContain('Ryger dagligt');
    expect(matrix.body).toMatch(/Grundskole<\/td><td>\d+,\d\u00a0%\s\(\d+,\d\u2060–\u2060\d+,\d\)/);
    expect(matrix.body).toContain('procentpoint');
    // Three non-Western respondents in Roskilde: hidden, and the page says figures are hidden.
    expect(matrix.body).toContain('Tal fra monitoren efter Herkomst');
    expect(matrix.body).toContain('Ikke-vestlig</td><td>For få svar</td>');
    expect(matrix.body).toMatch(/tal (er|is) skjult, fordi for få har svaret/);
    // A group the monitor has no figures for says so.
    expect(matrix.body).toContain('Monitoren har ikke tal for denne gruppe');

    const saved = await planner.post(`${url}/vurdering`, {
      version: versionOf(matrix.body),
      c_education_conditions_impact: 'negative',
      c_education_conditions_confidence: 'high',
      c_education_conditions_evidence: 'Flere med kort uddannelse er afhængige af bussen.',
      c_education_networks_impact: 'positive',
      c_education_networks_confidence: 'medium',
      c_origin_networks_impact: 'uncertain',
      c_origin_networks_confidence: 'low',
      c_disability_conditions_impact: 'negative',
      c_disability_conditions_confidence: 'medium',
    });
    expect(saved.statusCode).toBe(303);
  });

  it('writes two mitigations; one becomes an intervention, linked both ways', async () => {
    const actions = `${url}/handlinger`;
    for (const [group, text] of [
      ['education', 'Behold et busstoppested inden for 200 meter af boligerne.'],
      ['disability', 'Handicapparkering og niveaufri adgang ved alle opgange.'],
    ])
      expect(
        (
          await planner.post(actions, {
            version: versionOf((await planner.get(actions)).body),
            actionKind: 'mitigate',
            actionGroup: group!,
            actionText: text!,
          })
        ).statusCode,
      ).toBe(303);
    let page = await planner.get(actions);
    expect(page.body).not.toContain('Negative virkninger uden forslag til afbødning');
    const make = /action="([^"]+\/indsats)"/.exec(page.body)![1]!;
    const made = await planner.post(make, { version: versionOf(page.body) }, actions);
    expect(made.statusCode).toBe(303);
    page = await planner.get(actions);
    expect(page.body).toContain('indsats oprettet');
    const interventionId = /\/personale\/planlaegning\/indsatser\/([0-9a-f-]{36})/.exec(
      page.body,
    )![1]!;
    const intervention = await getIntervention(ctx.db, '0265', interventionId);
    expect(intervention?.department).toBe('planning_environment');
    expect(intervention?.purpose).toContain('busstoppested');

    // Follow smoking by education; conclude; review 6–12 months after the decision; final.
    expect(
      (
        await planner.post(
          `${url}/indikatorer`,
          {
            version: versionOf(page.body),
            indicator: 'dagligryger',
            indicatorDimension: 'uddannelse',
            indicatorDescription: '',
          },
          actions,
        )
      ).statusCode,
    ).toBe(303);
    page = await planner.get(actions);
    expect(page.body).toContain('Ryger dagligt i 2021');
    // The monitored indicator becomes a goal of planning: the gap in smoking by education.
    const goalUrl = /action="([^"]+\/maal)"/.exec(page.body)![1]!;
    const ind = /indikatorer\/([0-9a-f-]{36})\/maal/.exec(goalUrl)![1]!;
    const noYear = await planner.post(
      goalUrl,
      { version: versionOf(page.body), [`goal_${ind}_value`]: '8', [`goal_${ind}_year`]: '' },
      actions,
    );
    expect(noYear.statusCode).toBe(400);
    expect(noYear.body).toContain('Skriv et årstal efter i år.');
    const goal = await planner.post(
      goalUrl,
      { version: versionOf(page.body), [`goal_${ind}_value`]: '8', [`goal_${ind}_year`]: '2030' },
      actions,
    );
    expect(goal.statusCode).toBe(303);
    page = await planner.get(actions);
    expect(page.body).toContain('mål oprettet');
    const goals = await listGoals(ctx.db, '0265');
    expect(goals.map((g) => [g.kind, g.indicator, g.dimension])).toContainEqual([
      'gap',
      'dagligryger',
      'uddannelse',
    ]);
    expect(
      (
        await planner.post(
          `${url}/konklusion`,
          {
            version: versionOf(page.body),
            conclusion:
              'Planen kan øge uligheden, hvis bussen flyttes. Med afbødningerne er den acceptabel.',
            reviewDate: addMonths('2026-09-15', 9),
          },
          actions,
        )
      ).statusCode,
    ).toBe(303);
    const overview = await planner.get(url);
    expect(
      (
        await planner.post(
          `${url}/status`,
          { version: versionOf(overview.body), state: 'final' },
          url,
        )
      ).statusCode,
    ).toBe(303);
  });

  it('shows the report, the matrix in words, and downloads it as Word', async () => {
    const report = await planner.get(`${url}/rapport`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Konsekvenser for lighed i sundhed');
    expect(report.body).toContain(
      '<th scope="row">Borgere efter uddannelse</th><td>Positiv (middel sikkerhed)</td><td>Negativ (høj sikkerhed)</td><td>Negativ</td>',
    );
    const docx = await planner.get(`${url}/rapport.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const raw = docx.rawPayload;
    expect(raw.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = documentXml(raw);
    expect(xml).toContain('Konsekvenser for lighed i sundhed');
    expect(xml).toContain('Negativ (høj sikkerhed)');
    expect(xml).toContain('Behold et busstoppested');
  });

  it.runIf(chromium !== null || required)(
    'downloads the report as PDF',
    async () => {
      const pdf = await planner.get(`${url}/rapport.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    60_000,
  );
});
