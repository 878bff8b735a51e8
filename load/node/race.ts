/** One race run from Node (used by `coupon-kit race`, the k6 smoke tests and load/measure.ts). */
import { runK6, type K6RunResult, type LoadScript } from './k6.ts';
import { failedThresholds, raceVerdict, type RaceVerdict } from './summary.ts';

export type RaceApi = 'zupy' | 'b2s';

export const RACES: Record<RaceApi, { script: LoadScript; refusalLabel: string }> = {
  zupy: { script: 'zupy-validate-race', refusalLabel: '409 Cupom já Used' },
  b2s: { script: 'b2s-patch-race', refusalLabel: '400 Coupon already used' },
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
  /** More script variables (credentials for a real provider, RACE_COUPONS, …). */
  env?: Record<string, string | undefined>;
  onOutput?: (chunk: string) => void;
}

export interface RaceRunResult {
  run: K6RunResult;
  /** Absent when k6 stopped before writing its summary (setup failed, bad flags). */
  verdict?: RaceVerdict;
  /** The k6 exit code says pass, and so does every threshold in the summary. */
  passed: boolean;
}

export async function runRace(o: RaceRunOptions): Promise<RaceRunResult> {
  const run = await runK6({
    k6: o.k6,
    script: RACES[o.api].script,
    reportDir: o.reportDir,
    html: o.html,
    timeoutMs: o.timeoutMs,
    onOutput: o.onOutput,
    env: {
      BASE_URL: o.target, PROFILE: o.profile, VUS: o.vus, COUPONS: o.coupons, GROUPS: o.groups, WAVE_MS: o.waveMs,
      USES: o.api === 'zupy' ? o.uses : undefined, ...o.env,
    },
  });
  const verdict = run.summary?.setup_data ? raceVerdict(run.summary) : undefined;
  const passed = run.exitCode === 0 && run.summary !== undefined && failedThresholds(run.summary).length === 0;
  return { run, verdict, passed };
}
