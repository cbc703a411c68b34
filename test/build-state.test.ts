/**
 * bin/build-state.js decides whether `npm start` may run dist/ as it is: any change to an input
 * (newer, older, other size, gone) must make it rebuild, or a developer would run stale code.
 */
import {
  mkdtempSync,
  mkdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildFresh } from '../bin/build-state.js';

let root: string;
const out = () => join(root, 'dist');

/** A checkout with two sources and a build state that records them as they are. */
function built() {
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(out(), { recursive: true });
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/b.ts'), 'export const b = 2;\n');
  const inputs: Record<string, [number, number]> = {};
  for (const p of ['src/a.ts', 'src/b.ts']) {
    const s = statSync(join(root, p));
    inputs[p] = [s.mtimeMs, s.size];
  }
  writeFileSync(join(out(), 'build-state.json'), JSON.stringify({ esbuild: 'x', inputs }));
}

beforeEach(() => {
  root = mkdtempSync(join(os.tmpdir(), 'lighed-build-state-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('isBuildFresh', () => {
  it('is fresh when no input changed', () => {
    built();
    expect(isBuildFresh(root)).toBe(true);
  });

  it('is stale without a build', () => {
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is stale when a source was edited', () => {
    built();
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 10;\n');
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is stale when a source got an older time at the same size (a checkout of an old file)', () => {
    built();
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, 'src/b.ts'), old, old);
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is stale when a source is gone', () => {
    built();
    unlinkSync(join(root, 'src/b.ts'));
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is stale when the state lists no inputs (a broken build)', () => {
    built();
    writeFileSync(join(out(), 'build-state.json'), JSON.stringify({ inputs: {} }));
    expect(isBuildFresh(root)).toBe(false);
  });
});
