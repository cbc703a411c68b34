import { describe, expect, it } from 'vitest';
import {
  checkInterventionForm,
  emptyInterventionForm,
  readInterventionForm,
  targetGroupsOf,
} from './intervention.ts';
import { checkRecommendationForm, compareCodes, nextCode } from './recommendation.ts';
import { FRAMEWORKS } from './frameworks/index.ts';

const vocab = { arenas: ['school', 'housing_area'], riskFactors: ['smoking', 'alcohol'] };

describe('intervention form', () => {
  it('reads lists and defaults, and accepts the minimal form', () => {
    const f = readInterventionForm({
      name: ' Røgfri skoletid ',
      purpose: 'x',
      department: 'schools',
      type: 'structural',
      arenas: 'school',
    });
    expect(f).toMatchObject({ name: 'Røgfri skoletid', arenas: ['school'], status: 'idea' });
    expect(checkInterventionForm(f, vocab)).toMatchObject({ ok: true });
  });

  it('names each bad field', () => {
    const r = checkInterventionForm(
      {
        ...emptyInterventionForm(),
        department: 'police',
        arenas: ['moon'],
        groups: ['no colon'],
        startDate: '2026-02-30',
        endDate: '2025-01-01',
        type: 'structural',
        offerIds: ['0b7c7bde-3c3a-4b8e-9a57-6c1f2d1f0a11'],
      },
      vocab,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual([
      'name',
      'purpose',
      'department',
      'arenas',
      'groups',
      'offerIds',
      'startDate',
    ]);
  });

  it('refuses an end before the start', () => {
    const r = checkInterventionForm(
      {
        ...emptyInterventionForm('health'),
        name: 'x',
        purpose: 'y',
        type: 'group',
        startDate: '2026-05-01',
        endDate: '2026-04-01',
      },
      vocab,
    );
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'endDate' }] });
  });

  it('crosses social groups with risk factors', () => {
    expect(targetGroupsOf(['uddannelse:1'], ['smoking', 'alcohol'])).toEqual([
      { dimension: 'uddannelse', group: '1', riskFactor: 'smoking' },
      { dimension: 'uddannelse', group: '1', riskFactor: 'alcohol' },
    ]);
    expect(targetGroupsOf([], ['smoking'])).toEqual([{ riskFactor: 'smoking' }]);
    expect(targetGroupsOf(['a:b'], [])).toEqual([{ dimension: 'a', group: 'b' }]);
  });
});

describe('recommendations', () => {
  it('dates a note today unless a date is given, and refuses a date without a note', () => {
    const base = {
      state: 'planned',
      note: 'Besluttet',
      noteDate: '',
      departments: ['health'],
      version: '1',
    };
    expect(checkRecommendationForm(base, '2026-03-02')).toMatchObject({
      ok: true,
      value: { noteDate: '2026-03-02' },
    });
    expect(
      checkRecommendationForm({ ...base, note: '', noteDate: '2026-01-01' }, 'x'),
    ).toMatchObject({
      ok: false,
      problems: [{ path: 'note' }],
    });
    expect(checkRecommendationForm({ ...base, state: 'done' }, 'x')).toMatchObject({ ok: false });
  });

  it('orders codes as numbers and numbers the next own one', () => {
    expect(['10', '2.10', '2', '2.2'].sort(compareCodes)).toEqual(['2', '2.2', '2.10', '10']);
    expect(nextCode([])).toBe('1');
    expect(nextCode(['1', '2', '2.1'])).toBe('3');
  });
});

describe('frameworks as data', () => {
  it('hold the counts the sources give', () => {
    const tops = (key: string) =>
      FRAMEWORKS.find((f) => f.key === key)!.items.filter((i) => !i.code.includes('.')).length;
    expect(tops('roskilde')).toBe(8);
    expect(tops('alliancen')).toBe(6);
    expect(tops('kl_pejlemaerker')).toBe(4);
    expect(tops('kl_temadage')).toBe(5);
  });

  it('have unique codes, a parent for each point, and owning departments', () => {
    for (const f of FRAMEWORKS) {
      const codes = f.items.map((i) => i.code);
      expect(new Set(codes).size, f.key).toBe(codes.length);
      for (const i of f.items) {
        expect(i.code, f.key).toMatch(/^\d+(\.\d+)?$/);
        if (i.code.includes('.')) expect(codes).toContain(i.code.split('.')[0]);
        expect(i.departments.length, `${f.key} ${i.code}`).toBeGreaterThan(0);
        expect(i.title.length).toBeLessThanOrEqual(300);
      }
    }
  });
});
