/**
 * The compiled server (scripts/build.ts, decision 0032) runs as the sources do: a build into a
 * scratch folder, then the bundle's CLI in a plain Node process (no tsx) migrates a new embedded
 * database (SQL files read beside the sources) as it creates a municipality, and imports a
 * microdata file, whose parsing runs in the built worker thread.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuildFresh } from '../bin/build-state.js';
import { buildServer, rewriteModule, workerEntries } from '../scripts/build.ts';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

describe('rewriteModule', () => {
  const workers = new Map([['survey.worker', join(ROOT, 'src/monitor/demo/survey.worker.ts')]]);
  const file = join(ROOT, 'src/monitor/demo/survey.seed.ts');

  it('points a worker URL at the built worker and import.meta.url at the source file', () => {
    const out = rewriteModule(
      "const w = new URL('./survey.worker.ts', import.meta.url);\n" +
        "const c = new URL('../x.json', import.meta.url);",
      file,
      workers,
      ROOT,
    );
    expect(out).toBe(
      'const w = new URL("./survey.worker.js", __lighed_out);\n' +
        'const c = new URL(\'../x.json\', new URL("src/monitor/demo/survey.seed.ts", __lighed_root).href);',
    );
  });

  it('refuses a worker that is not an entry point, and import.meta other than url', () => {
    expect(() =>
      rewriteModule("new URL('./other.worker.ts', import.meta.url)", file, workers, ROOT),
    ).toThrow(/not a worker entry/);
    expect(() => rewriteModule('import.meta.dirname', file, workers, ROOT)).toThrow(
      /only import.meta.url/,
    );
  });

  it('finds every worker of the app, each under its own name', () => {
    expect([...workerEntries().keys()].sort()).toEqual(
      expect.arrayContaining(['import.worker', 'survey.worker']),
    );
  });
});

describe('the built server', () => {
  const scratch = join(ROOT, '.tmp');
  let out: string;
  let dataDir: string;

  beforeAll(async () => {
    mkdirSync(scratch, { recursive: true });
    out = mkdtempSync(join(scratch, 'build-test-'));
    dataDir = mkdtempSync(join(os.tmpdir(), 'lighed-built-'));
    await buildServer(out);
  }, 120_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records its inputs, so bin/lighed.js sees it as fresh', () => {
    expect(isBuildFresh(ROOT, out)).toBe(true);
    const state = JSON.parse(readFileSync(join(out, 'build-state.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(state.inputs)).toEqual(
      expect.arrayContaining(['src/cli.ts', 'src/db/migrate.ts', 'scripts/build.ts']),
    );
    for (const name of workerEntries().keys())
      expect(existsSync(join(out, `${name}.js`))).toBe(true);
  });

  it('migrates, creates a municipality and imports microdata in its worker, without tsx', async () => {
    const ex = (name: string) => join(ROOT, 'examples/monitor', name);
    const commands = [
      [
        'admin',
        'create',
        '--kommune',
        '0265',
        '--kommune-name',
        'Roskilde',
        '--email',
        'admin@roskilde.dk',
        '--name',
        'Ada Admin',
      ],
      ['monitor', 'import', ex('roskilde-2025.csv'), '--codebook', ex('codebook.json')],
    ];
    // A script file, not `node -e`: worker threads inherit the process's options, and
    // --input-type is refused for a worker's file.
    const script = join(out, 'run.mjs');
    writeFileSync(
      script,
      `import { main } from ${JSON.stringify(pathToFileURL(join(out, 'lighed.js')).href)};
for (const args of ${JSON.stringify(commands)}) await main(['node', 'lighed', ...args]);`,
    );
    // The embedded database in its own directory: never the suite's PostgreSQL (DATABASE_URL),
    // where a second run would find the municipality made by the first.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/DATABASE_URL$/.test(k)),
    );
    const { stdout } = await run(process.execPath, [script], {
      cwd: os.tmpdir(),
      env: { ...env, LIGHED_DATA_DIR: dataDir, LIGHED_KOMMUNE: '0265', NODE_OPTIONS: '' },
      timeout: 400_000,
    });
    expect(stdout).toContain('Created the municipality 0265 Roskilde.');
    expect(stdout).toMatch(/imported: 2\.000 rækker/);
  }, 450_000);
});
