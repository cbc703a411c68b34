/**
 * The open API against its own OpenAPI document: the served document is valid OpenAPI 3.1 (the
 * OpenAPI Initiative's schema, vendored), lists only /api/v1, and every endpoint's real answers,
 * errors included, validate against the schemas it states. Plus CORS, caching and the page.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, testApp } from '../../test/support/app.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { inTenant } from '../db/db.ts';
import { createGoal } from '../planning/index.ts';
import type { StaffUser } from '../platform/principal.ts';

/**
 * The OpenAPI Initiative's schema for 3.1 documents. Ajv resolves its `$dynamicRef: "#meta"`
 * (the hook for schema dialects) to the wrong anchor, so it is pointed at the base dialect's
 * Schema Object (`$defs/schema`, where the anchor sits) as the spec intends without extensions.
 */
const OAS = JSON.parse(
  readFileSync(new URL('./vendor/oas-3.1.schema.json', import.meta.url), 'utf8').replaceAll(
    '"$dynamicRef": "#meta"',
    '"$ref": "#/$defs/schema"',
  ),
) as Record<string, unknown>;

interface Doc {
  openapi: string;
  paths: Record<
    string,
    {
      get: {
        parameters?: { name: string }[];
        responses: Record<string, { content: Record<string, { schema: object }> }>;
      };
    }
  >;
}

type Problem = { errors: { path: string }[] };

const newAjv = () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('media-range', true);
  return ajv;
};

/** One real request per endpoint (figures needs an indicator). */
const CALLS: Record<string, string> = {
  '/api/v1/goals': '/api/v1/goals',
  '/api/v1/recommendations': '/api/v1/recommendations',
  '/api/v1/interventions': '/api/v1/interventions',
  '/api/v1/indicators': '/api/v1/indicators',
  '/api/v1/figures': '/api/v1/figures?indicator=dagligryger&dimension=herkomst',
};

eachEngine('open API', (ctx) => {
  let app: FastifyInstance;
  let doc: Doc;
  const ajv = newAjv();

  beforeAll(async () => {
    await seedFixture(ctx.db);
    await seedSurvey(ctx.db);
    app = await testApp(ctx.db);
    const [planner] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<StaffUser>(
        `select id, kommune, email, name, role, organization_id, team_id
           from staff_user where email = 'planner@test.dk'`,
      ),
    );
    await createGoal(ctx.db, planner!, {
      kind: 'level',
      indicator: 'dagligryger',
      dimension: 'uddannelse',
      group: '1',
      targetValue: 18,
      targetYear: 2030,
      baselineYear: 2017,
    });
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('serves a valid OpenAPI 3.1 document of /api/v1 only', () => {
    const validate = newAjv().compile(OAS);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('answers every endpoint as its schema says, open to any site and cacheable', async () => {
    for (const [path, url] of Object.entries(CALLS)) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
      const schema = doc.paths[path]!.get.responses['200']!.content['application/json']!.schema;
      const validate = ajv.compile(schema);
      expect(validate(res.json()), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const goals = (await app.inject({ method: 'GET', url: '/api/v1/goals' })).json<{
      items: { state: string }[];
    }>();
    expect(goals.items).toHaveLength(1);
    expect(goals.items[0]).toMatchObject({
      indicator: 'dagligryger',
      group: '1',
      target: { year: 2030, value: 18 },
    });
    expect(['ahead', 'on_track', 'behind', 'no_data']).toContain(goals.items[0]!.state);
  });

  it('gives numbers at the precision the pages show (1 decimal for percent)', async () => {
    const numbers = (v: unknown): number[] =>
      typeof v === 'number'
        ? [v]
        : v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => (k === 'year' || k === 'n' ? [] : numbers(x)))
          : [];
    const goals = (await app.inject({ method: 'GET', url: '/api/v1/goals' })).json<{
      items: object[];
    }>().items;
    const figures = (await app.inject({ method: 'GET', url: CALLS['/api/v1/figures']! })).json<{
      items: object[];
    }>().items;
    const all = [...numbers(goals), ...numbers(figures)];
    // Survey shares are rarely whole: the check is not passed by integers alone.
    expect(all.some((v) => !Number.isInteger(v))).toBe(true);
    for (const v of all)
      expect(Math.abs(v * 10 - Math.round(v * 10)), String(v)).toBeLessThan(1e-9);
  });

  it('hides small cells: no value and no count behind a suppressed figure', async () => {
    const res = await app.inject({ method: 'GET', url: CALLS['/api/v1/figures']! });
    const rows = res.json<{ items: { suppressed: boolean; value: unknown; n: unknown }[] }>().items;
    const hidden = rows.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect([r.value, r.n]).toEqual([null, null]);
  });

  it('takes ?kommune=, refuses an unknown one with 404 and a bad one with 400, as problem JSON', async () => {
    const other = await app.inject({ method: 'GET', url: '/api/v1/goals?kommune=0350' });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ kommune: '0350', municipality: 'Lejre', items: [] });
    const schemaOf = (status: string) =>
      doc.paths['/api/v1/goals']!.get.responses[status]!.content['application/problem+json']!
        .schema;
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/goals?kommune=9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(ajv.compile(schemaOf('404'))(unknown.json())).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/goals?kommune=02650' });
    expect(bad.statusCode).toBe(400);
    expect(ajv.compile(schemaOf('400'))(bad.json())).toBe(true);
    expect(bad.json<Problem>().errors[0]!.path).toBe('kommune');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/figures' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>().errors[0]!.path).toBe('indicator');
  });

  it('documents itself on a page in Danish and English, examples valid against the schemas', async () => {
    const da = await app.inject({ method: 'GET', url: '/api' });
    expect(da.statusCode).toBe(200);
    for (const path of Object.keys(CALLS)) expect(da.body).toContain(path);
    expect(da.body).toContain('Åbent API');
    const en = await app.inject({ method: 'GET', url: '/api?lang=en' });
    expect(en.body).toContain('Open API');
    for (const path of Object.keys(CALLS)) {
      const media = doc.paths[path]!.get.responses['200']!.content['application/json']! as {
        schema: object;
        example?: unknown;
      };
      expect(media.example, path).toBeDefined();
      expect(ajv.compile(media.schema)(media.example), path).toBe(true);
    }
  });
});
