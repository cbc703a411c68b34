/**
 * Issue 14, "The monitor's numbers", over HTTP on both engines: the planner's own municipality
 * stays published beside a tiny neighbour, partial regions and countries are named for what they
 * sum, the measures' method is chosen and named on the page (PHE's too), the priority finder
 * keeps to the chosen breakdown and says its figures are crude, and the method column speaks
 * Danish with the formula behind a details element.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { seedSurvey, testCodebook } from '../../test/support/monitor.ts';
import type { Respondent } from './microdata/codebook.ts';
import { importMicrodata } from './microdata/import.store.ts';
import { mulberry32 } from './measures/random.ts';

/** Roskilde 1,400 respondents and Lejre 12, both in Region Sjælland, one wave. */
function roskildeAndLejre(): Respondent[] {
  const cb = testCodebook();
  const rnd = mulberry32(14);
  const out: Respondent[] = [];
  let line = 1;
  for (const [area, n] of [
    ['0265', 1400],
    ['0350', 12],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const dims = cb.dimensions.map(
        (_, k) => 1 + ((i + k) % (cb.dimensions[k]?.categories.length ?? 1)),
      );
      const answers = cb.indicators.map(() => (rnd() < 0.3 ? 1 : 0));
      out.push({ line: ++line, year: 2023, area, weight: 1 + rnd(), dims, answers });
    }
  }
  return out;
}

eachEngine('the monitor’s numbers (issue 14)', (ctx) => {
  let app: FastifyInstance;
  let survey: string;
  let small: string;
  let client: Client;
  beforeAll(async () => {
    await seedFixture(ctx.db);
    survey = (await seedSurvey(ctx.db, { shared: true })).datasetId;
    small = (
      await importMicrodata(ctx.db, {
        kommune: '0265',
        codebook: testCodebook(),
        fileName: 'roskilde-lejre.csv',
        respondents: roskildeAndLejre(),
        shared: false,
      })
    ).datasetId;
    app = await testApp(ctx.db);
    client = new Client(app);
    await client.signIn('planner@test.dk');
  });
  afterAll(() => app.close());

  const indicator = (dataset: string, extra = '') =>
    client.get(
      `/personale/monitor/indikator?datasaet=${dataset}&omraade=0265&dimension=uddannelse&indikator=dagligryger&lang=da${extra}`,
    );

  /** The figure table whose caption starts with `caption`. */
  const tableOf = (body: string, caption: string) =>
    new RegExp(`<caption>${caption}[^<]*</caption>[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';

  describe('suppression keeps the planner’s municipality', () => {
    it('shows every Roskilde figure and hides the region of Roskilde plus 12 people instead', async () => {
      const res = await indicator(small);
      expect(res.statusCode).toBe(200);
      const roskilde = tableOf(res.body, 'Roskilde 2023');
      expect(roskilde).not.toBe('');
      expect(roskilde).not.toContain('For få svar');
      const region = tableOf(res.body, 'de 2 kommuner i datasættet i Region Sjælland 2023');
      expect(region).toContain('For få svar');
    });
  });

  describe('partial regions and countries are named for what they sum', () => {
    it('a survey of Roskilde and Lejre: "de 2 kommuner i datasættet i Region Sjælland", no country', async () => {
      const res = await indicator(small);
      expect(res.body).toContain('de 2 kommuner i datasættet i Region Sjælland');
      expect(res.body).toContain('er summen af de 2 af 17 kommuner');
      expect(res.body).not.toContain('Hele landet');
      expect(res.body).not.toContain('hele landet');
    });

    it('three municipalities never become "the whole country", on the page or in the overview', async () => {
      const res = await indicator(survey, '&aar=2021');
      expect(res.body).toContain('de 3 kommuner i datasættet');
      expect(res.body).toContain('Kommunen og kommunerne i datasættet');
      expect(res.body).not.toMatch(/hele landet/i);
      const overview = await client.get(
        `/personale/monitor?datasaet=${survey}&omraade=0265&aar=2021&dimension=uddannelse&lang=da`,
      );
      expect(overview.body).toContain('<th scope="col">De 3 kommuner i datasættet</th>');
    });
  });

  describe('the method of the summary measures', () => {
    it('defaults to intervals from the groups’ standard errors and says so', async () => {
      const res = await indicator(survey, '&aar=2021');
      expect(res.body).toContain('ud fra hver gruppes egen standardfejl');
      expect(res.body).toMatch(/<select[^>]+name="metode"/);
      expect(res.body).toMatch(/<option value="survey" selected/);
    });

    it('switches to PHE’s SII/RII with a plain GET parameter, and keeps it in the links', async () => {
      const res = await indicator(survey, '&aar=2021&metode=phe');
      expect(res.body).toMatch(/<option value="phe" selected/);
      expect(res.body).toContain("som i PHE's Fingertips");
      expect(res.body).toContain('phe-wls');
      expect(res.body).toContain('metode=phe');
    });

    it('offers WHO HEAT’s own intervals, named as such', async () => {
      const res = await indicator(survey, '&aar=2021&metode=heat');
      expect(res.body).toContain("WHO HEAT's modelbaserede interval");
    });

    it('explains each method in Danish, with the formula behind a details element', async () => {
      const res = await indicator(survey, '&aar=2021');
      const cells = [...res.body.matchAll(/<td class="lighed-method">([\s\S]*?)<\/td>/g)].map(
        (m) => m[1] ?? '',
      );
      expect(cells.length).toBeGreaterThan(5);
      for (const cell of cells) {
        const [before] = cell.split('<details');
        // Plain Danish before the details; the English formula only inside it.
        expect(before).toMatch(/Intervallet|interval/);
        expect(before).not.toMatch(/analytic|var\(|sum p_j/);
        expect(cell).toMatch(/<details[^>]*><summary>Formel<\/summary><code lang="en">/);
      }
      const en = await client.get(
        `/personale/monitor/indikator?datasaet=${survey}&omraade=0265&aar=2021&dimension=uddannelse&indikator=dagligryger&lang=en`,
      );
      expect(en.body).toContain('<summary>Formula</summary>');
      expect(en.body).toContain('The interval is computed by a formula');
    });
  });

  describe('the priority finder', () => {
    it('ranks within the chosen breakdown and says the figures are crude', async () => {
      const res = await client.get(
        `/personale/monitor/prioriteter?datasaet=${survey}&omraade=0265&aar=2017&dimension=uddannelse&lang=da`,
      );
      expect(res.statusCode).toBe(200);
      const list = /<ol class="lighed-priorities">[\s\S]*?<\/ol>/.exec(res.body)?.[0] ?? '';
      expect(list).toContain('Grundskole');
      expect(list).toContain('Opdeling: uddannelse');
      for (const other of ['arbejdsmarked', 'indkomst', 'herkomst', 'samliv'])
        expect(list, other).not.toContain(`Opdeling: ${other}`);
      expect(res.body).toContain('inden for opdelingen efter uddannelse');
      expect(res.body).toContain('ikke aldersstandardiserede');
    });

    it('by origin, only origin groups', async () => {
      const res = await client.get(
        `/personale/monitor/prioriteter?datasaet=${survey}&omraade=0265&aar=2017&dimension=herkomst&lang=da`,
      );
      expect(res.body).not.toContain('Opdeling: uddannelse');
    });
  });
});
