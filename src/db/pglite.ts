import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { APP_ROLE, type Db, type Queryable } from './db.ts';

const extensions = { cube, earthdistance, pg_trgm, pgcrypto };

/**
 * PostgreSQL's default 128 MB of shared buffers is held in PGlite's WASM heap for the life of
 * the process; the embedded installation's whole database is a few tens of megabytes, and the
 * operating system caches its files anyway (issue 16: 16 MB measured about 100 MB less RSS).
 */
const SHARED_BUFFERS = '16MB';
const startParams = [
  ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
  '-c',
  `shared_buffers=${SHARED_BUFFERS}`,
];

/** Opens PGlite on a data directory (persisted), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  const pg = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
    extensions,
    startParams,
  });
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db & { raw: PGlite } {
  // PGlite is one connection: the owner role is used for migrations, the app role otherwise.
  let asApp = false;
  const useAppRole = async () => {
    if (!asApp) {
      await pg.exec(`do $$ begin
        if exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then set role ${APP_ROLE}; end if;
      end $$;`);
      asApp = true;
    }
  };
  const q = (runner: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const res = await runner.query<T>(text, params ? [...params] : undefined);
      return res.rows;
    },
  });
  return {
    engine: 'pglite',
    raw: pg,
    async query<T>(text: string, params?: readonly unknown[]) {
      await useAppRole();
      return q(pg).query<T>(text, params);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      await useAppRole();
      return pg.transaction((tx) => fn(q(tx)));
    },
    async execAsOwner(sql: string) {
      await pg.exec('reset role');
      asApp = false;
      await pg.exec(sql);
    },
    async asOwner<T>(fn: (tx: Queryable) => Promise<T>) {
      // Owner for this transaction only (PGlite runs one transaction at a time): at its end the
      // role reverts, so the next request still runs as the application role.
      return pg.transaction(async (tx) => {
        await tx.exec('set local role none');
        return fn(q(tx));
      });
    },
    async close() {
      await pg.close();
    },
  };
}
