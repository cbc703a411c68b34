/**
 * The monitor's datasets as the pages, the CLI and the services see them: one type, one list
 * query. Row-level security decides what a municipality reads (its own and the shared ones), so
 * every function here runs inside the caller's tenant transaction. A dataset still being
 * written (or deleted) is not `ready` and is read by nobody.
 */
import type { Queryable } from '../../db/db.ts';
import { isUuid } from '../../platform/ids.ts';
import { codebookSchema, type Codebook } from './codebook.ts';

export interface DatasetInfo {
  id: string;
  kommune: string;
  shared: boolean;
  synthetic: boolean;
  /** A survey's respondents (sums), or a WHO HEAT Plus file's own figures (heatplus/dataset.ts). */
  kind: DatasetKind;
  fileName: string;
  rowCount: number;
  years: number[];
  createdAt: Date;
  codebook: Codebook;
}

export type DatasetKind = 'survey' | 'heatplus';

interface DatasetRow {
  id: string;
  kommune: string;
  shared: boolean;
  synthetic: boolean;
  kind: DatasetKind;
  file_name: string;
  row_count: number;
  years: number[];
  created_at: Date;
  codebook: unknown;
}

const DATASET_COLUMNS =
  'id, kommune, shared, synthetic, kind, file_name, row_count, years, created_at, codebook';

function toInfo(r: DatasetRow): DatasetInfo {
  return {
    id: r.id,
    kommune: r.kommune,
    shared: r.shared,
    synthetic: r.synthetic,
    kind: r.kind,
    fileName: r.file_name,
    rowCount: r.row_count,
    years: [...r.years].sort((a, b) => a - b),
    createdAt: new Date(r.created_at),
    // Validated on import; parsed again so a hand-edited row fails here, not in a chart.
    codebook: codebookSchema.parse(
      typeof r.codebook === 'string' ? JSON.parse(r.codebook) : r.codebook,
    ),
  };
}

/**
 * Datasets this municipality can read: its own and the shared (national) ones, newest first.
 * `sharedFirst` puts the shared ones ahead (the pages open the newest national dataset).
 */
export async function listDatasets(
  q: Queryable,
  opts: { sharedFirst?: boolean } = {},
): Promise<DatasetInfo[]> {
  const order = opts.sharedFirst ? 'shared desc, created_at desc' : 'created_at desc';
  const rows = await q.query<DatasetRow>(
    `select ${DATASET_COLUMNS} from monitor_dataset where ready order by ${order}`,
  );
  return rows.map(toInfo);
}

export async function readableDataset(q: Queryable, id: string): Promise<DatasetInfo | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await q.query<DatasetRow>(
    `select ${DATASET_COLUMNS} from monitor_dataset where id = $1 and ready`,
    [id],
  );
  return rows[0] ? toInfo(rows[0]) : undefined;
}

/** Whether a readable dataset came from a file of this name (the demo seeds its survey once). */
export async function hasDatasetFile(q: Queryable, fileName: string): Promise<boolean> {
  const rows = await q.query<{ n: number }>(
    `select count(*)::int as n from monitor_dataset where file_name = $1 and ready`,
    [fileName],
  );
  return (rows[0]?.n ?? 0) > 0;
}
