/**
 * `lighed staff create`: an account of any role with a one-time sign-in link (no password
 * printed), the role's rules checked against the municipality's organisations and teams.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, seedFixture, testApp } from '../../test/support/app.ts';
import { eachEngine } from '../../test/support/db.ts';
import { inTenant } from '../db/db.ts';
import { loadConfig } from '../platform/config.ts';
import { LighedError } from '../platform/errors.ts';
import { staffCreate } from './staff-create.cli.ts';
import { createStaffAccount } from './staff-create.service.ts';

const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' });
const PASSWORD = 'fire ord i en sætning';
const linkIn = (lines: string[]) => {
  const m = /\/personale\/ny-adgangskode\?token=[\w-]+/.exec(lines.join('\n'));
  if (!m) throw new Error(`no link in: ${lines.join('\n')}`);
  return m[0];
};

eachEngine('lighed staff create', (ctx) => {
  let app: FastifyInstance;
  let orgId = '';
  let teamId = '';
  let lejreTeam = '';
  beforeAll(async () => {
    orgId = (await seedFixture(ctx.db)).orgId;
    teamId = await inTenant(ctx.db, '0265', async (tx) => {
      const [t] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0265', 'Opsøgende team', 'own_home') returning id`,
      );
      return t!.id;
    });
    lejreTeam = await inTenant(ctx.db, '0350', async (tx) => {
      const [t] = await tx.query<{ id: string }>(
        `insert into team (kommune, name, arena) values ('0350', 'Lejre team', 'own_home') returning id`,
      );
      return t!.id;
    });
    app = await testApp(ctx.db);
  });
  afterAll(() => app?.close());

  const problems = (e: unknown) => (e as LighedError).problems.map((p) => p.path);

  it('refuses what the role needs, and a team of another municipality', async () => {
    const noOrg = await createStaffAccount(ctx.db, {
      role: 'provider',
      email: 'p@x.dk',
      name: 'P',
      kommune: '0265',
    }).catch((e: unknown) => e);
    expect(noOrg).toBeInstanceOf(LighedError);
    expect(problems(noOrg)).toEqual(['--organization']);
    const foreign = await createStaffAccount(ctx.db, {
      role: 'outreach',
      email: 'o@x.dk',
      name: 'O',
      team: lejreTeam,
      kommune: '0265',
    }).catch((e: unknown) => e);
    expect(problems(foreign)).toEqual(['--team']);
    const noTenant = await createStaffAccount(ctx.db, {
      role: 'planner',
      email: 'pl@x.dk',
      name: 'Pl',
      kommune: '0999',
    }).catch((e: unknown) => e);
    expect(problems(noTenant)).toEqual(['--kommune']);
  });

  it('creates an outreach worker in her team; she sets a password by the link and sees the queue', async () => {
    const out: string[] = [];
    await staffCreate(
      ctx.db,
      config,
      { role: 'outreach', email: 'lone@roskilde.dk', name: 'Lone Berg', team: teamId },
      (l) => out.push(l),
    );
    expect(out.join('\n')).toContain('Created the outreach account lone@roskilde.dk for 0265');
    expect(out.join('\n')).not.toMatch(/password:/i);
    const link = linkIn(out);
    const [row] = await ctx.db.asOwner((tx) =>
      tx.query(
        `select role, team_id, organization_id, password_hash is null as no_password from staff_user where email = 'lone@roskilde.dk'`,
      ),
    );
    expect(row).toEqual({
      role: 'outreach',
      team_id: teamId,
      organization_id: null,
      no_password: true,
    });
    const c = new Client(app);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const done = await c.post(
      '/personale/ny-adgangskode',
      { token, password: PASSWORD, confirm: PASSWORD },
      link,
    );
    expect(done.statusCode).toBe(303);
    expect((await c.get('/personale/opsoegning')).statusCode).toBe(200);
  });

  it('a provider with an organisation; the same e-mail again renews only an unused link', async () => {
    const out: string[] = [];
    const opts = {
      role: 'provider',
      email: 'udbyder@roskilde.dk',
      name: 'Udbyder',
      organization: orgId,
      kommune: '0265',
    };
    await staffCreate(ctx.db, config, opts, (l) => out.push(l));
    const again: string[] = [];
    await staffCreate(ctx.db, config, opts, (l) => again.push(l));
    expect(again.join('\n')).toContain('a new link replaces the old one');
    expect(linkIn(again)).not.toBe(linkIn(out));
    // An account in use (the outreach worker chose a password) is never taken over.
    const taken = await createStaffAccount(ctx.db, {
      role: 'outreach',
      email: 'lone@roskilde.dk',
      name: 'Lone',
      team: teamId,
      kommune: '0265',
    }).catch((e: unknown) => e);
    expect(problems(taken)).toEqual(['--email']);
    const audit = await ctx.db.asOwner((tx) =>
      tx.query<{ n: number }>(
        `select count(*)::int as n from audit_log where entity = 'staff_user' and actor_role = 'system'`,
      ),
    );
    expect(audit[0]!.n).toBe(3);
  });
});
