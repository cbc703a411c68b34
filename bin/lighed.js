#!/usr/bin/env -S node --max-semi-space-size=4
// Entry for `npx lighed` and `npm start`: runs the server compiled to JavaScript in dist/
// (decision 0032), building it first when it is missing or a source changed, so a fresh clone
// and a developer's edit both just work. LIGHED_TSX=1 runs the TypeScript through tsx instead.
// Both entries cap V8's young generation at 4 MB a semi-space: about 40 MB less RSS for a
// server of small requests, at no measurable CPU (bench/README.md, "Footprint and start").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from './build-state.js';

const root = fileURLToPath(new URL('../', import.meta.url));
let cli;
if (process.env.LIGHED_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
} else {
  if (!isBuildFresh(root)) {
    // In a child process: esbuild and tsx then take no room in the server's memory.
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) {
      console.error('Could not build dist/ (see above); LIGHED_TSX=1 runs the sources instead.');
      process.exit(1);
    }
  }
  cli = await import('../dist/lighed.js');
}
await cli.main(process.argv);
