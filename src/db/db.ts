/**
 * One small database interface over two engines: PGlite (embedded, the default) and a
 * PostgreSQL server (node-postgres). Every store takes a `Queryable` as its first argument,
 * so the same SQL runs on both. See docs/decisions/0002-sql-without-orm.md.
 */
export type Engine = 'pglite' | 'postgres';

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs `fn` in one transaction as the application role; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements as the owner (migrations, test set-up). Not for request paths. */
  execAsOwner(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction as the owner, with parameters: operator tasks the application
   * role may not do (creating a municipality, loading postcodes). Never from a request path.
   */
  asOwner<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The role requests run as: row-level security applies to it (it owns nothing), and it may not
 * change `tenant`, `postcode`, roles or grants. On a server it is also the login role of the
 * request pool, so it cannot `reset role` back to the owner (docs/decisions/0003).
 */
export const APP_ROLE = 'lighed_app';

/**
 * Runs `fn` in a transaction bound to one municipality. Row-level security policies read
 * `lighed.kommune`, so a query can only see and change that tenant's rows, whatever its SQL says.
 */
export async function inTenant<T>(
  db: Db,
  kommune: string,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('lighed.kommune', $1, true)`, [kommune]);
    return fn(tx);
  });
}

export async function one<T>(
  q: Queryable,
  text: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const rows = await q.query<T>(text, params);
  return rows[0];
}
