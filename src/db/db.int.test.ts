import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { inTenant } from './db.ts';
import { migrate, migrationsCurrent } from './migrate.ts';
import { lockDataDir } from './datadir-lock.ts';

eachEngine('database foundation', (ctx) => {
  it('is migrated and re-running migrate applies nothing', async () => {
    expect(await migrationsCurrent(ctx.db)).toBe(true);
    expect(await migrate(ctx.db)).toEqual([]);
  });

  it.runIf(ctx.engine === 'pglite')(
    'keeps the embedded database’s shared buffers small (issue 16: footprint)',
    async () => {
      const [row] = await ctx.db.query<{ shared_buffers: string }>('show shared_buffers');
      expect(row?.shared_buffers).toBe('16MB');
    },
  );

  it('runs requests as the application role, not the owner', async () => {
    const [row] = await ctx.db.query<{ u: string }>('select current_user as u');
    expect(row?.u).toBe('lighed_app');
  });

  it('keeps one municipality from reading or writing another one’s personal data', async () => {
    await ctx.db
      .execAsOwner(`insert into tenant (kommune, name) values ('0265','Roskilde'), ('0350','Lejre')
      on conflict do nothing`);
    const orgId = await inTenant(ctx.db, '0265', async (tx) => {
      const [o] = await tx.query<{ id: string }>(
        `insert into organization (kommune, name, kind) values ('0265', 'Sundhedscenter', 'municipal') returning id`,
      );
      const [offer] = await tx.query<{ id: string }>(
        `insert into offer (kommune, organization_id, title, arena, offer_type, status)
         values ('0265', $1, 'Gåtur', 'housing_area', 'group', 'published') returning id`,
        [o!.id],
      );
      await tx.query(
        `insert into signup (kommune, offer_id, name, phone, preferred_language, consent_version, consented_at, receipt_code)
         values ('0265', $1, 'Test Person', '12345678', 'da', 'v1', now(), 'R1')`,
        [offer!.id],
      );
      return o!.id;
    });
    const seen = await inTenant(ctx.db, '0350', (tx) => tx.query('select * from signup'));
    expect(seen).toEqual([]);
    // Published catalog data is public across municipalities; writes are not.
    const offers = await inTenant(ctx.db, '0350', (tx) => tx.query('select title from offer'));
    expect(offers).toEqual([{ title: 'Gåtur' }]);
    await expect(
      inTenant(ctx.db, '0350', (tx) =>
        tx.query(`update organization set name = 'Overtaget' where id = $1 returning id`, [orgId]),
      ),
    ).resolves.toEqual([]);
    await expect(
      inTenant(ctx.db, '0350', (tx) =>
        tx.query(
          `insert into organization (kommune, name, kind) values ('0265', 'Fremmed', 'municipal')`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // Outside any tenant, nothing personal is visible at all.
    expect(await ctx.db.query('select * from signup')).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    await inTenant(ctx.db, '0265', (tx) =>
      tx.query(
        `insert into audit_log (kommune, actor_role, action, entity, entity_id) values ('0265','admin','read','signup','x')`,
      ),
    );
    await expect(
      inTenant(ctx.db, '0265', (tx) => tx.query('delete from audit_log')),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenant(ctx.db, '0265', (tx) => tx.query(`update audit_log set summary = 'x'`)),
    ).rejects.toThrow(/permission denied/);
  });

  it('rolls back the whole transaction when one statement fails', async () => {
    await expect(
      inTenant(ctx.db, '0265', async (tx) => {
        await tx.query(
          `insert into organization (kommune, name, kind) values ('0265', 'Halvvejs', 'municipal')`,
        );
        await tx.query(
          `insert into organization (kommune, name, kind) values ('0265', 'X', 'nonsense')`,
        );
      }),
    ).rejects.toThrow();
    const rows = await inTenant(ctx.db, '0265', (tx) =>
      tx.query(`select 1 from organization where name = 'Halvvejs'`),
    );
    expect(rows).toEqual([]);
  });
});

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lighed-lock-'));
    const release = lockDataDir(dir);
    // Another process trying the same directory must be refused with a clear message.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(process.cwd(), 'src/db/datadir-lock.ts')}').then(m => m.lockDataDir(${JSON.stringify(dir)}))`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status).not.toBe(0);
    expect(child.stderr).toMatch(/in use by another Lighed process/);
    release();
    const again = lockDataDir(dir);
    again();
  });

  it('takes over a stale lock left by a dead process', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'lighed-lock-'));
    writeFileSync(join(dir, 'lighed.lock'), '999999999');
    const release = lockDataDir(dir);
    release();
  });

  it('does not take a lock that is empty because its holder is still writing it', async () => {
    const { writeFileSync, utimesSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'lighed-lock-'));
    const lock = join(dir, 'lighed.lock');
    writeFileSync(lock, '');
    expect(() => lockDataDir(dir)).toThrow(/in use by another Lighed process/);
    // Left empty for long, it was a crash of an older version: stale.
    const past = new Date(Date.now() - 60_000);
    utimesSync(lock, past, past);
    lockDataDir(dir)();
  });

  it('refuses while another starter is taking over a stale lock', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'lighed-lock-'));
    writeFileSync(join(dir, 'lighed.lock'), '999999999');
    writeFileSync(join(dir, 'lighed.lock.takeover'), '');
    expect(() => lockDataDir(dir)).toThrow(/starting on .* right now/);
  });

  it('gives a stale lock to exactly one of several starters racing for it', async () => {
    const { writeFileSync } = await import('node:fs');
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'lighed-lock-'));
    writeFileSync(join(dir, 'lighed.lock'), '999999999');
    const startAt = Date.now() + 2500; // all children call lockDataDir in the same millisecond
    // Each child holds what it got until every child has answered (the parent closes their
    // stdin then): a winner that exited early would leave a stale lock a slow starter may take.
    const script =
      `const m = await import(${JSON.stringify(join(process.cwd(), 'src/db/datadir-lock.ts'))});` +
      `while (Date.now() < ${startAt}) {}` +
      `try { m.lockDataDir(${JSON.stringify(dir)}); console.log('ok'); } catch { console.log('refused'); }` +
      `process.stdin.resume(); await new Promise((r) => process.stdin.on('end', r));`;
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]),
    );
    const answers = children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('\n')) resolve(out.trim());
          });
          child.on('close', () => resolve(out.trim()));
        }),
    );
    const outcomes = await Promise.all(answers);
    await Promise.all(
      children.map((child) => {
        const closed = new Promise((r) => child.on('close', r));
        child.stdin.end();
        return closed;
      }),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(5);
  }, 60_000);
});
