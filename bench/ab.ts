/**
 * `npm run bench -- --ab <git ref>`: is this tree slower or bigger than an earlier one?
 *
 * The ref's sources are exported with `git archive` into .tools/ab/<sha> (kept per commit, so a
 * second run reuses it), built there with its own scripts/build.mjs against this checkout's
 * node_modules, and both simulators (`coupon-kit mock zupy` from each dist/) are seeded with the same
 * file: the demo data plus the bench's multi-use coupon. Each round loads every endpoint on both,
 * the order alternating round by round (A B, then B A) so neither always runs second on a warm
 * machine, or both at once with `--together`. The verdict is the CPU time each server spends per request (from /proc, ref ÷ this, so
 * above 1 means this tree is cheaper), because throughput on a shared 2-core machine moves with
 * whatever else runs there; throughput ratios are printed beside it. Medians of the per-round
 * ratios are reported with every round's figures. Memory is reported beside them, not judged (a
 * feature may cost memory on purpose): the JS heap each server holds after a full collection at start
 * and after the same load (bench/heap-probe.cjs), and RSS after each load. Exits 1 when a median CPU
 * ratio falls below `--min` (default 0.95).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH_KEY,
  benchEndpoints,
  CONNECTIONS,
  cpuMs,
  freePort,
  heapProbeArgs,
  heapProbeEnv,
  launch,
  load,
  machine,
  median,
  printTargets,
  retainedHeapMiB,
  root,
  round2,
  rssMiB,
  stop,
  type PerformanceTarget,
  type Server,
  writeBenchSeed,
} from './lib.ts';

const USAGE = 'usage: npm run bench -- --ab <git ref> [--min 0.95] [--together] [--quick]   (env BENCH_SECONDS, BENCH_ROUNDS)';

export async function ab(argv: string[]): Promise<void> {
  const at = argv.indexOf('--ab');
  const ref = argv[at + 1];
  if (at === -1 || ref === undefined || ref.startsWith('--')) {
    console.error(`bench --ab: which ref? ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const minAt = argv.indexOf('--min');
  const values = new Set([at + 1, ...(minAt === -1 ? [] : [minAt + 1])]);
  const unknown = argv.filter((a, i) => !['--ab', '--min', '--together', '--quick'].includes(a) && !values.has(i));
  if (unknown.length) {
    console.error(`bench --ab: unknown option ${unknown.join(' ')}; ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const min = minAt === -1 ? 0.95 : Number(argv[minAt + 1]);
  if (!(min > 0 && min <= 2)) {
    console.error(`bench --ab: --min takes a ratio such as 0.95 (got ${argv[minAt + 1] ?? 'nothing'})`);
    process.exitCode = 2;
    return;
  }
  const quick = argv.includes('--quick');
  const together = argv.includes('--together');
  const seconds = Number(process.env.BENCH_SECONDS ?? 1);
  const rounds = quick ? 4 : Math.max(4, Number(process.env.BENCH_ROUNDS ?? 20));

  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    console.error(`bench --ab: ${ref} is not a commit of this repository`);
    process.exitCode = 2;
    return;
  }
  // Inside this checkout (.tools/ is git-ignored), not a shared temporary folder another user could prepare.
  const refDir = join(root, '.tools', 'ab', sha);
  if (!existsSync(join(refDir, 'dist/manifest.json'))) {
    console.log(`bench --ab: exporting and building ${ref} (${sha}) in ${refDir}`);
    rmSync(refDir, { recursive: true, force: true });
    mkdirSync(refDir, { recursive: true });
    const tar = join(refDir, '..', `${sha}.tar`);
    execFileSync('git', ['archive', '--format=tar', '-o', tar, sha], { cwd: root, stdio: 'inherit' });
    execFileSync('tar', ['-x', '-f', tar, '-C', refDir], { stdio: 'inherit' });
    rmSync(tar);
    symlinkSync(join(root, 'node_modules'), join(refDir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', '--no-types'], { cwd: refDir, stdio: 'inherit' });
  }
  // This tree's dist/ was built by `npm run bench` itself, just before this script.
  const seedFile = writeBenchSeed();
  const start = async (name: string, cwd: string): Promise<Server> => {
    const port = await freePort();
    const bin = join(cwd, 'bin/coupon-kit.js');
    const args = [...heapProbeArgs(), bin, 'mock', 'zupy', '--port', String(port), '--seed', seedFile];
    return launch(name, args, port, '/api/v2/coupons/issued/', BENCH_KEY, false, heapProbeEnv());
  };
  const head = machine().sha;
  const base = await start(`ref ${sha}`, refDir);
  const mine = await start(`this ${head}`, root).catch(async (err: unknown) => {
    await stop(base);
    throw err;
  });
  const endpoints = benchEndpoints();
  console.log(
    `bench --ab: this tree (${head}${isDirty() ? ', uncommitted changes' : ''}) against ${ref} (${sha}); ${rounds} alternating rounds of ${seconds}s per sample, ${CONNECTIONS} connections, loopback`,
  );
  // Per round and endpoint: throughput this/ref, and CPU time per request ref/this (both > 1 when this tree is faster).
  const rpsRatios: Record<string, number[]> = {};
  const cpuRatios: Record<string, number[]> = {};
  const rss = { base: [] as number[], mine: [] as number[] };
  // Retained JS heap at start (after a second to settle) and after the whole load, each after a full GC.
  let heapAtStart = { base: NaN, mine: NaN };
  let heap = { base: NaN, mine: NaN };
  try {
    await new Promise((r) => setTimeout(r, 1000));
    heapAtStart = { base: await retainedHeapMiB(base.child.pid), mine: await retainedHeapMiB(mine.child.pid) };
    for (let round = 1; round <= rounds; round++) {
      for (const e of endpoints) {
        const got = new Map<Server, { rps: number; cpuUs: number }>();
        const measure = async (s: Server) => {
          const cpu0 = cpuMs(s.child.pid);
          const r = await load(s.url + e.path, e.method, e.headers, seconds);
          const cpuUs = ((cpuMs(s.child.pid) - cpu0) * 1000) / r.total;
          if (r.errors || r.non2xx) throw new Error(`${s.name} · ${e.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
          got.set(s, { rps: r.reqPerSec, cpuUs });
          rss[s === base ? 'base' : 'mine'].push(rssMiB(s.child.pid));
        };
        if (together) await Promise.all([measure(base), measure(mine)]);
        else for (const s of round % 2 ? [base, mine] : [mine, base]) await measure(s);
        const a = got.get(base) as { rps: number; cpuUs: number };
        const b = got.get(mine) as { rps: number; cpuUs: number };
        (rpsRatios[e.name] ??= []).push(b.rps / a.rps);
        (cpuRatios[e.name] ??= []).push(a.cpuUs / b.cpuUs);
        console.log(
          `  round ${round} · ${e.name.padEnd(14)} ref ${String(a.rps).padStart(6)} req/s ${a.cpuUs.toFixed(1).padStart(5)} µs CPU/req · this ${String(b.rps).padStart(6)} req/s ${b.cpuUs.toFixed(1).padStart(5)} µs CPU/req`,
        );
      }
    }
    heap = { base: await retainedHeapMiB(base.child.pid), mine: await retainedHeapMiB(mine.child.pid) };
  } finally {
    await Promise.all([stop(base), stop(mine)]);
  }
  const spread = (xs: number[] | undefined) => `rounds ${round2(Math.min(...(xs ?? [])))}–${round2(Math.max(...(xs ?? [])))}`;
  // CPU time per request is the verdict: throughput on a shared machine moves with whatever else runs.
  const targets: PerformanceTarget[] = endpoints.flatMap((e) => {
    const cpu = round2(median(cpuRatios[e.name] ?? []));
    const rps = round2(median(rpsRatios[e.name] ?? []));
    return [
      {
        target: `${e.name}: CPU per request, ${ref} ÷ this ≥ ${min}`,
        measured: `${cpu}× (${spread(cpuRatios[e.name])})`,
        met: cpu >= min,
      },
      { target: `${e.name}: req/s, this ÷ ${ref} (reported)`, measured: `${rps}× (${spread(rpsRatios[e.name])})`, met: true },
    ];
  });
  // Memory is reported, not judged: a feature may cost memory on purpose; this shows how much, and when.
  targets.push(
    {
      target: 'JS heap retained at start, after a full GC (reported)',
      measured: `${heapAtStart.mine} MiB vs ${heapAtStart.base} MiB`,
      met: true,
    },
    {
      target: 'JS heap retained after the load, after a full GC (reported)',
      measured: `${heap.mine} MiB vs ${heap.base} MiB`,
      met: true,
    },
    {
      target: 'RSS after each load, median (reported: between collections it is a high-water mark)',
      measured: `${round2(median(rss.mine))} MiB vs ${round2(median(rss.base))} MiB (ranges ${Math.min(...rss.mine)}–${Math.max(...rss.mine)}, ${Math.min(...rss.base)}–${Math.max(...rss.base)})`,
      met: true,
    },
  );
  process.exitCode = printTargets(targets) ? 0 : 1;
}

function isDirty(): boolean {
  try {
    return execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
