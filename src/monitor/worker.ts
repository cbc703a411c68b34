/**
 * Runs a TypeScript module in a worker thread, so parsing and checking an upload (seconds of
 * CPU for a large file) never holds up the event loop that answers every other request.
 *
 * The app runs TypeScript through tsx, whose loader hooks a new worker does not inherit on
 * Node 20. So the worker starts from a tiny ES module (a data: URL, no file to lint or ship)
 * that registers tsx first and then imports the real module; this works the same under
 * `npm start`, the `lighed` CLI, `tsx` and vitest. A memory cap makes a zip bomb or an absurd
 * file end that worker with an error instead of the server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/**
 * tsx's ES module API (its CommonJS build cannot register hooks in a worker), found through its
 * package.json: a data: URL module cannot resolve a bare specifier itself.
 */
const TSX_API = (() => {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return new URL(entry, pathToFileURL(pkgPath)).href;
})();

const BOOT = `data:text/javascript,${encodeURIComponent(
  `import { workerData } from 'node:worker_threads';
const { register } = await import(workerData.tsx);
register();
await import(workerData.entry);`,
)}`;

/** Heap for one parsing worker: generous for the largest accepted file, far below the server's. */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536 };

/**
 * Starts `entry` in a worker; it reads its input from `workerData.input`. A .ts module boots
 * through tsx; a compiled one (dist/*.worker.js, decision 0032) starts as it is.
 */
export function startWorker(entry: URL, input: unknown, transfer: Transferable[] = []): Worker {
  return new Worker(entry.pathname.endsWith('.js') ? entry : new URL(BOOT), {
    workerData: { tsx: TSX_API, entry: entry.href, input },
    transferList: transfer,
    resourceLimits: WORKER_LIMITS,
  });
}

/** Thrown when a worker dies without answering (out of memory, a crash in the module). */
export class WorkerFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailed';
  }
}

/**
 * One question, one answer: runs `entry` with `input` and resolves with its one message; a
 * worker still busy after `timeoutMs` is ended (the planner waits for the page meanwhile).
 */
export function runInWorker<T>(
  entry: URL,
  input: unknown,
  transfer: Transferable[] = [],
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(entry, input, transfer);
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new WorkerFailed('timeout'));
      void worker.terminate();
    }, timeoutMs);
    timer.unref();
    worker.once('message', (m: T) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(new WorkerFailed(e instanceof Error ? e.name : 'worker error'));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(new WorkerFailed(`worker exited with code ${code}`));
    });
  });
}

/**
 * The bytes of a buffer as an ArrayBuffer the worker can take over without a copy; a copy only
 * when the buffer shares its memory (Node's pool for small buffers).
 */
export function transferable(data: Uint8Array): { bytes: Uint8Array; transfer: Transferable[] } {
  const own =
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    data.buffer instanceof ArrayBuffer;
  const bytes = own ? data : new Uint8Array(data);
  return { bytes, transfer: [bytes.buffer as ArrayBuffer] };
}
