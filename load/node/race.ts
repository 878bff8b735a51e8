/**
 * Race runs from Node (used by `coupon-kit race`, test/load and load/node/measure.ts): one k6 process, or
 * N processes on complementary execution segments that fire at the same instant (START_AT) and are
 * judged once, over every runner's summary, from one read of the provider's final state.
 */
import { join } from 'node:path';
import { raceVerdict, RACE_EXIT, type RaceVerdict } from '../lib/verdict.ts';
import { runK6, type K6RunResult, type LoadScript } from './k6.ts';

export type RaceApi = 'zupy' | 'b2s';

export const RACES: Record<RaceApi, { script: LoadScript; refusalLabel: string }> = {
  zupy: { script: 'zupy-validate-race', refusalLabel: '409 "Cupom já Used"' },
  b2s: { script: 'b2s-patch-race', refusalLabel: '400 "Coupon already used"' },
};

export interface RaceRunOptions {
  k6: string;
  api: RaceApi;
  target: string;
  profile?: 'smoke' | 'race' | 'load';
  vus?: number;
  coupons?: number;
  /** Zupy only: uses per coupon (B2S coupons have one). */
  uses?: number;
  groups?: number;
  waveMs?: number;
  reportDir: string;
  html?: boolean;
  timeoutMs?: number;
  /** More script variables (credentials for a real provider, RACE_COUPONS, LEAD_MS, READ_BUDGET_MS, …). */
  env?: Record<string, string | undefined>;
  onOutput?: (chunk: string) => void;
}

export interface RaceRunResult {
  /** One per k6 process (runner 1 first). */
  runs: K6RunResult[];
  /** Absent when a runner stopped before writing its summary (setup failed, bad flags). */
  verdict?: RaceVerdict;
  /** What `coupon-kit race` exits with: 0 safe, 99 double spend, 98 inconclusive, 2 setup error. */
  exitCode: number;
  /** The setup error, when there is no verdict (the k6 error lines). */
  setupError?: string;
}

/** The error lines k6 printed (a script exception such as a ConfigError from setup). */
export function k6Errors(run: K6RunResult): string {
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').filter((l) => /level=error|Error:/.test(l));
  const text = lines
    .map(
      (l) =>
        l
          .match(/msg="((?:[^"\\]|\\.)*)"/)?.[1]
          ?.replace(/\\n/g, '\n')
          .replace(/\\t/g, '\t')
          .replace(/\\"/g, '"') ?? l,
    )
    .flatMap((m) => m.split('\n').filter((line) => !/^\s*at /.test(line)))
    .join('\n')
    .trim();
  return text || `k6 exited ${run.exitCode} before writing a summary`;
}

function shapeEnv(o: RaceRunOptions): Record<string, string | number | undefined> {
  return {
    BASE_URL: o.target,
    PROFILE: o.profile,
    VUS: o.vus,
    COUPONS: o.coupons,
    GROUPS: o.groups,
    WAVE_MS: o.waveMs,
    USES: o.api === 'zupy' ? o.uses : undefined,
    ...o.env,
  };
}

function judged(runs: K6RunResult[]): RaceRunResult {
  const missing = runs.find((r) => !r.summary?.setup_data);
  if (missing) return { runs, exitCode: RACE_EXIT.setup, setupError: k6Errors(missing) };
  const verdict = raceVerdict(runs.map((r) => r.summary as NonNullable<K6RunResult['summary']>));
  return { runs, verdict, exitCode: RACE_EXIT[verdict.outcome] };
}

export async function runRace(o: RaceRunOptions): Promise<RaceRunResult> {
  const run = await runK6({
    k6: o.k6,
    script: RACES[o.api].script,
    reportDir: o.reportDir,
    html: o.html,
    timeoutMs: o.timeoutMs,
    onOutput: o.onOutput,
    env: shapeEnv(o),
  });
  return judged([run]);
}

/** k6's execution segment of runner i (0-based) of n, and the sequence all n share (as k6-operator splits a TestRun). */
export function executionSegment(i: number, n: number): string[] {
  const point = (k: number) => (k === 0 ? '0' : k === n ? '1' : `${k}/${n}`);
  return [
    '--execution-segment',
    `${point(i)}:${point(i + 1)}`,
    '--execution-segment-sequence',
    Array.from({ length: n + 1 }, (_, k) => point(k)).join(','),
  ];
}

