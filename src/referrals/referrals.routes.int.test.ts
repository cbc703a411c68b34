/**
 * The authorisation matrix over every referral route and every role: each (route, role) is
 * either allowed (and works) or refused (and changes nothing). Zero unauthorised successes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import type { StaffUser } from '../platform/principal.ts';
import { inTenant } from '../db/db.ts';
import {
  createReferral,
  forwardToProvider,
  getReferral,
  type ReferralActor,
} from './referral.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });

type Who =
  | 'anonymous'
  | 'admin'
  | 'planner'
  | 'frontline'
  | 'afklarende'
  | 'provider'
  | 'otherProvider'
  | 'gp'
  | 'hospital'
  | 'coordinator';
const EVERYONE: Who[] = [
  'anonymous',
  'admin',
  'planner',
  'frontline',
  'afklarende',
  'provider',
  'otherProvider',
  'gp',
  'hospital',
  'coordinator',
];

const form = (name: string) => ({
  name,
  birthDate: '1980-01-01',
  phone: '11 22 33 44',
  preferredLanguage: 'da',
  topics: 'physical_activity',
  requestedService: 'afklarende_samtale',
  consent: 'ja',
});

eachEngine('referral routes: authorisation matrix', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  const clients = new Map<Who, Client>();

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    app = await testApp(ctx.db);
    const email: Record<Exclude<Who, 'anonymous'>, string> = {
      admin: 'admin@test.dk',
      planner: 'planner@test.dk',
      frontline: 'frontline@test.dk',
      afklarende: 'afklarende@test.dk',
      provider: 'provider@test.dk',
      otherProvider: 'other-provider@test.dk',
      gp: 'gp@test.dk',
      hospital: 'hospital@test.dk',
      coordinator: 'coordinator@test.dk',
    };
    clients.set('anonymous', new Client(app));
    for (const [who, e] of Object.entries(email)) {
      const c = new Client(app);
      await c.signIn(e);
      clients.set(who as Who, c);
    }
  });
  afterAll(() => app?.close());

  const tokenPage = (who: Who) => (who === 'anonymous' ? '/personale/log-ind' : '/personale');
  /** Success: a page (200) or a redirect that is not to the sign-in page. */
  const succeeded = (res: { statusCode: number; headers: Record<string, unknown> }) =>
    res.statusCode === 200 ||
    (res.statusCode === 303 &&
      !(
        typeof res.headers.location === 'string' &&
        res.headers.location.startsWith('/personale/log-ind')
      ));

  const check = async (
    label: string,
    allowed: Who[],
    run: (c: Client, who: Who) => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
    after?: (who: Who, ok: boolean) => Promise<void>,
  ) => {
    const wrong: string[] = [];
    for (const who of EVERYONE) {
      const res = await run(clients.get(who)!, who);
      const ok = succeeded(res);
      if (ok !== allowed.includes(who)) wrong.push(`${label} as ${who}: ${res.statusCode}`);
      if (after) await after(who, ok);
    }
    expect(wrong).toEqual([]);
  };

  it('lists and pages', async () => {
    await check(
      'GET list',
      [
        'admin',
        'frontline',
        'afklarende',
        'provider',
        'otherProvider',
        'gp',
        'hospital',
        'coordinator',
      ],
      (c) => c.get('/personale/henvisninger'),
    );
    await check(
      'GET form',
      ['admin', 'frontline', 'afklarende', 'gp', 'hospital', 'coordinator'],
      (c) => c.get('/personale/henvisninger/ny'),
    );
    await check('GET queue', ['admin', 'coordinator'], (c) =>
      c.get('/personale/henvisninger/visitation'),
    );
    await check('GET inbox', ['provider', 'otherProvider'], (c) =>
      c.get('/personale/henvisninger/indbakke'),
    );
  });

  it('sending the form', async () => {
    const count = () =>
      inTenant(ctx.db, '0265', async (tx) => {
        await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
        return (await tx.query<{ n: number }>('select count(*)::int as n from referral'))[0]!.n;
      });
    let before = await count();
    await check(
      'POST form',
      ['admin', 'frontline', 'afklarende', 'gp', 'hospital', 'coordinator'],
      (c, who) => c.post('/personale/henvisninger/ny', form(`Matrix ${who}`), tokenPage(who)),
      async (_who, ok) => {
        const now = await count();
        expect(now).toBe(before + (ok ? 1 : 0));
        before = now;
      },
    );
  });

  it('the municipality’s settings: admin only, and the answer time follows them', async () => {
    await check('GET settings', ['admin'], (c) => c.get('/personale/henvisninger/indstillinger'));
    await check('POST settings', ['admin'], (c, who) =>
      c.post(
        '/personale/henvisninger/indstillinger',
        {
          answerDays: '3',
          christmasEveClosed: 'ja',
          newYearsEveClosed: 'ja',
          afklarendeTeamId: f.afklarendeTeamId,
        },
        tokenPage(who),
      ),
    );
    const bad = await clients
      .get('admin')!
      .post('/personale/henvisninger/indstillinger', { answerDays: '15' }, '/personale');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv svarfristen som et helt tal fra 0 til 14');
    // 3 working days from Monday 2 June 2025 with Grundlovsdag (Thursday 5 June) open.
    const r = await createReferral(
      ctx.db,
      as(f.users.gp),
      {
        citizen: {
          name: 'Matrix Frist',
          birthDate: '1970-01-01',
          phone: '20 30 40 50',
          preferredLanguage: 'da',
          interpreterNeeded: false,
        },
        requestedService: 'afklarende_samtale',
        reason: { topics: ['sleep'] },
        needs: {},
        consentAt: new Date(),
      },
      { now: new Date('2025-06-02T08:00:00Z') },
    );
    expect((await getReferral(ctx.db, as(f.users.gp), r.id)).answerDue).toBe('2025-06-05');
    await clients.get('admin')!.post(
      '/personale/henvisninger/indstillinger',
      {
        answerDays: '2',
        grundlovsdagClosed: 'ja',
        christmasEveClosed: 'ja',
        newYearsEveClosed: 'ja',
        afklarendeTeamId: f.afklarendeTeamId,
      },
      '/personale',
    );
  });

  it('one referral: read it', async () => {
    const r = await createReferral(ctx.db, as(f.users.gp), {
      citizen: {
        name: 'Matrix Læsning',
        birthDate: '1970-01-01',
        phone: '20 30 40 50',
        preferredLanguage: 'da',
        interpreterNeeded: false,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['sleep'] },
      needs: {},
      consentAt: new Date(),
    });
    await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: 1,
      offerId: f.walkId,
    });
    await check('GET detail', ['admin', 'gp', 'coordinator', 'provider'], (c) =>
      c.get(`/personale/henvisninger/${r.id}`),
    );
  });

  it('one referral: act on it (each attempt on a fresh referral)', async () => {
    const fresh = async (routed: boolean) => {
      const r = await createReferral(ctx.db, as(f.users.gp), {
        citizen: {
          name: `Matrix ${Math.random()}`,
          birthDate: '1970-01-01',
          phone: '20 30 40 50',
          preferredLanguage: 'da',
          interpreterNeeded: false,
        },
        requestedService: 'afklarende_samtale',
        reason: { topics: ['sleep'] },
        needs: {},
        consentAt: new Date(),
      });
      if (routed)
        await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
          expectedVersion: 1,
          offerId: f.walkId,
        });
      return { id: r.id, version: routed ? 2 : 1 };
    };
    const act =
      (action: string, routed: boolean, extra: Record<string, string> = {}) =>
      async (c: Client, who: Who) => {
        const r = await fresh(routed);
        const res = await c.post(
          `/personale/henvisninger/${r.id}/handling`,
          { action, version: String(r.version), ...extra },
          tokenPage(who),
        );
        const after = await getReferral(ctx.db, as(f.users.coordinator), r.id);
        // Refused: nothing changed.
        if (!succeeded(res)) expect(after.version, `${action} by ${who}`).toBe(r.version);
        else expect(after.version, `${action} by ${who}`).toBe(r.version + 1);
        return res;
      };
    await check(
      'decline',
      ['admin', 'coordinator'],
      act('decline', false, { reasonCode: 'not_eligible' }),
    );
    await check('forward', ['admin', 'coordinator'], act('forward', false, { offerId: f.walkId }));
    await check(
      'book',
      ['admin', 'coordinator'],
      act('book', false, { teamId: f.afklarendeTeamId }),
    );
    await check('accept', ['admin', 'coordinator', 'provider'], act('accept', true));
    await check(
      'reject',
      ['admin', 'coordinator', 'provider'],
      act('reject', true, { reasonCode: 'no_capacity' }),
    );
    await check(
      'cancel',
      ['admin', 'coordinator', 'provider', 'gp'],
      act('cancel', true, { reasonCode: 'moved' }),
    );
    await check('error', ['gp'], act('error', true));
  }, 120_000);
});
