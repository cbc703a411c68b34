import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      dataDir: './data',
      defaultKommune: '0265',
      databaseUrl: undefined,
      secureCookies: false,
      demo: 'auto',
    });
  });

  it('names each bad setting', () => {
    expect(() =>
      loadConfig({ PORT: 'abc', LIGHED_KOMMUNE: '265', DATABASE_URL: 'mysql://x' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LIGHED_KOMMUNE|PORT[\s\S]*LIGHED_KOMMUNE/);
  });

  it('requires a cookie secret in production and turns on secure cookies', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LIGHED_COOKIE_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', LIGHED_COOKIE_SECRET: 's'.repeat(32) }).secureCookies,
    ).toBe(true);
  });
});
