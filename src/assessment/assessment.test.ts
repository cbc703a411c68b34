import { describe, expect, it } from 'vitest';
import {
  addMonths,
  canMove,
  checkCells,
  checkProposal,
  checkReviewDate,
  checkScope,
  isIsoDate,
  notReady,
  reviewDue,
  summarise,
  unmitigated,
  type Cell,
} from './assessment.ts';
import {
  DEFAULT_TEMPLATE,
  LAYERS,
  checkTemplateForm,
  newKey,
  parseTemplate,
  templateFormOf,
} from './template.ts';

const cell = (group: string, layer: Cell['layer'], impact: Cell['impact']): Cell => ({
  group,
  layer,
  impact,
  evidence: '',
  confidence: 'medium',
});

describe('the proposal', () => {
  const ok = {
    title: ' Lokalplan 512 ',
    proposalType: 'lokalplan',
    department: 'planning_environment',
    description: '',
    decision: 'Teknik- og Miljøudvalget',
    decisionDate: '2026-09-15',
    objective: '',
    area: '0265',
  };
  it('accepts a complete proposal, trimmed', () => {
    const r = checkProposal(ok, ['planning_environment'], ['0265']);
    expect(r.ok && r.proposal.title).toBe('Lokalplan 512');
  });
  it('names each bad field', () => {
    const r = checkProposal(
      {
        ...ok,
        title: '',
        proposalType: 'x',
        department: 'x',
        decision: ' ',
        decisionDate: '2026-02-30',
        area: '9999',
      },
      ['planning_environment'],
      ['0265'],
    );
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      'title',
      'proposalType',
      'department',
      'decision',
      'decisionDate',
      'area',
    ]);
  });
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('15-09-2026')).toBe(false);
  });
});

describe('scope and matrix', () => {
  it('keeps known groups and layers in their own order', () => {
    const r = checkScope(
      ['origin', 'education', 'nope', 'education'],
      ['conditions', 'lifestyle', 'x'],
      ['education', 'origin'],
    );
    expect(r).toEqual({
      ok: true,
      groups: ['education', 'origin'],
      layers: ['lifestyle', 'conditions'],
    });
    const bad = checkScope([], [], ['education']);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['groups', 'layers']);
  });

  it('leaves unassessed cells out and wants a confidence for the others', () => {
    const r = checkCells([
      { group: 'a', layer: 'lifestyle', impact: '', evidence: '', confidence: '' },
      {
        group: 'a',
        layer: 'conditions',
        impact: 'negative',
        evidence: ' Færre busser ',
        confidence: 'high',
      },
    ]);
    expect(r).toEqual({
      ok: true,
      cells: [
        {
          group: 'a',
          layer: 'conditions',
          impact: 'negative',
          evidence: 'Færre busser',
          confidence: 'high',
        },
      ],
    });
    const bad = checkCells([
      {
        group: 'a',
        layer: 'lifestyle',
        impact: '',
        evidence: 'tekst uden virkning',
        confidence: '',
      },
      { group: 'a', layer: 'networks', impact: 'positive', evidence: '', confidence: '' },
    ]);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual([
      'c_a_lifestyle_impact',
      'c_a_networks_confidence',
    ]);
  });

  it('sums a group up as negative when any layer is, a harm not cancelled by a gain', () => {
    const cells = [
      cell('a', 'lifestyle', 'positive'),
      cell('a', 'conditions', 'negative'),
      cell('b', 'lifestyle', 'uncertain'),
      cell('b', 'networks', 'positive'),
      cell('c', 'networks', 'positive'),
    ];
    expect(summarise(['a', 'b', 'c', 'd'], cells).map((s) => s.overall)).toEqual([
      'negative',
      'uncertain',
      'positive',
      'none',
    ]);
  });

  it('finds groups harmed without a mitigation aimed at them or at everyone', () => {
    const cells = [cell('a', 'conditions', 'negative'), cell('b', 'general', 'negative')];
    expect(unmitigated(cells, [])).toEqual(['a', 'b']);
    expect(unmitigated(cells, [{ kind: 'mitigate', group: 'a' }])).toEqual(['b']);
    expect(
      unmitigated(cells, [
        { kind: 'amplify', group: 'b' },
        { kind: 'mitigate', group: 'a' },
      ]),
    ).toEqual(['b']);
    expect(unmitigated(cells, [{ kind: 'mitigate', group: null }])).toEqual([]);
  });
});

