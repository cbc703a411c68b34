/** SQL for `lighed staff create`: does the organisation or team exist in the municipality. */
import { one, type Queryable } from '../db/db.ts';

export async function organizationInTenant(q: Queryable, id: string): Promise<boolean> {
  const row = await one<{ id: string }>(
    q,
    'select id from organization where id = $1 and kommune = lighed_kommune()',
    [id],
  );
  return row !== undefined;
}

export async function teamInTenant(q: Queryable, id: string): Promise<boolean> {
  const row = await one<{ id: string }>(
    q,
    'select id from team where id = $1 and kommune = lighed_kommune()',
    [id],
  );
  return row !== undefined;
}
