import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, type Fixture } from '../../test/support/app.ts';
import { inTenant } from '../db/db.ts';
import { purgeExpiredSignups } from './retention.ts';

eachEngine('sign-up retention', (ctx) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
  });

  it('deletes sign-ups older than a year, and those of offers retired over 30 days ago, and audits it', async () => {
    const insert = (offerId: string, age: string) =>
      inTenant(ctx.db, '0265', (tx) =>
        tx.query<{ id: string }>(
          `insert into signup (kommune, offer_id, name, phone, preferred_language, consent_version, consented_at, receipt_code, created_at)
           values ('0265', $1, 'X', '12345678', 'da', 'v1', now(), 'R', now() - $2::interval) returning id`,
          [offerId, age],
        ),
      );
    const [old] = await insert(fx.walkId, '400 days');
    const [fresh] = await insert(fx.walkId, '10 days');
    const [ofRetired] = await insert(fx.draftId, '5 days');
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `update offer set status = 'retired', updated_at = now() - interval '40 days' where id = $1`,
        [fx.draftId],
      ),
    );
    expect(await purgeExpiredSignups(ctx.db)).toBe(2);
    const left = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ id: string }>('select id from signup'),
    );
    expect(left.map((r) => r.id)).toEqual([fresh!.id]);
    const log = await inTenant(ctx.db, '0265', (tx) =>
      tx.query<{ entity_id: string }>(
        `select entity_id from audit_log where action = 'delete' and actor_role = 'system'`,
      ),
    );
    expect(log.map((l) => l.entity_id).sort()).toEqual([old!.id, ofRetired!.id].sort());
  });
});
