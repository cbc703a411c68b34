/**
 * The outreach overview over the database (both engines): referrals and outreach cases seeded
 * directly, the facts and tables read back through the service, the period's edges in
 * Copenhagen time, other municipalities left out, the read audited; and over HTTP: who may see
 * the page and the CSV (coordinators, planners, admins; never frontline, provider or referrer),
 * the period's errors named by field, and suppressed numbers never written in the CSV.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { eachEngine } from '../../test/support/db.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import type { RouteDeps } from '../platform/deps.ts';
import { systemClock } from '../platform/clock.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import { outreachOverview, OVERVIEW_ENTITY } from './overview.service.ts';
import { caseFacts, readAsSystem, referralFacts } from './overview.store.ts';
import { outreachOverviewRoutes } from './overview.routes.tsx';
import { OVERVIEW_PATH } from './pages/overview-page.tsx';
import type { Shown } from './overview.ts';

// --- fixture: citizens, referrals and cases written straight into the tables -----------------

interface Person {
  sex?: 'female' | 'male' | null;
  birthDate?: string | null;
  language?: string;
  interpreter?: boolean;
}

interface PathwaySpec extends Person {
  kommune?: string;
  createdAt: string;
  offerId?: string | null;
  status?: string;
  contacted?: boolean;
  enrolled?: boolean;
  attended?: boolean;
  /** An accepted-then-forwarded referral: `requested` again, its history says it was answered. */
  acceptedEvent?: boolean;
  outreach?: {
    reason: string;
    detectedAt: string;
    outcome?: 'reengaged' | 'declined' | 'unreachable' | null;
  };
}

/** As the system: the policies admit it, like the scan that writes cases in production. */
async function asSystem<T>(db: Db, kommune: string, fn: (tx: Queryable) => Promise<T>) {
  return inTenant(db, kommune, async (tx) => {
    await readAsSystem(tx);
    return fn(tx);
  });
}

