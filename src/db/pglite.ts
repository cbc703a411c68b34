import { PGlite, parse, protocol } from '@electric-sql/pglite';
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
  const prepared = preparedStatements(pg);
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
      return prepared.query<T>(text, params ?? []);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      await useAppRole();
      return pg.transaction((tx) => fn(q(tx)));
    },
    async execAsOwner(sql: string) {
      // Schema changes: plans kept for the old tables would not fit the new ones.
      await prepared.forget();
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

/** Named statements kept at most; the oldest unused one is closed beyond this. */
const PREPARED_MAX = 100;
/** Statement names are unique in the process: two wrappers of one PGlite must not collide. */
let preparedCount = 0;

/**
 * Top-level statements as named (prepared) statements, kept by their text. PGlite's `query`
 * parses, describes and plans every statement anew, in six protocol round trips into WASM: on
 * the demo catalog that is most of a finder search's 4 ms (issue 16). A kept statement is
 * bound and executed in one round trip, and PostgreSQL's plan cache keeps its plan once a
 * generic plan costs no more than a custom one (decision 0033). Parameters are serialised, and
 * rows parsed, as `query` does, by the parameter types the statement's description gives.
 */
function preparedStatements(pg: PGlite) {
  const kept = new Map<string, { name: string; types: number[] }>();
  const { serialize } = protocol;
  const send = (...messages: Uint8Array[]) => {
    const all = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
    let at = 0;
    for (const m of messages) {
      all.set(m, at);
      at += m.length;
    }
    return pg.execProtocol(all, { syncToFs: false });
  };
  // As `query` does: one statement at a time, never inside another caller's transaction.
  const exclusive = <T>(fn: () => Promise<T>) =>
    pg._runExclusiveTransaction(() => pg._runExclusiveQuery(fn));

  const prepare = async (text: string) => {
    const name = `lighed_${++preparedCount}`;
    const { messages } = await send(
      serialize.parse({ name, text }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    kept.set(text, statement);
    for (const [oldText, old] of kept) {
      if (kept.size <= PREPARED_MAX) break;
      kept.delete(oldText);
      await send(serialize.close({ type: 'S', name: old.name }), serialize.sync());
    }
    return statement;
  };

  const run = async <T>(text: string, params: readonly unknown[]) => {
    let statement = kept.get(text);
    if (statement) {
      kept.delete(text); // most recently used last
      kept.set(text, statement);
    } else {
      statement = await prepare(text);
    }
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = pg.serializers[statement.types[i] ?? 0];
      if (serializer) return serializer(v);
      if (typeof v === 'object') return JSON.stringify(v);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar here, as PGlite's own query does
      return String(v);
    });
    const { messages } = await send(
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    await pg.syncToFs();
    return (parse.parseResults(messages, pg.parsers)[0]?.rows ?? []) as T[];
  };

  return {
    query<T>(text: string, params: readonly unknown[]): Promise<T[]> {
      return exclusive(async () => {
        try {
          return await run<T>(text, params);
        } catch (err) {
          // A table changed under a kept statement ("cached plan must not change result
          // type"): prepared again, once.
          if ((err as { code?: string }).code !== '0A000' || !kept.has(text)) throw err;
          const stale = kept.get(text)!;
          kept.delete(text);
          await send(serialize.close({ type: 'S', name: stale.name }), serialize.sync());
          return run<T>(text, params);
        }
      });
    },
    /** Closes every kept statement. */
    forget: () =>
      exclusive(async () => {
        if (kept.size === 0) return;
        kept.clear();
        // The protocol's simple query: pg.exec would wait for the lock held here.
        await send(serialize.query('deallocate all'));
      }),
  };
}
