/** The team a transaction acts for (row-level security on conversation reads lighed.team). */
import { one, type Queryable } from '../db/db.ts';

export async function actingTeam(q: Queryable): Promise<string> {
  const row = await one<{ team: string | null }>(
    q,
    `select current_setting('lighed.team', true) as team`,
  );
  return row?.team ?? '';
}

export async function actAsTeam(q: Queryable, teamId: string): Promise<void> {
  await q.query(`select set_config('lighed.team', $1, true)`, [teamId]);
}
