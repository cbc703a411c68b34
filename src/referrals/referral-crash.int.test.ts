/**
 * A crash in the middle of a transition leaves the old state: a child process holds the
 * transaction open after its update, is killed with SIGKILL, and the referral is as before,
 * with no history row, and the next change from the old version goes through. PostgreSQL only
 * (a second process needs a server).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../db/postgres.ts';
import { inTenant, type Db } from '../db/db.ts';
import { seedReferralFixture, type ReferralFixture } from '../../test/support/referrals.ts';
import {
  createReferral,
  getReferral,
  transitionReferral,
  type ReferralActor,
} from './referral.service.ts';

const url = process.env.DATABASE_URL;

describe.runIf(url)('a killed process mid-transition [postgres]', () => {
  let db: Db;
  let dbUrl: string;
  let f: ReferralFixture;

  beforeAll(async () => {
    const name = `${inject('pgTemplate')}_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create database ${name} template ${inject('pgTemplate')}`);
    await c.end();
    const u = new URL(url!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    db = openPostgres(dbUrl, 4);
    f = await seedReferralFixture(db);
  });
  afterAll(() => db?.close());

  it('leaves the old state, no history row, and the lock free', async () => {
    const gp: ReferralActor = { kind: 'staff', staff: f.users.gp, requestId: 'test' };
    const coordinator: ReferralActor = {
      kind: 'staff',
      staff: f.users.coordinator,
      requestId: 'test',
    };
    const r = await createReferral(db, gp, {
      citizen: {
        name: 'Kill Test',
        birthDate: '1960-01-01',
        phone: '20 30 40 50',
        preferredLanguage: 'da',
        interpreterNeeded: false,
      },
      requestedService: 'afklarende_samtale',
      reason: { topics: ['sleep'] },
      needs: {},
      consentAt: new Date(),
    });
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      join(process.cwd(), 'test/support/referral-crash-child.ts'),
      dbUrl,
      JSON.stringify(coordinator),
      r.id,
      '1',
    ]);
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`child never got mid-transition: ${err}`)),
        60_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('mid-transition')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${out} ${err}`)));
    });
    // The child holds the updated row in an open transaction; nobody else sees the change.
    const peek = () =>
      inTenant(db, '0265', async (tx) => {
        await tx.query(`select set_config('lighed.staff_role', 'system', true)`);
        return (
          await tx.query<{ status: string; version: number; events: number }>(
            `select status, version, (select count(*)::int from referral_event e where e.referral_id = r.id) as events
               from referral r where id = $1`,
            [r.id],
          )
        )[0];
      });
    expect(await peek()).toEqual({ status: 'requested', version: 1, events: 1 });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    expect(
      await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]),
    ).not.toBe('timeout');
    expect(out).not.toContain('committed');
    expect(await peek()).toEqual({ status: 'requested', version: 1, events: 1 });
    // The lock went with the dead connection: a change from the old version goes through.
    const v = await transitionReferral(db, coordinator, r.id, {
      to: 'rejected',
      expectedVersion: 1,
      reasonCode: 'not_eligible',
    });
    expect(v).toMatchObject({
      status: 'rejected',
      version: 2,
      statusReason: { code: 'not_eligible', text: '' },
    });
    expect((await getReferral(db, gp, r.id)).history.map((h) => h.toStatus)).toEqual([
      'requested',
      'rejected',
    ]);
  }, 120_000);
});
