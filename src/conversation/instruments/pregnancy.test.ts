import { describe, expect, it } from 'vitest';
import type { Answers, Instrument } from '../instrument.ts';
import { buildProfile, riskFactors, type Response } from '../profile.ts';
import { scoreInstrument } from '../scoring.ts';
import { INSTRUMENTS, oss3, pregnancyAlcohol, smokeFreeHome, tAce } from './index.ts';
import { citizenTexts, ITEM_TRANSLATION_LANGUAGES } from './translate.ts';

const D = { declined: true } as const;
const NEW = [pregnancyAlcohol, tAce, smokeFreeHome, oss3];
const band = (inst: Instrument, answers: Answers) => scoreInstrument(inst, answers).band?.id;
const r = (instrument: Instrument, answers: Answers): Response => ({ instrument, answers });
const statement = (inst: Instrument, answers: Answers, sex?: 'female' | 'male') =>
  buildProfile([r(inst, answers)], sex ? { sex } : {}).domains[0]?.statements[0];

describe('the first conversation in pregnancy: sources and licences', () => {
  it.each(NEW.map((i) => [i.id, i] as const))(
    '%s names its source with a URL and a licence',
    (_id, inst) => {
      expect(inst.source).toMatch(/https:\/\//);
      expect(inst.licence.text.length).toBeGreaterThan(5);
      expect(typeof inst.licence.checkBeforeShipping).toBe('boolean');
    },
  );

  it('own items carry no licence to check; published scales are flagged and their wording noted', () => {
    expect(pregnancyAlcohol.licence).toMatchObject({ checkBeforeShipping: false });
    expect(smokeFreeHome.licence).toMatchObject({ checkBeforeShipping: false });
    expect(tAce.source).toMatch(/Sokol.*1989/);
    expect(tAce.licence.checkBeforeShipping).toBe(true);
    expect(tAce.wordingNote).toMatch(/12 g/);
    expect(oss3.source).toMatch(/Kocalevent.*2018/);
    expect(oss3.licence.checkBeforeShipping).toBe(true);
    expect(oss3.wordingNote).toMatch(/own translation/);
  });

  it('every citizen text is translated into every conversation language', () => {
    for (const inst of NEW) {
      const loaded = INSTRUMENTS.find((i) => i.id === inst.id)!;
      for (const t of citizenTexts(loaded)) {
        expect(t.en, `${inst.id}: ${t.da}`).toBeTruthy();
        for (const l of ITEM_TRANSLATION_LANGUAGES)
          expect(t[l], `${inst.id} ${l}: ${t.da}`).toBeTruthy();
      }
    }
  });
});

describe('alcohol in pregnancy (Sundhedsstyrelsen: none)', () => {
  it('no alcohol since the pregnancy was known is within the advice', () => {
    expect(
      band(pregnancyAlcohol, { 'pa-since': { code: 'no' }, 'pa-before': { code: 'no' } }),
    ).toBe('none');
    expect(
      band(pregnancyAlcohol, { 'pa-since': { code: 'no' }, 'pa-before': { code: 'unsure' } }),
    ).toBe('none');
  });

  it('a single drink since is outside it, and counts as the alcohol risk factor', () => {
    const res = scoreInstrument(pregnancyAlcohol, { 'pa-since': { code: 'once' } });
    expect(res.band?.id).toBe('need');
    expect(res.flags).toEqual(['pa-since']);
    expect(riskFactors([res])).toEqual(['alcohol']);
  });

  it('drinking before it was known is worth a talk but is no risk factor now', () => {
    const res = scoreInstrument(pregnancyAlcohol, {
      'pa-since': { code: 'no' },
      'pa-before': { code: 'yes' },
    });
    expect(res.band?.id).toBe('need');
    expect(riskFactors([res])).toEqual([]);
    const s = statement(pregnancyAlcohol, {
      'pa-since': { code: 'no' },
      'pa-before': { code: 'yes' },
    });
    expect(s?.attention).toBe(true);
    expect(s?.text.da).toMatch(/før du vidste/);
  });

  it('all declined is not scored', () => {
    expect(scoreInstrument(pregnancyAlcohol, { 'pa-since': D, 'pa-before': D }).scored).toBe(false);
  });
});

describe('T-ACE (T 2 points for 3+ units, A, C, E 1 each; positive at 2)', () => {
  const ace = (t: string, a: string, c: string, e: string) => ({
    'tace-t': { code: t },
    'tace-a': { code: a },
    'tace-c': { code: c },
    'tace-e': { code: e },
  });

  it('scores 0-5', () => {
    expect(scoreInstrument(tAce, ace('1-2', 'no', 'no', 'no')).score).toBe(0);
    expect(scoreInstrument(tAce, ace('3plus', 'yes', 'yes', 'yes')).score).toBe(5);
  });

  it('1 is negative, 2 is positive', () => {
    expect(band(tAce, ace('1-2', 'yes', 'no', 'no'))).toBe('negative');
    expect(band(tAce, ace('1-2', 'yes', 'yes', 'no'))).toBe('positive');
  });

  it('tolerance alone (3 units or more) is positive', () => {
    expect(band(tAce, ace('3plus', 'no', 'no', 'no'))).toBe('positive');
  });

  it('a woman who does not drink is asked nothing more and scores 0', () => {
    const res = scoreInstrument(tAce, { 'tace-t': { code: 'no-alcohol' } });
    expect(res).toMatchObject({ scored: true, score: 0, missing: [] });
    expect(res.band?.id).toBe('negative');
  });

  it('a declined item is not scored, never a low score', () => {
    expect(scoreInstrument(tAce, { ...ace('1-2', 'no', 'no', 'no'), 'tace-c': D }).scored).toBe(
      false,
    );
  });

  it('a positive T-ACE counts as the alcohol risk factor', () => {
    expect(riskFactors([scoreInstrument(tAce, ace('3plus', 'no', 'no', 'no'))])).toEqual([
      'alcohol',
    ]);
  });
});

describe('smoke around the pregnant woman and the child', () => {
  const clean = {
    'sfh-own': { code: 'no' },
    'sfh-household': { code: 'no' },
    'sfh-indoors': { code: 'never' },
    'sfh-car': { code: 'no-car' },
    'sfh-elsewhere': { code: 'never' },
  };

  it('smoke-free everywhere', () => {
    expect(band(smokeFreeHome, clean)).toBe('none');
    expect(band(smokeFreeHome, { ...clean, 'sfh-own': { code: 'stopped-pregnant' } })).toBe('none');
  });

  it('flags each source of smoke; only her own smoking is a risk factor', () => {
    const res = scoreInstrument(smokeFreeHome, {
      ...clean,
      'sfh-household': { code: 'yes' },
      'sfh-car': { code: 'yes' },
    });
    expect(res.band?.id).toBe('need');
    expect(res.flags).toEqual(['sfh-household', 'sfh-car']);
    expect(riskFactors([res])).toEqual([]);
    const own = scoreInstrument(smokeFreeHome, { ...clean, 'sfh-own': { code: 'sometimes' } });
    expect(riskFactors([own])).toEqual(['smoking']);
  });

  it('names the places in every language, her own smoking first', () => {
    const s = statement(smokeFreeHome, {
      ...clean,
      'sfh-own': { code: 'daily' },
      'sfh-indoors': { code: 'sometimes' },
      'sfh-elsewhere': { code: 'often' },
    });
    expect(s?.attention).toBe(true);
    expect(s?.text.da).toMatch(
      /^Du ryger eller bruger nikotin\..*i hjemmet og andre steder, du kommer/,
    );
    expect(s?.text.en).toMatch(/at home and other places you go/);
    for (const l of ['ar', 'tr', 'so', 'uk'] as const) expect(s?.text[l]).not.toMatch(/[{}]/);
  });

  it('the same home flagged twice is named once', () => {
    const s = statement(smokeFreeHome, {
      ...clean,
      'sfh-household': { code: 'yes' },
      'sfh-indoors': { code: 'daily' },
    });
    expect(s?.text.da.match(/i hjemmet/g)).toHaveLength(1);
  });
});

describe('Oslo-3 (3-8 poor, 9-11 moderate, 12-14 strong)', () => {
  const oss = (a: string, b: string, c: string) => ({
    'oss-1': { code: a },
    'oss-2': { code: b },
    'oss-3': { code: c },
  });

  it('scores 3-14', () => {
    expect(scoreInstrument(oss3, oss('none', 'none', 'very-difficult')).score).toBe(3);
    expect(scoreInstrument(oss3, oss('more-5', 'a-lot', 'very-easy')).score).toBe(14);
  });

  it('bands at 8/9 and 11/12', () => {
    expect(band(oss3, oss('1-2', 'uncertain', 'possible'))).toBe('poor'); // 2+3+3 = 8
    expect(band(oss3, oss('3-5', 'uncertain', 'possible'))).toBe('moderate'); // 9
    expect(band(oss3, oss('3-5', 'some', 'easy'))).toBe('moderate'); // 11
    expect(band(oss3, oss('more-5', 'some', 'easy'))).toBe('strong'); // 12
  });

  it('a declined item is not scored', () => {
    expect(scoreInstrument(oss3, { ...oss('3-5', 'some', 'easy'), 'oss-2': D }).scored).toBe(false);
  });

  it('poor support is its own domain, worth a talk, and a reason for more support', () => {
    const p = buildProfile([r(oss3, oss('none', 'little', 'difficult'))], { sex: 'female' });
    expect(p.domains.map((d) => d.domain)).toEqual(['socialSupport']);
    expect(p.domains[0]?.statements[0]?.attention).toBe(true);
    expect(p.support.reasons.map((x) => x.code)).toEqual(['lowSocialSupport']);
    expect(p.support.level).toBe('guided');
    // Arabic addresses a woman in the feminine form.
    expect(p.support.reasons[0]?.text.ar).toContain('يمكنكِ');
  });

  it('moderate and strong support are no reason', () => {
    const p = buildProfile([r(oss3, oss('3-5', 'uncertain', 'possible'))]);
    expect(p.support.reasons).toEqual([]);
  });
});

describe('one verdict per domain in the pregnancy conversation', () => {
  it('alcohol: any drinking since the pregnancy was known outweighs a negative T-ACE', () => {
    const p = buildProfile([
      r(pregnancyAlcohol, { 'pa-since': { code: 'sometimes' }, 'pa-before': { code: 'no' } }),
      r(tAce, {
        'tace-t': { code: '1-2' },
        'tace-a': { code: 'no' },
        'tace-c': { code: 'no' },
        'tace-e': { code: 'no' },
      }),
    ]);
    const alcohol = p.domains.find((d) => d.domain === 'alcohol');
    expect(alcohol?.statements.map((s) => s.instrumentId)).toEqual(['pregnancy-alcohol']);
    expect(p.riskFactors).toEqual(['alcohol']);
  });

  it('never uses blaming words', () => {
    const p = buildProfile([
      r(pregnancyAlcohol, { 'pa-since': { code: 'weekly' }, 'pa-before': { code: 'yes' } }),
      r(smokeFreeHome, { 'sfh-own': { code: 'daily' }, 'sfh-indoors': { code: 'daily' } }),
      r(oss3, {
        'oss-1': { code: 'none' },
        'oss-2': { code: 'none' },
        'oss-3': { code: 'very-difficult' },
      }),
    ]);
    const text = p.domains
      .flatMap((d) => d.statements.map((s) => `${s.text.da} ${s.text.en}`))
      .join(' ');
    expect(text).not.toMatch(
      /skal|bør|for meget|usund|dårlig vane|should|must|unhealthy|too much/i,
    );
  });
});