/** The credentials a prepared plan used, as the scripts' environment variables. */
function credentialsOf(api: RaceApi, headers: Record<string, string>): Record<string, string | undefined> {
  if (api === 'zupy') return { ZUPY_API_KEY: headers['X-API-Key'], ZUPY_OTP_SESSION: headers['X-OTP-Session'] };
  return { B2S_TOKEN: headers.Authorization?.replace(/^Bearer /, '') };
}

/**
 * N runners on one race: the coupons are prepared once (a PREPARE_ONLY run: the control API seed, a
 * redeem, or RACE_COUPONS), then N k6 processes with complementary execution segments race on the
 * same coupons from the same START_AT. Runner 1 alone reads the final state; the verdict sums the
 * runners' successes per coupon and records which runner won what.
 */
export async function runParallelRace(o: RaceRunOptions, n: number, leadMs = 4000 + 1000 * n): Promise<RaceRunResult> {
  const script = RACES[o.api].script;
  const prep = await runK6({
    k6: o.k6,
    script,
    reportDir: join(o.reportDir, 'prepare'),
    timeoutMs: o.timeoutMs,
    onOutput: o.onOutput,
    env: { ...shapeEnv(o), PREPARE_ONLY: '1' },
  });
  const plan = prep.summary?.setup_data as { groups?: unknown[][]; headers?: Record<string, string> } | undefined;
  if (!plan?.groups || !plan.headers) return { runs: [prep], exitCode: RACE_EXIT.setup, setupError: k6Errors(prep) };
  const env = {
    ...shapeEnv(o),
    ...credentialsOf(o.api, plan.headers),
    RACE_COUPONS: JSON.stringify(plan.groups.flat()),
    RUNNERS: String(n),
    START_AT: String(Date.now() + leadMs),
    SETTLE_MS: o.env?.SETTLE_MS ?? '1000',
  };
  const runs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      runK6({
        k6: o.k6,
        script,
        reportDir: join(o.reportDir, `runner-${i + 1}`),
        html: o.html,
        timeoutMs: o.timeoutMs,
        onOutput: o.onOutput,
        args: executionSegment(i, n),
        env: { ...env, FINAL_STATE: i === 0 ? 'read' : 'skip' },
      }),
    ),
  );
  return judged(runs);
}

/** `coupon-kit race` as typed: durations in seconds, the request timeout in ms, RACE_COUPONS as JSON text. */
export interface RaceFlags {
  api: RaceApi;
  target: string;
  vus: number;
  coupons: number;
  uses: number;
  duration: number;
  waveMs: number;
  parallel: number;
  raceCoupons?: string;
  readBudget: number;
  requestTimeout: number;
  report: string;
  html: boolean;
}

/** The waves that fit in the duration (one coupon group each) and the k6 run that fires them. */
export function planRace(f: RaceFlags, k6: string): { groups: number; uses: number; options: RaceRunOptions } {
  const uses = f.api === 'zupy' ? f.uses : 1;
  const groups = Math.max(1, Math.floor((f.duration * 1000) / f.waveMs));
  const leadMs = 1000;
  const options: RaceRunOptions = {
    k6,
    api: f.api,
    target: f.target,
    vus: f.vus,
    coupons: f.coupons,
    uses: f.uses,
    groups,
    waveMs: f.waveMs,
    reportDir: f.report,
    html: f.html,
    timeoutMs: leadMs + groups * f.waveMs + f.readBudget * 1000 + 300_000,
    env: {
      LEAD_MS: String(leadMs),
      RACE_COUPONS: f.raceCoupons,
      READ_BUDGET_MS: String(f.readBudget * 1000),
      REQUEST_TIMEOUT_MS: String(f.requestTimeout),
    },
  };
  return { groups, uses, options };
}

/** Runs a planned race in one k6 process, or in `parallel` on complementary execution segments. */
export function runPlannedRace(options: RaceRunOptions, parallel: number): Promise<RaceRunResult> {
  return parallel > 1 ? runParallelRace(options, parallel) : runRace(options);
}
