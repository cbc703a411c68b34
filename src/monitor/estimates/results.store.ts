/**
 * Stored measure blocks (migration 0030): one indicator x dimension x wave of a dataset, every
 * area, per method, repetitions and suppression thresholds. Rows go with their dataset
 * (foreign key, on delete cascade), so a deleted or replaced dataset leaves none behind.
 */
import type { Queryable } from '../../db/db.ts';
import type { MeasureMethod } from '../measures/method.ts';

export interface ResultKey {
  datasetId: string;
  method: MeasureMethod;
  repetitions: number;
  /** The thresholds, e.g. "20:5" (minRespondents:minCount). */
  suppression: string;
  indicator: number;
  dim: number;
  year: number;
}

const WHERE = `dataset_id = $1 and method = $2 and repetitions = $3 and suppression = $4
   and indicator = $5 and dim = $6 and year = $7`;
const params = (k: ResultKey) => [
  k.datasetId,
  k.method,
  k.repetitions,
  k.suppression,
  k.indicator,
  k.dim,
  k.year,
];

export async function loadResultBlock(q: Queryable, k: ResultKey): Promise<Uint8Array | null> {
  const [row] = await q.query<{ body: Uint8Array }>(
    `select body from monitor_result where ${WHERE}`,
    params(k),
  );
  return row?.body ?? null;
}

/** Stores a block under the dataset's own municipality; a reader of a shared dataset does not. */
export async function saveResultBlock(
  q: Queryable,
  k: ResultKey,
  kommune: string,
  body: Uint8Array,
): Promise<void> {
  await q.query(
    `insert into monitor_result (dataset_id, kommune, method, repetitions, suppression, indicator, dim, year, body)
     select $1, $8, $2, $3, $4, $5, $6, $7, $9 where $8 = lighed_kommune()
     on conflict do nothing`,
    [...params(k), kommune, body],
  );
}
