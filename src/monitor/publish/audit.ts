/**
 * The attacker's side of suppression: which hidden cells can be worked out exactly from the
 * published ones and the margins (sums), using any combination of margins at once.
 *
 * Every margin is a linear equation over its hidden cells: sum(hidden parts) - (total, if
 * hidden) = a number anyone can compute from the published cells. A hidden cell is exactly
 * recoverable when its unit vector lies in the row space of those equations; in reduced row
 * echelon form that means its column is a pivot and the pivot's row has no other entry.
 * The same equations hold for respondents (n) and cases, so one check covers both.
 */
import type { Margin } from './margin.ts';

const EPS = 1e-9;

/** Ids of the hidden cells whose exact value follows from the margins and the published cells. */
export function recoverableCells(
  margins: readonly Margin[],
  isHidden: (id: string) => boolean,
): Set<string> {
  const column = new Map<string, number>();
  const rows: number[][] = [];
  const col = (id: string): number => {
    let c = column.get(id);
    if (c === undefined) column.set(id, (c = column.size));
    return c;
  };
  for (const m of margins) {
    const terms = new Map<number, number>();
    for (const p of m.parts) if (isHidden(p)) terms.set(col(p), (terms.get(col(p)) ?? 0) + 1);
    if (isHidden(m.total)) terms.set(col(m.total), (terms.get(col(m.total)) ?? 0) - 1);
    if (terms.size > 0) rows.push(toDense(terms));
  }
  const width = column.size;
  const reduced = rref(
    rows.map((r) => [...r, ...new Array<number>(width - r.length).fill(0)]),
    width,
  );
  const found = new Set<string>();
  for (const [id, c] of column) {
    const pivotRow = reduced.find((r) => firstNonZero(r) === c);
    if (pivotRow && pivotRow.every((v, j) => j === c || Math.abs(v) < EPS)) found.add(id);
  }
  return found;
}

function toDense(terms: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [c, v] of terms) {
    while (out.length <= c) out.push(0);
    out[c] = v;
  }
  return out;
}

function firstNonZero(row: readonly number[]): number {
  return row.findIndex((v) => Math.abs(v) > EPS);
}

/** Gauss-Jordan elimination with partial pivoting; returns the non-zero rows. */
function rref(m: number[][], width: number): number[][] {
  let lead = 0;
  for (let c = 0; c < width && lead < m.length; c++) {
    let best = lead;
    for (let r = lead + 1; r < m.length; r++)
      if (Math.abs(at(m, r, c)) > Math.abs(at(m, best, c))) best = r;
    if (Math.abs(at(m, best, c)) < EPS) continue;
    [m[lead], m[best]] = [m[best] ?? [], m[lead] ?? []];
    const pivot = m[lead] ?? [];
    const pv = pivot[c] ?? 1;
    for (let j = 0; j < width; j++) pivot[j] = (pivot[j] ?? 0) / pv;
    for (let r = 0; r < m.length; r++) {
      const row = m[r];
      if (r === lead || !row) continue;
      const f = row[c] ?? 0;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < width; j++) row[j] = (row[j] ?? 0) - f * (pivot[j] ?? 0);
    }
    lead++;
  }
  return m.slice(0, lead);
}

const at = (m: number[][], r: number, c: number): number => m[r]?.[c] ?? 0;
