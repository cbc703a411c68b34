/**
 * What the application's own database connection may do (docs/decisions/0003). On PostgreSQL
 * the pool logs in as lighed_app, so even SQL smuggled into a request cannot climb back to the
 * owner. Embedded PGlite has one (superuser) user: there the role binds the app's queries, and
 * the same grants hold, but `reset role` is possible; the PostgreSQL-only tests say so by name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { inTenant, type Queryable } from './db.ts';
import { migrate } from './migrate.ts';
import { appDatabaseUrl, openPostgres } from './postgres.ts';

const PERMISSION = /permission denied|must be owner|must be superuser/;

eachEngine('database privileges', (ctx) => {
  beforeAll(async () => {
    await ctx.db.asOwner((tx) =>
      tx.query(
        `insert into tenant (kommune, name, hostnames) values
           ('0265', 'Roskilde', '{roskilde.example}'), ('0350', 'Lejre', '{lejre.example}')
         on conflict do nothing`,
      ),
    );
  });

  /** Runs `sql` on the request path, after an optional `before` on the same connection. */
  const asRequest = (sql: string, before?: string) =>
    ctx.db.transaction(async (tx: Queryable) => {
      if (before) await tx.query(before);
      return tx.query(sql);
    });

  it('runs requests as lighed_app, which may read the tenant map but not change it', async () => {
    expect(await ctx.db.query('select current_user::text as u')).toEqual([{ u: 'lighed_app' }]);
    expect(await ctx.db.query(`select kommune from tenant where kommune = '0350'`)).toEqual([
      { kommune: '0350' },
    ]);
    await expect(
      asRequest(`update tenant set hostnames = '{lejre.example}' where kommune = '0265'`),
    ).rejects.toThrow(PERMISSION);
    await expect(
      inTenant(ctx.db, '0265', (tx) =>
        tx.query(`update tenant set hostnames = '{}' where kommune = '0350'`),
      ),
    ).rejects.toThrow(PERMISSION);
    await expect(
      asRequest(`insert into tenant (kommune, name) values ('0101', 'X')`),
    ).rejects.toThrow(PERMISSION);
    await expect(asRequest(`delete from tenant where kommune = '0350'`)).rejects.toThrow(
      PERMISSION,
    );
    await expect(
      asRequest(`update postcode set latitude = 55 where postnummer = '4000'`),
    ).rejects.toThrow(PERMISSION);
    const [lejre] = await ctx.db.query<{ hostnames: string[] }>(
      `select hostnames from tenant where kommune = '0350'`,
    );
    expect(lejre?.hostnames).toEqual(['lejre.example']);
  });

  it('may not alter tables, create tables or roles, or grant', async () => {
    await expect(asRequest('alter table tenant add column x int')).rejects.toThrow(PERMISSION);
    await expect(asRequest('alter table signup disable row level security')).rejects.toThrow(
      PERMISSION,
    );
    await expect(asRequest('create table public.lighed_probe (x int)')).rejects.toThrow(PERMISSION);
    await expect(asRequest('create role lighed_probe')).rejects.toThrow(PERMISSION);
    // Granting without the grant option is only a warning: what counts is that nothing changed.
    await asRequest('grant insert on tenant to lighed_app').catch(() => undefined);
    await expect(
      asRequest(`insert into tenant (kommune, name) values ('0101', 'X')`),
    ).rejects.toThrow(PERMISSION);
  });

  it('still reads and writes its own municipality’s data', async () => {
    const id = await inTenant(ctx.db, '0265', async (tx) => {
      const [o] = await tx.query<{ id: string }>(
        `insert into organization (kommune, name, kind) values ('0265', 'Privilegiecenter', 'municipal') returning id`,
      );
      await tx.query(`update organization set description = 'ok' where id = $1`, [o!.id]);
      return o!.id;
    });
    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query('select description from organization where id = $1', [id]),
    );
    expect(rows).toEqual([{ description: 'ok' }]);
  });

  it('runs owner tasks as the owner for their transaction only', async () => {
    const [inside] = await ctx.db.asOwner((tx) =>
      tx.query<{ u: string }>('select current_user::text as u'),
    );
    expect(inside?.u).not.toBe('lighed_app');
    expect(await ctx.db.query('select current_user::text as u')).toEqual([{ u: 'lighed_app' }]);
    await expect(
      ctx.db.asOwner(async (tx) => {
        await tx.query(`insert into tenant (kommune, name) values ('0101', 'København')`);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await ctx.db.query(`select 1 from tenant where kommune = '0101'`)).toEqual([]);
    expect(await ctx.db.query('select current_user::text as u')).toEqual([{ u: 'lighed_app' }]);
  });

  it.runIf(ctx.engine === 'postgres')(
    'on PostgreSQL, reset role on the app connection stays lighed_app: no superuser, no owner',
    async () => {
      // Before, the pool logged in as the superuser: `set role none` gave it back.
      for (const before of ['reset role', 'set role none']) {
        const [who] = await asRequest(
          `select current_user::text as u, r.rolsuper as superuser, r.rolbypassrls as bypassrls,
           pg_has_role(current_user, c.relowner, 'MEMBER') as owner
         from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'tenant'::regclass`,
          before,
        );
        expect(who, before).toEqual({
          u: 'lighed_app',
          superuser: false,
          bypassrls: false,
          owner: false,
        });
        await expect(
          asRequest(`update tenant set hostnames = '{}' where kommune = '0350'`, before),
        ).rejects.toThrow(PERMISSION);
        await expect(
          asRequest(`insert into tenant (kommune, name) values ('0101', 'X')`, before),
        ).rejects.toThrow(PERMISSION);
        await expect(asRequest('create role lighed_probe', before)).rejects.toThrow(PERMISSION);
      }
    },
  );

  it.runIf(ctx.engine === 'postgres')(
    'on PostgreSQL, the app connection cannot become the owner or a superuser',
    async () => {
      const [{ owner }] = (await ctx.db.asOwner((tx) =>
        tx.query<{ owner: string }>(`select current_user::text as owner`),
      )) as [{ owner: string }];
      for (const sql of [
        `set role ${owner}`,
        'set role postgres',
        'set role none; set role postgres',
        `select set_config('role', '${owner}', false)`,
        `set session authorization ${owner}`,
        'alter role lighed_app superuser',
        'alter role lighed_app bypassrls',
        `grant ${owner} to lighed_app`,
      ]) {
        await expect(asRequest(sql), sql).rejects.toThrow(
          /permission denied|must be superuser|must have admin option/,
        );
      }
    },
  );

  it.runIf(ctx.engine === 'postgres')(
    'on PostgreSQL, refuses to start when the app connection logs in as the owner',
    async () => {
      const [{ name }] = (await ctx.db.query<{ name: string }>(
        'select current_database() as name',
      )) as [{ name: string }];
      const owner = new URL(process.env.DATABASE_URL!);
      owner.pathname = `/${name}`;
      const unsafe = openPostgres(owner.toString(), 1, owner.toString());
      try {
        await expect(migrate(unsafe)).rejects.toThrow(/owner, a superuser/);
      } finally {
        await unsafe.close();
      }
    },
  );

  it('migrates again, concurrently, without harm to the shared roles', async () => {
    expect(await Promise.all([migrate(ctx.db), migrate(ctx.db), migrate(ctx.db)])).toEqual([
      [],
      [],
      [],
    ]);
    expect(await ctx.db.query('select current_user::text as u')).toEqual([{ u: 'lighed_app' }]);
  });
});

describe('the application connection’s URL', () => {
  it('is the owner’s with the user swapped for lighed_app and no password', () => {
    expect(appDatabaseUrl('postgres://owner:secret@db.example:5433/lighed?sslmode=require')).toBe(
      'postgres://lighed_app@db.example:5433/lighed?sslmode=require',
    );
    expect(appDatabaseUrl('postgresql://db.example/lighed')).toBe(
      'postgresql://lighed_app@db.example/lighed',
    );
  });
});
