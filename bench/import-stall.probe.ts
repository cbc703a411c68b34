/**
 * The latency probe of bench/import-stall.bench.ts, run as its own process (node --import tsx
 * bench/import-stall.probe.ts <port> <rate> <path>...) so its clock never shares the server's
 * event loop. Open loop: each path is requested `rate` times a second, whatever the server
 * does, and a request's latency counts from when it was due (a stalled server cannot hide its
 * queue). On a "stop" line on stdin it prints one JSON line with every latency, per path.
 */
import http from 'node:http';

const [portArg, rateArg, ...paths] = process.argv.slice(2);
const port = Number(portArg);
const rate = Number(rateArg);
// One agent per path, without a socket limit: a slow page never makes /healthz wait for a socket.
const agents = Object.fromEntries(paths.map((p) => [p, new http.Agent({ keepAlive: true })]));
const latencies: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
const errors: Record<string, number> = Object.fromEntries(paths.map((p) => [p, 0]));
const inflight = new Set<Promise<void>>();
let stopped = false;

function get(path: string, due: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: agents[path] }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) latencies[path]!.push(performance.now() - due);
        else errors[path]!++;
        resolve();
      });
    });
    req.on('error', () => {
      errors[path]!++;
      resolve();
    });
  });
}

async function loop() {
  const t0 = performance.now();
  const interval = 1000 / rate;
  for (let i = 0; !stopped; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (const path of paths) {
      const p = get(path, due);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
  }
  await Promise.all(inflight);
  process.stdout.write(`${JSON.stringify({ latencies, errors })}\n`);
  for (const a of Object.values(agents)) a.destroy();
}

process.stdin.on('data', (b: Buffer) => {
  if (b.toString().includes('stop')) stopped = true;
});
process.stdout.write('ready\n');
void loop();
