import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import { inTenant } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { createUser } from '../staff/staff.store.ts';
import {
  createReferral,
  forwardToProvider,
  recordSession,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
} from '../referrals/index.ts';
import {
  outreachCase,
  outreachQueue,
  recordAttempt,
  recordOutcome,
  saveOutreachRules,
  scanOutreach,
  takeCase,
  OutreachStale,
  type OutreachActor,
} from './outreach.service.ts';
import { reengagedNextStep } from '../referrals/index.ts';
import { RULE_SPECS, OUTREACH_EVENTS, type RulesForm } from './rules.ts';

const as = (staff: StaffUser): ReferralActor => ({ kind: 'staff', staff, requestId: 'test' });
const person = (name: string): NewReferral['citizen'] => ({
  name,
  birthDate: '1960-01-01',
  phone: '20 30 40 50',
  email: `${name.replace(/\W/g, '').toLowerCase()}@example.dk`,
  preferredLanguage: 'da',
  interpreterNeeded: false,
});
const input = (name: string, over: Partial<NewReferral> = {}): NewReferral => ({
  citizen: person(name),
  requestedService: 'afklarende_samtale',
  reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
  needs: {},
  note: '',
  consentAt: new Date('2026-01-05T08:00:00Z'),
  ...over,
});
const monday = new Date('2026-01-05T08:00:00Z');
const day = (n: number) => new Date(monday.getTime() + n * 864e5);

function rulesForm(over: Partial<Record<string, number>> = {}): RulesForm {
  const f = {} as RulesForm;
  for (const e of OUTREACH_EVENTS)
    f[e] = { enabled: true, threshold: String(over[e] ?? RULE_SPECS[e].defaultThreshold) };
  return f;
}

