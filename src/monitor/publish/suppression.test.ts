import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../measures/random.ts';
import { recoverableCells } from './audit.ts';
import {
  DEFAULT_SUPPRESSION,
  primaryReason,
  suppressCells,
  suppressGroups,
  suppressLeastLoss,
  type Cell,
} from './suppression.ts';
import { type Margin } from './margin.ts';

const cell = (id: string, n: number, cases: number): Cell => ({ id, n, cases });

/** Sum cells into a total cell. */
const totalOf = (id: string, parts: readonly Cell[]): Cell =>
  cell(
    id,
    parts.reduce((a, c) => a + c.n, 0),
    parts.reduce((a, c) => a + c.cases, 0),
  );

/**
 * An areas x groups table with every margin a publisher would show: each area's groups sum to
 * the area's total, each group's areas sum to the region's group, and the area totals to the
 * region's total.
 */
function grid(values: readonly (readonly [number, number])[][]): {
  cells: Cell[];
  margins: Margin[];
} {
  const cells: Cell[] = [];
  const margins: Margin[] = [];
  const groups = values[0]?.length ?? 0;
  const areaTotals: Cell[] = [];
  values.forEach((row, a) => {
    const parts = row.map(([n, x], g) => cell(`a${a}:g${g}`, n, x));
    const total = totalOf(`a${a}:all`, parts);
    cells.push(...parts, total);
    areaTotals.push(total);
    margins.push({ total: total.id, parts: parts.map((p) => p.id) });
  });
  const regionGroups: Cell[] = [];
  for (let g = 0; g < groups; g++) {
    const parts = values.map((_, a) => cells.find((c) => c.id === `a${a}:g${g}`) ?? cell('', 0, 0));
    const total = totalOf(`region:g${g}`, parts);
    cells.push(total);
    regionGroups.push(total);
    margins.push({ total: total.id, parts: parts.map((p) => p.id) });
  }
  const region = totalOf('region:all', areaTotals);
  cells.push(region);
  margins.push({ total: region.id, parts: areaTotals.map((p) => p.id) });
  margins.push({ total: region.id, parts: regionGroups.map((p) => p.id) });
  return { cells, margins };
}

describe('primaryReason', () => {
  it('needs the minimum number of respondents', () => {
    expect(primaryReason({ n: 19, cases: 10 })).toBe('few-respondents');
    expect(primaryReason({ n: 0, cases: 0 })).toBe('few-respondents');
    expect(primaryReason({ n: 20, cases: 10 })).toBeNull();
  });

  it('needs at least minCount with and without the condition', () => {
    expect(primaryReason({ n: 100, cases: 4 })).toBe('few-cases');
    expect(primaryReason({ n: 100, cases: 96 })).toBe('few-cases');
    expect(primaryReason({ n: 100, cases: 5 })).toBeNull();
    expect(primaryReason({ n: 100, cases: 95 })).toBeNull();
  });

  it('treats 0 % and 100 % as disclosing: none or all of the group have the condition', () => {
    expect(primaryReason({ n: 200, cases: 0 })).toBe('few-cases');
    expect(primaryReason({ n: 200, cases: 200 })).toBe('few-cases');
  });

  it('takes the thresholds from the options', () => {
    const opts = { minRespondents: 50, minCount: 10 };
    expect(primaryReason({ n: 40, cases: 20 }, opts)).toBe('few-respondents');
    expect(primaryReason({ n: 60, cases: 9 }, opts)).toBe('few-cases');
    expect(primaryReason({ n: 60, cases: 10 }, opts)).toBeNull();
    expect(DEFAULT_SUPPRESSION).toEqual({ minRespondents: 20, minCount: 5 });
  });

  it('suppresses nonsense (NaN) rather than show it', () => {
    expect(primaryReason({ n: Number.NaN, cases: 3 })).toBe('few-respondents');
  });
});

