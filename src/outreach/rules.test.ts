import { describe, expect, it } from 'vitest';
import {
  checkAttempt,
  checkOutcome,
  checkRulesForm,
  effectiveRules,
  findHits,
  hitKey,
  lastContact,
  newHitsByCitizen,
  OUTREACH_EVENTS,
  readRulesForm,
  RULE_SPECS,
  rulesFormOf,
  trailingNoShows,
  type ContactFact,
  type Hit,
  type OutreachFacts,
  type OutreachRule,
  type ReferralFact,
  type SignupFact,
} from './rules.ts';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * DAY);
const C = 'citizen-1';

const referral = (over: Partial<ReferralFact> = {}): ReferralFact => ({
  id: 'r1',
  citizenId: C,
  status: 'requested',
  statusReason: null,
  closingOutcome: null,
  workingDaysPastDue: 0,
  pastDue: false,
  acceptedAt: null,
  contactedAt: null,
  closedAt: null,
  createdAt: t0,
  handHeld: false,
  sessions: [],
  citizenCancelledAt: null,
  ...over,
});
const signup = (over: Partial<SignupFact> = {}): SignupFact => ({
  id: 's1',
  citizenId: C,
  createdAt: t0,
  status: 'cancelled',
  cancelledBy: 'citizen',
  cancelledAt: t0,
  ...over,
});
const facts = (over: Partial<OutreachFacts> = {}): OutreachFacts => ({
  referrals: [],
  signups: [],
  contacts: [],
  outreachContact: new Map(),
  ...over,
});
const defaults = effectiveRules([]);
const only = (
  event: OutreachRule['event'],
  threshold = RULE_SPECS[event].defaultThreshold,
): OutreachRule[] =>
  OUTREACH_EVENTS.map((e) => ({
    event: e,
    enabled: e === event,
    threshold: e === event ? threshold : RULE_SPECS[e].defaultThreshold,
  }));
const events = (hits: readonly Hit[]) => hits.map((h) => h.event);

describe('effective rules', () => {
  it('gives the default for every event without a stored row', () => {
    expect(defaults).toEqual(
      OUTREACH_EVENTS.map((event) => ({
        event,
        enabled: true,
        threshold: RULE_SPECS[event].defaultThreshold,
      })),
    );
  });
  it('uses a stored row as it is, also when disabled', () => {
    const r = effectiveRules([{ event: 'missed_sessions', enabled: false, threshold: 4 }]);
    expect(r.find((x) => x.event === 'missed_sessions')).toEqual({
      event: 'missed_sessions',
      enabled: false,
      threshold: 4,
    });
  });
  it("H6's defaults", () => {
    expect(Object.fromEntries(defaults.map((r) => [r.event, r.threshold]))).toEqual({
      referral_unanswered: 0,
      not_reached: 5,
      missed_sessions: 2,
      cancelled_no_new_time: 3,
      handheld_no_contact: 30,
      rejected_no_alternative: 5,
    });
  });
});

describe('referral_unanswered', () => {
  const rules = only('referral_unanswered', 1);
  it('nothing on the answer date itself', () => {
    expect(findHits(facts({ referrals: [referral({ pastDue: false })] }), defaults, t0)).toEqual(
      [],
    );
  });
  it('threshold 0: the day after the answer date', () => {
    const hits = findHits(
      facts({ referrals: [referral({ pastDue: true, workingDaysPastDue: 0 })] }),
      only('referral_unanswered', 0),
      t0,
    );
    expect(hits).toEqual([
      { citizenId: C, event: 'referral_unanswered', referralId: 'r1', signupId: null },
    ]);
  });
  it('threshold 1: not before the first working day after has begun', () => {
    const r = (n: number) =>
      facts({ referrals: [referral({ pastDue: true, workingDaysPastDue: n })] });
    expect(findHits(r(0), rules, t0)).toEqual([]);
    expect(events(findHits(r(1), rules, t0))).toEqual(['referral_unanswered']);
  });
  it('only while the referral is still requested', () => {
    const r = referral({ status: 'accepted', pastDue: true, workingDaysPastDue: 5 });
    expect(findHits(facts({ referrals: [r] }), rules, t0)).toEqual([]);
  });
});