describe('review and states', () => {
  it('puts the review 6 to 12 months after the decision', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(checkReviewDate('2027-02-28', '2026-08-31')).toEqual([]);
    expect(checkReviewDate('2027-08-31', '2026-08-31')).toEqual([]);
    expect(checkReviewDate('2027-02-27', '2026-08-31')[0]?.message).toBe(
      'assessment.error.reviewWindow',
    );
    expect(checkReviewDate('2027-09-01', '2026-08-31')[0]?.message).toBe(
      'assessment.error.reviewWindow',
    );
    expect(checkReviewDate('snart', '2026-08-31')[0]?.message).toBe('assessment.error.reviewDate');
  });

  it('is due from the date until recorded, for final assessments', () => {
    const a = { reviewDate: '2027-03-01', reviewedAt: null, state: 'final' as const };
    expect(reviewDue(a, '2027-02-28')).toBe(false);
    expect(reviewDue(a, '2027-03-01')).toBe(true);
    expect(reviewDue({ ...a, reviewedAt: new Date() }, '2027-04-01')).toBe(false);
    expect(reviewDue({ ...a, state: 'draft' }, '2027-04-01')).toBe(false);
  });

  it('moves between draft, consultation and final', () => {
    expect(canMove('draft', 'consultation')).toBe(true);
    expect(canMove('consultation', 'final')).toBe(true);
    expect(canMove('final', 'consultation')).toBe(false);
    expect(canMove('final', 'draft')).toBe(true);
  });

  it('says what is missing before an assessment can be final', () => {
    const base = {
      screening: 'full' as const,
      groups: ['a'],
      layers: ['conditions'],
      cells: [cell('a', 'conditions', 'negative')],
      actions: [],
      indicators: 0,
      reviewDate: null,
      conclusion: '',
    };
    expect(notReady(base)).toEqual(['mitigation', 'indicators', 'reviewDate', 'conclusion']);
    expect(
      notReady({
        ...base,
        actions: [{ kind: 'mitigate', group: 'a' }],
        indicators: 1,
        reviewDate: '2027-03-01',
        conclusion: 'OK',
      }),
    ).toEqual([]);
    expect(notReady({ ...base, screening: 'incomplete' })).toEqual(['screening']);
    expect(notReady({ ...base, screening: 'not_needed' })).toEqual(['conclusion']);
  });
});

describe('the template as data', () => {
  it('has the layers from the centre out', () => {
    expect(LAYERS[0]).toBe('individual');
    expect(LAYERS.at(-1)).toBe('general');
  });

  it('round-trips through the settings form, with a new row and a removed one', () => {
    const form = templateFormOf(DEFAULT_TEMPLATE, 0);
    form.questions[0]!.remove = true;
    form.questions.push({
      key: '',
      da: 'Ændrer det åbningstider?',
      en: 'Does it change opening hours?',
      extra: 'ja',
      remove: false,
    });
    form.questions.push({ key: '', da: '', en: '', extra: '', remove: false });
    const r = checkTemplateForm(
      form,
      new Set([
        'uddannelse',
        'arbejdsmarked',
        'indkomst',
        'herkomst',
        'samliv',
        'aldersgruppe',
        'koen',
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template.questions).toHaveLength(DEFAULT_TEMPLATE.questions.length);
    expect(r.template.questions.at(-1)).toEqual({
      key: 'aendrer_det_aabningstider',
      text: { da: 'Ændrer det åbningstider?', en: 'Does it change opening hours?' },
      decisive: true,
    });
    expect(parseTemplate(r.template.questions, r.template.groups)).toEqual(r.template);
  });

  it('names the row of a missing text or an unknown dimension', () => {
    const form = templateFormOf(DEFAULT_TEMPLATE, 0);
    form.questions[1]!.en = '';
    form.groups[0]!.extra = 'postnummer';
    const r = checkTemplateForm(form, new Set(['uddannelse']));
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toContain('q1_en');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toContain('g0_extra');
  });

  it('makes unique keys and falls back to the default for bad stored data', () => {
    expect(newKey('Børn', new Set(['boern']))).toBe('boern_2');
    expect(parseTemplate('nonsense', [{ key: 'BAD' }])).toEqual(DEFAULT_TEMPLATE);
  });
});
