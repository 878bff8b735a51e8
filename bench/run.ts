/**
 * `npm run bench [-- --quick] [-- --scale] [-- --ab <git ref>]`: the design's speed targets, measured as ratios in one run.
 *
 * Three servers run side by side: the simulator (from the dist/ build, as users run it), a bare
 * Node server sending the simulator's own status and body for each path, and `prism mock -v warn`.
 * Each endpoint (lookup by code, validate, list) is loaded with autocannon (50 connections) in
 * interleaved rounds — bare, simulator, Prism, for each endpoint, in every round — and the median
 * of the per-round ratios is compared. Prints a table marking each target met / missed, writes
 * bench/results/<date>-<short sha>.json (not with --quick) and exits non-zero when a target is missed.
 * `--scale` runs bench/scale.ts instead (1k / 100k / 1M coupons); `--ab <git ref>` runs bench/ab.ts (this
 * tree against an earlier commit, simulator to simulator).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prismBin } from '../mocks/prism/launch.ts';
import { specPath } from '../specs/index.ts';
import {
  BENCH_KEY,
  benchEndpoints,
  CONNECTIONS,
  freePort,
  launch,
  load,
  machine,
  median,
  printTargets,
  root,
  round2,
  rssMiB,
  writeBenchSeed,
  stop,
  type Sample,
  type Server,
  type PerformanceTarget,
} from './lib.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
if (argv.includes('--ab')) {
  const { ab } = await import('./ab.ts');
  await ab(argv);
} else {
  const unknown = argv.filter((a) => a !== '--quick' && a !== '--scale');
  if (unknown.length) {
    console.error(`bench: unknown option ${unknown.join(' ')} (known: --quick, --scale, --ab <git ref> [--min 0.95])`);
    process.exit(2);
  }
  if (argv.includes('--scale')) await import('./scale.ts');
  else await speed();
}

async function speed(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const key = BENCH_KEY;
  // The demo data plus the bench's multi-use coupon, so validate stays on its 200 path.
  const seedFile = writeBenchSeed();
  const endpoints = benchEndpoints();

  console.log(
    `bench: ${rounds} interleaved rounds of ${seconds}s per sample, ${CONNECTIONS} connections, loopback${quick ? ' (--quick: smoke only)' : ''}`,
  );
  const simPort = await freePort();
  const sim = await launch(
    'simulator',
    ['bin/coupon-kit.js', 'mock', 'zupy', '--port', String(simPort), '--seed', seedFile],
    simPort,
    '/api/v2/coupons/issued/',
    key,
  );
  // The baseline sends exactly what the simulator sends on each path.
  const routes: Record<string, { status: number; body: string }> = {};
  for (const e of endpoints) {
    const r = await fetch(sim.url + e.path, { method: e.method, headers: e.headers });
    routes[`${e.method} ${e.path}`] = { status: r.status, body: await r.text() };
  }
  const routesFile = join(tmpdir(), `coupon-kit-bench-routes-${process.pid}.json`);
  writeFileSync(routesFile, JSON.stringify(routes));
  const barePort = await freePort();
  const bare = await launch('bare node', ['--import', 'tsx', 'bench/bare-server.ts', String(barePort), routesFile], barePort, '/');
  const prismPort = await freePort();
  const prism = await launch(
    'prism -v warn',
    [prismBin(), 'mock', specPath('zupy'), '--port', String(prismPort), '-v', 'warn'],
    prismPort,
    '/api/v2/coupons/issued/',
    key,
  );

  const samples: Record<string, Sample[]> = {};
  let simRss = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const e of endpoints) {
        for (const s of [bare, sim, prism] as Server[]) {
          const r = await load(s.url + e.path, e.method, e.headers, seconds);
          (samples[`${s.name} · ${e.name}`] ??= []).push(r);
          if (s === sim) simRss = Math.max(simRss, rssMiB(sim.child.pid));
          console.log(
            `  round ${round} · ${s.name.padEnd(13)} · ${e.name.padEnd(14)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${r.errors ? `  errors ${r.errors}` : ''}`,
          );
        }
      }
    }
  } finally {
    await Promise.all([stop(sim), stop(bare), stop(prism)]);
  }

  // Start-up as an integrator sees it: `coupon-kit mock zupy` on the demo data, spawned until its first answer.
  const starts: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const port = await freePort();
    const s = await launch(
      'simulator (demo data)',
      ['bin/coupon-kit.js', 'mock', 'zupy', '--port', String(port)],
      port,
      '/api/v2/coupons/issued/',
      key,
    );
    starts.push(s.firstAnswerMs);
    await stop(s);
  }

  const med = (server: string, endpoint: string, f: (s: Sample) => number) => median((samples[`${server} · ${endpoint}`] ?? []).map(f));
  const table = endpoints.map((e) => {
    const simRps = med('simulator', e.name, (s) => s.reqPerSec);
    const bareRps = med('bare node', e.name, (s) => s.reqPerSec);
    const prismRps = med('prism -v warn', e.name, (s) => s.reqPerSec);
    // Ratios are taken per round (each round's servers ran back to back) and their median reported.
    const perRound = (other: string) =>
      median(
        (samples[`simulator · ${e.name}`] ?? []).map(
          (s, i) => s.reqPerSec / ((samples[`${other} · ${e.name}`] ?? [])[i]?.reqPerSec ?? NaN),
        ),
      );
    return {
      endpoint: e.name,
      floor: e.floor,
      simulator: simRps,
      bare: bareRps,
      prism: prismRps,
      vsBare: round2(perRound('bare node')),
      vsPrism: round2(perRound('prism -v warn')),
      simP99: med('simulator', e.name, (s) => s.p99),
    };
  });
  console.log('\nmedian req/s      simulator   bare node   prism    ×bare  ×prism  sim p99');
  for (const t of table)
    console.log(
      `${t.endpoint.padEnd(16)} ${String(t.simulator).padStart(9)} ${String(t.bare).padStart(11)} ${String(t.prism).padStart(7)} ${String(t.vsBare).padStart(8)} ${String(t.vsPrism).padStart(7)} ${String(t.simP99).padStart(6)} ms`,
    );
  const firstAnswer = median(starts);
  const targets: PerformanceTarget[] = [
    ...table.map((t) => ({ target: `${t.endpoint} ≥ ${t.floor}× bare Node`, measured: `${t.vsBare}×`, met: t.vsBare >= t.floor })),
    ...table.map((t) => ({ target: `${t.endpoint} ≥ 10× Prism -v warn`, measured: `${t.vsPrism}×`, met: t.vsPrism >= 10 })),
    ...table.map((t) => ({
      target: `${t.endpoint} p99 ≤ 5 ms at ${CONNECTIONS} connections`,
      measured: `${t.simP99} ms`,
      met: t.simP99 <= 5,
    })),
    { target: 'RSS ≤ 100 MiB on demo data (max over the run)', measured: `${simRss} MiB`, met: simRss <= 100 },
    {
      target: 'first answer ≤ 0.5 s after spawning coupon-kit mock',
      measured: `${firstAnswer} ms (median of ${starts.join(', ')})`,
      met: firstAnswer <= 500,
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
    table,
    simulatorRssMiB: simRss,
    firstAnswerMs: starts,
    targets,
    samples,
  };
  if (quick) console.log('\nresults not written (--quick is a smoke run)');
  else {
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = join(root, 'bench/results', `${result.at.slice(0, 10)}-${m.sha}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  }
  process.exitCode = allMet ? 0 : 1;
}
