/** SQL for API clients and their access tokens (0012_api_clients.sql). Tenant-bound by RLS. */
import { one, type Queryable } from '../db/db.ts';
import type { ApiClientRole } from './credentials.ts';

export interface ApiClientRow {
  id: string;
  kommune: string;
  name: string;
  role: ApiClientRole;
  organization_id: string | null;
  organization_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const clientColumns = `c.id, c.kommune, c.name, c.role, c.organization_id, org.name as organization_name,
  c.created_at, c.revoked_at`;

export async function insertApiClient(
  q: Queryable,
  c: {
    kommune: string;
    name: string;
    role: ApiClientRole;
    organizationId: string | null;
    secretHash: string;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into api_client (kommune, name, role, organization_id, secret_hash, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [c.kommune, c.name, c.role, c.organizationId, c.secretHash, c.createdBy],
  );
  return row!.id;
}

/** The organisation, if it is this municipality's (organisations are readable across tenants). */
export async function organizationInKommune(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  return one(q, `select id, name from organization where id = $1 and kommune = $2`, [id, kommune]);
}

/** An organisation of the municipality by its name (the demo's provider). */
export async function organizationByName(
  q: Queryable,
  kommune: string,
  name: string,
): Promise<{ id: string } | undefined> {
  return one(q, `select id from organization where kommune = $1 and name = $2`, [kommune, name]);
}

export async function listApiClients(q: Queryable, kommune: string): Promise<ApiClientRow[]> {
  return q.query<ApiClientRow>(
    `select ${clientColumns} from api_client c left join organization org on org.id = c.organization_id
      where c.kommune = $1 order by c.revoked_at is not null, c.created_at desc`,
    [kommune],
  );
}

export async function findApiClient(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<ApiClientRow | undefined> {
  return one<ApiClientRow>(
    q,
    `select ${clientColumns} from api_client c left join organization org on org.id = c.organization_id
      where c.kommune = $1 and c.id = $2`,
    [kommune, id],
  );
}

/** The client's stored secret hash, if it exists and is not revoked. */
export async function activeClientSecret(
  q: Queryable,
  kommune: string,
  id: string,
): Promise<{ secret_hash: string } | undefined> {
  return one(
    q,
    `select secret_hash from api_client where kommune = $1 and id = $2 and revoked_at is null`,
    [kommune, id],
  );
}

/** Marks the client revoked and deletes its tokens; false when already revoked or unknown. */
export async function revokeApiClient(
  q: Queryable,
  kommune: string,
  id: string,
  by: string | null,
): Promise<boolean> {
  const rows = await q.query(
    `update api_client set revoked_at = now(), revoked_by = $3
      where kommune = $1 and id = $2 and revoked_at is null returning id`,
    [kommune, id, by],
  );
  await q.query(`delete from api_token where kommune = $1 and client_id = $2`, [kommune, id]);
  return rows.length > 0;
}

export async function insertToken(
  q: Queryable,
  t: { hash: string; clientId: string; kommune: string; expiresAt: Date },
): Promise<void> {
  // Expired tokens of this client go as a new one comes: the table stays small.
  await q.query(`delete from api_token where client_id = $1 and expires_at < now()`, [t.clientId]);
  await q.query(
    `insert into api_token (token_hash, client_id, kommune, expires_at) values ($1, $2, $3, $4)`,
    [t.hash, t.clientId, t.kommune, t.expiresAt],
  );
}

export interface TokenClient {
  id: string;
  kommune: string;
  name: string;
  role: ApiClientRole;
  organization_id: string | null;
}

/** The client behind a live token: unexpired at `now`, the client not revoked. */
export async function clientForToken(
  q: Queryable,
  kommune: string,
  hash: string,
  now: Date,
): Promise<TokenClient | undefined> {
  return one<TokenClient>(
    q,
    `select c.id, c.kommune, c.name, c.role, c.organization_id
       from api_token t join api_client c on c.id = t.client_id
      where t.token_hash = $1 and t.kommune = $2 and t.expires_at > $3 and c.revoked_at is null`,
    [hash, kommune, now],
  );
}
