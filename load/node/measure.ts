/**
 * How well the race scripts tell a race-safe provider from a racy one (not part of `npm test`):
 * RUNS smoke runs of each race with `racy-use` on (detected = verdict double spend, exit 99) and
 * RUNS with it off (false alarm = any other verdict than safe), against the simulator in its own process, plus seconds per run.
 *
 *   node --import tsx load/node/measure.ts [--runs 20] [--vus 8] [--groups 2] [--coupons 4] [--uses 2]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../mocks/prism/launch.ts';
import { RACE_EXIT } from '../lib/verdict.ts';
import { ROOT } from '../../specs/root.ts';
import { ensureK6 } from './k6.ts';
import { RACES, runRace, type RaceApi } from './race.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    vus: { type: 'string', default: '8' },
    groups: { type: 'string', default: '2' },
    coupons: { type: 'string', default: '4' },
    uses: { type: 'string', default: '2' },
  },
});
const RUNS = Number(args.runs);
const SHAPE = {
  profile: 'smoke',
  vus: Number(args.vus),
  groups: Number(args.groups),
  coupons: Number(args.coupons),
  uses: Number(args.uses),
  waveMs: 300,
  env: { LEAD_MS: '300' },
} as const;

/** The simulator in its own process (like a real provider), through the CLI. */
async function startSimulator(api: RaceApi): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), 'mock', api, '--port', String(port)], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/__control/faults`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`the ${api} simulator did not start on ${url}`);
}

async function setDefects(url: string, defects: string[]): Promise<void> {
  const res = await fetch(`${url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ defects }),
  });
  if (!res.ok) throw new Error(`POST /__control/faults answered ${res.status}`);
}

interface Row {
  script: string;
  defect: string;
  runs: number;
  failing: number;
  other: number;
  meanS: number;
  maxS: number;
}

async function measure(k6: string, api: RaceApi): Promise<Row[]> {
  const { url, child } = await startSimulator(api);
  const rows: Row[] = [];
  try {
    for (const defect of ['racy-use', 'none']) {
      await setDefects(url, defect === 'none' ? [] : [defect]);
      const seconds: number[] = [];
      let failing = 0;
      let other = 0;
      for (let i = 0; i < RUNS; i++) {
        const { runs, exitCode } = await runRace({
          k6,
          api,
          target: url,
          reportDir: join(ROOT, 'reports/load/measure', `${api}-${defect}`),
          timeoutMs: 60_000,
          ...SHAPE,
        });
        seconds.push(runs.reduce((s, r) => s + r.seconds, 0));
        if (exitCode === RACE_EXIT['double-spend']) failing++;
        else if (exitCode !== RACE_EXIT.safe) other++;
        process.stderr.write(exitCode === 0 ? '.' : exitCode === 99 ? 'x' : `[${exitCode}]`);
      }
      rows.push({
        script: RACES[api].script,
        defect,
        runs: RUNS,
        failing,
        other,
        meanS: seconds.reduce((a, b) => a + b, 0) / RUNS,
        maxS: Math.max(...seconds),
      });
    }
  } finally {
    child.kill('SIGTERM');
  }
  return rows;
}

const k6 = await ensureK6((line) => console.error(line));
console.error(`measuring ${RUNS} runs per case, shape ${JSON.stringify(SHAPE)}`);
const rows = [...(await measure(k6, 'zupy')), ...(await measure(k6, 'b2s'))];
console.error('');
console.log('| script | defect | runs | detected (double spend) | false alarms | other verdicts | mean s/run | max s/run |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const detected = r.defect === 'none' ? '-' : `${r.failing}/${r.runs}`;
  const falseAlarms = r.defect === 'none' ? `${r.failing + r.other}/${r.runs}` : '-';
  console.log(
    `| ${r.script} | ${r.defect} | ${r.runs} | ${detected} | ${falseAlarms} | ${r.other} | ${r.meanS.toFixed(2)} | ${r.maxS.toFixed(2)} |`,
  );
}