describe('suppressGroups (one dimension)', () => {
  const groups = [
    cell('grund', 300, 90),
    cell('ungdom', 400, 80),
    cell('kmvu', 250, 30),
    cell('lvu', 120, 10),
  ];

  it('hides nothing when every cell passes', () => {
    expect(suppressGroups(groups, totalOf('all', groups)).size).toBe(0);
  });

  it('hides a small group and the next smallest group with it', () => {
    const gs = [...groups.slice(0, 3), cell('lvu', 3, 0)];
    const out = suppressGroups(gs, totalOf('all', gs));
    expect(out).toEqual(
      new Map([
        ['lvu', 'few-respondents'],
        ['kmvu', 'complementary'],
      ]),
    );
  });

  it('hides a group with too few cases, and a complement', () => {
    const gs = [cell('a', 300, 90), cell('b', 200, 3), cell('c', 100, 40)];
    expect(suppressGroups(gs, totalOf('all', gs))).toEqual(
      new Map([
        ['b', 'few-cases'],
        ['c', 'complementary'],
      ]),
    );
  });

  it('needs no complement when two hidden groups together pass the thresholds', () => {
    const gs = [cell('a', 300, 90), cell('b', 12, 6), cell('c', 15, 6)];
    expect(suppressGroups(gs, totalOf('all', gs))).toEqual(
      new Map([
        ['b', 'few-respondents'],
        ['c', 'few-respondents'],
      ]),
    );
  });

  it('adds a complement when the hidden groups together are still a small cell', () => {
    // 3 + 4 respondents: total minus the rest would show a 7-respondent figure.
    const gs = [cell('a', 300, 90), cell('b', 3, 1), cell('c', 4, 2), cell('d', 50, 10)];
    expect(suppressGroups(gs, totalOf('all', gs))).toEqual(
      new Map([
        ['b', 'few-respondents'],
        ['c', 'few-respondents'],
        ['d', 'complementary'],
      ]),
    );
  });

  it('adds a complement when the hidden groups together have no cases (a 0 % figure)', () => {
    const gs = [cell('a', 300, 90), cell('b', 30, 0), cell('c', 30, 0), cell('d', 40, 10)];
    expect(suppressGroups(gs, totalOf('all', gs)).get('d')).toBe('complementary');
  });

  it('hides everything when the total itself is small', () => {
    const gs = [cell('a', 10, 5), cell('b', 8, 3)];
    expect(suppressGroups(gs, totalOf('all', gs))).toEqual(
      new Map([
        ['a', 'few-respondents'],
        ['b', 'few-respondents'],
        ['all', 'few-respondents'],
      ]),
    );
  });

  it('protects a small unknown remainder: it is in the total but in no group', () => {
    // 4 respondents with unknown education: the total minus the groups would show them.
    const total = cell('all', 1074, 211);
    const out = suppressGroups(groups, total);
    expect(out).toEqual(new Map([['lvu', 'complementary']]));
  });

  it('leaves a large unknown remainder alone: recovering it shows nothing small', () => {
    const total = cell('all', 1070 + 60, 210 + 20);
    expect(suppressGroups(groups, total).size).toBe(0);
  });

  it('counts the unknown remainder as a hidden cell beside a small group', () => {
    const gs = [...groups.slice(0, 3), cell('lvu', 3, 1)];
    const total = cell('all', 953 + 100, 201 + 30);
    // lvu + the 100 unknown are hidden together and pass as a sum: no group needs to go.
    expect(suppressGroups(gs, total)).toEqual(new Map([['lvu', 'few-respondents']]));
  });

  it('works without a total', () => {
    expect(suppressGroups([cell('a', 3, 1), cell('b', 100, 20)], null)).toEqual(
      new Map([['a', 'few-respondents']]),
    );
  });
});

