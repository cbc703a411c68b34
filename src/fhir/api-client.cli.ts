/**
 * `lighed api-client create --name NAME --role referrer|provider [--organization ID]
 * [--kommune KODE]`: a new API client; prints {"client_id","client_secret"} as JSON, once (only
 * the secret's hash is stored).
 */
import type { Db } from '../db/db.ts';
import type { Config } from '../platform/config.ts';
import { createApiClient } from './oauth.service.ts';

export interface ApiClientCreateOptions {
  name: string;
  role: string;
  organization?: string;
  kommune?: string;
}

export async function apiClientCreate(
  db: Db,
  config: Config,
  opts: ApiClientCreateOptions,
  out: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const kommune = opts.kommune ?? config.defaultKommune;
  const issued = await createApiClient(
    db,
    { kommune, actorId: null, actorRole: 'system', requestId: 'cli' },
    { kommune, name: opts.name, role: opts.role, organizationId: opts.organization ?? null },
  );
  out(JSON.stringify(issued));
}
