import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../web/languages.ts';
import {
  NOTICE_KINDS,
  REPLY_CHOICES,
  SMS_MAX,
  canonicalChoices,
  noticeLanguage,
  renderNotice,
  whenText,
  type NoticeFacts,
  type ReplyChoice,
} from './notice.ts';

const startsAt = new Date('2027-01-07T09:00:00Z'); // Thursday 7 January, 10:00 in Copenhagen
const facts: NoticeFacts = {
  placeName: 'Sundhedscenter Roskilde',
  address: 'Køgevej 3, 4000 Roskilde',
  startsAt,
  contactPhone: '46 31 00 00',
};
const url = `https://lighed.roskilde.dk/svar/${'A'.repeat(75)}`;
const all: ReplyChoice[] = ['confirm', 'cancel', 'new_time'];

// What must never reach a citizen's message, passed in as if a caller had leaked it.
const trap = {
  ...facts,
  title: 'Rygestop for KOL-patienter',
  topic: 'diabetes',
  referrer: 'Lægehuset Algade',
  cpr: '010190-1234',
} as NoticeFacts;

describe('renderNotice', () => {
  for (const lang of UI_LANGUAGES) {
    for (const kind of NOTICE_KINDS) {
      it(`${kind} in ${lang}: place, time, link and phone; nothing else`, () => {
        const n = renderNotice({ kind, lang, facts: trap, reply: { url, choices: all } });
        expect(n.lang).toBe(lang);
        expect(n.subject.trim()).not.toBe('');
        expect(n.subject).not.toMatch(/[\r\n{}]/);
        for (const body of [n.text, n.html, n.sms]) {
          expect(body).toContain('Sundhedscenter Roskilde');
          expect(body).not.toMatch(/Rygestop|KOL|diabetes|Lægehuset|010190|[{}]|\uE000/);
        }
        for (const body of [n.text, n.html]) {
          expect(body).toContain('46 31 00 00');
          expect(body).toContain(url);
        }
        expect(n.sms).toContain(url);
        const placeInLead = kind === 'referral.received' || kind === 'referral.closed';
        if (!placeInLead) {
          const when = whenText(startsAt, lang);
          expect(n.text).toContain(when);
          expect(n.sms).toContain(when);
          expect(n.text).toContain('Køgevej 3, 4000 Roskilde');
          expect(n.text).toMatch(/10[:.]00/);
        }
        expect(n.sms.length).toBeLessThanOrEqual(SMS_MAX);
        // The link alone on its line, so phones recognise it.
        expect(n.sms.split('\n')).toContain(url);
      });
    }
  }

  it('writes the day and time in the language’s own words, in Copenhagen time', () => {
    expect(whenText(startsAt, 'da')).toBe('torsdag 7. januar kl. 10.00');
    expect(whenText(startsAt, 'en')).toContain('Thursday');
    expect(whenText(startsAt, 'ar')).toContain('الخميس');
    expect(whenText(startsAt, 'uk')).toContain('четвер');
    // Summer time: 08:00 UTC is 10:00 in Copenhagen.
    expect(whenText(new Date('2027-06-03T08:00:00Z'), 'da')).toContain('10.00');
    // Latin digits in Arabic, as the pages show dates (web/present.ts uses Intl the same way).
    expect(whenText(startsAt, 'ar')).toMatch(/7/);
  });

  it('says "svar her: bekræft, meld afbud eller bed om en ny tid" in Danish', () => {
    const n = renderNotice({
      kind: 'signup.reminder',
      lang: 'da',
      facts,
      reply: { url, choices: all },
    });
    expect(n.text).toContain('Svar her: bekræft, meld afbud eller bed om en ny tid\n' + url);
    expect(n.text).toContain('Tid: torsdag 7. januar kl. 10.00');
    expect(n.text).toContain('Sted: Sundhedscenter Roskilde');
    expect(n.text).toContain('Har du spørgsmål, så ring til 46 31 00 00.');
  });

  it('offers only the link’s choices, and no link without choices', () => {
    const some = renderNotice({
      kind: 'referral.appointment',
      lang: 'da',
      facts,
      reply: { url, choices: ['cancel', 'confirm'] },
    });
    expect(some.text).toContain('Svar her: bekræft eller meld afbud');
    expect(some.text).not.toContain('ny tid');
    const none = renderNotice({ kind: 'referral.closed', lang: 'da', facts });
    expect(none.text).not.toContain('/svar/');
    expect(none.html).not.toContain('/svar/');
    expect(none.text).toContain('Dit forløb hos Sundhedscenter Roskilde er afsluttet.');
    expect(none.text).toContain('ring til 46 31 00 00');
  });

  it('falls back to Danish for a language the interface does not speak', () => {
    expect(noticeLanguage('fr')).toBe('da');
    expect(noticeLanguage('')).toBe('da');
    const n = renderNotice({ kind: 'signup.confirmation', lang: 'pl', facts });
    expect(n.lang).toBe('da');
    expect(n.subject).toBe('Du er tilmeldt');
  });

  it('marks the HTML part with lang and dir; Danish names in <bdi lang="da"> in Arabic', () => {
    const ar = renderNotice({
      kind: 'signup.reminder',
      lang: 'ar',
      facts,
      reply: { url, choices: all },
    });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('<bdi lang="da">Sundhedscenter Roskilde</bdi>');
    expect(ar.html).toContain('<bdi lang="da">Køgevej 3, 4000 Roskilde</bdi>');
    expect(ar.html).toContain('<a href="tel:46310000" dir="ltr">46 31 00 00</a>');
    expect(ar.html).toContain(`<a href="${url}"`);
    // Plain text isolates the Danish name with LRI ... PDI; the link line stays bare.
    expect(ar.text).toContain('\u2066Sundhedscenter Roskilde\u2069');
    expect(ar.text.split('\n')).toContain(url);
    const da = renderNotice({ kind: 'signup.reminder', lang: 'da', facts });
    expect(da.html).toContain('<html lang="da" dir="ltr">');
    expect(da.html).not.toContain('<bdi');
    expect(da.text).not.toMatch(/[\u2066-\u2069]/);
  });

  it('escapes markup in names', () => {
    const n = renderNotice({
      kind: 'signup.confirmation',
      lang: 'en',
      facts: { placeName: 'Café <b>"Ø"</b> & Co', address: 'Vej 1' },
    });
    expect(n.html).toContain('Café &lt;b&gt;&quot;Ø&quot;&lt;/b&gt; &amp; Co');
    expect(n.html).not.toContain('<b>');
  });

  it('keeps an SMS within 480 characters: drops the phone, then the address, then shortens', () => {
    const long = { ...facts, placeName: 'Æ'.repeat(150), address: 'Ø'.repeat(150) };
    for (const lang of UI_LANGUAGES) {
      const n = renderNotice({
        kind: 'signup.reminder',
        lang,
        facts: long,
        reply: { url, choices: all },
      });
      expect(n.sms.length).toBeLessThanOrEqual(SMS_MAX);
      expect(n.sms).toContain(url);
      expect(n.sms).toContain(whenText(startsAt, lang));
    }
    const huge = { ...facts, placeName: 'Æ'.repeat(600) };
    const n = renderNotice({
      kind: 'referral.received',
      lang: 'da',
      facts: huge,
      reply: { url, choices: all },
    });
    expect(n.sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(n.sms.endsWith(url)).toBe(true);
  });

  it('links the reminder to the offer’s feedback form in every language, within 480 characters', () => {
    const feedback = {
      url: 'https://lighed.roskilde.dk/tilbud/0b6f1c1e-1a2b-4c3d-8e9f-001122334455/mening?lang=so',
    };
    for (const lang of UI_LANGUAGES) {
      const n = renderNotice({
        kind: 'signup.reminder',
        lang,
        facts,
        reply: { url, choices: all },
        feedback: { url: feedback.url.replace('so', lang) },
      });
      const own = feedback.url.replace('so', lang);
      expect(n.sms.length).toBeLessThanOrEqual(SMS_MAX);
      // Both links, each alone on its line, in SMS and text; the feedback link in the HTML.
      for (const body of [n.sms, n.text]) {
        expect(body.split('\n')).toContain(url);
        expect(body.split('\n')).toContain(own);
      }
      expect(n.html).toContain(`href="${own}"`);
    }
    // A long place: the feedback link goes before the address and the reply link.
    const long = { ...facts, placeName: 'Æ'.repeat(150), address: 'Ø'.repeat(150) };
    const n = renderNotice({
      kind: 'signup.reminder',
      lang: 'ar',
      facts: long,
      reply: { url, choices: all },
      feedback,
    });
    expect(n.sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(n.sms).toContain(url);
    expect(n.text).toContain(feedback.url);
  });

  it('orders choices canonically and drops unknown ones', () => {
    expect(canonicalChoices(['new_time', 'x', 'confirm', 'confirm'])).toEqual([
      'confirm',
      'new_time',
    ]);
    expect(canonicalChoices([])).toEqual([]);
    expect(REPLY_CHOICES).toEqual(['confirm', 'cancel', 'new_time']);
  });

  it('has a reply line for every combination of choices', () => {
    const combos: ReplyChoice[][] = [
      ['confirm'],
      ['cancel'],
      ['new_time'],
      ['confirm', 'cancel'],
      ['confirm', 'new_time'],
      ['cancel', 'new_time'],
      all,
    ];
    for (const lang of UI_LANGUAGES)
      for (const choices of combos)
        expect(() =>
          renderNotice({ kind: 'signup.reminder', lang, facts, reply: { url, choices } }),
        ).not.toThrow();
  });
});
