/** The assessment demo's one read of its own (src/assessment/demo.seed.ts). */
import type { Queryable } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';

/** Who the demo is done as: an assessor if the municipality has one, else a planner or admin. */
export async function demoOwner(q: Queryable): Promise<StaffUser | undefined> {
  const [u] = await q.query<StaffUser>(
    `select id, kommune, email, name, role, organization_id, team_id from staff_user
      where kommune = lighed_kommune() and role in ('assessor', 'planner', 'admin')
      order by case role when 'assessor' then 0 when 'planner' then 1 else 2 end, email
      limit 1`,
  );
  return u;
}