describe('suppressCells over several margins', () => {
  it('rejects a margin naming an unknown cell', () => {
    expect(() => suppressCells([cell('a', 10, 1)], [{ total: 'x', parts: ['a'] }])).toThrow(
      /unknown cell x/,
    );
  });

  it('carries a complement on into the margins it belongs to, until stable', () => {
    const { cells, margins } = grid([
      [
        [300, 60],
        [200, 40],
        [100, 20],
        [3, 1],
      ],
      [
        [400, 80],
        [300, 60],
        [150, 30],
        [80, 20],
      ],
      [
        [500, 90],
        [250, 50],
        [120, 30],
        [60, 15],
      ],
    ]);
    const out = suppressCells(cells, margins);
    expect(out.get('a0:g3')).toBe('few-respondents');
    // Area 0: its next smallest group; the region's g3 column: the next smallest area.
    expect(out.get('a0:g2')).toBe('complementary');
    expect(out.get('a2:g3')).toBe('complementary');
    for (const m of margins) {
      const hidden = [m.total, ...m.parts].filter((id) => out.has(id)).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('also protects cells that only a combination of margins gives away', () => {
    // Two blocks of four hidden cells joined by one hidden "bridge" cell: every row and column
    // hides two or more cells, and every pair passes as a sum, yet rows 1+2 minus columns 1+2
    // leave the bridge alone.
    const small: [number, number] = [12, 6];
    const big: [number, number] = [200, 50];
    const hiddenAt = new Set(['0:0', '0:1', '1:0', '1:1', '1:2', '2:2', '2:3', '3:2', '3:3']);
    const values = [0, 1, 2, 3].map((r) =>
      [0, 1, 2, 3].map((c) => (hiddenAt.has(`${r}:${c}`) ? small : big)),
    );
    const { cells, margins } = grid(values);
    const primary = new Set(cells.filter((c) => primaryReason(c) !== null).map((c) => c.id));
    expect(primary.size).toBe(9);
    expect(recoverableCells(margins, (id) => primary.has(id))).toEqual(new Set(['a1:g2']));

    const out = suppressCells(cells, margins);
    expect([...out.values()].filter((r) => r === 'complementary').length).toBeGreaterThan(0);
    expect(recoverableCells(margins, (id) => out.has(id)).size).toBe(0);
  });
});

describe('the subtraction attack', () => {
  // Three areas of one region by four education groups; a group of 3 respondents in area 0.
  const table = grid([
    [
      [310, 95],
      [420, 84],
      [260, 31],
      [3, 1],
    ],
    [
      [280, 80],
      [390, 70],
      [240, 30],
      [150, 12],
    ],
    [
      [350, 110],
      [450, 99],
      [300, 40],
      [170, 15],
    ],
  ]);
  const byId = new Map(table.cells.map((c) => [c.id, c]));

  /** Every hidden cell an attacker recovers from the published cells, trying each margin alone. */
  function bySubtraction(hidden: ReadonlySet<string>): Map<string, Cell> {
    const found = new Map<string, Cell>();
    for (const m of table.margins) {
      const ids = [m.total, ...m.parts];
      const unknown = ids.filter((id) => hidden.has(id));
      if (unknown.length !== 1) continue;
      const [target] = unknown as [string];
      const known = (id: string) => byId.get(id) ?? cell(id, 0, 0);
      const partsKnown = m.parts.filter((id) => id !== target).map(known);
      const s = {
        n: partsKnown.reduce((a, c) => a + c.n, 0),
        cases: partsKnown.reduce((a, c) => a + c.cases, 0),
      };
      const t = known(m.total);
      found.set(
        target,
        target === m.total
          ? cell(target, s.n, s.cases)
          : cell(target, t.n - s.n, t.cases - s.cases),
      );
    }
    return found;
  }

  /**
   * Every combination of margins with weights -1, 0 or 1 (3^9 of them): if the combined
   * equation leaves exactly one hidden cell, the attacker has its value.
   */
  function byCombination(hidden: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    const k = table.margins.length;
    for (let code = 1; code < 3 ** k; code++) {
      const coef = new Map<string, number>();
      let rest = code;
      for (const m of table.margins) {
        const w = (rest % 3) - 1;
        rest = Math.floor(rest / 3);
        if (w === 0) continue;
        for (const p of m.parts) if (hidden.has(p)) coef.set(p, (coef.get(p) ?? 0) + w);
        if (hidden.has(m.total)) coef.set(m.total, (coef.get(m.total) ?? 0) - w);
      }
      const left = [...coef].filter(([, v]) => v !== 0);
      if (left.length === 1) found.add(left[0]?.[0] ?? '');
    }
    return found;
  }

  it('succeeds against primary suppression alone (so the test has teeth)', () => {
    const primary = new Set(table.cells.filter((c) => primaryReason(c) !== null).map((c) => c.id));
    expect(primary).toEqual(new Set(['a0:g3']));
    expect(bySubtraction(primary).get('a0:g3')).toEqual(cell('a0:g3', 3, 1));
    expect(byCombination(primary)).toContain('a0:g3');
  });

  it('fails against the published table', () => {
    const out = suppressCells(table.cells, table.margins);
    const hidden = new Set(out.keys());
    expect(hidden.has('a0:g3')).toBe(true);
    expect(bySubtraction(hidden).size).toBe(0);
    expect(byCombination(hidden).size).toBe(0);
    expect(recoverableCells(table.margins, (id) => hidden.has(id)).size).toBe(0);
  });

  it('leaves no small sum either: in every margin with a published total, the hidden parts together pass', () => {
    const out = suppressCells(table.cells, table.margins);
    for (const m of table.margins) {
      if (out.has(m.total)) continue;
      const hiddenParts = m.parts
        .filter((id) => out.has(id))
        .map((id) => byId.get(id) ?? cell(id, 0, 0));
      if (hiddenParts.length === 0) continue;
      expect(primaryReason(totalOf('sum', hiddenParts))).toBeNull();
    }
  });
});

describe('random tables (property)', () => {
  const rnd = mulberry32(20261123);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  /** Mostly ordinary cells, some small ones, some with few or no cases. */
  function randomCell(): [number, number] {
    const n = rnd() < 0.25 ? int(0, 25) : int(20, 400);
    const p = rnd() < 0.15 ? rnd() * 0.05 : rnd();
    return [n, Math.round(n * p)];
  }

  it('never publishes a small cell, and no margin hides exactly one cell', () => {
    const opts = { minRespondents: 20, minCount: 5 };
    for (let t = 0; t < 400; t++) {
      const areas = int(1, 5);
      const groups = int(2, 6);
      const values = Array.from({ length: areas }, () =>
        Array.from({ length: groups }, randomCell),
      );
      const { cells, margins } = grid(values);
      const out = suppressCells(cells, margins, opts);
      for (const c of cells)
        if (!out.has(c.id)) expect(primaryReason(c, opts), `${t} ${c.id}`).toBeNull();
      for (const m of margins) {
        const hidden = [m.total, ...m.parts].filter((id) => out.has(id)).length;
        expect(hidden === 0 || hidden >= 2, `table ${t}, margin ${m.total}`).toBe(true);
      }
      expect(recoverableCells(margins, (id) => out.has(id)).size, `table ${t}`).toBe(0);
    }
  });

  it('holds with an unknown remainder too (one dimension)', () => {
    for (let t = 0; t < 400; t++) {
      const groups = Array.from({ length: int(2, 6) }, (_, g) => {
        const [n, x] = randomCell();
        return cell(`g${g}`, n, x);
      });
      const [rn, rx] = rnd() < 0.5 ? [0, 0] : randomCell();
      const sum = totalOf('all', groups);
      const total = cell('all', sum.n + rn, sum.cases + rx);
      const out = suppressGroups(groups, total);
      for (const c of [...groups, total]) if (!out.has(c.id)) expect(primaryReason(c)).toBeNull();
      const hiddenCells = [...groups, total].filter((c) => out.has(c.id)).length + (rn > 0 ? 1 : 0);
      const remainderAlone = rn > 0 && hiddenCells === 1;
      if (remainderAlone) expect(primaryReason({ n: rn, cases: rx }), `table ${t}`).toBeNull();
      else expect(hiddenCells === 0 || hiddenCells >= 2, `table ${t}`).toBe(true);
    }
  });
});

describe('suppressLeastLoss: a region rather than a municipality (issue 14)', () => {
  /** grid() with the areas-to-region margins marked as aggregates. */
  function regionGrid(values: readonly (readonly [number, number])[][]) {
    const g = grid(values);
    const margins = g.margins.map((m) =>
      m.total.startsWith('region:') && m.parts.every((p) => p.startsWith('a'))
        ? { ...m, aggregate: true }
        : m,
    );
    return { cells: g.cells, margins };
  }
  const isArea = (id: string) => id.startsWith('a');

  it('hides the region, not the large municipality, beside a tiny one', () => {
    const { cells, margins } = regionGrid([
      [
        [700, 140],
        [700, 110],
      ],
      [
        [7, 2],
        [5, 1],
      ],
    ]);
    expect(suppressCells(cells, margins).get('a0:all')).toBe('complementary'); // the old choice
    const out = suppressLeastLoss(cells, margins, isArea);
    for (const id of ['a0:g0', 'a0:g1', 'a0:all']) expect(out.has(id), id).toBe(false);
    expect(out.get('region:all')).toBe('complementary');
    expect(recoverableCells(margins, (id) => out.has(id)).size).toBe(0);
  });

  it('random tables: never a small cell, never one hidden cell in a margin, nothing recoverable', () => {
    const rnd = mulberry32(14);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const randomCell = (): [number, number] => {
      const n = rnd() < 0.3 ? int(0, 25) : int(20, 900);
      return [n, Math.round(n * (rnd() < 0.15 ? rnd() * 0.05 : rnd()))];
    };
    let regionsChosen = 0;
    for (let t = 0; t < 300; t++) {
      const groups = int(2, 4);
      const values = Array.from({ length: int(1, 4) }, () =>
        Array.from({ length: groups }, randomCell),
      );
      const { cells, margins } = regionGrid(values);
      const out = suppressLeastLoss(cells, margins, isArea);
      if (out.get('region:all') === 'complementary') regionsChosen++;
      for (const c of cells) if (!out.has(c.id)) expect(primaryReason(c), `${t}`).toBeNull();
      for (const m of margins) {
        const hidden = [m.total, ...m.parts].filter((id) => out.has(id)).length;
        expect(hidden === 0 || hidden >= 2, `table ${t}, margin ${m.total}`).toBe(true);
      }
      expect(recoverableCells(margins, (id) => out.has(id)).size, `table ${t}`).toBe(0);
      // Never more of the municipalities' own figures lost than the old rule loses.
      const areaLoss = (o: Map<string, string>) =>
        cells
          .filter((c) => isArea(c.id) && o.get(c.id) === 'complementary')
          .reduce((a, c) => a + c.n, 0);
      expect(areaLoss(out)).toBeLessThanOrEqual(areaLoss(suppressCells(cells, margins)));
    }
    expect(regionsChosen).toBeGreaterThan(0);
  });
});
