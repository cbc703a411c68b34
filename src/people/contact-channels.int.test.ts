/**
 * "Må vi sende beskeder om tider?" (issue 11): a citizen's channels, each a consent row
 * ('contact.email', 'contact.sms', 'contact.digital_post'), set when the record is made and
 * changed on the admin's card (audited, withdrawn when unticked); a channel needs its address;
 * withdrawing a channel's consent also takes the channel off.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTenant } from '../db/db.ts';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { citizenInputSchema, findOrCreateCitizen, inPeopleScope } from './index.ts';

const system = { kommune: '0265', actorId: null, actorRole: 'system', requestId: 'seed' };
const scope = { kommune: '0265', role: 'system', organization_id: null, team_id: null };

it('a channel needs its address (Digital Post a CPR number)', () => {
  const r = citizenInputSchema.safeParse({
    name: 'Uden Adresse',
    contactChannels: ['email', 'sms', 'digital_post'],
  });
  expect(r.success).toBe(false);
  expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['contactChannels', 'people.channels.error.email'],
    ['contactChannels', 'people.channels.error.sms'],
    ['contactChannels', 'people.channels.error.digital_post'],
  ]);
  expect(
    citizenInputSchema.safeParse({
      name: 'Med Adresse',
      email: 'a@example.dk',
      phone: '20304050',
      contactChannels: ['email', 'sms'],
    }).success,
  ).toBe(true);
});

eachEngine('contact channels', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let citizenId: string;
  const state = (id: string) =>
    inTenant(ctx.db, '0265', async (tx) => {
      await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
      const [c] = await tx.query<{ contact_channels: string[]; version: number }>(
        'select contact_channels, version from citizen where id = $1',
        [id],
      );
      const consents = await tx.query<{
        id: string;
        purpose: string;
        version: string;
        withdrawn: boolean;
      }>(
        `select id, purpose, version, withdrawn_at is not null as withdrawn from citizen_consent
          where citizen_id = $1 and purpose like 'contact.%' order by given_at, purpose`,
        [id],
      );
      const audits = await tx.query<{ summary: string }>(
        `select summary from audit_log where entity = 'citizen' and entity_id = $1 order by seq`,
        [id],
      );
      return { channels: c!.contact_channels, consents, audits: audits.map((a) => a.summary) };
    });

  beforeAll(async () => {
    await seedFixture(ctx.db);
    app = await testApp(ctx.db);
    citizenId = (
      await inPeopleScope(ctx.db, scope, (tx) =>
        findOrCreateCitizen(tx, system, {
          name: 'Kanal Borger',
          birthDate: '1980-06-06',
          email: 'kanal@example.dk',
          phone: '+45 20 30 40 50',
          contactChannels: ['email'],
        }),
      )
    ).id;
    admin = new Client(app);
    await admin.signIn('admin@test.dk');
  });
  afterAll(() => app?.close());

  it('a new record carries its channels and a consent per channel, audited', async () => {
    const s = await state(citizenId);
    expect(s.channels).toEqual(['email']);
    expect(s.consents.map((c) => [c.purpose, c.version, c.withdrawn])).toEqual([
      ['contact.email', '2026-12', false],
    ]);
    expect(s.audits).toContain('contact channels: email');
  });

  it('a later record for the same person adds channels, never takes one away', async () => {
    await inPeopleScope(ctx.db, scope, (tx) =>
      findOrCreateCitizen(tx, system, {
        name: 'Kanal Borger',
        birthDate: '1980-06-06',
        phone: '20304050',
        contactChannels: ['sms'],
      }),
    );
    const s = await state(citizenId);
    expect(s.channels).toEqual(['email', 'sms']);
    expect(s.consents.map((c) => c.purpose)).toEqual(['contact.email', 'contact.sms']);
  });

  it('the card asks, saves a change (unticked: withdrawn), and names a channel without address', async () => {
    const card = `/personale/borgere/${citizenId}`;
    const page = await admin.get(card);
    expect(page.body).toContain('Må vi sende beskeder om tider?');
    expect(page.body).toMatch(/name="contactChannels" value="email" checked/);

    const res = await admin.post(`${card}/kanaler`, { contactChannels: ['sms'] }, card);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${card}?kanaler=gemt`);
    let s = await state(citizenId);
    expect(s.channels).toEqual(['sms']);
    expect(s.consents.map((c) => [c.purpose, c.withdrawn])).toEqual([
      ['contact.email', true],
      ['contact.sms', false],
    ]);
    expect(s.audits.at(-1)).toBe('contact channels: sms');
    expect((await admin.get(String(res.headers.location))).body).toContain(
      'Borgerens valg af beskeder er gemt.',
    );

    // Digital Post without a CPR number: refused, the field named, nothing changed.
    const bad = await admin.post(
      `${card}/kanaler`,
      { contactChannels: ['sms', 'digital_post'] },
      card,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Digital Post kræver et CPR-nummer');
    expect(bad.body).toContain('href="#f-contactChannels"');
    s = await state(citizenId);
    expect(s.channels).toEqual(['sms']);
  });

  it('withdrawing the channel consent on the card also takes the channel off', async () => {
    const card = `/personale/borgere/${citizenId}`;
    const sms = (await state(citizenId)).consents.find(
      (c) => c.purpose === 'contact.sms' && !c.withdrawn,
    )!;
    expect((await admin.get(card)).body).toContain('Beskeder om tider på sms');
    const res = await admin.post(`${card}/samtykke/${sms.id}/traek-tilbage`, {}, card);
    expect(res.statusCode).toBe(303);
    const s = await state(citizenId);
    expect(s.channels).toEqual([]);
    expect(s.consents.every((c) => c.withdrawn)).toBe(true);
  });
});