eachEngine('outreach lane', (ctx) => {
  let f: ReferralFixture;
  let worker: OutreachActor;
  let lejreWorker: OutreachActor;

  /** A referral forwarded to the walk offer's provider, accepted and under way, with sessions. */
  async function underWay(name: string, attendance: ('attended' | 'no_show')[]) {
    const r = await createReferral(ctx.db, as(f.users.gp), input(name), { now: monday });
    let v = await forwardToProvider(
      ctx.db,
      as(f.users.coordinator),
      r.id,
      {
        expectedVersion: r.version,
        offerId: f.walkId,
      },
      { now: monday },
    );
    v = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      { to: 'accepted', expectedVersion: v.version },
      { now: day(1) },
    );
    v = await transitionReferral(
      ctx.db,
      as(f.users.provider),
      r.id,
      {
        to: 'in-progress',
        expectedVersion: v.version,
        detail: { enrolledOn: '2026-01-07' },
      },
      { now: day(2) },
    );
    for (const [i, a] of attendance.entries())
      v = await recordSession(
        ctx.db,
        as(f.users.provider),
        r.id,
        {
          expectedVersion: v.version,
          heldOn: `2026-01-${String(8 + i * 7).padStart(2, '0')}`,
          attendance: a,
        },
        { now: day(3 + i * 7) },
      );
    return v;
  }

  beforeAll(async () => {
    f = await seedReferralFixture(ctx.db);
    const users = await inTenant(ctx.db, '0265', async (tx) => {
      const [team] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
      );
      const w = await createUser(tx, {
        kommune: '0265',
        email: 'outreach@test.dk',
        name: 'Opsøger Lise',
        role: 'outreach',
        organization_id: null,
        team_id: team!.id,
        password_hash: 'x',
      });
      return { w };
    });
    const lejre = await inTenant(ctx.db, '0350', (tx) =>
      createUser(tx, {
        kommune: '0350',
        email: 'outreach-lejre@test.dk',
        name: 'Opsøger Lejre',
        role: 'outreach',
        organization_id: null,
        team_id: null,
        password_hash: 'x',
      }),
    );
    worker = { staff: users.w, requestId: 'test' };
    lejreWorker = { staff: lejre, requestId: 'test' };
  });

  let caseId: string;

  it('two no-shows in a row open one case; a second scan adds nothing', async () => {
    // Unanswered referrals from the other tests' setup are out of the way: only this one so far.
    await underWay('Birthe Outreach', ['attended', 'no_show', 'no_show']);
    const first = await scanOutreach(ctx.db, { at: day(25), kommune: '0265' });
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const again = await scanOutreach(ctx.db, { at: day(25), kommune: '0265' });
    expect(again).toEqual({ opened: 0, added: 0 });
    const queue = await outreachQueue(ctx.db, worker);
    const entry = queue.find((q) => q.citizenName === 'Birthe Outreach');
    expect(entry?.reasons).toEqual(['missed_sessions']);
    caseId = entry!.id;
  });

  it('a further reason is added to the open case, not a second case', async () => {
    // The same citizen (name and birth date) gets a new referral nobody answers.
    await createReferral(ctx.db, as(f.users.gp), input('Birthe Outreach'), { now: day(20) });
    const r = await scanOutreach(ctx.db, { at: day(30), kommune: '0265' });
    expect(r.added).toBeGreaterThanOrEqual(1);
    const queue = await outreachQueue(ctx.db, worker);
    const mine = queue.filter((q) => q.citizenName === 'Birthe Outreach');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.reasons).toContain('referral_unanswered');
  });

  it('the answer time: nothing on the due date, a case the working day after', async () => {
    // Wednesday 2026-02-04: due Friday 02-06 (2 working days).
    const wed = new Date('2026-02-04T09:00:00Z');
    await createReferral(ctx.db, as(f.users.gp), input('Carl Clock'), { now: wed });
    await scanOutreach(ctx.db, { at: new Date('2026-02-06T15:00:00Z'), kommune: '0265' });
    expect((await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Carl Clock')).toBe(
      false,
    );
    // Saturday is past the date but with threshold 1 no working day has begun.
    await saveOutreachRules(ctx.db, worker, rulesForm({ referral_unanswered: 1 }));
    await scanOutreach(ctx.db, { at: new Date('2026-02-07T10:00:00Z'), kommune: '0265' });
    expect((await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Carl Clock')).toBe(
      false,
    );
    await scanOutreach(ctx.db, { at: new Date('2026-02-09T08:00:00Z'), kommune: '0265' });
    expect((await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Carl Clock')).toBe(
      true,
    );
    await saveOutreachRules(ctx.db, worker, rulesForm());
  });

  it('thresholds come from the rules table; a disabled rule finds nothing', async () => {
    await saveOutreachRules(ctx.db, worker, rulesForm({ missed_sessions: 3 }));
    await underWay('Dorte Threshold', ['no_show', 'no_show']);
    await scanOutreach(ctx.db, { at: day(40), kommune: '0265' });
    expect(
      (await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Dorte Threshold'),
    ).toBe(false);
    const off = rulesForm({ missed_sessions: 2 });
    off.missed_sessions.enabled = false;
    await saveOutreachRules(ctx.db, worker, off);
    await scanOutreach(ctx.db, { at: day(40), kommune: '0265' });
    expect(
      (await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Dorte Threshold'),
    ).toBe(false);
    await saveOutreachRules(ctx.db, worker, rulesForm({ missed_sessions: 2 }));
    await scanOutreach(ctx.db, { at: day(40), kommune: '0265' });
    expect(
      (await outreachQueue(ctx.db, worker)).some((q) => q.citizenName === 'Dorte Threshold'),
    ).toBe(true);
  });

  it('rules are validated: whole numbers in range, the field named', async () => {
    const bad = rulesForm();
    bad.missed_sessions.threshold = '2.5';
    bad.handheld_no_contact.threshold = '1000';
    const r = await saveOutreachRules(ctx.db, worker, bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.path)).toEqual([
        'missed_sessions.threshold',
        'handheld_no_contact.threshold',
      ]);
  });

  it('another municipality sees nothing', async () => {
    expect(await outreachQueue(ctx.db, lejreWorker)).toEqual([]);
    await expect(outreachCase(ctx.db, lejreWorker, caseId)).rejects.toThrow(/not found/);
    expect(await scanOutreach(ctx.db, { at: day(40), kommune: '0350' })).toEqual({
      opened: 0,
      added: 0,
    });
  });

  it('take the case, record attempts; a stale form is refused', async () => {
    const view = await outreachCase(ctx.db, worker, caseId);
    expect(view.citizen?.name).toBe('Birthe Outreach');
    expect(view.referrals.length).toBe(2);
    await takeCase(ctx.db, worker, caseId, view.case.version, day(31));
    await expect(
      takeCase(ctx.db, worker, caseId, view.case.version, day(31)),
    ).rejects.toBeInstanceOf(OutreachStale);
    expect(
      (
        await recordAttempt(
          ctx.db,
          worker,
          caseId,
          { method: 'fax', reached: 'ja', note: '', version: '' },
          day(31),
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await recordAttempt(
          ctx.db,
          worker,
          caseId,
          { method: 'phone', reached: 'nej', note: 'Ingen svar', version: '' },
          day(31),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await recordAttempt(
          ctx.db,
          worker,
          caseId,
          { method: 'home_visit', reached: 'nej', note: '', version: '' },
          day(32),
        )
      ).ok,
    ).toBe(true);
    const after = await outreachCase(ctx.db, worker, caseId);
    expect(after.attempts.map((a) => a.method)).toEqual(['phone', 'home_visit']);
    expect(after.case.assigned_to).toBe(worker.staff.id);
  });

  it('unreachable closes the referrals (failed, could_not_contact) and the GP gets the closing note', async () => {
    const view = await outreachCase(ctx.db, worker, caseId);
    const stale = await recordOutcome(
      ctx.db,
      worker,
      caseId,
      { outcome: 'unreachable', newOffer: '', note: '', version: String(view.case.version - 1) },
      day(33),
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(OutreachStale);
    const r = await recordOutcome(
      ctx.db,
      worker,
      caseId,
      {
        outcome: 'unreachable',
        newOffer: '',
        note: 'Tre forsøg',
        version: String(view.case.version),
      },
      day(33),
    );
    expect(r.ok).toBe(true);
    const rows = await ctx.db.asOwner((tx) =>
      tx.query<{ status: string; status_reason: string; closing_outcome: string | null }>(
        `select status, status_reason, closing_outcome from referral r join citizen c on c.id = r.citizen_id
          where c.name = 'Birthe Outreach' order by r.created_at`,
      ),
    );
    expect(rows).toEqual([
      { status: 'failed', status_reason: 'could_not_contact', closing_outcome: 'dropped_out' },
      { status: 'cancelled', status_reason: 'could_not_contact', closing_outcome: 'dropped_out' },
    ]);
    const mail = await ctx.db.asOwner((tx) =>
      tx.query(
        `select 1 from outbox where kind = 'referral.closing_note' and to_address = 'gp@test.dk'`,
      ),
    );
    expect(mail.length).toBeGreaterThanOrEqual(2);
    expect((await outreachQueue(ctx.db, worker)).some((q) => q.id === caseId)).toBe(false);
  });

  it('a closed case lets a new one open; re-engaged completes the referral with the new offer in the note', async () => {
    await underWay('Birthe Outreach', ['no_show', 'no_show']);
    const s = await scanOutreach(ctx.db, { at: day(60), kommune: '0265' });
    expect(s.opened).toBeGreaterThanOrEqual(1);
    const entry = (await outreachQueue(ctx.db, worker)).find(
      (q) => q.citizenName === 'Birthe Outreach',
    )!;
    expect(entry.id).not.toBe(caseId);
    // A new referral made after the case opened is the new offer.
    await createReferral(
      ctx.db,
      as(f.users.coordinator),
      input('Birthe Outreach', { requestedService: 'offer', offerId: f.walkId }),
      { now: day(61) },
    );
    const view = await outreachCase(ctx.db, worker, entry.id);
    expect(view.choices).toHaveLength(1);
    const missing = await recordOutcome(
      ctx.db,
      worker,
      entry.id,
      { outcome: 'reengaged', newOffer: '', note: '', version: String(view.case.version) },
      day(62),
    );
    expect(missing.ok ? [] : missing.problems.map((p) => p.path)).toEqual(['newOffer']);
    const ok = await recordOutcome(
      ctx.db,
      worker,
      entry.id,
      {
        outcome: 'reengaged',
        newOffer: view.choices[0]!.value,
        note: '',
        version: String(view.case.version),
      },
      day(62),
    );
    expect(ok.ok).toBe(true);
    const [ref] = await ctx.db.asOwner((tx) =>
      tx.query<{ status: string; closing_next_step: string }>(
        `select r.status, r.closing_next_step from referral r join citizen c on c.id = r.citizen_id
          where c.name = 'Birthe Outreach' and r.id = $1`,
        [view.case.referral_id],
      ),
    );
    expect(ref).toEqual({
      status: 'completed',
      closing_next_step: reengagedNextStep(view.choices[0]!.label),
    });
  });

  it('declined cancels the referral, no_longer_interested', async () => {
    await underWay('Erik Declined', ['no_show', 'no_show']);
    await scanOutreach(ctx.db, { at: day(70), kommune: '0265' });
    const entry = (await outreachQueue(ctx.db, worker)).find(
      (q) => q.citizenName === 'Erik Declined',
    )!;
    const view = await outreachCase(ctx.db, worker, entry.id);
    expect(
      (
        await recordOutcome(
          ctx.db,
          worker,
          entry.id,
          { outcome: 'declined', newOffer: '', note: '', version: String(view.case.version) },
          day(71),
        )
      ).ok,
    ).toBe(true);
    const [ref] = await ctx.db.asOwner((tx) =>
      tx.query(`select status, status_reason from referral where id = $1`, [view.case.referral_id]),
    );
    expect(ref).toEqual({ status: 'cancelled', status_reason: 'no_longer_interested' });
  });

  it('the scan is audited with counts only, as the system', async () => {
    const rows = await ctx.db.asOwner((tx) =>
      tx.query<{ summary: string }>(
        `select summary from audit_log where entity = 'outreach_case' and actor_role = 'system'`,
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.summary.includes('Birthe'))).toBe(true);
  });
});
