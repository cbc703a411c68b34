/**
 * What a server start does about the demo (issue 15): nothing in production unless
 * LIGHED_DEMO=yes, guidance to `lighed admin create` on an empty production database, demo
 * accounts never recreated once removed, and their password handed out only when created.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { engines, freshDb } from '../../test/support/db.ts';
import { inTenant, type Db } from '../db/db.ts';
import { DEMO_KOMMUNE, DEMO_PASSWORD } from './demo.data.ts';
import { ensureDemoTeams } from './demo.seed.ts';
import { prepareStart } from './start.service.ts';

const production = { production: true, defaultKommune: '0265' } as const;
const development = { production: false, defaultKommune: '0265' } as const;

for (const engine of engines) {
  describe(`server start and the demo [${engine}]`, () => {
    let empty: Db | undefined;
    let db: Db | undefined;
    afterAll(async () => {
      await empty?.close();
      await db?.close();
    });

    const start = async (on: Db, opts: Parameters<typeof prepareStart>[1]) => {
      const lines: string[] = [];
      const outcome = await prepareStart(on, opts, (l) => lines.push(l));
      return { ...outcome, log: lines.join('\n') };
    };
    const tenants = (on: Db) => on.query<{ kommune: string }>('select kommune from tenant');
    const accounts = (on: Db) =>
      inTenant(on, DEMO_KOMMUNE, (tx) =>
        tx.query<{ email: string }>('select email from staff_user order by email'),
      );

    it('creates no demo and no account on an empty production database, and says how to make the first admin', async () => {
      empty = await freshDb(engine);
      const s = await start(empty, { ...production, demo: 'auto' });
      expect(s).toMatchObject({ demoWanted: false, demoCreated: false, accounts: [] });
      expect(await tenants(empty)).toEqual([]);
      expect(await accounts(empty)).toEqual([]);
      expect(s.log).toContain('lighed admin create --kommune 0265');
      expect(s.log).not.toContain(DEMO_PASSWORD);
      // Started again: still nothing made behind the operator's back.
      await start(empty, { ...production, demo: 'auto' });
      expect(await tenants(empty)).toEqual([]);
    });

    it('creates the demo in production when LIGHED_DEMO=yes, handing out its password this once', async () => {
      db = await freshDb(engine);
      const s = await start(db, { ...production, demo: 'yes' });
      expect(s.demoCreated).toBe(true);
      expect(s.accounts.map((a) => a.password)).toContain(DEMO_PASSWORD);
      expect(await tenants(db)).toEqual([{ kommune: DEMO_KOMMUNE }]);
      expect((await accounts(db)).length).toBeGreaterThan(0);
      expect(s.log).toMatch(/WARNING/);
      expect(s.log).not.toContain('admin create');
    }, 90_000);

    it('never recreates a removed demo account, nor hands out the password again', async () => {
      const before = (await accounts(db!)).map((a) => a.email);
      expect(before).toContain('frontline@demo.lighed.dk');
      await inTenant(db!, DEMO_KOMMUNE, (tx) =>
        tx.query(
          `delete from staff_user where email in ('frontline@demo.lighed.dk', 'admin@demo.lighed.dk')`,
        ),
      );
      for (const [demo, prod] of [
        ['yes', production],
        ['auto', development],
        ['yes', development],
      ] as const) {
        const again = await start(db!, { ...prod, demo });
        expect(again).toMatchObject({ demoCreated: false, accounts: [] });
        expect(again.log).not.toContain(DEMO_PASSWORD);
      }
      await ensureDemoTeams(db!);
      const after = (await accounts(db!)).map((a) => a.email);
      expect(after).not.toContain('frontline@demo.lighed.dk');
      expect(after).not.toContain('admin@demo.lighed.dk');
      expect(after).toHaveLength(before.length - 2);
    });

    it('leaves a worker an admin moved out of a team where the admin put them', async () => {
      await inTenant(db!, DEMO_KOMMUNE, (tx) =>
        tx.query(
          `update staff_user set team_id = null where email = 'frontline.bolig@demo.lighed.dk'`,
        ),
      );
      await start(db!, { ...development, demo: 'auto' });
      const [row] = await inTenant(db!, DEMO_KOMMUNE, (tx) =>
        tx.query<{ team_id: string | null }>(
          `select team_id from staff_user where email = 'frontline.bolig@demo.lighed.dk'`,
        ),
      );
      expect(row?.team_id).toBeNull();
    });
  });
}
