/**
 * The load generator, run as its own process (node --import tsx bench/load-client.ts <config.json>)
 * so its work does not share the server's event loop. Closed loop: `connections` workers, each
 * sending its next request when the previous answer has been read, over keep-alive sockets.
 * Open loop (`rate`): requests due at a fixed rate, latency counted from when each was due.
 * A warm-up (not recorded), then the measured window: every request started in the window is
 * recorded with its latency (high-resolution clock), status and body size.
 *
 * Protocol with the parent: one line "measure-start" on stdout when the window opens, one
 * "measure-end" when it closes, and the result as a single JSON line prefixed "result ".
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { summarize, type LatencySummary } from './stats.ts';

export interface LoadConfig {
  host: string;
  port: number;
  paths: string[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Send accept-encoding: gzip, as every browser does. */
  gzip: boolean;
  /** Open loop at this many requests per second (up to `connections` at once); closed loop when absent. */
  rate?: number;
}

export interface LoadResult {
  connections: number;
  /** Offered rate (open loop), or null for a closed loop. */
  rate: number | null;
  seconds: number;
  requests: number;
  throughput: number;
  latencyMs: LatencySummary;
  statuses: Record<string, number>;
  errors: number;
  non200: number;
  /** Bytes on the wire per response body (compressed when gzip). */
  bodyBytes: { mean: number; min: number; max: number };
  warmupRequests: number;
  /** This client process's CPU (user+system) as % of one core during the measured window. */
  clientCpuPercent: number;
}

function request(
  agent: http.Agent,
  cfg: LoadConfig,
  path: string,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: cfg.host,
        port: cfg.port,
        path,
        agent,
        headers: { accept: 'text/html', ...(cfg.gzip ? { 'accept-encoding': 'gzip' } : {}) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function runLoad(
  cfg: LoadConfig,
  signal: (event: string) => void = () => undefined,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.connections });
  const t0 = performance.now();
  const measureStart = t0 + cfg.warmupSeconds * 1000;
  const measureEnd = measureStart + cfg.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let warmupRequests = 0;
  let bytesSum = 0;
  let bytesMin = Infinity;
  let bytesMax = 0;
  let next = 0;
  let started = false;
  let cpuAtStart = process.cpuUsage();
  let clientCpuPercent = Number.NaN;
  const startTimer = setTimeout(() => {
    started = true;
    cpuAtStart = process.cpuUsage();
    signal('measure-start');
  }, measureStart - t0);
  const endTimer = setTimeout(() => {
    const cpu = process.cpuUsage(cpuAtStart);
    clientCpuPercent = ((cpu.user + cpu.system) / 1000 / (cfg.seconds * 1000)) * 100;
    signal('measure-end');
  }, measureEnd - t0);

  const send = async (path: string, measured: boolean, begin: number) => {
    try {
      const res = await request(agent, cfg, path);
      const ms = performance.now() - begin;
      if (!measured) {
        warmupRequests++;
        return;
      }
      latencies.push(ms);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      bytesSum += res.bytes;
      bytesMin = Math.min(bytesMin, res.bytes);
      bytesMax = Math.max(bytesMax, res.bytes);
    } catch {
      if (measured) errors++;
    }
  };
  const nextPath = () => cfg.paths[next++ % cfg.paths.length] ?? '/';

  if (cfg.rate) {
    // Open loop: request i is due at t0 + i/rate whatever the server does; its latency counts from
    // when it was due, so a slow server cannot hide its queue (no coordinated omission).
    const interval = 1000 / cfg.rate;
    const inflight = new Set<Promise<void>>();
    for (let i = 0; ; i++) {
      const due = t0 + i * interval;
      if (due >= measureEnd) break;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const p = send(nextPath(), due >= measureStart, due);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
  } else {
    // Closed loop: each connection sends its next request when the previous answer is read.
    const worker = async () => {
      for (;;) {
        const now = performance.now();
        if (now >= measureEnd) return;
        await send(nextPath(), now >= measureStart, now);
      }
    };
    await Promise.all(Array.from({ length: cfg.connections }, worker));
  }
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  if (!started) signal('measure-start');
  agent.destroy();
  const requests = latencies.length;
  const non200 = Object.entries(statuses).reduce((n, [s, c]) => (s === '200' ? n : n + c), 0);
  return {
    connections: cfg.connections,
    rate: cfg.rate ?? null,
    seconds: cfg.seconds,
    requests,
    throughput: requests / cfg.seconds,
    latencyMs: summarize(latencies),
    statuses,
    errors,
    non200,
    bodyBytes: {
      mean: requests ? bytesSum / requests : 0,
      min: requests ? bytesMin : 0,
      max: bytesMax,
    },
    warmupRequests,
    clientCpuPercent,
  };
}

// Run as a process (finder.bench.ts imports only this module's types, which are erased).
const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/load-client.ts <config.json>');
  process.exit(2);
}
const cfg = JSON.parse(readFileSync(file, 'utf8')) as LoadConfig;
runLoad(cfg, (event) => process.stdout.write(`${event}\n`))
  .then((result) => {
    process.stdout.write(`result ${JSON.stringify(result)}\n`);
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
