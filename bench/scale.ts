/**
 * `npm run bench -- --scale`: the simulator seeded with 0 (the demo data only), 1k, 100k and 1M
 * generated coupons in one company (bench/scale-server.js: the programmatic API from dist/, coupons
 * merged in chunks, no file). All four servers run side by side and every round loads each of them
 * in turn on lookup by code, validate and list (50 connections). The server runs with a 32 MiB
 * young generation (--max-semi-space-size), to cut the collector's share of a bulk seed. Targets: p99 at 1M within 20% of 1k
 * on each endpoint; memory ≤ 0.5 KiB per coupon above the empty simulator; start-up with 1M ≤ 5 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../mocks/demo/zupy.ts';
import {
  BENCH_CODE,
  BENCH_KEY,
  benchCoupon,
  benchEndpoints,
  CONNECTIONS,
  freePort,
  launch,
  load,
  machine,
  median,
  printTargets,
  root,
  rssMiB,
  stop,
  type Sample,
  type Server,
  type PerformanceTarget,
} from './lib.ts';

const quick = process.argv.includes('--quick');
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const rounds = quick ? 1 : Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const SIZES = [0, 1_000, 100_000, 1_000_000];
const key = BENCH_KEY;
const multiUse = benchCoupon();
const config = JSON.stringify({ companyId: DEMO.companyB, rewardId: DEMO.rewards.bread, multiUse });
/** A generated coupon in the middle of the store (scale-server.js names them by index, in hex). */
const middleCode = (n: number) =>
  `CZ-${Math.floor(n / 2)
    .toString(16)
    .toUpperCase()
    .padStart(8, '0')}`;

const endpoints = (n: number) => benchEndpoints(n > 0 ? middleCode(n) : BENCH_CODE);

console.log(
  `bench --scale: sizes ${SIZES.join(', ')}; ${rounds} round(s) of ${seconds}s per sample, ${CONNECTIONS} connections${quick ? ' (--quick: smoke only)' : ''}`,
);
const servers: { n: number; server: Server; seedMs: number; rss: number; heap: number }[] = [];
try {
  for (const n of SIZES) {
    const port = await freePort();
    const server = await launch(
      `${n} coupons`,
      ['--expose-gc', '--max-semi-space-size=32', 'bench/scale-server.js', String(port), String(n), config],
      port,
      '/api/v2/coupons/issued/?page_size=1',
      key,
      true,
    );
    const [, seed, heapUsed] = server.ready.split(' ');
    const seedMs = Number(seed);
    const heap = Number(heapUsed);
    const rss = rssMiB(server.child.pid);
    servers.push({ n, server, seedMs, rss, heap });
    console.log(
      `  ${String(n).padStart(9)} coupons: first answer ${server.firstAnswerMs} ms after spawn (seeded in ${seedMs} ms), RSS ${rss} MiB, JS heap ${heap} MiB after GC`,
    );
  }
  const samples: Record<string, Sample[]> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const { n, server } of servers) {
      for (const e of endpoints(n)) {
        const r = await load(server.url + e.path, e.method, key, seconds);
        (samples[`${n}|${e.name}`] ??= []).push(r);
        console.log(
          `  round ${round} · ${String(n).padStart(9)} · ${e.name.padEnd(14)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${r.non2xx ? `  non-2xx ${r.non2xx}` : ''}`,
        );
      }
    }
  }
  const p99 = (n: number, e: string) => median((samples[`${n}|${e}`] ?? []).map((s) => s.p99));
  const rps = (n: number, e: string) => median((samples[`${n}|${e}`] ?? []).map((s) => s.reqPerSec));
  console.log('\nmedian            ' + SIZES.map((n) => String(n).padStart(16)).join(''));
  for (const e of endpoints(0))
    console.log(`${e.name.padEnd(18)}${SIZES.map((n) => `${rps(n, e.name)}/s ${p99(n, e.name)}ms`.padStart(16)).join('')}`);
  const empty = servers.find((s) => s.n === 0) as (typeof servers)[number];
  const big = servers.find((s) => s.n === 1_000_000) as (typeof servers)[number];
  const perCoupon = (s: (typeof servers)[number]) => Math.round(((s.rss - empty.rss) * 1024 * 1024) / s.n);
  const heapPerCoupon = (s: (typeof servers)[number]) => Math.round(((s.heap - empty.heap) * 1024 * 1024) / s.n);
  const targets: PerformanceTarget[] = [
    ...endpoints(0).map((e) => ({
      target: `${e.name} p99 at 1M ≤ 1.2 × p99 at 1k`,
      measured: `${p99(1_000_000, e.name)} ms vs ${p99(1_000, e.name)} ms`,
      met: p99(1_000_000, e.name) <= 1.2 * p99(1_000, e.name),
    })),
    {
      target: 'memory ≤ 512 B per coupon above the empty simulator (1M)',
      measured: `RSS ${perCoupon(big)} B (JS heap ${heapPerCoupon(big)} B; 100k: RSS ${perCoupon(servers[2] as (typeof servers)[number])} B)`,
      met: perCoupon(big) <= 512,
    },
    {
      target: 'start-up with 1M coupons ≤ 5 s (spawn → first answer)',
      measured: `${big.server.firstAnswerMs} ms`,
      met: big.server.firstAnswerMs <= 5000,
    },
  ];
  const allMet = printTargets(targets);
  const m = machine();
  const result = {
    at: new Date().toISOString(),
    machine: m,
    secondsPerSample: seconds,
    rounds,
    connections: CONNECTIONS,
    servers: servers.map(({ n, seedMs, rss, heap, server }) => ({
      coupons: n,
      seedMs,
      rssMiB: rss,
      heapMiB: heap,
      firstAnswerMs: server.firstAnswerMs,
    })),
    samples,
    targets,
  };
  if (quick) console.log('\nresults not written (--quick is a smoke run)');
  else {
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = join(root, 'bench/results', `${result.at.slice(0, 10)}-${m.sha}-scale.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  }
  process.exitCode = allMet ? 0 : 1;
} finally {
  await Promise.all(servers.map((s) => stop(s.server)));
}
