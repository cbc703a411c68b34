import { describe, expect, it } from 'vitest';
import type { Answers, Instrument } from './instrument.ts';
import {
  activity,
  alcoholUnits,
  auditC,
  diet,
  healthLiteracy,
  loneliness,
  motivation,
  priorities,
  resources,
  smoking,
  socialNeeds,
  who5,
} from './instruments/index.ts';
import {
  acceptSupport,
  assessSupport,
  buildProfile,
  overrideSupport,
  riskFactors,
  SUPPORT_RULES,
  type Response,
} from './profile.ts';
import { scoreInstrument } from './scoring.ts';

const r = (instrument: Instrument, answers: Answers): Response => ({ instrument, answers });
const who5Raw = (codes: string[]) =>
  r(who5, Object.fromEntries(codes.map((c, i) => [`who5-${i + 1}`, { code: c }])));

const calm = {
  who5: who5Raw(['4', '4', '4', '4', '4']), // 80
  literacy: r(healthLiteracy, { sils: { code: 'never' } }),
  lonely: r(loneliness, {
    'lonely-1': { code: 'hardly' },
    'lonely-2': { code: 'hardly' },
    'lonely-3': { code: 'hardly' },
  }),
  needs: r(socialNeeds, {
    'needs-housing': { code: 'stable' },
    'needs-food': { code: 'never' },
    'needs-hurt': { code: 'never' },
  }),
  motivation: r(motivation, { importance: { code: '8' }, confidence: { code: '7' } }),
};
const calmList = Object.values(calm);

function support(responses: Response[], ctx = {}) {
  return buildProfile(responses, ctx).support;
}

describe('support level rules', () => {
  it('no rule applies: self-help, with a summary and no reasons', () => {
    const s = support(calmList);
    expect(s.level).toBe('selfHelp');
    expect(s.reasons).toEqual([]);
    expect(s.summary.da).toMatch(/selv finde/);
  });

  it.each([
    ['limitedHealthLiteracy', { literacy: r(healthLiteracy, { sils: { code: 'sometimes' } }) }],
    ['lowWellbeing', { who5: who5Raw(['2', '2', '2', '1', '0']) }],
    [
      'severeLoneliness',
      {
        lonely: r(loneliness, {
          'lonely-1': { code: 'often' },
          'lonely-2': { code: 'often' },
          'lonely-3': { code: 'hardly' },
        }),
      },
    ],
    ['socialNeed', { needs: r(socialNeeds, { 'needs-hurt': { code: 'rarely' } }) }],
    ['lowConfidence', { motivation: r(motivation, { confidence: { code: '3' } }) }],
  ])('%s alone gives guided with one reason sentence', (code, change) => {
    const s = support(Object.values({ ...calm, ...change }));
    expect(s.level).toBe('guided');
    expect(s.reasons.map((x) => x.code)).toEqual([code]);
    expect(s.reasons[0]?.text.da).toMatch(/\.$/);
    expect(s.reasons[0]?.text.en).toMatch(/\.$/);
  });

  it('interpreter need alone gives guided', () => {
    expect(support(calmList, { interpreterNeeded: true }).reasons.map((x) => x.code)).toEqual([
      'interpreterNeeded',
    ]);
  });

  it('at the edges: WHO-5 32 and confidence 4 do not count', () => {
    const s = support(
      Object.values({
        ...calm,
        who5: who5Raw(['2', '2', '2', '1', '1']),
        motivation: r(motivation, { confidence: { code: '4' } }),
      }),
    );
    expect(s.level).toBe('selfHelp');
    expect(SUPPORT_RULES.who5AtMost).toBe(28);
  });

  it('two or more reasons give hand-held, each shown', () => {
    const s = support(
      Object.values({ ...calm, literacy: r(healthLiteracy, { sils: { code: 'often' } }) }),
      { interpreterNeeded: true },
    );
    expect(s.level).toBe('handHeld');
    expect(s.reasons.map((x) => x.code)).toEqual(['limitedHealthLiteracy', 'interpreterNeeded']);
  });

  it('names the social-need domains in the reason', () => {
    const s = support([
      r(socialNeeds, { 'needs-money': { code: 'very-hard' }, 'needs-hurt': { code: 'sometimes' } }),
    ]);
    expect(s.reasons[0]?.text.da).toBe('Du har nævnt behov for hjælp med penge og tryghed.');
    expect(s.reasons[0]?.text.en).toBe('You have mentioned needing help with money and safety.');
  });

  it('declined answers never trigger a rule', () => {
    const d = { declined: true } as const;
    const s = support([
      r(healthLiteracy, { sils: d }),
      r(who5, { 'who5-1': d }),
      r(motivation, { confidence: d }),
    ]);
    expect(s.level).toBe('selfHelp');
  });
});