describe('not_reached', () => {
  const accepted = referral({ status: 'accepted', acceptedAt: t0 });
  it('hits the day it is due, not the day before', () => {
    const f = facts({ referrals: [accepted] });
    expect(findHits(f, only('not_reached'), new Date(day(5).getTime() - 1))).toEqual([]);
    expect(events(findHits(f, only('not_reached'), day(5)))).toEqual(['not_reached']);
  });
  it('not once the citizen was contacted', () => {
    const f = facts({ referrals: [{ ...accepted, contactedAt: day(1) }] });
    expect(findHits(f, only('not_reached'), day(10))).toEqual([]);
  });
  it('not for a referral no longer under way', () => {
    const f = facts({ referrals: [{ ...accepted, status: 'completed' }] });
    expect(findHits(f, only('not_reached'), day(10))).toEqual([]);
  });
});

describe('missed_sessions', () => {
  const s = (...a: string[]) =>
    a.map((attendance, i) => ({ heldOn: `2026-03-0${i + 1}`, attendance }));
  it('counts no-shows in a row at the end; cancelled sessions neither count nor break', () => {
    expect(trailingNoShows(s('no_show', 'attended', 'no_show'))).toBe(1);
    expect(trailingNoShows(s('no_show', 'cancelled', 'no_show'))).toBe(2);
    expect(trailingNoShows(s('attended'))).toBe(0);
    expect(trailingNoShows([])).toBe(0);
  });
  it('hits at the threshold, not one below', () => {
    const r = (...a: string[]) =>
      facts({ referrals: [referral({ status: 'in-progress', sessions: s(...a) })] });
    expect(findHits(r('attended', 'no_show'), only('missed_sessions'), t0)).toEqual([]);
    expect(
      events(findHits(r('attended', 'no_show', 'no_show'), only('missed_sessions'), t0)),
    ).toEqual(['missed_sessions']);
    expect(findHits(r('no_show', 'no_show'), only('missed_sessions', 3), t0)).toEqual([]);
  });
});

describe('cancelled_no_new_time', () => {
  it('a referral the citizen cancelled: hits after the days, not the day before', () => {
    const f = facts({
      referrals: [referral({ status: 'accepted', citizenCancelledAt: t0 })],
    });
    expect(findHits(f, only('cancelled_no_new_time'), day(2))).toEqual([]);
    expect(findHits(f, only('cancelled_no_new_time'), day(3))).toEqual([
      { citizenId: C, event: 'cancelled_no_new_time', referralId: 'r1', signupId: null },
    ]);
  });
  it('a sign-up the citizen cancelled, not one the provider cancelled', () => {
    const rules = only('cancelled_no_new_time');
    expect(findHits(facts({ signups: [signup()] }), rules, day(2))).toEqual([]);
    expect(findHits(facts({ signups: [signup()] }), rules, day(3))).toEqual([
      { citizenId: C, event: 'cancelled_no_new_time', referralId: null, signupId: 's1' },
    ]);
    expect(
      findHits(facts({ signups: [signup({ cancelledBy: 'provider' })] }), rules, day(3)),
    ).toEqual([]);
  });
  it('not when the citizen has signed up or been referred again since', () => {
    const rules = only('cancelled_no_new_time');
    const again = signup({
      id: 's2',
      status: 'confirmed',
      cancelledBy: null,
      cancelledAt: null,
      createdAt: day(1),
    });
    expect(findHits(facts({ signups: [signup(), again] }), rules, day(5))).toEqual([]);
    const newReferral = referral({ id: 'r2', createdAt: day(1) });
    expect(
      findHits(facts({ signups: [signup()], referrals: [newReferral] }), rules, day(5)),
    ).toEqual([]);
  });
  it('threshold 0 hits the same moment', () => {
    expect(
      events(findHits(facts({ signups: [signup()] }), only('cancelled_no_new_time', 0), t0)),
    ).toEqual(['cancelled_no_new_time']);
  });
});

