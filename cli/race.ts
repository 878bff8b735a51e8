import { InvalidArgumentError, Option, type Command } from 'commander';
import { ensureK6, K6_EXIT } from '../load/node/k6.ts';
import { RACES, runRace, type RaceApi } from '../load/node/race.ts';
import { formatRaceVerdict } from '../load/node/summary.ts';

/** `coupon-kit race` flags, in one place. */
export interface RaceOptions {
  api: RaceApi;
  target: string;
  vus: number;
  coupons: number;
  uses: number;
  duration: number;
  waveMs: number;
  report: string;
  html: boolean;
}

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

/** `30s`, `2m`, `1m30s` or plain seconds → seconds. */
export function parseDuration(v: string): number {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600 };
  const parts = [...v.matchAll(/(\d+)([smh])/g)];
  const seconds = /^\d+$/.test(v) ? Number(v) : parts.map(([, n, u]) => Number(n) * (units[u as string] ?? 0)).reduce((a, b) => a + b, 0);
  if (!(seconds > 0) || (!/^\d+$/.test(v) && parts.map((p) => p[0]).join('') !== v)) throw new InvalidArgumentError('duration must look like 10s, 2m or 1m30s');
  return seconds;
}

const url = (v: string) => {
  try {
    return new URL(v).toString().replace(/\/+$/, '');
  } catch {
    throw new InvalidArgumentError(`not a URL: ${v}`);
  }
};

export function registerRace(program: Command): void {
  program
    .command('race')
    .description('Race concurrent validates (Zupy) or PATCHes (B2S) on the same coupons with k6 and judge double-spend from the provider\'s final state.')
    .addOption(new Option('--api <api>', 'which provider API').choices(['zupy', 'b2s']).makeOptionMandatory())
    .requiredOption('--target <url>', 'base URL of the provider (the simulator, or staging with credentials in the environment)', url)
    .option('--vus <n>', 'contenders per coupon (k6 virtual users)', int('--vus', 2, 500), 20)
    .option('--coupons <n>', 'coupons per group (one group per wave)', int('--coupons', 1, 200), 10)
    .option('--uses <k>', 'Zupy: uses per coupon (B2S coupons have one)', int('--uses', 1, 1000), 3)
    .option('--duration <d>', 'how long to keep firing waves (one coupon group per wave)', parseDuration, 5)
    .option('--wave-ms <ms>', 'time between two waves', int('--wave-ms', 50, 60_000), 500)
    .option('--report <dir>', 'folder for the summary JSON, JUnit XML (and HTML with --html)', 'reports/load')
    .option('--html', "also export k6's web-dashboard HTML report", false)
    .addHelpText('after', `
Credentials for a provider without the simulator's control API come from the environment:
  Zupy: ZUPY_API_KEY + ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID (redeemed in setup), or RACE_COUPONS='[{"customer_id","code"}]'
  B2S:  B2S_TOKEN + RACE_COUPONS='[{"id","code","module"}]'

Examples:
  coupon-kit mock zupy --defect racy-validate &   # a known-bad provider
  coupon-kit race --api zupy --target http://127.0.0.1:4010 --vus 20 --coupons 10 --uses 3 --duration 5s`)
    .action(async (opts: RaceOptions) => {
      if (opts.vus <= (opts.api === 'zupy' ? opts.uses : 1)) throw new InvalidArgumentError('--vus must exceed the uses per coupon, or nothing races for the last use');
      const k6 = await ensureK6((line) => console.error(line));
      const groups = Math.max(1, Math.floor((opts.duration * 1000) / opts.waveMs));
      const leadMs = 1000;
      console.log(`race: ${opts.api} at ${opts.target}: ${groups} group(s) × ${opts.coupons} coupon(s), ${opts.vus} contenders each, ${opts.api === 'zupy' ? opts.uses : 1} use(s) per coupon`);
      const { run, verdict, passed } = await runRace({
        k6, api: opts.api, target: opts.target, vus: opts.vus, coupons: opts.coupons, uses: opts.uses, groups, waveMs: opts.waveMs,
        reportDir: opts.report, html: opts.html, timeoutMs: leadMs + groups * opts.waveMs + 300_000, env: { LEAD_MS: String(leadMs) },
      });
      if (verdict) console.log(`\n${formatRaceVerdict(verdict, RACES[opts.api].refusalLabel)}`);
      else console.error(`k6 exited ${run.exitCode} before writing a summary:\n${run.stderr.trim().split('\n').slice(-8).join('\n')}`);
      console.log(`\nreports: ${opts.report}/${RACES[opts.api].script}.{summary.json,junit.xml${opts.html ? ',html' : ''}}  (${run.seconds.toFixed(1)} s)`);
      if (!passed) process.exitCode = run.exitCode !== K6_EXIT.ok ? run.exitCode : 1;
    });
}
