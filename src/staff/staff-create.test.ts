import { describe, expect, it } from 'vitest';
import { staffInputProblems, type StaffCreateInput } from './staff-create.ts';

const ORG = '11111111-2222-3333-4444-555555555555';
const base: StaffCreateInput = {
  role: 'coordinator',
  email: 'mette@roskilde.dk',
  name: 'Mette Dahl',
  kommune: '0265',
};
const paths = (i: Partial<StaffCreateInput>) =>
  staffInputProblems({ ...base, ...i }).map((p) => p.path);

describe('lighed staff create options', () => {
  it('accepts every role with what it needs', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ role: 'admin' })).toEqual([]);
    expect(paths({ role: 'planner' })).toEqual([]);
    expect(paths({ role: 'frontline' })).toEqual([]);
    expect(paths({ role: 'frontline', team: ORG })).toEqual([]);
    expect(paths({ role: 'provider', organization: ORG })).toEqual([]);
    expect(paths({ role: 'referrer', organization: ORG })).toEqual([]);
    expect(paths({ role: 'outreach', team: ORG })).toEqual([]);
  });
  it('names each bad option', () => {
    expect(paths({ role: 'boss', email: 'x', name: ' ', kommune: '265' })).toEqual([
      '--role',
      '--kommune',
      '--email',
      '--name',
    ]);
  });
  it("enforces the role's rules: a provider needs an organisation, outreach a team", () => {
    expect(paths({ role: 'provider' })).toEqual(['--organization']);
    expect(paths({ role: 'referrer' })).toEqual(['--organization']);
    expect(paths({ role: 'outreach' })).toEqual(['--team']);
    expect(paths({ role: 'coordinator', organization: ORG, team: ORG })).toEqual([
      '--organization',
      '--team',
    ]);
    expect(paths({ role: 'provider', organization: 'nope' })).toEqual(['--organization']);
  });
});
