import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../web/languages.ts';
import { INVITE_SMS_MAX, renderInvitation } from './invitation.ts';
import { missingGroups, panelMakeup } from './makeup.ts';
import { FREE_TEXT_MIN_RESPONSES, summarise, type FeedbackRow } from './summary.ts';
import {
  copenhagenDate,
  readFeedbackForm,
  readJoinForm,
  readPeriod,
  readSuggestionEdit,
  receivedMonth,
  retainUntil,
  voiceKeys,
} from './voice.ts';

describe('the feedback form', () => {
  it('needs a rating of 1 to 5; keeps only known barriers; limits the free text', () => {
    expect(readFeedbackForm({}).problems).toEqual([
      { path: 'rating', message: 'voice.feedback.error.rating' },
    ]);
    const ok = readFeedbackForm({
      rating: '4',
      barriers: ['transport', 'nonsense', 'money'],
      comment: '  God tur ',
    });
    expect(ok.values).toEqual({ rating: 4, barriers: ['money', 'transport'], comment: 'God tur' });
    expect(readFeedbackForm({ rating: '6' }).values).toBeNull();
    expect(readFeedbackForm({ rating: '3', comment: 'x'.repeat(1001) }).problems[0]!.path).toBe(
      'comment',
    );
  });
});

describe('joining a panel', () => {
  const base = { name: 'Asha', email: 'asha@example.org', channels: 'email', language: 'so' };
  it('needs a name, a way to reach her, a channel with an address, and consent', () => {
    const r = readJoinForm({ name: '', channels: 'sms', language: 'xx' });
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      ['consent', 'email', 'language', 'name'].sort(),
    );
    expect(readJoinForm({ ...base, consent: 'ja', channels: 'sms' }).problems).toEqual([
      { path: 'phone', message: 'voice.join.error.phoneForChannel' },
    ]);
  });
  it('keeps the voluntary categories as the monitor’s codes; "prefer not to say" is null', () => {
    const r = readJoinForm({
      ...base,
      phone: '20 30 40 50',
      consent: 'ja',
      education: '1',
      labour: '',
      born_dk: 'no',
      age_group: 'none',
    });
    expect(r.values).toMatchObject({
      phone: '+4520304050',
      language: 'so',
      categories: { education: '1', labour: null, born_dk: 'no', age_group: null },
    });
    expect(readJoinForm({ ...base, consent: 'ja', education: '9' }).problems).toEqual([
      { path: 'education', message: 'voice.join.error.category' },
    ]);
  });
});

describe('dates', () => {
  it('files a response under its month in Copenhagen, nothing finer', () => {
    expect(receivedMonth(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(receivedMonth(new Date('2026-03-15T10:00:00Z'))).toBe('2026-03-01');
  });
  it('reads a Copenhagen wall time in winter and summer', () => {
    expect(copenhagenDate('2026-01-07', '10:00')?.toISOString()).toBe('2026-01-07T09:00:00.000Z');
    expect(copenhagenDate('2026-06-07', '17.30')?.toISOString()).toBe('2026-06-07T15:30:00.000Z');
    expect(copenhagenDate('2026-02-30', '10:00')).toBeNull();
  });
  it('keeps a member six months after the panel closes, at most three years', () => {
    expect(retainUntil(new Date('2026-03-10T12:00:00Z'), null)).toBe('2029-03-01');
    expect(retainUntil(new Date('2026-03-10T12:00:00Z'), '2026-05-20')).toBe('2026-12-01');
  });
  it('reads a period of months, the last twelve by default', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(readPeriod({}, now)).toMatchObject({
      ok: true,
      period: { from: '2025-04', to: '2026-03' },
    });
    expect(readPeriod({ fra: '2026-05', til: '2026-01' }, now).ok).toBe(false);
  });
});

describe('suggestions', () => {
  it('publishes only with an answer', () => {
    expect(
      readSuggestionEdit({ status: 'planned', published: 'ja', version: '1' }).problems,
    ).toEqual([{ path: 'answer', message: 'voice.staff.error.answerToPublish' }]);
  });
});

describe('the rate limit keys', () => {
  it('count per address (IPv6 by its /64) and per subject, never storing the form', () => {
    const keys = voiceKeys('feedback', 'offer-1', '2001:db8:1:2:3:4:5:6');
    expect(keys.map((k) => k.key)).toEqual([
      'voice.feedback:address:2001:db8:1:2::/64',
      'voice.feedback:subject:offer-1',
    ]);
  });
});

const row = (offer: string, arena: string, rating: number, barriers: string[] = [], comment = '') =>
  ({
    offerId: offer,
    offerTitle: `Tilbud ${offer}`,
    arena,
    rating,
    barriers,
    comment,
  }) satisfies FeedbackRow;

describe('what staff see of the feedback', () => {
  it('hides counts under 5 and what would give them away; "all named it" is hidden too', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) =>
        row(
          'a',
          'housing_area',
          i < 3 ? 3 : 5,
          i < 6 ? ['transport'] : [],
          i === 0 ? 'Bussen!' : '',
        ),
      ),
      ...Array.from({ length: 6 }, () => row('b', 'housing_area', 4, ['money'])),
    ];
    const s = summarise(rows, { withArenas: true, totalLabel: 'Alle' });
    const a = s.offers.find((o) => o.key === 'offer:a')!;
    const b = s.offers.find((o) => o.key === 'offer:b')!;
    expect(a.responses).toEqual({ kind: 'count', value: 12 });
    expect(a.barriers.transport).toEqual({ kind: 'count', value: 6 });
    // 3 rated "3": small; 9 rated "5" would give it away (12 - 9): hidden as its complement.
    expect(a.ratings[2]).toEqual({ kind: 'few' });
    expect(a.ratings[4]).toEqual({ kind: 'hidden' });
    // All six of b named money: that would tell each one's answer.
    expect(b.barriers.money.kind).not.toBe('count');
    // A's free texts: 12 responses; b's: 6 < FREE_TEXT_MIN_RESPONSES.
    expect(a.comments).toEqual(['Bussen!']);
    expect(b.comments).toBeNull();
    expect(FREE_TEXT_MIN_RESPONSES).toBe(10);
    expect(s.arenas).toHaveLength(1);
    expect(s.hidden.few).toBeGreaterThan(0);
  });

  it('shows a single response as "few", never its barrier', () => {
    const s = summarise([row('a', 'online', 2, ['mental'], 'Privat')], {
      withArenas: false,
      totalLabel: 'Jeres',
    });
    expect(s.total.responses).toEqual({ kind: 'few' });
    expect(s.offers[0]!.barriers.mental.kind).not.toBe('count');
    expect(s.offers[0]!.comments).toBeNull();
    expect(s.arenas).toEqual([]);
  });
});