describe('risk factors', () => {
  const risky = [
    r(smoking, { 'smoking-status': { code: 'daily' }, 'smoking-per-day': { value: 10 } }),
    r(alcoholUnits, { 'alcohol-week': { value: 11 }, 'alcohol-max-day': { value: 3 } }),
    r(auditC, {
      'auditc-1': { code: '4plus-week' },
      'auditc-2': { code: '3-4' },
      'auditc-3': { code: 'weekly' },
    }),
    r(activity, { 'activity-level': { code: '1' }, 'activity-minutes': { value: 20 } }),
    r(diet, {
      'diet-fruitveg': { code: '6plus' },
      'diet-fish': { code: '2plus-week' },
      'diet-wholegrain': { code: 'daily' },
    }),
  ];
  const results = (rs: Response[]) =>
    rs.map((x) => scoreInstrument(x.instrument, x.answers, { sex: 'male' }));

  it('alcohol counts once; healthy diet is not a factor', () => {
    expect(riskFactors(results(risky))).toEqual(['smoking', 'alcohol', 'inactivity']);
  });

  it('three factors at once is a reason; two is not', () => {
    expect(assessSupport(results(risky), risky, {}).reasons.map((x) => x.code)).toEqual([
      'severalRiskFactors',
    ]);
    const two = risky.slice(0, 3);
    expect(assessSupport(results(two), two, {}).reasons).toEqual([]);
  });
});

