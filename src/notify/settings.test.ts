import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { deriveLinkSecret } from './link.ts';
import { configureNotify, notifySettings, settingsFrom } from './settings.ts';

describe('notify settings', () => {
  it('uses LIGHED_LINK_SECRET when set, else derives one from the cookie secret', () => {
    const own = settingsFrom(
      { publicUrl: 'https://a.dk/', linkSecret: 's'.repeat(32) },
      'c'.repeat(40),
    );
    expect(own.publicUrl).toBe('https://a.dk');
    expect(own.linkSecret.toString('utf8')).toBe('s'.repeat(32));
    const derived = settingsFrom(
      { publicUrl: 'https://a.dk', linkSecret: undefined },
      'c'.repeat(40),
    );
    expect(derived.linkSecret.equals(deriveLinkSecret('c'.repeat(40)))).toBe(true);
  });

  it('without any secret, a random one for this process (development only)', () => {
    const a = settingsFrom(
      { publicUrl: 'http://localhost:3000', linkSecret: undefined },
      undefined,
    );
    const b = settingsFrom(
      { publicUrl: 'http://localhost:3000', linkSecret: undefined },
      undefined,
    );
    expect(a.linkSecret).toHaveLength(32);
    expect(a.linkSecret.equals(b.linkSecret)).toBe(false);
  });

  it('keeps what the process configured', () => {
    const s = settingsFrom(
      { publicUrl: 'https://lighed.roskilde.dk', linkSecret: 'k'.repeat(32) },
      undefined,
    );
    configureNotify(s);
    expect(notifySettings()).toBe(s);
  });

  it('reads LIGHED_PUBLIC_URL (default http://localhost:PORT) and LIGHED_LINK_SECRET', () => {
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ LIGHED_PUBLIC_URL: 'https://lighed.roskilde.dk/' }).publicUrl).toBe(
      'https://lighed.roskilde.dk',
    );
    expect(() => loadConfig({ LIGHED_PUBLIC_URL: 'lighed.roskilde.dk' })).toThrow(
      /LIGHED_PUBLIC_URL/,
    );
    expect(() => loadConfig({ LIGHED_PUBLIC_URL: 'https://a.dk/svar' })).toThrow(
      /LIGHED_PUBLIC_URL/,
    );
    expect(() => loadConfig({ LIGHED_LINK_SECRET: 'short' })).toThrow(/LIGHED_LINK_SECRET/);
    expect(loadConfig({ LIGHED_LINK_SECRET: 'k'.repeat(32) }).linkSecret).toBe('k'.repeat(32));
  });
});
