/**
 * The pages of issue 11's referral side: the referrer's form asks "Må vi sende beskeder om
 * tider?"; the coordinator books a samtale with a time; "Aftal tid" names a missing field in
 * Danish; the detail page shows the agreed time, the citizen's replies in the history and
 * "Beskeder til borgeren"; the intake queue and the provider inbox mark a citizen's
 * cancellation or wish for a new time.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { referralReplyHandler } from './citizen-messages.service.ts';
import {
  createReferral,
  forwardToProvider,
  getReferral,
  transitionReferral,
  type ReferralActor,
} from './referral.service.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

eachEngine('referral appointments on the pages', (ctx) => {
  let app: FastifyInstance;
  let f: ReferralFixture;
  let gp: Client;
  let coordinator: Client;
  let provider: Client;
  let referralId = '';

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    app = await testApp(ctx.db);
    gp = new Client(app);
    coordinator = new Client(app);
    provider = new Client(app);
    await gp.signIn('gp@test.dk');
    await coordinator.signIn('coordinator@test.dk');
    await provider.signIn('provider@test.dk');
  });
  afterAll(() => app?.close());

  it('the referral form asks for channels and names one without its address', async () => {
    const page = await gp.get('/personale/henvisninger/ny');
    expect(page.body).toContain('Må vi sende beskeder om tider?');
    const fields = {
      name: 'Sara Nielsen',
      birthDate: '1980-01-01',
      phone: '11 22 33 44',
      preferredLanguage: 'tr',
      topics: 'physical_activity',
      requestedService: 'afklarende_samtale',
      consent: 'ja',
    };
    const bad = await gp.post('/personale/henvisninger/ny', {
      ...fields,
      contactChannels: ['sms', 'email'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Borgeren har ingen e-mailadresse');
    const ok = await gp.post('/personale/henvisninger/ny', { ...fields, contactChannels: 'sms' });
    expect(ok.statusCode).toBe(303);
    referralId = /henvisninger\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
  });

  it('booking with a time: the detail shows it, the history and the message sent', async () => {
    const url = `/personale/henvisninger/${referralId}`;
    const page = await coordinator.get(url);
    expect(page.body).toContain('id="f-book-time"');
    const v = await getReferral(ctx.db, as(f.users.coordinator), referralId);
    const res = await coordinator.post(
      `${url}/handling`,
      { action: 'book', version: String(v.version), date: inDays(5), time: '10:00', place: '' },
      url,
    );
    expect(res.statusCode).toBe(303);
    const shown = await coordinator.get(url);
    expect(shown.body).toContain('Aftalt tid');
    expect(shown.body).toContain('Afklarende samtaler');
    expect(shown.body).toContain('Tid aftalt');
    // "Beskeder til borgeren": the appointment by SMS.
    expect(shown.body).toContain('lighed-message-log');
    const sent = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ kind: string; channel: string }>(
        `select kind, channel from outbox where about_type = 'referral' and about_id = $1`,
        [referralId],
      ),
    );
    expect(sent).toEqual([{ kind: 'referral.appointment', channel: 'sms' }]);
  });

  it('"Aftal tid" with a missing time names the field in Danish, and keeps the rest', async () => {
    const url = `/personale/henvisninger/${referralId}`;
    const v = await getReferral(ctx.db, as(f.users.coordinator), referralId);
    const res = await coordinator.post(
      `${url}/handling`,
      {
        action: 'appointment',
        version: String(v.version),
        date: inDays(6),
        time: '',
        place: 'Sundhedshuset',
      },
      url,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-appointment-time"');
    expect(res.body).toContain('Skriv et klokkeslæt, for eksempel 10:00');
    expect(res.body).toContain('value="Sundhedshuset"');
  });

  it('a citizen asking for a new time is marked in the intake queue and the history', async () => {
    await inTenant(ctx.db, '0265', (tx) =>
      referralReplyHandler.apply(tx, '0265', referralId, 'new_time', new Date(), 'Eftermiddag'),
    );
    const queue = await coordinator.get('/personale/henvisninger/visitation');
    expect(queue.body).toContain('Borgeren har aflyst eller ønsker ny tid (1)');
    expect(queue.body).toContain('Ønsker ny tid');
    const detail = await coordinator.get(`/personale/henvisninger/${referralId}`);
    expect(detail.body).toContain('Borgeren ønsker en ny tid');
    expect(detail.body).toContain('Eftermiddag');
  });

  it('the provider inbox marks a cancellation by the citizen', async () => {
    const r = await createReferral(
      ctx.db,
      as(f.users.gp),
      {
        citizen: { name: 'Ole Olsen', birthDate: '1950-02-02', phone: '22 33 44 55' },
        requestedService: 'afklarende_samtale',
        reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
        needs: { interpreter: false, handHeld: false },
        note: '',
        consentAt: new Date(),
      },
      {},
    );
    const fwd = await forwardToProvider(ctx.db, as(f.users.coordinator), r.id, {
      expectedVersion: r.version,
      offerId: f.walkId,
    });
    await transitionReferral(ctx.db, as(f.users.provider), r.id, {
      to: 'accepted',
      expectedVersion: fwd.version,
    });
    const url = `/personale/henvisninger/${r.id}`;
    const page = await provider.get(url);
    // The place starts as the offer's place.
    expect(page.body).toMatch(/id="f-appointment-place"[^>]*value="[^"]+"/);
    const v = await getReferral(ctx.db, as(f.users.provider), r.id);
    const res = await provider.post(
      `${url}/handling`,
      { action: 'appointment', version: String(v.version), date: inDays(3), time: '24:00' },
      url,
    );
    // There is no 24:00: named.
    expect(res.statusCode).toBe(400);
    const ok = await provider.post(
      `${url}/handling`,
      { action: 'appointment', version: String(v.version), date: inDays(3), time: '09:30' },
      url,
    );
    expect(ok.statusCode).toBe(303);
    await inTenant(ctx.db, '0265', (tx) =>
      referralReplyHandler.apply(tx, '0265', r.id, 'cancel', new Date()),
    );
    const inbox = await provider.get('/personale/henvisninger/indbakke');
    expect(inbox.body).toContain('Aflyst af borgeren');
  });
});