describe('the profile', () => {
  it('says where the citizen stands, kindly, per domain', () => {
    const p = buildProfile(
      [
        r(alcoholUnits, { 'alcohol-week': { value: 14 }, 'alcohol-max-day': { value: 4 } }),
        r(auditC, { 'auditc-1': { code: 'never' } }),
        r(smoking, { 'smoking-status': { code: 'never' } }),
      ],
      { age: 40, sex: 'female' },
    );
    const alcohol = p.domains.find((d) => d.domain === 'alcohol');
    // One verdict: above the weekly limit; AUDIT-C's "below" is not shown beside it.
    expect(alcohol?.statements).toEqual([
      expect.objectContaining({
        attention: true,
        text: expect.objectContaining({
          da: 'Du drikker mere end Sundhedsstyrelsens anbefaling på højst 10 genstande om ugen.',
          en: "You drink more than the Danish Health Authority's recommendation of at most 10 units a week.",
        }) as unknown,
      }),
    ]);
    expect(p.domains.find((d) => d.domain === 'smoking')?.statements[0]?.text.da).toBe(
      'Du ryger ikke.',
    );
  });

  describe('one domain, one verdict (issue 14)', () => {
    const auditPositive = r(auditC, {
      'auditc-1': { code: '2-3-week' },
      'auditc-2': { code: '3-4' },
      'auditc-3': { code: 'monthly' },
    });
    const alcoholOf = (rs: Response[]) =>
      buildProfile(rs, { age: 40, sex: 'female' }).domains.find((d) => d.domain === 'alcohol');

    it('a scored instrument speaks for the domain; "not enough answers" is not shown beside it', () => {
      const alcohol = alcoholOf([
        r(alcoholUnits, { 'alcohol-week': { declined: true } }),
        auditPositive,
      ]);
      expect(alcohol?.statements).toHaveLength(1);
      expect(alcohol?.statements[0]).toMatchObject({ bandId: 'positive', attention: true });
      expect(alcohol?.statements.map((s) => s.text.da).join(' ')).not.toContain('ikke svar nok');
    });

    it('"not enough answers" only when no instrument of the domain was scored', () => {
      const alcohol = alcoholOf([
        r(alcoholUnits, { 'alcohol-week': { declined: true } }),
        r(auditC, { 'auditc-1': { declined: true } }),
      ]);
      expect(alcohol?.statements).toEqual([
        expect.objectContaining({ bandId: null, attention: false }),
      ]);
    });

    it('within the units but positive on AUDIT-C: the domain is worth a talk, not both', () => {
      const alcohol = alcoholOf([
        r(alcoholUnits, { 'alcohol-week': { value: 6 }, 'alcohol-max-day': { value: 3 } }),
        auditPositive,
      ]);
      expect(alcohol?.statements.map((s) => [s.bandId, s.attention])).toEqual([['positive', true]]);
    });

    it('both within: both kind statements stay', () => {
      const alcohol = alcoholOf([
        r(alcoholUnits, { 'alcohol-week': { value: 2 }, 'alcohol-max-day': { value: 2 } }),
        r(auditC, { 'auditc-1': { code: 'never' } }),
      ]);
      expect(alcohol?.statements.map((s) => s.bandId)).toEqual(['within', 'negative']);
    });
  });

  it('names the day limit when only the day is above', () => {
    const p = buildProfile([
      r(alcoholUnits, { 'alcohol-week': { value: 8 }, 'alcohol-max-day': { value: 5 } }),
    ]);
    expect(p.domains[0]?.statements[0]?.text.da).toMatch(/højst 4 genstande på én dag/);
  });

  it('says plainly when there are not enough answers', () => {
    const p = buildProfile([r(who5, { 'who5-1': { declined: true } })]);
    expect(p.domains[0]?.statements[0]).toMatchObject({
      bandId: null,
      attention: false,
      text: { da: 'Der er ikke svar nok til at sige noget om dette.' },
    });
  });

  it('never uses blaming words', () => {
    const all = buildProfile([
      r(smoking, { 'smoking-status': { code: 'daily' }, 'smoking-per-day': { value: 30 } }),
      r(activity, { 'activity-level': { code: '1' } }),
      r(diet, {
        'diet-fruitveg': { code: '0-1' },
        'diet-fish': { code: 'rarely' },
        'diet-wholegrain': { code: 'rarely' },
      }),
    ]);
    const text = all.domains
      .flatMap((d) => d.statements.map((s) => `${s.text.da} ${s.text.en}`))
      .join(' ');
    expect(text).not.toMatch(
      /skal|bør|for meget|usund|dårlig vane|should|must|unhealthy|too much/i,
    );
  });

  it('keeps the resources and chosen priorities, skipping declined and empty answers', () => {
    const p = buildProfile([
      r(resources, {
        'resources-energy': { codes: ['nature', 'music'] },
        'resources-energy-text': { text: '  Mit barnebarn ' },
        'resources-people': { declined: true },
        'resources-interests': { text: '' },
        'resources-successes': { text: 'Jeg stoppede med at ryge i 2019' },
      }),
      r(priorities, {
        'priorities-domains': { codes: ['activity', 'loneliness'] },
        'priorities-other': { declined: true },
      }),
    ]);
    expect(p.resources.energy.map((c) => c.label.da)).toEqual(['At være ude i naturen', 'Musik']);
    expect(p.resources.people).toEqual([]);
    expect(p.resources.notes).toEqual([
      { itemId: 'resources-energy-text', text: 'Mit barnebarn' },
      { itemId: 'resources-successes', text: 'Jeg stoppede med at ryge i 2019' },
    ]);
    expect(p.priorities).toMatchObject({
      domains: [
        { code: 'activity', label: { da: 'Bevæge mig mere', en: 'Move more' } },
        {
          code: 'loneliness',
          label: { da: 'Fællesskab og at være mindre alene', en: 'Company and being less alone' },
        },
      ],
      other: null,
    });
    // unscored instruments add no status lines
    expect(p.domains).toEqual([]);
  });
});

describe('override', () => {
  const computed = support(calmList, { interpreterNeeded: true });

  it('requires a note', () => {
    for (const note of ['', '   ']) {
      const o = overrideSupport(computed, 'handHeld', note);
      expect(o.ok).toBe(false);
      if (!o.ok) {
        expect(o.error.code).toBe('LIGHED_ERR_VALIDATION');
        expect(o.error.problems[0]?.path).toBe('note');
      }
    }
  });

  it('records level and trimmed note beside the computed assessment', () => {
    const o = overrideSupport(computed, 'handHeld', ' Har svært ved at finde vej til nye steder ');
    expect(o).toEqual({
      ok: true,
      value: {
        computed,
        level: 'handHeld',
        override: { level: 'handHeld', note: 'Har svært ved at finde vej til nye steder' },
      },
    });
    expect(acceptSupport(computed)).toEqual({ computed, level: 'guided', override: null });
  });
});
