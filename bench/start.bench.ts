/**
 * Footprint and start (issue 16): `lighed serve` on a fresh embedded data directory, then again
 * on the same directory. For each start: seconds to the "Lighed is running" line, the server
 * process's RSS 3 s later (VmRSS, and VmHWM, its peak), and the CPU time of the whole process
 * tree until then (user + system from /proc, children included once they have exited). CPU time
 * is what a loaded, shared machine distorts least; wall time is printed for the aims.
 *
 *   npx tsx bench/start.bench.ts [runs=1] [-- extra node args for the server]
 *   The command is package.json's start script; LIGHED_START_CMD="node bin/lighed.js serve"
 * overrides it (split on spaces).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const CLK_TCK = 100; // getconf CLK_TCK on Linux
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function status(pid: number): { rssMb: number; hwmMb: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** utime+stime+cutime+cstime of a process, plus those of its live descendants, in seconds. */
function treeCpu(pid: number): number {
  const fields = (p: number) => {
    const s = readFileSync(`/proc/${p}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  };
  const own = (p: number) => {
    const f = fields(p);
    // After the name: state is field 3, so utime (14) .. cstime (17) are indexes 11..14 here.
    return [11, 12, 13, 14].reduce((n, i) => n + Number(f[i]), 0) / CLK_TCK;
  };
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fields(Number(d))[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const walk = (p: number): number =>
    own(p) + (children.get(p) ?? []).reduce((n, c) => n + walk(c), 0);
  return walk(pid);
}

interface StartFigures {
  seconds: number;
  rssMb: number;
  hwmMb: number;
  cpuSeconds: number;
}

async function start(dataDir: string, cmd: string[]): Promise<StartFigures> {
  const began = Date.now();
  const [exe = 'node', ...args] = cmd;
  const child = spawn(exe, args, {
    env: { ...process.env, LIGHED_DATA_DIR: dataDir, PORT: '0', LIGHED_DEMO: 'yes' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const ready = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Lighed is running')) resolve(Date.now());
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  await sleep(3000);
  const pid = child.pid ?? 0;
  const figures = { seconds: (ready - began) / 1000, ...status(pid), cpuSeconds: treeCpu(pid) };
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return figures;
}

const sep = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 1);
const nodeArgs = sep >= 0 ? process.argv.slice(sep + 1) : [];
// By default what `npm start` runs (package.json), with any extra node arguments after `node`.
const startScript = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
).scripts.start.split(' ');
const cmd = process.env.LIGHED_START_CMD?.split(' ') ?? [
  startScript[0] ?? 'node',
  ...nodeArgs,
  ...startScript.slice(1),
];
const fmt = (f: StartFigures) =>
  `${f.seconds.toFixed(1)} s, RSS ${f.rssMb.toFixed(0)} MB (peak ${f.hwmMb.toFixed(0)} MB), CPU ${f.cpuSeconds.toFixed(1)} s`;
console.log(
  `${cmd.join(' ')}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(os.tmpdir(), 'lighed-start-'));
  try {
    const first = await start(dir, cmd);
    const second = await start(dir, cmd);
    console.log(`first:  ${fmt(first)}\nsecond: ${fmt(second)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
