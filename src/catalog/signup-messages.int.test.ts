/**
 * Messages after a sign-up, through the real app and the use cases on both engines: the
 * confirmation in the citizen's language on the channels they ticked (none: none), the
 * reminder only the day before and only once, the citizen's answers by the reply link, what
 * the provider sees, and nothing of it in another municipality.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, seedFixture, testApp, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';
import { messagesAbout } from '../platform/mail/index.ts';
import { getOfferDetail } from './offer.store.ts';
import { sendSignupReminders, signupReplyHandler } from './signup-messages.service.ts';
import { signUp } from './signup.service.ts';
import type { SignupForm } from './signup.ts';

const citizen = { kommune: '0265', actorId: null, actorRole: 'citizen', requestId: 'test' };

// The walk meets on Tuesdays at 10:00 (test/support/app.ts). 7 January 2030 is a Monday.
const MONDAY = new Date('2030-01-07T15:00:00Z');
const SUNDAY = new Date('2030-01-06T15:00:00Z');
const TUESDAY = new Date('2030-01-08T15:00:00Z');

eachEngine('messages after a sign-up', (ctx) => {
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    app = await testApp(ctx.db);
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(`update offer set contact_phone = '+45 4634 1000' where id = $1`, [fx.walkId]),
    );
  });

  const outboxAbout = (id: string) =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<{
        channel: string;
        kind: string;
        to_address: string;
        subject: string;
        body_text: string;
        dedupe_key: string | null;
      }>(
        `select channel, kind, to_address, subject, body_text, dedupe_key from outbox
          where about_type = 'signup' and about_id = $1 order by created_at, channel`,
        [id],
      ),
    );

  const signupByEmail = (email: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      const [row] = await tx.query<{
        id: string;
        status: string;
        contact_channels: string[];
        notice_language: string;
        confirmed_at: Date | null;
        cancelled_by: string | null;
        cancelled_at: Date | null;
        new_time_requested_at: Date | null;
      }>(
        `select id, status, contact_channels, notice_language, confirmed_at, cancelled_by,
                cancelled_at, new_time_requested_at
           from signup where email = $1`,
        [email],
      );
      return row;
    });

  const auditOf = (id: string) =>
    inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ action: string; actor_role: string; summary: string }>(
        `select action, actor_role, summary from audit_log
          where entity = 'signup' and entity_id = $1 order by id`,
        [id],
      ),
    );

  /** Signs up through the use case (the public form's rate limit is for people, not tests). */
  async function signUpDirect(over: Partial<SignupForm>, now = new Date('2030-01-02T09:00:00Z')) {
    const offer = await inTenant(ctx.db, '0265', (tx) => getOfferDetail(tx, fx.walkId));
    const form: SignupForm = {
      name: 'Borger Test',
      phone: '',
      email: '',
      preferred_language: 'da',
      needs_interpreter: false,
      message: '',
      consent: true,
      contact_channels: [],
      ...over,
    };
    const result = await signUp(ctx.db, citizen, offer!, form, { now, formLanguage: 'da' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.signup.id;
  }

  it('sends an Arabic citizen who ticks e-mail the confirmation in Arabic: place and time, no topic', async () => {
    const amina = new Client(app);
    await amina.get('/?lang=ar');
    const page = await amina.get(`/tilbud/${fx.walkId}/tilmeld`);
    expect(page.body).toContain('name="contact_channels" value="email"');
    expect(page.body).toContain('name="contact_channels" value="sms"');
    const posted = await amina.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: 'أمينة',
      phone: '',
      email: 'amina.messages@example.dk',
      preferred_language: 'ar',
      consent: 'ja',
      contact_channels: 'email',
    });
    expect(posted.statusCode).toBe(303);
    const row = await signupByEmail('amina.messages@example.dk');
    expect(row).toMatchObject({ contact_channels: ['email'], notice_language: 'ar' });
    const sent = await outboxAbout(row!.id);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail).toMatchObject({
      channel: 'email',
      kind: 'signup.confirmation',
      to_address: 'amina.messages@example.dk',
    });
    expect(mail!.body_text).toMatch(/[\u0600-\u06ff]/);
    expect(mail!.body_text).toContain('Æblehavens beboerhus');
    expect(mail!.body_text).toContain('/svar/');
    // Never the offer's title, in Danish or Arabic.
    expect(mail!.body_text).not.toContain('Gåtur');
    expect(mail!.body_text).not.toContain('نزهة');
    expect(mail!.subject).not.toContain('Gåtur');
  });

  it('sends nothing when no channel is ticked, and writes messages in the form’s language when the preferred one is not ours', async () => {
    const client = new Client(app);
    await client.get('/?lang=en');
    const posted = await client.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: 'No Messages',
      phone: '12 34 56 78',
      email: 'no.messages@example.dk',
      preferred_language: 'fa',
      consent: 'ja',
    });
    expect(posted.statusCode).toBe(303);
    const row = await signupByEmail('no.messages@example.dk');
    expect(row).toMatchObject({ contact_channels: [], notice_language: 'en' });
    expect(await outboxAbout(row!.id)).toEqual([]);
  });

  it('refuses a ticked channel without its address, naming the field in the citizen’s language', async () => {
    const client = new Client(app);
    await client.get('/?lang=ar');
    const posted = await client.post(`/tilbud/${fx.walkId}/tilmeld`, {
      name: 'بلا هاتف',
      phone: '',
      email: 'no.phone@example.dk',
      preferred_language: 'ar',
      consent: 'ja',
      contact_channels: ['email', 'sms'],
    });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('اكتب رقم هاتفك إذا كنت تريد أن نرسل لك رسائل نصية');
    expect(posted.body).toContain('href="#f-phone"');
    // What was ticked is kept.
    expect(posted.body).toMatch(/value="email" checked/);
    expect(await signupByEmail('no.phone@example.dk')).toBeUndefined();
  });

  it('reminds only the day before the session, on each ticked channel, and only once', async () => {
    const id = await signUpDirect({
      email: 'reminder@example.dk',
      phone: '20 30 40 50',
      contact_channels: ['email', 'sms'],
    });
    const none = await signUpDirect({ email: 'no.reminder@example.dk' });
    const cancelled = await signUpDirect({
      email: 'cancelled.reminder@example.dk',
      contact_channels: ['email'],
    });
    await inTenant(ctx.db, '0265', (tx) =>
      signupReplyHandler.apply(tx, '0265', cancelled, 'cancel', new Date('2030-01-03T09:00:00Z')),
    );
    // Asked for a new time on Friday: not reminded of Tuesday's session; reminded the week after.
    const wantsNew = await signUpDirect({
      email: 'new.time.reminder@example.dk',
      contact_channels: ['email'],
    });
    await inTenant(ctx.db, '0265', (tx) =>
      signupReplyHandler.apply(tx, '0265', wantsNew, 'new_time', new Date('2030-01-04T09:00:00Z')),
    );
    const reminders = async (signup: string) =>
      (await outboxAbout(signup)).filter((m) => m.kind === 'signup.reminder');

    // Sunday and Tuesday: the next day has no session.
    await sendSignupReminders(ctx.db, SUNDAY);
    await sendSignupReminders(ctx.db, TUESDAY);
    expect(await reminders(id)).toEqual([]);

    // Monday: Tuesday's session.
    const queued = await sendSignupReminders(ctx.db, MONDAY);
    expect(queued).toBeGreaterThanOrEqual(2);
    const sent = await reminders(id);
    expect(sent.map((m) => [m.channel, m.to_address, m.dedupe_key])).toEqual([
      ['email', 'reminder@example.dk', `signup.reminder:${id}:2030-01-08:email`],
      ['sms', '+4520304050', `signup.reminder:${id}:2030-01-08:sms`],
    ]);
    expect(sent[1]!.body_text).toContain('/svar/');
    // A stable link to the offer's anonymous feedback form, in the message's language (src/voice/).
    expect(sent[1]!.body_text).toMatch(/\/tilbud\/[0-9a-f-]{36}\/mening\?lang=[a-z]{2}$/m);
    expect(sent[1]!.body_text.length).toBeLessThanOrEqual(480);
    expect(await reminders(none)).toEqual([]);
    expect(await reminders(cancelled)).toEqual([]);
    expect(await reminders(wantsNew)).toEqual([]);
    await sendSignupReminders(ctx.db, new Date(MONDAY.getTime() + 7 * 86_400_000));
    expect((await reminders(wantsNew)).map((m) => m.dedupe_key)).toEqual([
      `signup.reminder:${wantsNew}:2030-01-15:email`,
    ]);

    // A second run the same day (or a retried job) sends nothing.
    expect(await sendSignupReminders(ctx.db, new Date(MONDAY.getTime() + 3_600_000))).toBe(0);
    expect(await reminders(id)).toHaveLength(4);
    expect(await auditOf(id)).toContainEqual({
      action: 'read',
      actor_role: 'system',
      summary: 'reminder for the session on 2030-01-08',
    });
  });

  it('applies the citizen’s answers, audited as the citizen', async () => {
    const id = await signUpDirect({ email: 'answers@example.dk', contact_channels: ['email'] });
    const describe = () =>
      inTenant(ctx.db, '0265', (tx) => signupReplyHandler.describe(tx, '0265', id));
    const apply = (choice: 'confirm' | 'cancel' | 'new_time', at: string) =>
      inTenant(ctx.db, '0265', (tx) =>
        signupReplyHandler.apply(tx, '0265', id, choice, new Date(at)),
      );

    const facts = await describe();
    expect(facts).toMatchObject({
      placeName: 'Æblehavens beboerhus',
      address: 'Æblehaven 1, 4000 Roskilde',
      open: true,
    });
    expect(facts!.startsAt).toBeInstanceOf(Date);

    await apply('confirm', '2030-01-07T16:00:00Z');
    expect(await signupByEmail('answers@example.dk')).toMatchObject({
      status: 'new',
      confirmed_at: new Date('2030-01-07T16:00:00Z'),
    });
    await apply('new_time', '2030-01-07T17:00:00Z');
    expect(await signupByEmail('answers@example.dk')).toMatchObject({
      status: 'new',
      new_time_requested_at: new Date('2030-01-07T17:00:00Z'),
      cancelled_at: null,
    });
    await apply('cancel', '2030-01-07T18:00:00Z');
    expect(await signupByEmail('answers@example.dk')).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'citizen',
      cancelled_at: new Date('2030-01-07T18:00:00Z'),
    });
    expect((await describe())!.open).toBe(false);
    // Once cancelled, a later answer changes nothing.
    await apply('confirm', '2030-01-07T19:00:00Z');
    expect((await signupByEmail('answers@example.dk'))!.confirmed_at).toEqual(
      new Date('2030-01-07T16:00:00Z'),
    );

    const log = (await auditOf(id)).filter((a) => a.actor_role === 'citizen');
    expect(log.map((a) => [a.action, a.summary])).toEqual([
      ['create', `sign-up for offer ${fx.walkId}`],
      ['read', 'opened a reply link'],
      ['update', 'confirmed by the citizen with a reply link'],
      ['update', 'new time asked for by the citizen with a reply link'],
      ['update', 'cancelled by the citizen with a reply link'],
      ['read', 'opened a reply link'],
      ['read', 'reply link used on a cancelled sign-up'],
    ]);
    expect(
      await inTenant(ctx.db, '0265', (tx) => signupReplyHandler.describe(tx, '0265', fx.walkId)),
    ).toBeNull();
  });

  it('shows the provider the citizen’s answers and what was sent, delivered or not', async () => {
    const confirmed = await signUpDirect({
      name: 'Bekræfter Borger',
      email: 'confirms@example.dk',
      contact_channels: ['email'],
    });
    const wantsNew = await signUpDirect({
      name: 'Ny Tid Borger',
      email: 'new.time@example.dk',
      contact_channels: ['email'],
    });
    const cancels = await signUpDirect({ name: 'Afmelder Borger', email: 'cancels@example.dk' });
    await inTenant(ctx.db, '0265', async (tx) => {
      await signupReplyHandler.apply(tx, '0265', confirmed, 'confirm', new Date());
      await signupReplyHandler.apply(tx, '0265', wantsNew, 'new_time', new Date());
      await signupReplyHandler.apply(tx, '0265', cancels, 'cancel', new Date());
    });

    const provider = new Client(app);
    await provider.signIn('provider@test.dk');
    const list = await provider.get('/personale/tilmeldinger');
    expect(list.statusCode).toBe(200);
    for (const text of ['Bekræftet', 'Ønsker ny tid', 'Afmeldt af borgeren'])
      expect(list.body).toContain(text);
    expect(list.body).toContain(`href="/personale/tilmeldinger/${confirmed}"`);

    const detail = await provider.get(`/personale/tilmeldinger/${confirmed}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Bekræfter Borger');
    expect(detail.body).toContain('Bekræftet');
    expect(detail.body).toContain('på e-mail');
    // The message log: one confirmation, queued (not yet sent).
    const messages = await inTenant(ctx.db, '0265', (tx) =>
      messagesAbout(tx, { type: 'signup', id: confirmed }),
    );
    expect(messages.map((m) => [m.kind, m.channel, m.status])).toEqual([
      ['signup.confirmation', 'email', 'queued'],
    ]);
    expect(detail.body).toContain('Bekræftelse af tilmelding');
    expect(detail.body).toContain('Venter på at blive sendt');
    // Once the channel reports delivery, the provider sees when.
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `update outbox set status = 'delivered', sent_at = now(), delivered_at = now()
          where about_id = $1`,
        [confirmed],
      ),
    );
    expect((await provider.get(`/personale/tilmeldinger/${confirmed}`)).body).toContain(
      'Modtaget ',
    );
    expect(await auditOf(confirmed)).toContainEqual({
      action: 'read',
      actor_role: 'provider',
      summary: 'viewed the sign-up and its messages',
    });

    const nothing = await provider.get(`/personale/tilmeldinger/${cancels}`);
    expect(nothing.body).toContain('Nej, ingen beskeder');

    // Another organisation's provider does not see it.
    const other = new Client(app);
    await other.signIn('other-provider@test.dk');
    expect((await other.get(`/personale/tilmeldinger/${confirmed}`)).statusCode).toBe(404);
    expect((await other.get('/personale/tilmeldinger/not-a-uuid')).statusCode).toBe(404);
  });

  it('shows another municipality nothing: no sign-up, no messages, no reply, no reminder', async () => {
    const id = await signUpDirect({
      email: 'lejre.cannot@example.dk',
      contact_channels: ['email'],
    });
    await inTenant(ctx.db, '0350', async (tx) => {
      expect(await tx.query('select id from signup where id = $1', [id])).toEqual([]);
      expect(await messagesAbout(tx, { type: 'signup', id })).toEqual([]);
      expect(await signupReplyHandler.describe(tx, '0350', id)).toBeNull();
      await signupReplyHandler.apply(tx, '0350', id, 'cancel', new Date());
    });
    expect((await signupByEmail('lejre.cannot@example.dk'))!.status).toBe('new');
    await sendSignupReminders(ctx.db, MONDAY);
    const lejre = await inTenant(ctx.db, '0350', (tx) => tx.query('select id from outbox'));
    expect(lejre).toEqual([]);
  });
});