describe('handheld_no_contact', () => {
  const contact = (over: Partial<ContactFact> = {}): ContactFact => ({
    citizenId: C,
    handHeld: true,
    lastContactAt: t0,
    ...over,
  });
  it('hits the day it is due, not the day before', () => {
    const f = facts({ contacts: [contact()] });
    expect(findHits(f, only('handheld_no_contact'), day(29))).toEqual([]);
    expect(findHits(f, only('handheld_no_contact'), day(30))).toEqual([
      { citizenId: C, event: 'handheld_no_contact', referralId: null, signupId: null },
    ]);
  });
  it('not for a citizen without hand-held support', () => {
    expect(
      findHits(
        facts({ contacts: [contact({ handHeld: false })] }),
        only('handheld_no_contact'),
        day(90),
      ),
    ).toEqual([]);
  });
  it('a hand-held referral under way counts; an attended session is contact', () => {
    const r = referral({
      status: 'in-progress',
      handHeld: true,
      sessions: [{ heldOn: '2026-03-20', attendance: 'attended' }],
    });
    const f = facts({ referrals: [r] });
    expect(findHits(f, only('handheld_no_contact'), day(40))).toEqual([]);
    expect(events(findHits(f, only('handheld_no_contact'), day(60)))).toEqual([
      'handheld_no_contact',
    ]);
  });
  it('a hand-held referral never contacted counts from when it was made', () => {
    const f = facts({ referrals: [referral({ handHeld: true, createdAt: t0 })] });
    expect(findHits(f, only('handheld_no_contact'), day(29))).toEqual([]);
    expect(findHits(f, only('handheld_no_contact'), day(30))).toHaveLength(1);
  });
  it('outreach contact counts as contact (after a closed case)', () => {
    const f = facts({ contacts: [contact()], outreachContact: new Map([[C, day(20)]]) });
    expect(lastContact(C, f)).toEqual(day(20));
    expect(findHits(f, only('handheld_no_contact'), day(40))).toEqual([]);
    expect(findHits(f, only('handheld_no_contact'), day(50))).toHaveLength(1);
  });
  it('no contact at all is a hit', () => {
    expect(
      findHits(
        facts({ contacts: [contact({ lastContactAt: null })] }),
        only('handheld_no_contact'),
        t0,
      ),
    ).toHaveLength(1);
  });
});

describe('rejected_no_alternative', () => {
  const closed = referral({ status: 'rejected', statusReason: 'not_eligible', closedAt: t0 });
  const rules = only('rejected_no_alternative');
  it('hits the day it is due, not the day before', () => {
    const f = facts({ referrals: [closed] });
    expect(findHits(f, rules, day(4))).toEqual([]);
    expect(events(findHits(f, rules, day(5)))).toEqual(['rejected_no_alternative']);
  });
  it('a failed referral too; not when the citizen said no, moved or was referred on', () => {
    expect(
      findHits(facts({ referrals: [{ ...closed, status: 'failed' }] }), rules, day(5)),
    ).toHaveLength(1);
    for (const statusReason of ['no_longer_interested', 'moved', 'got_help_elsewhere'])
      expect(findHits(facts({ referrals: [{ ...closed, statusReason }] }), rules, day(5))).toEqual(
        [],
      );
    expect(
      findHits(facts({ referrals: [{ ...closed, closingOutcome: 'referred_on' }] }), rules, day(5)),
    ).toEqual([]);
  });
  it('not when something new came since', () => {
    const f = facts({
      referrals: [closed, referral({ id: 'r2', status: 'accepted', createdAt: day(1) })],
    });
    expect(events(findHits(f, rules, day(6)))).not.toContain('rejected_no_alternative');
  });
});

describe('a disabled rule', () => {
  it('finds nothing', () => {
    const off = only('missed_sessions').map((r) => ({ ...r, enabled: false }));
    const f = facts({
      referrals: [
        referral({
          status: 'in-progress',
          sessions: [
            { heldOn: '2026-03-01', attendance: 'no_show' },
            { heldOn: '2026-03-08', attendance: 'no_show' },
          ],
        }),
      ],
    });
    expect(findHits(f, off, day(30))).toEqual([]);
  });
});

