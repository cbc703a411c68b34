import { describe, expect, it } from 'vitest';
import { adminInputProblems, linkExpiry, linkState, newPasswordProblems } from './first-admin.ts';

describe('one-time sign-in links', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const link = (over: Partial<{ expires_at: Date; used_at: Date | null; disabled: boolean }>) => ({
    expires_at: linkExpiry(now),
    used_at: null,
    disabled: false,
    ...over,
  });

  it('works once, for 24 hours, and never for a disabled account', () => {
    expect(linkExpiry(now).toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(linkState(link({}), now)).toBe('valid');
    expect(linkState(link({ used_at: now }), now)).toBe('used');
    expect(linkState(link({}), new Date('2026-03-02T12:00:00Z'))).toBe('expired');
    expect(linkState(link({ disabled: true }), now)).toBe('unknown');
    expect(linkState(undefined, now)).toBe('unknown');
  });
});

describe('a new password', () => {
  it('needs 12 to 200 characters, typed the same twice', () => {
    expect(newPasswordProblems('', '')).toEqual([
      { path: 'password', message: 'setPassword.error.password' },
    ]);
    expect(newPasswordProblems('kort-kode', 'kort-kode')[0]?.message).toBe(
      'setPassword.error.short',
    );
    expect(newPasswordProblems('x'.repeat(201), 'x'.repeat(201))[0]?.message).toBe(
      'setPassword.error.long',
    );
    expect(newPasswordProblems('en lang sætning', 'en lang sætnin')).toEqual([
      { path: 'confirm', message: 'setPassword.error.confirm' },
    ]);
    expect(newPasswordProblems('en lang sætning', 'en lang sætning')).toEqual([]);
    // Characters, not UTF-16 units: twelve emoji are twelve characters.
    expect(newPasswordProblems('🌳'.repeat(12), '🌳'.repeat(12))).toEqual([]);
  });
});

describe('lighed admin create options', () => {
  const ok = { kommune: '0101', kommuneName: 'København', email: 'a@kk.dk', name: 'Ane Admin' };
  it('names each bad option', () => {
    expect(adminInputProblems(ok, false)).toEqual([]);
    const paths = adminInputProblems(
      { kommune: '101', kommuneName: '', email: 'not-mail', name: ' ' },
      false,
    ).map((p) => p.path);
    expect(paths).toEqual(['--kommune', '--kommune-name', '--email', '--name']);
  });

  it('needs the municipality’s name only when the municipality is new', () => {
    const { kommuneName: _, ...noName } = ok;
    expect(adminInputProblems(noName, true)).toEqual([]);
    expect(adminInputProblems(noName, false).map((p) => p.path)).toEqual(['--kommune-name']);
    expect(adminInputProblems({ ...ok, kommuneName: 'K' }, false).map((p) => p.path)).toEqual([
      '--kommune-name',
    ]);
  });
});