async function seedPathway(db: Db, specs: readonly PathwaySpec[]): Promise<void> {
  for (const s of specs) {
    const kommune = s.kommune ?? '0265';
    await asSystem(db, kommune, async (tx) => {
      const [c] = await tx.query<{ id: string }>(
        `insert into citizen (kommune, name, birth_date, sex, preferred_language, interpreter_needed)
         values ($1, 'Testborger', $2, $3, $4, $5) returning id`,
        [
          kommune,
          s.birthDate === undefined ? '1985-05-05' : s.birthDate,
          s.sex === undefined ? 'female' : s.sex,
          s.language ?? 'da',
          s.interpreter ?? false,
        ],
      );
      const status = s.status ?? 'requested';
      const [r] = await tx.query<{ id: string }>(
        `insert into referral (kommune, citizen_id, status, status_reason, source, requested_service,
                               offer_id, consent_at, contacted_at, enrolled_on, closing_outcome,
                               created_at)
         values ($1, $2, $3, $4, 'referrer', $5, $6, $7, $8, $9, $10, $7) returning id`,
        [
          kommune,
          c!.id,
          status,
          ['rejected', 'cancelled', 'on-hold', 'failed'].includes(status) ? 'other' : null,
          s.offerId ? 'offer' : 'afklarende_samtale',
          s.offerId ?? null,
          s.createdAt,
          s.contacted ? s.createdAt : null,
          s.enrolled ? s.createdAt.slice(0, 10) : null,
          ['completed', 'failed'].includes(status) ? 'goal_met' : null,
        ],
      );
      if (s.acceptedEvent)
        await tx.query(
          `insert into referral_event (referral_id, kommune, actor_role, kind, from_status, to_status)
           values ($1, $2, 'provider', 'transition', 'requested', 'accepted')`,
          [r!.id, kommune],
        );
      if (s.attended)
        await tx.query(
          `insert into referral_session (referral_id, kommune, held_on, attendance)
           values ($1, $2, $3, 'attended')`,
          [r!.id, kommune, s.createdAt.slice(0, 10)],
        );
      if (s.outreach) {
        const outcome = s.outreach.outcome ?? null;
        await tx.query(
          `insert into outreach_case (kommune, citizen_id, status, reason, referral_id, detected_at,
                                      outcome, closed_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            kommune,
            c!.id,
            outcome ? 'closed' : 'open',
            s.outreach.reason,
            r!.id,
            s.outreach.detectedAt,
            outcome,
            outcome ? s.outreach.detectedAt : null,
          ],
        );
      }
    });
  }
}

const times = <T>(n: number, spec: T): T[] => Array.from({ length: n }, () => spec);
const count = (value: number): Shown => ({ kind: 'count', value });

/**
 * In January–June 2025 in Roskilde: 12 completed walks (women, 39), 6 unanswered afklarende
 * samtaler (men, 70, Arabic with an interpreter) of which 3 went to outreach; 8 walks that
 * dropped out (6 brought back, 2 still open); 4 walks accepted and not yet in contact; edge
 * cases around the period; a Lejre referral.
 */
function pathwaySpecs(walkId: string): PathwaySpec[] {
  const completed: PathwaySpec = {
    createdAt: '2025-02-10T09:00:00Z',
    offerId: walkId,
    status: 'completed',
    contacted: true,
    enrolled: true,
  };
  const unanswered: PathwaySpec = {
    createdAt: '2025-03-03T09:00:00Z',
    sex: 'male',
    birthDate: '1954-06-01',
    language: 'ar',
    interpreter: true,
  };
  const dropped = (outcome: 'reengaged' | null): PathwaySpec => ({
    createdAt: '2025-01-20T09:00:00Z',
    offerId: walkId,
    status: 'in-progress',
    contacted: true,
    attended: true,
    outreach: { reason: 'missed_sessions', detectedAt: '2025-03-01T09:00:00Z', outcome },
  });
  return [
    ...times(12, completed),
    ...times(3, unanswered),
    ...times(3, {
      ...unanswered,
      outreach: { reason: 'referral_unanswered', detectedAt: '2025-03-10T09:00:00Z' },
    }),
    ...times(6, dropped('reengaged')),
    ...times(2, dropped(null)),
    ...times(4, { createdAt: '2025-04-01T09:00:00Z', offerId: walkId, status: 'accepted' }),
    // 00:30 on 1 January in Copenhagen: inside. Answered through its history only.
    { createdAt: '2024-12-31T23:30:00Z', acceptedEvent: true },
    // 00:30 on 1 July in Copenhagen: outside.
    { createdAt: '2025-06-30T22:30:00Z', status: 'accepted' },
    // Drafts and entries in error are no referrals received.
    { createdAt: '2025-02-01T09:00:00Z', status: 'draft' },
    { createdAt: '2025-02-01T09:00:00Z', status: 'entered-in-error' },
    // Another municipality's.
    { kommune: '0350', createdAt: '2025-02-01T09:00:00Z' },
  ];
}

const PERIOD = { from: '2025-01', to: '2025-06' };

/** The overview's routes on the test app, unless src/app.ts already mounts them. */
async function appWithOverview(db: Db): Promise<FastifyInstance> {
  const app = await testApp(db);
  if (!app.hasRoute({ method: 'GET', url: OVERVIEW_PATH }))
    await app.register(outreachOverviewRoutes, { db, clock: systemClock } as RouteDeps);
  return app;
}

eachEngine('outreach overview', (ctx) => {
  let f: ReferralFixture;
  const actor = (role: string): AuditActor => ({
    kommune: '0265',
    actorId: null,
    actorRole: role,
    requestId: `overview-${role}`,
  });

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    await seedPathway(ctx.db, pathwaySpecs(f.walkId));
  });

  describe('facts', () => {
    it('reads one row per referral received in the period, in Copenhagen months', async () => {
      const rows = await asSystem(ctx.db, '0265', (tx) =>
        referralFacts(tx, '0265', '2025-01-01', '2025-07-01'),
      );
      expect(rows).toHaveLength(12 + 6 + 8 + 4 + 1);
      const edge = rows.filter((r) => r.offerId === null && r.sex === 'female');
      expect(edge).toEqual([expect.objectContaining({ answered: true, reached: false })]);
      // A session attended counts as started, with no enrolment date.
      const dropped = rows.filter((r) => r.started && !r.completed);
      expect(dropped).toHaveLength(8);
      expect(dropped.every((r) => r.offerId === f.walkId && r.reached)).toBe(true);
      const men = rows.filter((r) => r.sex === 'male');
      expect(men[0]).toMatchObject({
        age: 70,
        preferredLanguage: 'ar',
        interpreterNeeded: true,
        arena: null,
        answered: false,
      });
    });

    it('reads cases with their offer and the citizen at detection', async () => {
      const rows = await asSystem(ctx.db, '0265', (tx) =>
        caseFacts(tx, '0265', '2025-01-01', '2025-07-01'),
      );
      expect(rows).toHaveLength(11);
      const walk = rows.filter((r) => r.offerId === f.walkId);
      expect(walk).toHaveLength(8);
      expect(walk[0]).toMatchObject({ arena: 'housing_area', offerTitle: 'Gåtur i Æblehaven' });
      expect(walk.filter((r) => r.outcome === 'reengaged')).toHaveLength(6);
    });

    it('finds nothing outside the period', async () => {
      const rows = await asSystem(ctx.db, '0265', (tx) =>
        caseFacts(tx, '0265', '2025-04-01', '2025-07-01'),
      );
      expect(rows).toEqual([]);
    });
  });

  describe('the service', () => {
    it('builds the suppressed tables and audits the read as an aggregate', async () => {
      const o = await outreachOverview(ctx.db, actor('planner'), PERIOD);
      expect(o.funnel.map((r) => r.count)).toEqual([
        count(31),
        count(25),
        count(20),
        count(20),
        count(12),
      ]);
      expect(o.funnel[4]!.share).toBeCloseTo(12 / 31);
      const dropped = o.fallout.find((x) => x.step === 'dropped_out')!.cases;
      expect(dropped.open).toEqual({ kind: 'few' });
      // 8 − 2: the brought-back 6 would give the 2 still open away.
      expect(dropped.reengaged).toEqual({ kind: 'hidden' });
      expect(dropped.reengagedShare).toBeNull();
      const notAnswered = o.fallout.find((x) => x.step === 'not_answered')!.cases;
      expect(notAnswered.cases).toEqual({ kind: 'few' });
      // 3 of 11 is not to be read off as 11 − 8: one more of the column is hidden.
      expect([dropped.cases, o.total.cases]).toContainEqual({ kind: 'hidden' });
      expect(dropped.declined).toEqual(count(0));

      const rows = await asSystem(ctx.db, '0265', (tx) =>
        tx.query<{ action: string; entity_id: string; summary: string; actor_role: string }>(
          `select action, entity_id, summary, actor_role from audit_log
            where entity = $1 and request_id = 'overview-planner'`,
          [OVERVIEW_ENTITY],
        ),
      );
      expect(rows).toEqual([
        {
          action: 'read',
          entity_id: '2025-01/2025-06',
          summary: 'aggregate counts',
          actor_role: 'planner',
        },
      ]);
    });

    it("counts only the municipality's own", async () => {
      const o = await outreachOverview(ctx.db, { ...actor('planner'), kommune: '0350' }, PERIOD);
      expect(o.funnel[0]!.count).toEqual({ kind: 'few' });
      expect(o.total.cases).toEqual(count(0));
    });
  });

  describe('routes', () => {
    let app: FastifyInstance;
    const signedIn = new Map<string, Client>();
    const as = async (email: string | null) => {
      const key = email ?? 'anonymous';
      let c = signedIn.get(key);
      if (!c) {
        c = new Client(app);
        if (email) await c.signIn(email);
        signedIn.set(key, c);
      }
      return c;
    };
    const url = `${OVERVIEW_PATH}?fra=2025-01&til=2025-06`;
    const csvUrl = `${OVERVIEW_PATH}.csv?fra=2025-01&til=2025-06`;

    beforeAll(async () => {
      app = await appWithOverview(ctx.db);
    });
    afterAll(async () => {
      await app.close();
    });

    it('lets coordinators, planners and admins in', async () => {
      for (const email of ['planner@test.dk', 'coordinator@test.dk', 'admin@test.dk']) {
        const res = await (await as(email)).get(url);
        expect(res.statusCode, email).toBe(200);
        expect(res.body).toContain('<h1>Opsøgning: overblik</h1>');
        expect(res.body).toContain('færre end 5');
        expect(res.body).toContain('Tal under 5 vises ikke');
        // Counts only: no citizen's name on the page.
        expect(res.body).not.toContain('Testborger');
      }
    });

    it('refuses frontline workers, providers, referrers and the signed-out', async () => {
      for (const email of ['frontline@test.dk', 'provider@test.dk', 'gp@test.dk']) {
        expect((await (await as(email)).get(url)).statusCode, email).toBe(403);
        expect((await (await as(email)).get(csvUrl)).statusCode, email).toBe(403);
      }
      const anonymous = await (await as(null)).get(url);
      expect(anonymous.statusCode).toBe(302);
      expect(anonymous.headers.location).toMatch(/log-ind/);
    });

    it('defaults to the last twelve months and names a field in error', async () => {
      const planner = await as('planner@test.dk');
      const res = await planner.get(OVERVIEW_PATH);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/name="fra"[^>]*value="\d{4}-\d{2}"/);
      const bad = await planner.get(`${OVERVIEW_PATH}?fra=januar&til=2025-06`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-fra"');
      expect(bad.body).toContain('Skriv fra-måneden som ÅÅÅÅ-MM');
      const english = await planner.get(`${OVERVIEW_PATH}?fra=2025-06&til=2025-01&lang=en`);
      expect(english.statusCode).toBe(400);
      expect(english.body).toContain('The to month must be the same as the from month or later');
    });

    it('writes the same suppressed tables as CSV, with no hidden number in it', async () => {
      const res = await (await as('planner@test.dk')).get(`${csvUrl}&lang=da`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('opsoegning-2025-01-2025-06.csv');
      const lines = res.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Periode,Tabel,Gruppe,Mål,Værdi,Bemærkning');
      const row = (group: string, measure: string) =>
        lines.find((l) => l.includes(`,${group},${measure},`));
      expect(row('Modtaget', 'Henvisninger')).toMatch(/,31,$/);
      expect(row('Faldt fra undervejs (udeblev eller aflyste uden ny tid)', 'Stadig åbne')).toMatch(
        /,,færre end 5$/,
      );
      expect(
        row('Faldt fra undervejs (udeblev eller aflyste uden ny tid)', 'Bragt tilbage'),
      ).toMatch(/,,skjult$/);
      // Every hidden figure is empty in the value column.
      for (const l of lines.filter((x) => /færre end 5|skjult$/.test(x)))
        expect(l).toMatch(/,,(færre end 5|skjult)$/);
      const audit = await asSystem(ctx.db, '0265', (tx) =>
        tx.query<{ n: number }>(
          `select count(*)::int as n from audit_log where entity = $1 and action = 'export'`,
          [OVERVIEW_ENTITY],
        ),
      );
      expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
    });
  });
});