describe('newHitsByCitizen', () => {
  const h = (over: Partial<Hit> = {}): Hit => ({
    citizenId: C,
    event: 'missed_sessions',
    referralId: 'r1',
    signupId: null,
    ...over,
  });
  it('groups by citizen and drops duplicates within a scan', () => {
    const out = newHitsByCitizen(
      [h(), h(), h({ event: 'not_reached' }), h({ citizenId: 'c2' })],
      new Map(),
    );
    expect(out.get(C)?.map((x) => x.event)).toEqual(['missed_sessions', 'not_reached']);
    expect(out.get('c2')).toHaveLength(1);
  });
  it('a hit on any earlier case (open or closed) is not raised again', () => {
    const known = new Map([[C, { open: new Set<string>(), any: new Set([hitKey(h())]) }]]);
    expect(newHitsByCitizen([h()], known).get(C)).toBeUndefined();
    // The same event on another referral is a new hit.
    expect(newHitsByCitizen([h({ referralId: 'r2' })], known).get(C)).toHaveLength(1);
  });
  it('hand-held: only the open case counts, so it is raised again after a closed case', () => {
    const hand = h({ event: 'handheld_no_contact', referralId: null });
    const closedOnly = new Map([[C, { open: new Set<string>(), any: new Set([hitKey(hand)]) }]]);
    expect(newHitsByCitizen([hand], closedOnly).get(C)).toHaveLength(1);
    const open = new Map([[C, { open: new Set([hitKey(hand)]), any: new Set([hitKey(hand)]) }]]);
    expect(newHitsByCitizen([hand], open).get(C)).toBeUndefined();
  });
});

describe('the rules form', () => {
  it('reads the posted fields and round-trips the rules', () => {
    const body: Record<string, unknown> = {};
    for (const e of OUTREACH_EVENTS) body[`${e}.threshold`] = ` ${RULE_SPECS[e].defaultThreshold} `;
    body['missed_sessions.enabled'] = 'ja';
    const form = readRulesForm(body);
    expect(form.missed_sessions).toEqual({ enabled: true, threshold: '2' });
    expect(form.not_reached.enabled).toBe(false);
    expect(rulesFormOf(defaults).handheld_no_contact).toEqual({ enabled: true, threshold: '30' });
  });
  it('accepts each range boundary and refuses one beyond, naming the field', () => {
    for (const e of OUTREACH_EVENTS) {
      const { min, max } = RULE_SPECS[e];
      for (const [value, ok] of [
        [min, true],
        [max, true],
        [min - 1, false],
        [max + 1, false],
      ] as const) {
        if (value < 0) continue;
        const form = rulesFormOf(defaults);
        form[e] = { enabled: true, threshold: String(value) };
        const r = checkRulesForm(form);
        expect(r.ok, `${e}=${value}`).toBe(ok);
        if (!r.ok)
          expect(r.problems).toEqual([
            { path: `${e}.threshold`, message: `outreach.rules.error.${e}` },
          ]);
      }
    }
  });
  it('refuses what is not a whole number', () => {
    for (const bad of ['', '2.5', '-1', 'to', '1e1']) {
      const form = rulesFormOf(defaults);
      form.missed_sessions.threshold = bad;
      expect(checkRulesForm(form).ok, bad).toBe(false);
    }
  });
});

describe('the attempt and outcome forms', () => {
  it('an attempt needs a known method and reached yes/no; the note has a limit', () => {
    expect(checkAttempt({ method: 'phone', reached: 'nej', note: ' x ', version: '3' })).toEqual({
      ok: true,
      method: 'phone',
      reached: false,
      note: 'x',
      version: 3,
    });
    const r = checkAttempt({ method: 'fax', reached: '', note: 'x'.repeat(2001), version: '' });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['method', 'reached', 'note']);
  });
  it('re-engaged needs one of the choices; others do not', () => {
    const choices = ['referral:abc', 'signup:def'];
    const base = { newOffer: '', note: '', version: '1' };
    const missing = checkOutcome({ ...base, outcome: 'reengaged' }, choices);
    expect(missing.ok ? [] : missing.problems.map((p) => p.path)).toEqual(['newOffer']);
    expect(
      checkOutcome({ ...base, outcome: 'reengaged', newOffer: 'signup:def' }, choices),
    ).toEqual({
      ok: true,
      outcome: 'reengaged',
      referralId: null,
      signupId: 'def',
      note: '',
      version: 1,
    });
    const declined = checkOutcome(
      { ...base, outcome: 'declined', newOffer: 'referral:abc' },
      choices,
    );
    expect(declined.ok && declined.referralId).toBeNull();
    const bad = checkOutcome({ ...base, outcome: 'maybe' }, choices);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['outcome']);
  });
});
