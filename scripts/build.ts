/**
 * Compiles the server to JavaScript in dist/ (decision 0032), so a start loads one bundle instead
 * of transforming some 470 TypeScript files through tsx. `bin/lighed.js` runs this when dist/ is
 * missing or any of its inputs changed (bin/build-state.js), so `npm start` after a clone or an
 * edit needs no separate step; `npm run build` runs it by hand (e.g. in a container image).
 *
 * One bundle for the CLI and one per worker thread (`src/** /*.worker.ts`); packages stay in
 * node_modules. Files the code reads beside itself (migrations, messages, CSS, data) are read
 * from src/ where they are: each module's `import.meta.url` becomes its source file's address,
 * and `new URL('./x.worker.ts', import.meta.url)` becomes the built worker beside the bundle.
 * Tests (vitest) and benches keep running the TypeScript sources.
 */
import { readdirSync, renameSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT_DIR = join(ROOT, 'dist');
/** What bin/build-state.js compares: every input's modification time and size. */
export const STATE_FILE = 'build-state.json';

/** Each bundle finds the checkout (and so the sources) from its own address. */
const banner = (outDir: string) =>
  `const __lighed_root = new URL(${JSON.stringify(`${posix(relative(outDir, ROOT)) || '.'}/`)}, import.meta.url);\n` +
  'const __lighed_out = import.meta.url;';

const WORKER_URL =
  /new URL\(\s*(['"])(\.{1,2}\/[^'"]*?\.worker\.tsx?)\1\s*,\s*import\.meta\.url\s*\)/g;

const posix = (p: string) => p.split(sep).join('/');

/** The worker entry points: every non-test `*.worker.ts` under src/, named by file. */
export function workerEntries(srcDir = join(ROOT, 'src')): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.worker\.tsx?$/.test(e.name)) {
        const name = e.name.replace(/\.tsx?$/, '');
        // Workers sit side by side in dist/, so two with one file name would overwrite each other.
        const other = found.get(name);
        if (other) throw new Error(`two workers named ${name}: ${other} and ${path}`);
        found.set(name, path);
      }
    }
  };
  walk(srcDir);
  return found;
}

/**
 * Rewrites a module's own address: its worker URLs to the built workers, then every other
 * `import.meta.url` to the source file's address (relative to the bundle, so dist/ may move
 * with the checkout).
 */
export function rewriteModule(
  source: string,
  file: string,
  workers: ReadonlyMap<string, string>,
  root = ROOT,
): string {
  const byPath = new Map([...workers].map(([name, path]) => [resolve(path), name]));
  const withWorkers = source.replace(WORKER_URL, (_all, _q: string, spec: string) => {
    const name = byPath.get(resolve(dirname(file), spec.replace(/\.tsx?$/, '.ts')));
    if (!name) throw new Error(`${file}: ${spec} is not a worker entry (src/**/*.worker.ts)`);
    return `new URL(${JSON.stringify(`./${name}.js`)}, __lighed_out)`;
  });
  if (/import\.meta\.(?!url\b)/.test(withWorkers))
    throw new Error(`${file}: only import.meta.url is mapped to the source in the build`);
  const own = `new URL(${JSON.stringify(posix(relative(root, file)))}, __lighed_root).href`;
  return withWorkers.replaceAll('import.meta.url', own);
}

function sourceAddresses(workers: ReadonlyMap<string, string>): Plugin {
  const require = createRequire(join(ROOT, 'package.json'));
  return {
    name: 'lighed-source-addresses',
    setup(b) {
      // A package's JSON file is bundled: esbuild would drop the `with { type: 'json' }` that
      // Node needs for it (pg-boss/version.json).
      b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
      b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        return {
          contents: rewriteModule(text, args.path, workers),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

export interface BuildState {
  esbuild: string;
  /** Root-relative path to [mtimeMs, size] for every file the bundles were made from. */
  inputs: Record<string, [number, number]>;
}

/** Builds dist/ afresh; the state file is written last, so a half-written dist/ is stale. */
export async function buildServer(outDir = OUT_DIR): Promise<BuildState> {
  const workers = workerEntries();
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: join(ROOT, 'src/cli.ts'), out: 'lighed' },
      ...[...workers].map(([name, path]) => ({ in: path, out: name })),
    ],
    outdir: staging,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.json'),
    banner: { js: banner(outDir) },
    // Names as written: no minifying, so stack traces stay readable without source maps.
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceAddresses(workers)],
  });
  const inputs: BuildState['inputs'] = {};
  const extra = ['scripts/build.ts', 'tsconfig.json', 'package.json'];
  for (const p of [...Object.keys(result.metafile.inputs), ...extra]) {
    const s = statSync(join(ROOT, p));
    inputs[posix(p)] = [s.mtimeMs, s.size];
  }
  const state: BuildState = { esbuild: version, inputs };
  writeFileSync(join(staging, STATE_FILE), JSON.stringify(state));
  // Replace the old build in one step where the system allows; another start that built at the
  // same moment made the same files, so losing that race is harmless.
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(staging, outDir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return state;
}

if (process.argv[1] && basename(process.argv[1]) === 'build.ts') {
  const started = Date.now();
  const state = await buildServer();
  console.log(
    `Built dist/ from ${Object.keys(state.inputs).length} files in ${Date.now() - started} ms.`,
  );
}
