/**
 * Decision 0030: the one-pass computation of every cell gives buildTable's numbers exactly, on a
 * seeded survey, with each table suppressed on its own and with the pages' plans; the shared
 * stream of normal draws gives the intervals a fresh generator per cell gave; stored blocks
 * round-trip.
 */
import { describe, expect, it } from 'vitest';
import { testCodebook, testRespondents } from '../../../test/support/monitor.ts';
import { aggregateRespondents } from '../microdata/aggregate.memory.ts';
import { computeAll, simulatedValue, prepare, type SimulatedCode } from '../measures/heat.ts';
import { heatOptionsFor } from '../measures/method.ts';
import { quantileType7, seededNormal } from '../measures/random.ts';
import { truncatedNormal } from '../measures/simulate.ts';
import { DEFAULT_SUPPRESSION } from '../publish/suppression.ts';
import { cellsInput, computeAllCells } from './all-cells.ts';
import { decodeBlock, encodeBlock } from './results.ts';
import { planFromRows } from './suppression-plan.ts';
import { buildTable, indexSums } from './tables.ts';

const codebook = testCodebook();
const { rows } = aggregateRespondents(codebook, testRespondents(codebook, 300));
const heat = { repetitions: 60, ...heatOptionsFor('survey') };

function perTable(plan?: Parameters<typeof computeAllCells>[1]['plan']) {
  const areas = [...new Set(rows.map((r) => r.area))].sort();
  const out = new Map<string, ReturnType<typeof buildTable>>();
  for (const area of areas) {
    const sums = indexSums(rows.filter((r) => r.area === area));
    const scope = { kind: 'area' as const, code: area, name: { da: area, en: area } };
    for (let indicator = 1; indicator <= codebook.indicators.length; indicator++)
      for (let dim = 1; dim <= codebook.dimensions.length; dim++)
        for (const year of [2017, 2021]) {
          const k = { indicator, dim, year };
          out.set(
            `${area}:${indicator}:${dim}:${year}`,
            buildTable(
              codebook,
              sums,
              { ...k, scope },
              { suppression: DEFAULT_SUPPRESSION, heat, ...(plan ? { plan: plan(k) } : {}) },
            ),
          );
        }
  }
  return out;
}

describe('computeAllCells (one pass over every area)', () => {
  for (const withPlan of [false, true]) {
    it(`equals buildTable cell by cell (${withPlan ? "the pages' plans" : 'each table on its own'})`, () => {
      const plan = withPlan
        ? (k: { indicator: number; dim: number; year: number }) =>
            planFromRows(
              rows.filter(
                (r) =>
                  r.indicator === k.indicator &&
                  r.year === k.year &&
                  (r.dim === 0 || r.dim === k.dim),
              ),
              codebook.dimensions[k.dim - 1]!.categories.length,
              DEFAULT_SUPPRESSION,
            )
        : undefined;
      const old = perTable(plan);
      const cells = computeAllCells(cellsInput(codebook, rows), {
        suppression: DEFAULT_SUPPRESSION,
        heat,
        plan,
      });
      expect(cells.length).toBe(old.size);
      let measured = 0;
      let suppressed = 0;
      for (const c of cells) {
        const t = old.get(`${c.area}:${c.indicator}:${c.dim}:${c.year}`)!;
        expect(c.measuresNote).toBe(t.measuresNote);
        expect(c.measures).toEqual(t.measures);
        if (c.measures) measured++;
        if (c.measuresNote === 'suppressed') suppressed++;
      }
      // the survey has both: measured tables and suppressed ones (Roskilde's tiny group)
      expect(measured).toBeGreaterThan(50);
      expect(suppressed).toBeGreaterThan(0);
    });
  }

  it('gives the intervals of a fresh seeded generator per cell (the code before the shared stream)', () => {
    // The former simulation: seededNormal + truncatedNormal per draw, one closure per measure.
    const setting = {
      subgroups: [
        { name: 'a', estimate: 31.2, se: 2.1, population: 400, reference: true },
        { name: 'b', estimate: 24.8, se: 3.5, population: 250 },
        { name: 'c', estimate: 0.4, se: 0.6, population: 90 },
        { name: 'd', estimate: 99.1, se: 1.4, population: 40 },
      ],
      ordered: false,
      favourable: false,
      scale: 100,
    };
    const prep = prepare(setting);
    const reps = 200;
    const codes: SimulatedCode[] = ['BGSD', 'COV', 'MDMU', 'MDBW', 'MDRU', 'IDISW'];
    const normal = seededNormal(1);
    const values = codes.map(() => [] as number[]);
    const draw = prep.y.map(() => 0);
    for (let r = 0; r < reps; r++) {
      for (let j = 0; j < draw.length; j++)
        draw[j] = truncatedNormal(normal, prep.y[j]!, prep.s[j]!, 0, 100);
      codes.forEach((c, k) => values[k]!.push(simulatedValue(c, prep, draw)));
    }
    const got = computeAll(setting, { repetitions: reps, measures: codes });
    codes.forEach((c, k) => {
      const sorted = values[k]!.filter(Number.isFinite).sort((a, b) => a - b);
      const m = got.find((x) => x.code === c)!;
      expect(m.lower).toBe(quantileType7(sorted, 0.025));
      expect(m.upper).toBe(quantileType7(sorted, 0.975));
    });
  });

  it('stores a block and reads back the same measures', () => {
    const cells = computeAllCells(cellsInput(codebook, rows), {
      suppression: DEFAULT_SUPPRESSION,
      heat,
      only: { indicator: 1, dim: 1, year: 2021 },
    });
    expect(cells.length).toBe(3);
    const back = decodeBlock(encodeBlock(cells));
    for (const c of cells) {
      expect(back.get(c.area)).toEqual({ measuresNote: c.measuresNote, measures: c.measures });
    }
  });
});
