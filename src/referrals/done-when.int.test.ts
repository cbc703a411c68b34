/**
 * Issue 10's "Done when", end to end over HTTP only, on both engines: a GP's system posts a FHIR
 * referral for a citizen who needs an interpreter; the coordinator routes it to an afklarende
 * samtale; the worker holds the conversation and refers on to the walking group; the provider
 * accepts (its system, If-Match), records two sessions and completes (web); the GP's system
 * reads the closing note as Task.output and the GP sees it on the referral page. Along the way:
 * the interpreter need is shown to the coordinator and the provider, every step is in the
 * history, the closing note's e-mail carries a link and nothing else, and the CPR number never
 * appears in an address, a link, a redirect or a log line.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   FHIR answers are read as untyped JSON; the assertions check their shape. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { inTenant } from '../db/db.ts';
import { loadConfig } from '../platform/config.ts';
import { createApiClient } from '../fhir/oauth.service.ts';
import { CLOSING_NOTE_SYSTEM } from '../fhir/vocabulary.ts';
import { Client } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { referralBundle } from '../../test/support/fhir.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';

const CPR = '040371-4444';
const CPR_FORMS = [CPR, CPR.replace('-', ''), '040371'];
const AGREED = 'Går med i gågruppen hver tirsdag med tolk.';
const NEXT_STEP = 'Fortsætter på egen hånd; ny samtale om et halvt år.';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** Every address, redirect and link the flow touched (the CPR number must be in none). */
const seen: string[] = [];
const linksOf = (body: string) =>
  [...body.matchAll(/\b(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]!);
function track(url: string, res: LightMyRequestResponse) {
  seen.push(url);
  if (typeof res.headers.location === 'string') seen.push(res.headers.location);
  if (String(res.headers['content-type'] ?? '').includes('html')) seen.push(...linksOf(res.body));
}

/** The Client, remembering each address, redirect and link it met. */
class TrackedClient extends Client {
  override async get(url: string) {
    const res = await super.get(url);
    track(url, res);
    return res;
  }
  override async postRaw(url: string, fields: Record<string, string | string[]>) {
    const res = await super.postRaw(url, fields);
    track(url, res);
    return res;
  }
}

const versionOf = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

eachEngine(
  'issue 10 done: GP system → coordinator → afklarende samtale → walking group → back',
  (ctx) => {
    let app: FastifyInstance;
    let f: ReferralFixture;
    const logs: string[] = [];
    const creds = {} as Record<'gp' | 'provider', { client_id: string; client_secret: string }>;

    const inject = async (o: InjectOptions & { url: string }) => {
      const res = await app.inject(o);
      track(o.url, res);
      return res;
    };
    const token = async (who: 'gp' | 'provider') => {
      const res = await inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          authorization: basic(creds[who].client_id, creds[who].client_secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ token_type: 'Bearer' });
      return res.json<{ access_token: string }>().access_token;
    };
    const fhir = (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      bearer: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    const signedIn = async (email: string) => {
      const c = new TrackedClient(app);
      await c.signIn(email);
      return c;
    };

    beforeAll(async () => {
      f = await seedReferralFixture(ctx.db);
      // The API clients as `lighed api-client create` makes them (the CLI calls this use case).
      const system = { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'setup' };
      creds.gp = await createApiClient(ctx.db, system, {
        kommune: '0265',
        name: 'EPJ Lægehuset Algade',
        role: 'referrer',
        organizationId: f.gpOrgId,
      });
      creds.provider = await createApiClient(ctx.db, system, {
        kommune: '0265',
        name: 'Sundhedscenter Roskilde booking',
        role: 'provider',
        organizationId: f.orgId,
      });
      // The real logger, at debug level, into memory: no CPR number may reach a log line.
      const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'debug' });
      app = await buildApp({
        db: ctx.db,
        config,
        cookieSecret: 'x'.repeat(40),
        logStream: { write: (line: string) => void logs.push(line) },
      });
    });
    afterAll(() => app?.close());

    it('carries the citizen from the GP to the walking group and the closing note back', async () => {
      // 1. The GP's system: a token, then the referral as a FHIR transaction Bundle.
      const gpToken = await token('gp');
      const bundle = referralBundle({
        identifier: `epj-done-${ctx.engine}`,
        service: 'afklarende-samtale',
        cpr: CPR,
      });
      const posted = await fhir('POST', '/fhir', gpToken, bundle);
      expect(posted.statusCode, posted.body).toBe(200);
      const location: string = posted.json().entry[2].response.location;
      const id = /^Task\/([0-9a-f-]{36})\/_history\/1$/.exec(location)![1]!;
      const asSent = await fhir('GET', `/fhir/Task/${id}`, gpToken);
      expect(asSent.json()).toMatchObject({ status: 'requested', intent: 'order' });

      // 2. The coordinator: the referral is in the intake queue; the interpreter need shows.
      const coordinator = await signedIn('coordinator@test.dk');
      const queue = await coordinator.get('/personale/henvisninger/visitation');
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(`/personale/henvisninger/${id}`);
      expect(queue.body).toContain('Amal Haddad');
      const triage = await coordinator.get(`/personale/henvisninger/${id}`);
      expect(triage.statusCode).toBe(200);
      expect(triage.body).toContain('Tolk (arabisk)');
      expect(triage.body).toContain('040371-xxxx');
      expect(triage.body).toContain('id="h-book"');
      const booked = await coordinator.post(
        `/personale/henvisninger/${id}/handling`,
        { action: 'book', version: versionOf(triage.body), teamId: f.afklarendeTeamId },
        `/personale/henvisninger/${id}`,
      );
      expect(booked.statusCode, booked.body).toBe(303);
      expect((await coordinator.get(`/personale/henvisninger/${id}`)).body).toContain(
        'Afklarende samtale',
      );

      // 3. The afklarende team's worker finds it, opens the conversation, holds it and finishes.
      const worker = await signedIn('afklarende@test.dk');
      const mine = await worker.get('/personale/henvisninger');
      expect(mine.body).toContain(`/personale/henvisninger/${id}`);
      const held = await worker.get(`/personale/henvisninger/${id}`);
      expect(held.statusCode).toBe(200);
      expect(held.body).toContain('Tolk (arabisk)');
      const conversationHref = /href="(\/personale\/samtaler\/[0-9a-f-]{36})"/.exec(held.body)?.[1];
      expect(conversationHref, 'a link to the conversation').toBeDefined();
      const profile = await worker.get(conversationHref!);
      expect(profile.statusCode, profile.body.slice(0, 500)).toBe(200);
      expect(profile.body).toContain('Amal Haddad');
      // A few answers, then on through the (optional) rest to the end.
      const stepUrl = (n: number) => `${conversationHref}/trin/${n}`;
      let res = await worker.post(stepUrl(1), { a_srh: 'fair', go: 'next' }, stepUrl(1));
      expect(res.headers.location).toBe(stepUrl(2));
      res = await worker.post(
        stepUrl(2),
        { ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`a_who5-${i}`, '2'])), go: 'next' },
        stepUrl(2),
      );
      for (let n = 3; res.headers.location !== conversationHref; n++) {
        expect(res.headers.location, `step ${n - 1}`).toBe(stepUrl(n));
        expect(n).toBeLessThan(40);
        // What the citizen wants to work on: moving more (the walking group will match it).
        const form = (await worker.get(stepUrl(n))).body;
        const answers = form.includes('name="a_priorities-domains"')
          ? { 'a_priorities-domains': 'activity' }
          : {};
        res = await worker.post(stepUrl(n), { ...answers, go: 'next' }, stepUrl(n));
        expect(res.statusCode).toBe(303);
      }
      const finished = await worker.get(conversationHref!);
      expect(finished.body).toContain('Færdig');
      // The matched offers: the walking group (with Arabic), chosen and saved.
      const offersUrl = `${conversationHref}/tilbud`;
      const offers = await worker.get(offersUrl);
      expect(offers.body).toContain('Gåtur i Æblehaven');
      const saved = await worker.post(offersUrl, { offer: f.walkId }, offersUrl);
      expect(saved.statusCode).toBe(303);
      // "Henvis borgeren" from the conversation leads to the referral's refer-on action.
      const referHref = /href="(\/personale\/henvisninger\/ny\?samtale=[0-9a-f-]{36})"/.exec(
        (await worker.get(String(saved.headers.location))).body,
      )?.[1];
      expect(referHref, 'Henvis borgeren').toBeDefined();
      const toReferral = await worker.get(referHref!);
      expect(toReferral.statusCode).toBe(303);
      expect(toReferral.headers.location).toBe(`/personale/henvisninger/${id}#h-referOn`);
      const referOn = await worker.get(`/personale/henvisninger/${id}`);
      expect(referOn.body).toContain('id="h-referOn"');
      expect(referOn.body).toContain(`<option value="${f.walkId}"`);
      const referred = await worker.post(
        `/personale/henvisninger/${id}/handling`,
        { action: 'forward', version: versionOf(referOn.body), offerId: f.walkId },
        `/personale/henvisninger/${id}`,
      );
      expect(referred.statusCode, referred.body).toBe(303);

      // 4. The provider: its system accepts with If-Match; a stale version is refused.
      const providerToken = await token('provider');
      const inbox = (await fhir('GET', '/fhir/Task?status=requested', providerToken)).json();
      expect(inbox.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(id);
      const read = await fhir('GET', `/fhir/Task/${id}`, providerToken);
      const etag = read.headers.etag as string;
      const task = read.json<Record<string, unknown>>();
      const accepted = await fhir(
        'PUT',
        `/fhir/Task/${id}`,
        providerToken,
        { ...task, status: 'accepted' },
        { 'if-match': etag },
      );
      expect(accepted.statusCode, accepted.body).toBe(200);
      const stale = await fhir(
        'PUT',
        `/fhir/Task/${id}`,
        providerToken,
        { ...task, status: 'in-progress' },
        { 'if-match': etag },
      );
      expect(stale.statusCode).toBe(412);

      // …and the provider's staff on the web: the interpreter need, enrolment, two sessions, done.
      const provider = await signedIn('provider@test.dk');
      const providerInbox = await provider.get('/personale/henvisninger/indbakke');
      expect(providerInbox.body).toContain(`/personale/henvisninger/${id}`);
      const page = `/personale/henvisninger/${id}`;
      const act = async (fields: Record<string, string>) => {
        const before = await provider.get(page);
        expect(before.statusCode).toBe(200);
        const r = await provider.post(
          `${page}/handling`,
          { version: versionOf(before.body), ...fields },
          page,
        );
        expect(r.statusCode, `${fields.action}: ${r.body.slice(0, 300)}`).toBe(303);
        return before;
      };
      const acceptedPage = await act({ action: 'enrol', date: '2026-12-08' });
      expect(acceptedPage.body).toContain('Tolk (arabisk)');
      expect(acceptedPage.body).toContain('Gåtur i Æblehaven');
      await act({ action: 'session', date: '2026-12-08', attendance: 'attended' });
      await act({ action: 'session', date: '2026-12-15', attendance: 'attended' });
      const beforeClose = await act({
        action: 'complete',
        outcome: 'goal_met',
        sessionsAttended: '2',
        agreed: AGREED,
        nextStep: NEXT_STEP,
      });
      // The form offered the attended sessions as the count.
      expect(beforeClose.body).toMatch(/name="sessionsAttended"[^>]*value="2"/);

      // 5. The GP's system reads the closing note as Task.output.
      const closed = await fhir('GET', `/fhir/Task/${id}`, gpToken);
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'completed' });
      expect(closed.json().output).toEqual([
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'outcome' }] },
          valueCodeableConcept: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'goal_met' }] },
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'sessions-attended' }] },
          valueInteger: 2,
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'agreed' }] },
          valueString: AGREED,
        },
        {
          type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'next-step' }] },
          valueString: NEXT_STEP,
        },
      ]);
      const polled = (await fhir('GET', '/fhir/Task?status=completed', gpToken)).json();
      expect(polled.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([id]);

      // 6. The GP (a referrer of the same practice) sees the closing note on the web.
      const gp = await signedIn('gp@test.dk');
      const list = await gp.get('/personale/henvisninger');
      expect(list.body).toContain(`/personale/henvisninger/${id}`);
      const gpPage = await gp.get(`/personale/henvisninger/${id}`);
      expect(gpPage.statusCode).toBe(200);
      expect(gpPage.body).toContain('Afslutningsnotat');
      expect(gpPage.body).toContain(AGREED);
      expect(gpPage.body).toContain(NEXT_STEP);
      // Its history, as every party sees it on the page.
      for (const text of ['Gåtur i Æblehaven', 'Afsluttet']) expect(gpPage.body).toContain(text);

      // The history rows: every step, in order, by whom.
      const events = await inTenant(ctx.db, '0265', async (tx) => {
        await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
        return tx.query<{ kind: string; to_status: string | null; actor_role: string }>(
          `select kind, to_status, actor_role from referral_event where referral_id = $1 order by id`,
          [id],
        );
      });
      expect(events).toEqual([
        { kind: 'created', to_status: 'requested', actor_role: 'api:referrer' },
        { kind: 'booked', to_status: 'accepted', actor_role: 'coordinator' },
        { kind: 'routed', to_status: 'requested', actor_role: 'frontline' },
        { kind: 'transition', to_status: 'accepted', actor_role: 'api:provider' },
        { kind: 'enrolled', to_status: 'in-progress', actor_role: 'provider' },
        { kind: 'session', to_status: 'in-progress', actor_role: 'provider' },
        { kind: 'session', to_status: 'in-progress', actor_role: 'provider' },
        { kind: 'transition', to_status: 'completed', actor_role: 'provider' },
      ]);

      // The e-mail that announces the closing note: queued to the practice's referrer, a link only.
      const mail = await inTenant(ctx.db, '0265', (tx) =>
        tx.query<{
          to_address: string;
          subject: string;
          body_text: string;
          body_html: string | null;
        }>(
          `select to_address, subject, body_text, body_html from outbox where kind = 'referral.closing_note'`,
        ),
      );
      expect(mail.map((m) => m.to_address)).toEqual(['gp@test.dk']);
      const m = mail[0]!;
      expect(m.body_text).toContain(`/personale/henvisninger/${id}`);
      const sent = `${m.subject}\n${m.body_text}\n${m.body_html ?? ''}`;
      for (const secret of [
        ...CPR_FORMS,
        'Amal',
        'Haddad',
        '1971',
        '20 30 40 50',
        'Algade 1',
        'Tolk',
        'arabisk',
        'Gåtur',
        'gågruppen',
        AGREED,
        NEXT_STEP,
        'diabetes',
      ])
        expect(sent, `mail carries "${secret}"`).not.toContain(secret);
      // Besides the link, the body is the fixed text: no other address or number.
      expect(
        m.body_text.replaceAll(/\S*\/personale\/henvisninger\/[0-9a-f-]{36}/g, 'LINK'),
      ).not.toMatch(/\d/);
    }, 120_000);

    it('never put the CPR number in an address, a link, a redirect or a log line', async () => {
      expect(seen.length).toBeGreaterThan(100);
      expect(seen.some((u) => u.startsWith('/fhir/Task/'))).toBe(true);
      const urls = seen.join('\n');
      for (const d of CPR_FORMS) expect(urls).not.toContain(d);
      expect(logs.length).toBeGreaterThan(50);
      const logged = logs.join('\n');
      expect(logged).toContain('/fhir/Task/');
      for (const d of CPR_FORMS) expect(logged).not.toContain(d);
    });
  },
);