describe('a panel’s make-up', () => {
  it('compares members with the population and says whom to recruit', () => {
    const members = [
      { education: '4', born_dk: 'yes' },
      { education: '4', born_dk: 'yes' },
      { education: '3', born_dk: 'yes' },
      { education: '4', born_dk: null },
    ];
    const makeup = panelMakeup(members, {
      education: [
        { code: '1', share: 0.25 },
        { code: '2', share: 0.35 },
        { code: '3', share: 0.25 },
        { code: '4', share: 0.15 },
      ],
      born_dk: [{ code: '1', share: 0.85 }],
    });
    const edu = makeup.find((d) => d.dimension === 'education')!;
    expect(edu.answered).toBe(4);
    expect(edu.rows.find((r) => r.code === '2')).toMatchObject({ members: 0, short: 1 });
    expect(edu.rows.find((r) => r.code === '4')).toMatchObject({ members: 3, short: 0 });
    const born = makeup.find((d) => d.dimension === 'born_dk')!;
    expect(born.notGiven).toBe(1);
    expect(born.rows.find((r) => r.code === 'no')?.populationShare).toBeCloseTo(0.15);
    expect(missingGroups(makeup)[0]).toMatchObject({ dimension: 'education' });
    // Without the monitor's figures: counts only.
    expect(panelMakeup(members, {})[0]!.rows[0]!.populationShare).toBeNull();
  });
});

describe('the invitation', () => {
  it('is in the member’s language, Danish names isolated in Arabic, SMS within 480', () => {
    for (const lang of UI_LANGUAGES) {
      const r = renderInvitation({
        lang,
        panelName: 'Brugerpanel for sundhedstilbud '.repeat(6),
        kind: 'user_panel',
        startsAt: new Date('2026-05-20T15:00:00Z'),
        place: 'Roskilde Rådhus',
        address: 'Rådhusbuen 1, 4000 Roskilde '.repeat(4),
        contact: '46 31 30 00',
      });
      expect(r.lang).toBe(lang);
      expect(r.sms.length).toBeLessThanOrEqual(INVITE_SMS_MAX);
      expect(r.text).toContain('Roskilde Rådhus');
    }
    const ar = renderInvitation({
      lang: 'ar',
      panelName: 'Brugerpanel',
      kind: 'focus_group',
      startsAt: new Date('2026-05-20T15:00:00Z'),
      place: 'Rådhuset',
      address: '',
      contact: '',
    });
    expect(ar.text).toContain('\u2066Brugerpanel\u2069');
    expect(ar.subject).toMatch(/[\u0600-\u06ff]/);
  });
});
