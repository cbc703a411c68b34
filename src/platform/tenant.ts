import type { Db } from '../db/db.ts';
import { systemClock, type Clock } from './clock.ts';
import { LighedError } from './errors.ts';
import { listTenants } from './tenant.store.ts';

/** A municipality served by this installation. */
export interface Tenant {
  kommune: string;
  name: string;
  demo: boolean;
}

/**
 * Maps a request's host to a municipality. One installation may serve several: each tenant
 * row lists its hostnames; any other host gets the configured default. Cached for a minute.
 */
export function tenantResolver(db: Db, defaultKommune: string, clock: Clock = systemClock) {
  let cache:
    { at: number; byHost: Map<string, Tenant>; byKommune: Map<string, Tenant> } | undefined;
  const load = async () => {
    if (cache && clock.now().getTime() - cache.at < 60_000) return cache;
    const rows = await listTenants(db);
    const byHost = new Map<string, Tenant>();
    const byKommune = new Map<string, Tenant>();
    for (const r of rows) {
      const t = { kommune: r.kommune, name: r.name, demo: r.demo };
      byKommune.set(r.kommune, t);
      for (const h of r.hostnames) byHost.set(h.toLowerCase(), t);
    }
    cache = { at: clock.now().getTime(), byHost, byKommune };
    return cache;
  };
  return {
    async resolve(host: string | undefined): Promise<Tenant> {
      const c = await load();
      const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
      const t = c.byHost.get(name) ?? c.byKommune.get(defaultKommune);
      if (!t) {
        throw new LighedError(
          'LIGHED_ERR_CONFIG',
          `No tenant for ${defaultKommune}: run "npx lighed admin create" (or "npx lighed demo" to try Lighed) first.`,
        );
      }
      return t;
    },
    invalidate() {
      cache = undefined;
    },
  };
}

export type TenantResolver = ReturnType<typeof tenantResolver>;
