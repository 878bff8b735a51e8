/** What the benchmarks share: spawning servers, loading them with autocannon, RSS, medians, the results table. */
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

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
): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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

export interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function load(url: string, method: 'GET' | 'POST', headers: Record<string, string>, seconds: number): Promise<Sample> {
  const r = await autocannon({ url, method, headers, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
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
