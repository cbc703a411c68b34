/** SQL for published committee reports (migration 0026): a snapshot per publication. */
import type { Queryable } from '../db/db.ts';
import type { Department } from './intervention.ts';
import type { CommitteeReport } from './report.ts';

export interface PublishedReport {
  id: string;
  department: Department;
  year: number;
  publishedOn: string;
  report: CommitteeReport;
}

interface Row {
  id: string;
  department: Department;
  period_year: number;
  published_on: string;
  snapshot: CommitteeReport | string;
}

const view = (r: Row): PublishedReport => ({
  id: r.id,
  department: r.department,
  year: r.period_year,
  publishedOn: r.published_on,
  report: typeof r.snapshot === 'string' ? (JSON.parse(r.snapshot) as CommitteeReport) : r.snapshot,
});

export async function insertReport(
  q: Queryable,
  report: CommitteeReport,
  publishedOn: string,
  publishedBy: string | null,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into committee_report (kommune, department, period_year, snapshot, published_on, published_by)
     values ($1, $2, $3, $4::jsonb, $5, $6) returning id`,
    [
      report.kommune,
      report.department,
      report.year,
      JSON.stringify(report),
      publishedOn,
      publishedBy,
    ],
  );
  return row!.id;
}

export async function getReport(q: Queryable, id: string): Promise<PublishedReport | undefined> {
  const [row] = await q.query<Row>(
    `select id, department, period_year, published_on::text as published_on, snapshot
       from committee_report where id = $1`,
    [id],
  );
  return row ? view(row) : undefined;
}

/** Published reports, newest first, without their snapshots' weight in the list. */
export async function listReports(
  q: Queryable,
  kommune: string,
): Promise<Omit<PublishedReport, 'report'>[]> {
  const rows = await q.query<Omit<Row, 'snapshot'>>(
    `select id, department, period_year, published_on::text as published_on
       from committee_report where kommune = $1
      order by published_on desc, created_at desc`,
    [kommune],
  );
  return rows.map((r) => ({
    id: r.id,
    department: r.department,
    year: r.period_year,
    publishedOn: r.published_on,
  }));
}
