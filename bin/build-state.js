// Whether dist/ (scripts/build.ts, decision 0032) was built from the files as they are now. Plain
// JavaScript, so the check itself needs no build: a stat of each input the bundles were made
// from (some 470 files, a few milliseconds). Any change of time or size counts, older too, so a
// checkout of an older revision rebuilds as well. A new file matters only once an existing file
// imports it, and that file's change is seen.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {boolean} true when dist/ exists and no input changed since it was built. */
export function isBuildFresh(root, outDir = join(root, 'dist')) {
  let state;
  try {
    state = JSON.parse(readFileSync(join(outDir, 'build-state.json'), 'utf8'));
  } catch {
    return false;
  }
  for (const [path, [mtimeMs, size]] of Object.entries(state.inputs ?? {})) {
    let s;
    try {
      s = statSync(join(root, path));
    } catch {
      return false;
    }
    if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
  }
  return Object.keys(state.inputs ?? {}).length > 0;
}
