/**
 * The set-up every browser journey shares: a fresh PGlite database (seeded with the test
 * fixture unless told not to), the real app listening on a free port, and Chromium; all closed
 * after the suite. Call it inside `describeBrowser`; the returned object is filled in before
 * the first test runs.
 *
 *   describeBrowser('offer page', () => {
 *     const s = serveForBrowser();
 *     it('…', async () => { const page = await s.browser.newPage(); await page.goto(s.base); });
 *   });
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/db.ts';
import { freshDb } from '../../support/db.ts';
import { seedFixture, testApp, type Fixture } from '../../support/app.ts';
import { launchBrowser } from './browser.ts';

export interface Served {
  db: Db;
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, no trailing slash. */
  base: string;
  browser: Browser;
  /** The seeded fixture; undefined with `seed: false`. */
  fx: Fixture;
}

export interface ServeOptions {
  /** Seed the shared test fixture (Roskilde, two organisations, offers). Default true. */
  seed?: boolean;
  /** Data the suite adds before the app starts. */
  prepare?: (db: Db, fx: Fixture) => Promise<void>;
  /** Builds the app, when the suite needs its own configuration. Default `testApp`. */
  build?: (db: Db) => Promise<FastifyInstance>;
  /** Runs once the app listens and the browser is up (sign-ins, a shared context). */
  ready?: (s: Served) => Promise<void>;
}

export function serveForBrowser(opts: ServeOptions = {}): Served {
  const s = {} as Served;
  beforeAll(async () => {
    s.db = await freshDb('pglite');
    if (opts.seed ?? true) s.fx = await seedFixture(s.db);
    await opts.prepare?.(s.db, s.fx);
    s.app = await (opts.build ?? testApp)(s.db);
    s.base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    s.browser = await launchBrowser();
    await opts.ready?.(s);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.app?.close();
    await s.db?.close();
  });
  return s;
}
