/**
 * The printout (issue 14): one verdict per domain, and Arabic that addresses a woman in the
 * feminine, a man in the masculine and a citizen whose sex is not recorded in neutral words.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, SavedOffer } from '../conversation.store.ts';
import { acceptSupport } from '../profile.ts';
import { profileOf } from '../derived.ts';
import { renderPrint } from './print-page.tsx';

const base: Conversation = {
  id: '00000000-0000-4000-8000-000000000001',
  kommune: '0265',
  team_id: '00000000-0000-4000-8000-000000000002',
  team_name: 'Jobcentret',
  worker_id: null,
  worker_name: null,
  anonymous: false,
  citizen_name: 'Amal Haddad',
  birth_year: 1979,
  sex: null,
  postcode: '4000',
  consent_version: 'conversation-consent-1',
  consented_at: new Date('2026-01-05T09:00:00Z'),
  language: 'ar',
  interpreter_needed: true,
  arena: 'job_centre',
  brings_children: false,
  availability: { days: [], times: [] },
  instruments: ['smoking', 'alcohol-units', 'audit-c', 'priorities'],
  answers: {
    smoking: { 'smoking-status': { code: 'daily' }, 'smoking-per-day': { value: 5 } },
    // The weekly units declined: not scored; AUDIT-C scored positive.
    'alcohol-units': { 'alcohol-week': { declined: true } },
    'audit-c': {
      'auditc-1': { code: '2-3-week' },
      'auditc-2': { code: '3-4' },
      'auditc-3': { code: 'monthly' },
    },
    priorities: {},
  },
  step: 4,
  status: 'finished',
  support_override: null,
  support_note: null,
  created_at: new Date('2026-01-05T09:00:00Z'),
  updated_at: new Date('2026-01-05T10:00:00Z'),
  finished_at: new Date('2026-01-05T10:00:00Z'),
  delete_after: new Date('2027-01-05T10:00:00Z'),
};

const saved: SavedOffer = {
  offer_id: '00000000-0000-4000-8000-000000000003',
  kommune: '0265',
  title: 'Rygestop på hold',
  summary: '',
  translations: {},
  contact_name: '',
  contact_phone: '',
  reasons: [{ code: 'priority', values: { goal: 'smoking' } }],
  signup_id: '00000000-0000-4000-8000-000000000004',
  receipt_code: null,
};

function printFor(c: Conversation, lang: Conversation['language'] = c.language): string {
  const now = new Date('2026-01-05T10:00:00Z');
  const profile = profileOf(c, now);
  return renderPrint({
    lang,
    conversation: c,
    profile,
    support: acceptSupport(profile.support),
    saved: [saved],
    municipality: 'Roskilde Kommune',
  });
}

describe('the printout', () => {
  it('gives one verdict for alcohol: no "not enough answers" beside a scored result', () => {
    const da = printFor(base, 'da');
    expect(da).toContain('Dine svar om alkohol ligger over den grænse');
    expect(da).not.toContain('Der er ikke svar nok til at sige noget om dette');
    const ar = printFor(base, 'ar');
    expect(ar).toContain('الإجابات عن الكحول أعلى من الحد');
    expect(ar).not.toContain('لا توجد إجابات كافية');
  });

  it('addresses a woman in the feminine in Arabic', () => {
    const html = printFor({ ...base, sex: 'female' });
    expect(html).toContain('أنتِ تدخّنين كل يوم');
    expect(html).toContain('أنتِ مسجَّلة.');
    expect(html).toContain('قلتِ إنكِ تريدين أن تتوقفي عن التدخين');
    expect(html).toContain('تحتاجين إلى مترجم.');
    expect(html).not.toMatch(/أنت تدخّن |أنت مسجَّل\.|قلتَ إنك تريد/);
  });

  it('addresses a man in the masculine in Arabic', () => {
    const html = printFor({ ...base, sex: 'male' });
    expect(html).toContain('أنت تدخّن كل يوم');
    expect(html).toContain('أنت مسجَّل.');
    expect(html).toContain('قلتَ إنك تريد أن تتوقف عن التدخين');
  });

  it('uses neutral wording when the sex is not recorded', () => {
    const html = printFor(base);
    expect(html).toContain('تشير الإجابات إلى التدخين كل يوم');
    expect(html).toContain('تم التسجيل.');
    expect(html).toContain('من الأهداف المختارة: التوقف عن التدخين');
    expect(html).toContain('هناك حاجة إلى مترجم.');
    expect(html).not.toMatch(/أنتِ|أنت تدخّن|تحتاجين|تحتاج إلى مترجم|قلتَ|قلتِ/);
  });

  it('leaves Danish as it was: Danish has no gendered "you"', () => {
    expect(printFor({ ...base, sex: 'female' }, 'da')).toBe(printFor(base, 'da'));
  });
});
