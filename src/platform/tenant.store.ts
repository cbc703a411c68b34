import type { Queryable } from '../db/db.ts';

export interface TenantRow {
  kommune: string;
  name: string;
  demo: boolean;
  hostnames: string[];
}

export async function listTenants(q: Queryable): Promise<TenantRow[]> {
  return q.query<TenantRow>('select kommune, name, demo, hostnames from tenant');
}
