/**
 * `npm run bench`: one run, loopback, autocannon at 50 connections, against the simulator (validate's
 * 409 path, a multi-use validate with a very large usage count, the coupon list), `prism mock -v warn`
 * on the same spec and endpoints, and a bare Node server (the baseline). Prints req/s, p50/p99, RSS and
 * ratios; writes JSON to bench/results/. Targets are reported, not asserted. The simulator runs as users
 * run it, from the dist/ build (`npm run bench` builds first).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prismBin } from '../mocks/prism/launch.ts';
import { DEMO } from '../mocks/simulator/zupy/fixtures.ts';
import { specPath } from '../specs/index.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const root = fileURLToPath(new URL('..', import.meta.url));

interface Server { name: string; url: string; child: ChildProcess; firstAnswerMs: number }

async function launch(name: string, cmd: string[], port: number, probe: string, headers: Record<string, string> = {}): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, cmd, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const r = await fetch(url + probe, { headers });
      await r.arrayBuffer();
      return { name, url, child, firstAnswerMs: Math.round(performance.now() - t0) };
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
    if (performance.now() - t0 > 60_000) throw new Error(`${name} did not answer within 60 s`);
  }
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

async function load(url: string, method: 'GET' | 'POST', headers: Record<string, string>) {
  const r = await autocannon({ url, method, headers, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
  return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, statusCodes: r.statusCodeStats };
}

const key = { 'X-API-Key': DEMO.keyOtherCompany };
const diego = DEMO.customers.diego;

async function main() {
  const results: Record<string, unknown>[] = [];
  const record = async (server: Server, label: string, path: string, method: 'GET' | 'POST', headers: Record<string, string> = {}) => {
    process.stdout.write(`  ${server.name} · ${label} … `);
    const r = await load(server.url + path, method, headers);
    const row = { server: server.name, endpoint: label, ...r, rssMb: rssMb(server.child.pid), firstAnswerMs: server.firstAnswerMs };
    console.log(`${r.reqPerSec} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, RSS ${row.rssMb} MB`);
    results.push(row);
    return row;
  };

  console.log(`bench: ${DURATION}s per run, ${CONNECTIONS} connections, loopback`);
  const bare = await launch('bare-node', ['--import', 'tsx', 'bench/bare-server.ts', '4901'], 4901, '/');
  const baseline = await record(bare, 'fixed JSON', '/', 'GET');
  bare.child.kill();

  // The simulator: a coupon that is used (409 path) and a multi-use coupon with a huge usage count.
  const seedFile = '/tmp/coupon-kit-bench-seed.json';
  const seed = await import('../mocks/simulator/zupy/fixtures.ts').then((m) => m.zupyDemoFixtures(Date.now()));
  seed.coupons.push({ id: '2zzzzzzzzzzzzzzzzzzzzzzzzzz', customer_id: diego, reward_id: DEMO.rewards.bread, coupon_code: 'CZ-BE4C0000', status: 'active', remaining_usages: 1_000_000_000, total_usages_allowed: 1_000_000_000, valid_until: new Date(Date.now() + 86_400_000).toISOString(), created_at: new Date().toISOString() });
  seed.coupons.push({ id: '2zzzzzzzzzzzzzzzzzzzzzzzzzy', customer_id: diego, reward_id: DEMO.rewards.bread, coupon_code: 'CZ-BE4C0001', status: 'used', remaining_usages: 0, valid_until: new Date(Date.now() + 86_400_000).toISOString(), created_at: new Date().toISOString() });
  writeFileSync(seedFile, JSON.stringify(seed));
  const sim = await launch('simulator', ['bin/coupon-kit.js', 'mock', 'zupy', '--port', '4902', '--seed', seedFile], 4902, '/api/v2/coupons/issued/', key);
  const simUsed = await record(sim, 'validate 409 (used)', `/api/v2/customers/${diego}/coupons/CZ-BE4C0001/validate/`, 'POST', key);
  const simMulti = await record(sim, 'validate 200 (multi-use)', `/api/v2/customers/${diego}/coupons/CZ-BE4C0000/validate/`, 'POST', key);
  const simList = await record(sim, 'coupon list', '/api/v2/coupons/issued/', 'GET', key);
  sim.child.kill();

  const prism = await launch('prism -v warn', [prismBin(), 'mock', specPath('zupy'), '--port', '4903', '-v', 'warn'], 4903, '/api/v2/coupons/issued/', key);
  const prismValidate = await record(prism, 'validate', `/api/v2/customers/${diego}/coupons/CZ-BE4C0001/validate/`, 'POST', key);
  const prismList = await record(prism, 'coupon list', '/api/v2/coupons/issued/', 'GET', key);
  prism.child.kill();

  // Start-up as an integrator sees it: `coupon-kit mock zupy` on the built-in demo data, spawned
  // until its first answer (median of five starts).
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await launch('simulator (demo data)', ['bin/coupon-kit.js', 'mock', 'zupy', '--port', '4904'], 4904, '/api/v2/coupons/issued/', key);
    starts.push(s.firstAnswerMs);
    s.child.kill();
    await new Promise((r) => s.child.once('exit', r));
  }
  const firstAnswerDemoMs = [...starts].sort((a, b) => a - b)[2] ?? NaN;
  console.log(`  simulator · first answer on demo data: ${starts.join(', ')} ms (median ${firstAnswerDemoMs} ms)`);

  const ratio = (a: { reqPerSec: number }, b: { reqPerSec: number }) => Math.round((a.reqPerSec / b.reqPerSec) * 100) / 100;
  const summary = {
    'validate 409 / bare': ratio(simUsed, baseline),
    'validate multi-use / bare': ratio(simMulti, baseline),
    'list / bare': ratio(simList, baseline),
    'validate 409 / prism validate': ratio(simUsed, prismValidate),
    'list / prism list': ratio(simList, prismList),
  };
  const targets = {
    'simulator validate ≥ 0.5× bare': Math.min(summary['validate 409 / bare'], summary['validate multi-use / bare']) >= 0.5,
    'simulator validate ≥ 10× prism': summary['validate 409 / prism validate'] >= 10,
    'p99 ≤ 10 ms': Math.max(simUsed.p99, simMulti.p99, simList.p99) <= 10,
    'RSS ≤ 150 MB': Math.max(simUsed.rssMb, simMulti.rssMb, simList.rssMb) <= 150,
    'first answer ≤ 0.5 s (demo data, median of 5)': firstAnswerDemoMs <= 500,
  };
  console.log('\nratios:', summary);
  console.log('first answer after start: simulator', firstAnswerDemoMs, 'ms on demo data,', sim.firstAnswerMs, 'ms with the bench seed file; prism', prism.firstAnswerMs, 'ms');
  console.log('targets:', targets);
  mkdirSync(`${root}/bench/results`, { recursive: true });
  const file = `${root}/bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), durationSeconds: DURATION, connections: CONNECTIONS, results, firstAnswerDemoMs: starts, ratios: summary, targets }, null, 2));
  console.log(`wrote ${file}`);
}

await main();
