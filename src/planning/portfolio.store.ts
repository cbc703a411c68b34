/** SQL for portfolio decisions (migration 0026): added, never changed; newest first. */
import type { Queryable } from '../db/db.ts';
import type { Decision, DecisionInput, DecisionView, Subject } from './portfolio.ts';

interface Row {
  id: string;
  subject: Subject;
  subject_id: string;
  decision: Decision;
  reason: string;
  decided_on: string | Date;
  decided_by: string | null;
}

const dateText = (d: string | Date) =>
  typeof d === 'string'
    ? d.slice(0, 10)
    : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const view = (r: Row): DecisionView & { subject: Subject; subjectId: string } => ({
  id: r.id,
  subject: r.subject,
  subjectId: r.subject_id,
  decision: r.decision,
  reason: r.reason,
  decidedOn: dateText(r.decided_on),
  decidedBy: r.decided_by,
});

/** Every decision of the municipality, newest first (the page groups them per subject). */
export async function listDecisions(q: Queryable, kommune: string) {
  const rows = await q.query<Row>(
    `select d.id, d.subject, d.subject_id, d.decision, d.reason, d.decided_on::text as decided_on,
            u.name as decided_by
       from portfolio_decision d left join staff_user u on u.id = d.decided_by
      where d.kommune = $1
      order by d.decided_on desc, d.created_at desc, d.id desc`,
    [kommune],
  );
  return rows.map(view);
}

/**
 * Adds a decision unless another was added since the planner saw `input.seen` decisions (then
 * null): the count of a subject's decisions is its version. The
 * advisory lock makes two planners deciding on one subject at once take turns.
 */
export async function insertDecision(
  q: Queryable,
  kommune: string,
  subject: Subject,
  subjectId: string,
  input: DecisionInput,
  decidedBy: string | null,
): Promise<string | null> {
  await q.query(`select pg_advisory_xact_lock(hashtext($1))`, [`portfolio:${subjectId}`]);
  const [seen] = await q.query<{ n: number }>(
    `select count(*)::int as n from portfolio_decision
      where kommune = $1 and subject = $2 and subject_id = $3`,
    [kommune, subject, subjectId],
  );
  if (seen!.n !== input.seen) return null;
  const [row] = await q.query<{ id: string }>(
    `insert into portfolio_decision (kommune, subject, subject_id, decision, reason, decided_on, decided_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [kommune, subject, subjectId, input.decision, input.reason, input.decidedOn, decidedBy],
  );
  return row!.id;
}

/** The municipality's first planner (else admin): whom the demo records its decisions as. */
export async function firstPlanner(
  q: Queryable,
  kommune: string,
): Promise<{ id: string; role: string } | undefined> {
  const [u] = await q.query<{ id: string; role: string }>(
    `select id, role from staff_user where kommune = $1 and role in ('planner', 'admin')
      order by role desc, email limit 1`,
    [kommune],
  );
  return u;
}
