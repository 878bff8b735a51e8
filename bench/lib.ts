/** What the benchmarks share: spawning servers, loading them with autocannon, RSS, medians, the results table. */
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, zupyDemoFixtures } from '../mocks/demo/zupy.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CONNECTIONS = 50;

export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  firstAnswerMs: number;
  ready: string;
}

/** Spawns `node <args>`, waits for an optional "ready" line on stdout, then polls `probe` until it answers. */
export async function launch(
  name: string,
  args: string[],
  port: number,
  probe: string,
  headers: Record<string, string> = {},
  waitForReady = false,
  env: Record<string, string> = {},
): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let ready = '';
  const readyLine = new Promise<void>((resolve) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^ready.*$/m.exec(buf);
      if (m && !ready) {
        ready = m[0];
        resolve();
      }
    });
  });
  if (waitForReady) await readyLine;
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const r = await fetch(url + probe, { headers });
      await r.arrayBuffer();
      return { name, url, child, firstAnswerMs: Math.round(performance.now() - t0), ready };
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
    if (performance.now() - t0 > 120_000) throw new Error(`${name} did not answer within 120 s`);
  }
}

export async function stop(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill();
  await exited;
}

export function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; NaN elsewhere). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The JS heap a server launched with `heapProbeArgs()` still uses after a full garbage collection,
 * in MiB (bench/heap-probe.cjs answers SIGUSR2 by writing it to a file).
 */
export async function retainedHeapMiB(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const file = `${HEAP_PROBE_FILE}.${pid}`;
  rmSync(file, { force: true });
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return NaN; // the server has gone
  }
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    if (existsSync(file)) {
      const bytes = Number(readFileSync(file, 'utf8'));
      if (bytes > 0) return Math.round((bytes / 1024 / 1024) * 10) / 10;
    }
  }
  return NaN;
}

const HEAP_PROBE_FILE = join(tmpdir(), `coupon-kit-heap-${process.pid}`);

/** Node options that let retainedHeapMiB() read a server's heap; its environment must carry `heapProbeEnv()`. */
export const heapProbeArgs = () => ['--expose-gc', '--require', join(root, 'bench/heap-probe.cjs')];
export const heapProbeEnv = () => ({ COUPON_KIT_HEAP_PROBE: HEAP_PROBE_FILE });

export interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests answered during the sample. */
  total: number;
}

export async function load(url: string, method: 'GET' | 'POST', headers: Record<string, string>, seconds: number): Promise<Sample> {
  const r = await autocannon({ url, method, headers, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function machine() {
  let sha = 'nosha';
  try {
    sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    sha,
  };
}

export interface PerformanceTarget {
  target: string;
  measured: string;
  met: boolean;
}

/** Prints the targets as a table; returns whether every one is met. */
export function printTargets(targets: PerformanceTarget[]): boolean {
  const w = Math.max(...targets.map((t) => t.target.length));
  const m = Math.max(...targets.map((t) => t.measured.length));
  console.log(`\n${'target'.padEnd(w)}  ${'measured'.padEnd(m)}  result`);
  for (const t of targets) console.log(`${t.target.padEnd(w)}  ${t.measured.padEnd(m)}  ${t.met ? 'met' : 'MISSED'}`);
  return targets.every((t) => t.met);
}

/** A free loopback port (the bench shares the machine with other servers). */
export { freePort } from '../mocks/prism/launch.ts';

/** The demo key of the company the bench coupon belongs to. */
export const BENCH_KEY = { 'X-API-Key': DEMO.keyOtherCompany };
export const BENCH_CODE = 'CZ-BE4C0000';

/** A multi-use coupon with a very large usage count, so validate stays on its 200 path for a whole bench. */
export function benchCoupon(now = Date.now()) {
  return {
    id: '2zzzzzzzzzzzzzzzzzzzzzzzzzz',
    customer_id: DEMO.customers.diego,
    reward_id: DEMO.rewards.bread,
    coupon_code: BENCH_CODE,
    status: 'active' as const,
    remaining_usages: 1_000_000_000,
    total_usages_allowed: 1_000_000_000,
    valid_until: new Date(now + 86_400_000).toISOString(),
    created_at: new Date(now).toISOString(),
  };
}

/** Writes the speed benches' seed file (the demo data plus benchCoupon()) to the temporary folder and returns its path. */
export function writeBenchSeed(): string {
  const file = join(tmpdir(), `coupon-kit-bench-seed-${process.pid}.json`);
  const seed = zupyDemoFixtures(Date.now());
  seed.coupons.push(benchCoupon());
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

/** The endpoints every speed bench loads: lookup by code, validate (the 200 path), the first page of the list. */
export function benchEndpoints(lookupCode = BENCH_CODE) {
  return [
    { name: 'lookup by code', method: 'GET' as const, path: `/api/v2/coupons/issued/?code=${lookupCode}`, headers: BENCH_KEY, floor: 0.8 },
    {
      name: 'validate',
      method: 'POST' as const,
      path: `/api/v2/customers/${DEMO.customers.diego}/coupons/${BENCH_CODE}/validate/`,
      headers: BENCH_KEY,
      floor: 0.8,
    },
    { name: 'list', method: 'GET' as const, path: '/api/v2/coupons/issued/', headers: BENCH_KEY, floor: 0.5 },
  ];
}
