/** The FHIR domain's pure rules: client authentication, the referral Bundle, Task updates and search. */
import { describe, expect, it } from 'vitest';
import { readReferralBundle, conditionOfDiagnosis, healthcareServiceId } from './bundle.ts';
import {
  bearerToken,
  checkGrantType,
  hashSecret,
  newSecret,
  OAuthError,
  readTokenRequest,
  secretMatches,
} from './credentials.ts';
import { matchesSearch, parseServiceSearch, afklarendeSamtale } from './healthcare-service.ts';
import { referralBundle } from '../../test/support/fhir.ts';
import {
  matchesTaskSearch,
  parseTaskSearch,
  readTaskUpdate,
  referralToTask,
  updatedSinceOf,
  versionFromIfMatch,
} from './task.ts';
import { CLOSING_NOTE_SYSTEM, STATUS_REASON_SYSTEM, TOPIC_SYSTEM } from './vocabulary.ts';

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
const oauthError = (fn: () => unknown): unknown[] | string => {
  try {
    fn();
  } catch (e) {
    return e instanceof OAuthError ? [e.error, e.status, e.basic] : String(e);
  }
  return 'no error';
};

describe('client credentials', () => {
  it('stores only a hash and matches the secret in constant time', () => {
    const s = newSecret();
    expect(s).toMatch(/^[\w-]{43}$/);
    const h = hashSecret(s);
    expect(h).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(h).not.toContain(s);
    expect(secretMatches(s, h)).toBe(true);
    expect(secretMatches(`${s}x`, h)).toBe(false);
    expect(secretMatches(s, 'scrypt$1$2')).toBe(false);
  });

  it('reads HTTP Basic with form-encoded id and secret, or client_secret_post', () => {
    expect(readTokenRequest(basic('a%3Ab:c+d'), { grant_type: 'client_credentials' })).toEqual({
      credentials: { clientId: 'a:b', secret: 'c d', method: 'client_secret_basic' },
      grantType: 'client_credentials',
    });
    expect(
      readTokenRequest(undefined, { client_id: 'i', client_secret: 's', grant_type: 'x' })
        .credentials.method,
    ).toBe('client_secret_post');
  });

  it('refuses two methods, none, a malformed header, and other grants (RFC 6749 §5.2)', () => {
    expect(oauthError(() => readTokenRequest(basic('i:s'), { client_secret: 's' }))).toEqual([
      'invalid_request',
      400,
      false,
    ]);
    expect(oauthError(() => readTokenRequest(undefined, {}))).toEqual([
      'invalid_client',
      401,
      true,
    ]);
    expect(oauthError(() => readTokenRequest(basic('nocolon'), {}))).toEqual([
      'invalid_client',
      401,
      true,
    ]);
    expect(oauthError(() => readTokenRequest(basic('i:s'), { grant_type: ['a', 'b'] }))).toEqual([
      'invalid_request',
      400,
      false,
    ]);
    expect(oauthError(() => checkGrantType('password'))[0]).toBe('unsupported_grant_type');
    expect(oauthError(() => checkGrantType(undefined))[0]).toBe('invalid_request');
    expect(oauthError(() => checkGrantType('client_credentials'))).toBe('no error');
  });

  it('reads a bearer token', () => {
    expect(bearerToken('Bearer abc-_.~+/=')).toBe('abc-_.~+/=');
    expect(bearerToken('bearer  xyz ')).toBe('xyz');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('the referral Bundle', () => {
  it('maps Patient + ServiceRequest + Task to a referral', () => {
    const r = readReferralBundle(
      referralBundle({ identifier: 'e-1', service: 'afklarende-samtale', cpr: '040371-4444' }),
    );
    expect(r.ok && r.referral).toMatchObject({
      citizen: {
        name: 'Amal Haddad',
        cpr: '0403714444',
        birthDate: '1971-03-04',
        sex: 'female',
        phone: '20 30 40 50',
        postcode: '4000',
        address: 'Algade 1, 4000 Roskilde',
        preferredLanguage: 'ar',
        interpreterNeeded: true,
      },
      service: { kind: 'afklarende_samtale' },
      topics: ['physical_activity'],
      conditions: ['type2_diabetes'],
      pregnant: false,
      needs: ['handHeld', 'interpreter'],
      note: 'Ønsker hjælp til at komme i gang.',
      identifier: { system: 'urn:oid:1.2.208.176.1.99', value: 'e-1' },
    });
    const offer = readReferralBundle(
      referralBundle({ identifier: 'e-2', service: '6B1F0A9E-0000-4000-8000-00000000000A' }),
    );
    expect(offer.ok && offer.referral.service).toEqual({
      kind: 'offer',
      offerId: '6b1f0a9e-0000-4000-8000-00000000000a',
    });
  });

  it('names every problem by its FHIRPath', () => {
    const b = referralBundle({ identifier: 'e-3', service: 'afklarende-samtale' });
    const task = b.entry[2]!.resource as Record<string, unknown>;
    task.focus = { reference: 'urn:uuid:other' };
    const sr = b.entry[1]!.resource as Record<string, unknown>;
    sr.performer = [];
    sr.reasonCode = [{ coding: [{ system: TOPIC_SYSTEM, code: 'astrology' }] }];
    const r = readReferralBundle(b);
    expect(r.ok ? [] : r.problems.map((p) => p.expression)).toEqual([
      'Bundle.entry[2].resource.focus',
      'Bundle.entry[1].resource.performer',
      'Bundle.entry[1].resource.reasonCode[0].coding[0].code',
    ]);
    const noPatient = readReferralBundle({ ...b, entry: b.entry.slice(1) });
    expect(noPatient.ok ? [] : noPatient.problems.map((p) => p.message)).toContain(
      'the Bundle needs exactly one Patient (found 0)',
    );
    const notTx = readReferralBundle({ ...b, type: 'batch' });
    expect(notTx.ok ? [] : notTx.problems.map((p) => p.expression)).toEqual(['Bundle.type']);
    const noId = referralBundle({ identifier: 'e-4', service: 'afklarende-samtale' });
    (noId.entry[2]!.resource as Record<string, unknown>).identifier = [];
    delete (noId.entry[2]!.request as Record<string, unknown>).ifNoneExist;
    const r2 = readReferralBundle(noId);
    expect(r2.ok ? [] : r2.problems.map((p) => p.expression)).toEqual([
      'Bundle.entry[2].resource.identifier',
    ]);
  });

  it('refuses an If-None-Exist that names no identifier of the Task', () => {
    const b = referralBundle({ identifier: 'e-5', service: 'afklarende-samtale' });
    (b.entry[2]!.request as Record<string, unknown>).ifNoneExist = 'identifier=x|y';
    const r = readReferralBundle(b);
    expect(r.ok ? [] : r.problems.map((p) => p.expression)).toEqual([
      'Bundle.entry[2].request.ifNoneExist',
    ]);
  });

  it('reads HealthcareService references and ICD-10 conditions', () => {
    expect(healthcareServiceId('https://x.dk/fhir/HealthcareService/afklarende-samtale')).toBe(
      'afklarende-samtale',
    );
    expect(healthcareServiceId('Organization/1')).toBeUndefined();
    expect(
      ['E119', 'J44', 'I21', 'C50', 'M81', 'F32', 'M54', 'K50'].map(conditionOfDiagnosis),
    ).toEqual([
      'type2_diabetes',
      'copd',
      'cardiovascular',
      'cancer',
      'osteoporosis',
      'anxiety_depression',
      'musculoskeletal',
      undefined,
    ]);
  });
});

describe('Task', () => {
  const view = {
    id: 'r1',
    status: 'completed',
    statusReason: null,
    version: 7,
    requestedService: 'offer',
    offerId: 'o1',
    ownerOrgId: 'org1',
    requesterOrgId: null,
    requesterClientId: 'c1',
    identifier: { system: 's', value: 'v' },
    citizenId: 'p1',
    createdAt: new Date('2026-12-01T08:00:00Z'),
    updatedAt: new Date('2026-12-03T08:00:00Z'),
    closingNote: { outcome: 'goal_met', sessionsAttended: 2, agreed: 'Gå', nextStep: '' },
  };

  it('is the SDOH referral Task, with the closing note as output on completion', () => {
    const t = referralToTask(view);
    expect(t).toMatchObject({
      resourceType: 'Task',
      id: 'r1',
      meta: { versionId: '7' },
      intent: 'order',
      focus: { reference: 'ServiceRequest/r1' },
      for: { reference: 'Patient/p1' },
      owner: { reference: 'Organization/org1' },
    });
    expect(t.output?.map((o) => o.type.coding[0]!.code)).toEqual([
      'outcome',
      'sessions-attended',
      'agreed',
    ]);
    expect(referralToTask({ ...view, status: 'in-progress' }).output).toBeUndefined();
  });

  it('reads a PUT into a transition: status, reason (text only is "other"), closing note', () => {
    expect(
      readTaskUpdate('r1', {
        resourceType: 'Task',
        id: 'r1',
        status: 'rejected',
        statusReason: { coding: [{ system: STATUS_REASON_SYSTEM, code: 'no_capacity' }] },
      }),
    ).toEqual({ ok: true, update: { to: 'rejected', reasonCode: 'no_capacity' } });
    expect(
      readTaskUpdate('r1', {
        resourceType: 'Task',
        id: 'r1',
        status: 'on-hold',
        statusReason: { text: 'Indlagt' },
      }),
    ).toEqual({ ok: true, update: { to: 'on-hold', reasonCode: 'other', reasonText: 'Indlagt' } });
    const bad = readTaskUpdate('r2', {
      resourceType: 'Task',
      id: 'r1',
      status: 'completed',
      output: [{ type: { coding: [{ system: CLOSING_NOTE_SYSTEM, code: 'agreed' }] } }],
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.expression)).toEqual([
      'Task.id',
      'Task.output',
      'Task.output',
    ]);
    const unknown = readTaskUpdate('r1', { resourceType: 'Task', id: 'r1', status: 'ready' });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.expression)).toEqual(['Task.status']);
  });

  it('reads If-Match and searches by status and _lastUpdated', () => {
    expect(versionFromIfMatch('W/"12"')).toBe(12);
    expect(versionFromIfMatch('"3"')).toBe(3);
    expect(versionFromIfMatch('W/12')).toBeUndefined();
    const s = parseTaskSearch({ status: 'requested,accepted', _lastUpdated: 'gt2026-12-02' });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(updatedSinceOf(s.search)).toEqual(new Date('2026-12-03T00:00:00Z'));
    const at = (d: string, status = 'accepted') =>
      matchesTaskSearch({ status, updatedAt: new Date(d) }, s.search);
    expect(at('2026-12-02T23:00:00Z')).toBe(false);
    expect(at('2026-12-03T00:00:00Z')).toBe(true);
    expect(at('2026-12-03T00:00:00Z', 'completed')).toBe(false);
    expect(parseTaskSearch({ _lastUpdated: 'yesterday' }).ok).toBe(false);
    expect(parseTaskSearch({ patient: 'x' }).ok).toBe(false);
  });
});

describe('HealthcareService search', () => {
  const s = afklarendeSamtale('Roskilde');
  it('matches name (starts with any word, accent-insensitive; :contains; :exact) and category', () => {
    const q = (query: Record<string, string>) => {
      const p = parseServiceSearch(query);
      if ('problem' in p) throw new Error(p.problem.message);
      return matchesSearch(s, p.search);
    };
    expect(q({ name: 'samt' })).toBe(true);
    expect(q({ name: 'AFKLÄRENDE' })).toBe(true);
    expect(q({ 'name:contains': 'ende sam' })).toBe(true);
    expect(q({ 'name:exact': 'afklarende samtale' })).toBe(false);
    expect(q({ 'service-category': 'smoking' })).toBe(true);
    expect(q({ 'service-category': `${TOPIC_SYSTEM}|loneliness,${TOPIC_SYSTEM}|alcohol` })).toBe(
      true,
    );
    expect(q({ 'service-category': 'other-system|smoking' })).toBe(false);
    expect('problem' in parseServiceSearch({ 'name:below': 'x' })).toBe(true);
  });
});
