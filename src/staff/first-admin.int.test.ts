/**
 * `lighed admin create` and the one-time sign-in link (issue 15): the command creates the
 * municipality and its first administrator without a password and prints a link; the link
 * works once, for 24 hours, and a used, unknown or expired link gets a page that says so.
 */
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../test/support/db.ts';
import { Client, testApp } from '../../test/support/app.ts';
import { buildApp } from '../app.ts';
import { inTenant } from '../db/db.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { LighedError } from '../platform/errors.ts';
import { adminCreate } from './admin.cli.ts';
import { createAdmin } from './admin.service.ts';

const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' });
const PASSWORD = 'fire ord i en sætning';

/** Path and query of the link in the command's output. */
const linkIn = (lines: string[]) => {
  const m = /\/personale\/ny-adgangskode\?token=[\w-]+/.exec(lines.join('\n'));
  if (!m) throw new Error(`no link in: ${lines.join('\n')}`);
  return m[0];
};

eachEngine('the first administrator and the one-time sign-in link', (ctx) => {
  let app: FastifyInstance;
  let link = '';
  beforeAll(async () => {
    app = await testApp(ctx.db);
  });

  it('refuses bad options, naming each, and creates nothing', async () => {
    const err = await createAdmin(ctx.db, {
      kommune: '265',
      email: 'ikke-en-mail',
      name: '',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LighedError);
    expect((err as LighedError).problems.map((p) => p.path)).toEqual([
      '--kommune',
      '--kommune-name',
      '--email',
      '--name',
    ]);
    const missingName = await createAdmin(ctx.db, {
      kommune: '0265',
      email: 'ane@roskilde.dk',
      name: 'Ane Admin',
    }).catch((e: unknown) => e);
    expect((missingName as LighedError).problems.map((p) => p.path)).toEqual(['--kommune-name']);
    expect(await ctx.db.query('select 1 from tenant')).toEqual([]);
  });

  it('creates the municipality and an administrator without a password, and prints a link, not a password', async () => {
    const out: string[] = [];
    await adminCreate(
      ctx.db,
      config,
      { kommune: '0265', kommuneName: 'Roskilde', email: ' Ane@Roskilde.dk ', name: 'Ane Admin' },
      (l) => out.push(l),
    );
    link = linkIn(out);
    expect(out.join('\n')).toContain('Created the municipality 0265 Roskilde');
    expect(out.join('\n')).not.toMatch(/password:/i);
    expect(await ctx.db.query('select kommune, name, demo from tenant')).toEqual([
      { kommune: '0265', name: 'Roskilde', demo: false },
    ]);
    const stored = await inTenant(ctx.db, '0265', async (tx) => ({
      users: await tx.query('select email, role, password_hash from staff_user'),
      links: await tx.query<{ token_hash: string }>('select token_hash from staff_signin_link'),
      audit: await tx.query(
        `select actor_role, action, entity from audit_log where entity = 'staff_user'`,
      ),
    }));
    expect(stored.users).toEqual([
      { email: 'Ane@Roskilde.dk', role: 'admin', password_hash: null },
    ]);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect(stored.links).toHaveLength(1);
    expect(stored.links[0]!.token_hash).not.toContain(token);
    expect(stored.audit).toEqual([
      { actor_role: 'system', action: 'create', entity: 'staff_user' },
    ]);
    // No password yet: signing in is refused.
    const c = new Client(app);
    const res = await c.post('/personale/log-ind', {
      email: 'ane@roskilde.dk',
      password: 'et gæt på en kode',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('E-mail eller adgangskode er forkert');
  });

  it('lets the link set the password once, signing the administrator in', async () => {
    const c = new Client(app);
    const page = await c.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Vælg din adgangskode');
    expect(page.body).toContain('Ane@Roskilde.dk');
    const token = new URL(link, 'http://x').searchParams.get('token')!;

    const short = await c.post(
      '/personale/ny-adgangskode',
      { token, password: 'kort', confirm: 'kort' },
      link,
    );
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Adgangskoden skal være mindst 12 tegn');
    const mismatch = await c.post(
      '/personale/ny-adgangskode',
      { token, password: PASSWORD, confirm: 'noget andet helt' },
      link,
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('De to adgangskoder er ikke ens');

    const done = await c.post(
      '/personale/ny-adgangskode',
      { token, password: PASSWORD, confirm: PASSWORD },
      link,
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/personale');
    const home = await c.get('/personale');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Ane Admin');
    expect((await c.get('/personale/audit')).statusCode).toBe(200);

    // Used: a clear page on opening it and on posting to it again; the password stands.
    const again = new Client(app);
    const used = await again.get(link);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('Linket er allerede brugt');
    const reuse = await again.post(
      '/personale/ny-adgangskode',
      { token, password: 'en anden lang kode', confirm: 'en anden lang kode' },
      '/personale/log-ind',
    );
    expect(reuse.statusCode).toBe(410);
    await again.signIn('ane@roskilde.dk', PASSWORD);
  });

  it('answers an unknown or missing token with a page that says so, not an error', async () => {
    const c = new Client(app);
    for (const url of [
      '/personale/ny-adgangskode?token=ikke-et-rigtigt-token',
      '/personale/ny-adgangskode',
      '/personale/ny-adgangskode?token[]=a&token[]=b',
    ]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Linket virker ikke');
    }
    const post = await c.post(
      '/personale/ny-adgangskode',
      { token: 'ukendt', password: PASSWORD, confirm: PASSWORD },
      '/personale/log-ind',
    );
    expect(post.statusCode).toBe(404);
    expect(post.body).toContain('Linket virker ikke');
  });

  it('refuses an expired link, and a re-run of the command replaces it until a password is chosen', async () => {
    const made = await createAdmin(ctx.db, {
      kommune: '0265',
      email: 'sen@roskilde.dk',
      name: 'Sen Admin',
    });
    expect(made.tenantCreated).toBe(false);
    const token = new URL(made.link, 'http://x').searchParams.get('token')!;
    const later = fixedClock(new Date(Date.now() + 25 * 3600_000));
    const lateApp = await buildApp({
      db: ctx.db,
      config,
      cookieSecret: 'x'.repeat(40),
      logger: false,
      clock: later,
    });
    try {
      const c = new Client(lateApp);
      const page = await c.get(made.link);
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('Linket er udløbet');
      const post = await c.post(
        '/personale/ny-adgangskode',
        { token, password: PASSWORD, confirm: PASSWORD },
        '/personale/log-ind',
      );
      expect(post.statusCode).toBe(410);
    } finally {
      await lateApp.close();
    }
    const [user] = await inTenant(ctx.db, '0265', (tx) =>
      tx.query(`select password_hash from staff_user where email = 'sen@roskilde.dk'`),
    );
    expect(user).toEqual({ password_hash: null });

    // The command again: a new link; the old one is gone.
    const renewed = await createAdmin(ctx.db, {
      kommune: '0265',
      email: 'SEN@roskilde.dk',
      name: 'Sen Admin',
    });
    expect(renewed.linkRenewed).toBe(true);
    const c = new Client(app);
    expect((await c.get(made.link)).statusCode).toBe(404);
    expect((await c.get(renewed.link)).statusCode).toBe(200);

    // An account that has a password is not the command's to take over.
    const taken = await createAdmin(ctx.db, {
      kommune: '0265',
      email: 'ane@roskilde.dk',
      name: 'Someone',
    }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(LighedError);
    expect((taken as LighedError).code).toBe('LIGHED_ERR_CONFLICT');
    expect((taken as LighedError).problems[0]?.path).toBe('--email');
  });
});
