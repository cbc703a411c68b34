import { describe, expect, it } from 'vitest';
import {
  canTransition,
  checkTransition,
  nextStatuses,
  REASON_CODES,
  REASON_REQUIRED,
  REFERRAL_PARTIES,
  REFERRAL_STATUSES,
  TERMINAL_STATUSES,
  type ReferralParty,
  type ReferralStatus,
} from './state-machine.ts';

/**
 * The whole table, written out again by hand: every (from, to, party) not listed here must be
 * refused. R requester, V receiver, C coordinator.
 */
const ALLOWED: Record<string, string> = {
  'draft>requested': 'R',
  'draft>cancelled': 'R',
  'draft>entered-in-error': 'R',
  'requested>accepted': 'VC',
  'requested>rejected': 'VC',
  'requested>cancelled': 'RVC',
  'requested>entered-in-error': 'R',
  'accepted>in-progress': 'VC',
  'accepted>on-hold': 'VC',
  'accepted>requested': 'C',
  'accepted>failed': 'VC',
  'accepted>cancelled': 'RVC',
  'accepted>entered-in-error': 'R',
  'in-progress>on-hold': 'VC',
  'in-progress>requested': 'C',
  'in-progress>completed': 'VC',
  'in-progress>failed': 'VC',
  'in-progress>cancelled': 'RVC',
  'in-progress>entered-in-error': 'R',
  'on-hold>in-progress': 'VC',
  'on-hold>failed': 'VC',
  'on-hold>cancelled': 'RVC',
  'on-hold>entered-in-error': 'R',
};
const letter: Record<ReferralParty, string> = { requester: 'R', receiver: 'V', coordinator: 'C' };

const cases: [ReferralStatus, ReferralStatus, ReferralParty, boolean][] = [];
for (const from of REFERRAL_STATUSES)
  for (const to of REFERRAL_STATUSES)
    for (const party of REFERRAL_PARTIES)
      cases.push([from, to, party, (ALLOWED[`${from}>${to}`] ?? '').includes(letter[party])]);

describe('the referral state machine', () => {
  it('covers 10 statuses x 10 x 3 parties', () => {
    expect(cases).toHaveLength(300);
    expect(cases.filter((c) => c[3])).toHaveLength(
      Object.values(ALLOWED).reduce((n, s) => n + s.length, 0),
    );
  });

  it.each(cases)('%s → %s by %s: allowed %s', (from, to, party, allowed) => {
    expect(canTransition(from, to, party)).toBe(allowed);
    const problems = checkTransition(from, { to, reasonCode: 'no_capacity' }, party);
    expect(problems.some((p) => p.code === 'forbidden')).toBe(!allowed);
  });

  it('lets no one leave a terminal status', () => {
    for (const from of TERMINAL_STATUSES)
      expect(nextStatuses(from, [...REFERRAL_PARTIES])).toEqual([]);
  });

  it('allows a move when any of several parties may make it', () => {
    expect(canTransition('requested', 'accepted', ['requester', 'receiver'])).toBe(true);
    expect(canTransition('requested', 'accepted', ['requester'])).toBe(false);
    expect(canTransition('requested', 'accepted', [])).toBe(false);
  });

  it('lists the next statuses in order', () => {
    expect(nextStatuses('requested', 'receiver')).toEqual(['accepted', 'rejected', 'cancelled']);
    expect(nextStatuses('in-progress', 'requester')).toEqual(['cancelled', 'entered-in-error']);
  });
});

describe('reasons', () => {
  it.each(REASON_REQUIRED)('a move to %s needs a reason from the list', (to) => {
    const from: ReferralStatus = to === 'rejected' ? 'requested' : 'accepted';
    expect(checkTransition(from, { to }, 'coordinator')).toEqual([
      { code: 'reason_required', field: 'reasonCode' },
    ]);
    expect(checkTransition(from, { to, reasonCode: '  ' }, 'coordinator')).toEqual([
      { code: 'reason_required', field: 'reasonCode' },
    ]);
    for (const code of REASON_CODES.filter((c) => c !== 'other'))
      expect(checkTransition(from, { to, reasonCode: code }, 'coordinator')).toEqual([]);
    expect(checkTransition(from, { to, reasonCode: 'other' }, 'coordinator')).toEqual([
      { code: 'reason_text_required', field: 'reasonText' },
    ]);
    expect(
      checkTransition(
        from,
        { to, reasonCode: 'other', reasonText: 'Flyttet til Grønland' },
        'coordinator',
      ),
    ).toEqual([]);
    expect(checkTransition(from, { to, reasonCode: 'bored' }, 'coordinator')).toEqual([
      { code: 'reason_unknown', field: 'reasonCode' },
    ]);
  });

  it('needs no reason for accepted, in-progress, completed; refuses unknown codes anyway', () => {
    expect(checkTransition('requested', { to: 'accepted' }, 'receiver')).toEqual([]);
    expect(checkTransition('accepted', { to: 'in-progress' }, 'receiver')).toEqual([]);
    expect(checkTransition('in-progress', { to: 'completed' }, 'receiver')).toEqual([]);
    expect(
      checkTransition('in-progress', { to: 'completed', reasonCode: 'x' }, 'receiver'),
    ).toEqual([{ code: 'reason_unknown', field: 'reasonCode' }]);
  });

  it('refuses a reason text over 500 characters', () => {
    expect(
      checkTransition(
        'requested',
        { to: 'rejected', reasonCode: 'other', reasonText: 'x'.repeat(501) },
        'receiver',
      ),
    ).toEqual([{ code: 'reason_text_too_long', field: 'reasonText' }]);
  });

  it('reports a forbidden move before any reason problem', () => {
    expect(checkTransition('completed', { to: 'failed' }, 'receiver')).toEqual([
      { code: 'forbidden', from: 'completed', to: 'failed' },
    ]);
  });
});
