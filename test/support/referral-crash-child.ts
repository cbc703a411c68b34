/**
 * A child process for the kill test (src/referrals/referral-crash.int.test.ts): it runs a real
 * transitionReferral against the PostgreSQL database in argv, and stops dead in the middle of
 * the transaction, after the referral's row is updated and its history row written, saying
 * "mid-transition" on stdout. The parent then kills it with SIGKILL.
 */
import { openPostgres } from '../../src/db/postgres.ts';
import type { Db, Queryable } from '../../src/db/db.ts';
import { transitionReferral, type ReferralActor } from '../../src/referrals/index.ts';

const [url, actorJson, id, version] = process.argv.slice(2);
const db = openPostgres(url!, 2);
const hanging: Db = {
  ...db,
  engine: db.engine,
  query: (text, params) => db.query(text, params),
  transaction: (fn) =>
    db.transaction((tx) =>
      fn({
        async query(text, params) {
          const rows = await tx.query(text, params);
          if (/insert into referral_event/.test(text)) {
            process.stdout.write('mid-transition\n');
            await new Promise(() => undefined); // never returns: the parent kills us here
          }
          return rows;
        },
      } as Queryable),
    ),
};
await transitionReferral(hanging, JSON.parse(actorJson!) as ReferralActor, id!, {
  to: 'rejected',
  expectedVersion: Number(version),
  reasonCode: 'no_capacity',
});
process.stdout.write('committed\n');
