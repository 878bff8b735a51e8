/**
 * `coupon-kit check` as a function: picks the mode (control API or fixture file), checks the target
 * before any sequence, runs the lifecycle property and the HTTP fuzz under a per-request deadline
 * and a time limit, classifies the outcome, counts the run's power and writes the replay line.
 * The CLI only parses flags and prints what this returns.
 */
import fc, { type IAsyncPropertyWithHooks, type RunDetails } from 'fast-check';
import { loadSpec, type ApiName } from '../specs/index.ts';
import { b2sProperty, b2sSandboxPreflight, b2sSandboxProperty } from './b2s.ts';
import { httpFuzzProperty, type HttpFuzzContext } from './http-fuzz.ts';
import { SetupError } from './model/errors.ts';
import { isDry, MIN_LIVE_SHARE, newTally, powerLine, type Tally } from './model/power.ts';
import { FixtureFileError, loadFixtureFile } from './targets/fixture-file.ts';
import { controlOf, DEFAULT_REQUEST_TIMEOUT_MS, sandboxTarget, urlTarget, type Target } from './targets/target.ts';
import { TargetSilentError } from './targets/timed-fetch.ts';
import { formatNote, type ZupyFormatSeen } from './targets/zupy-format.ts';
import { zupyProperty, zupySandboxPreflight, zupySandboxProperty } from './zupy.ts';

/** Exit codes of `coupon-kit check`. */
export const EXIT = {
  /** Every sequence and every fuzz request conformed, and the run had power. */
  pass: 0,
  /** A rule was broken: a shrunk counterexample and a replay line are printed. */
  fail: 1,
  /** The check could not run or finish: options, fixture file, setup, a target that stopped answering, the time limit. */
  error: 2,
  /** Inconclusive: the sandbox ran dry (too few sequences changed any state to trust a pass). */
  dry: 3,
} as const;

export interface CheckRunOptions {
  api: ApiName;
  target: string;
  /** Lifecycle sequences (0: none, e.g. to replay a fuzz failure). */
  runs: number;
  /** HTTP fuzz requests (0: none, e.g. to replay a lifecycle failure). */
  fuzzRuns: number;
  seed?: number;
  path?: string;
  /** fast-check's commands replay path (from the counterexample). */
  replayPath?: string;
  controlToken?: string;
  fixtures?: string;
  apiKey?: string;
  token?: string;
  requestTimeoutMs?: number;
  /** Time limit of each phase, ms. */
  timeLimitMs?: number;
  /** The share of sequences that must change state (default MIN_LIVE_SHARE). */
  minLiveShare?: number;
  onProgress?: (phase: 'lifecycle' | 'fuzz', done: number, total: number) => void;
}

export interface CheckRunResult {
  exitCode: (typeof EXIT)[keyof typeof EXIT];
  /** What to print, line by line. */
  lines: string[];
  /** For a JUnit report. */
  cases: { name: string; seconds: number; failure?: string }[];
  power?: Tally;
}

export const DEFAULT_TIME_LIMIT_MS = 10 * 60_000;

/** The replay line: every option that changes what is generated, with secrets given on the command line left as placeholders. */
export function replayLine(
  o: CheckRunOptions,
  phase: 'lifecycle' | 'fuzz',
  seed: number,
  path: string,
  replayPath: string | undefined,
): string {
  const parts = ['coupon-kit check', `--api ${o.api}`, `--target ${o.target}`];
  if (o.fixtures !== undefined) parts.push(`--fixtures ${o.fixtures}`);
  if (o.apiKey !== undefined) parts.push('--api-key <key>');
  if (o.token !== undefined) parts.push('--token <token>');
  if (o.controlToken !== undefined) parts.push('--control-token <token>');
  parts.push(phase === 'lifecycle' ? `--runs ${o.runs} --fuzz-runs 0` : `--runs 0 --fuzz-runs ${o.fuzzRuns}`);
  parts.push(`--seed ${seed}`, `--path "${path}"`);
  if (replayPath) parts.push(`--replay-path "${replayPath}"`);
  return parts.join(' ');
}

const DRY_HINT = {
  zupy: {
    control: 'seed the target with more active coupons for the company under test (POST /__control/seed)',
    sandbox:
      'give the customers in customer_ids more active coupons (or enough points and a reward in reward_ids to redeem), or lower --runs',
  },
  b2s: {
    control: 'seed the target with more unused coupons (POST /__control/seed)',
    sandbox: "add unused coupons expiring more than 3 h from now to the token's companies, or lower --runs",
  },
} as const;

interface Prepared {
  target: Target;
  lifecycle: (tally: Tally) => IAsyncPropertyWithHooks<[unknown]>;
  fuzz: HttpFuzzContext;
  notes: string[];
  /** What to do when no command was aimed at a coupon the caller must not reach (the power line says it). */
  ownershipHint?: string;
}

async function prepare(o: CheckRunOptions, formats: Set<ZupyFormatSeen>): Promise<Prepared> {
  const url = o.target.replace(/\/$/, '');
  const http = { requestTimeoutMs: o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, zupyFormats: formats };
  const property = { ...(o.replayPath === undefined ? {} : { replayPath: o.replayPath }) };
  if (o.fixtures === undefined) {
    const target = urlTarget(o.api, url, { ...http, ...(o.controlToken === undefined ? {} : { controlToken: o.controlToken }) });
    try {
      await controlOf(target).clock();
    } catch (err) {
      if (err instanceof TargetSilentError && err.message.includes('stopped answering')) throw err;
      throw new SetupError(
        `${o.target} has no reachable coupon-kit control API (${(err as Error).message}); for a target without one, give --fixtures FILE (see --help)`,
      );
    }
    const f = await controlOf(target).fixtures<{
      api_keys?: { key: string; access: string; revoked?: boolean }[];
      tokens?: { token: string; company_ids: string[] }[];
      coupons?: { id: string }[];
      customers?: { id: string }[];
    }>();
    const auth: Record<string, string> =
      o.api === 'zupy'
        ? { 'X-API-Key': f.api_keys?.find((k) => k.access === 'read-write' && !k.revoked)?.key ?? '' }
        : {
            Authorization: `Bearer ${(f.tokens ?? []).reduce((best, t) => (t.company_ids.length > best.company_ids.length ? t : best), { token: '', company_ids: [] as string[] }).token}`,
          };
    const ids = [...(f.customers ?? []), ...(f.coupons ?? [])].map((x) => x.id).slice(0, 20);
    const lifecycle = (tally: Tally) =>
      o.api === 'zupy' ? zupyProperty(target, { ...property, tally }) : b2sProperty(target, { ...property, tally });
    return { target, lifecycle: lifecycle as Prepared['lifecycle'], fuzz: { auth, ids }, notes: [] };
  }
  const overrides = { ...(o.apiKey === undefined ? {} : { apiKey: o.apiKey }), ...(o.token === undefined ? {} : { token: o.token }) };
  const target = sandboxTarget(o.api, url, http);
  if (o.api === 'zupy') {
    const f = loadFixtureFile(o.fixtures, 'zupy', overrides);
    const pre = await zupySandboxPreflight(target, f, newTally());
    const notes = [
      ...pre.notes,
      `sandbox: ${pre.validatable} validations left on ${pre.total} tracked coupons of customer_ids; ${f.reward_ids.length} reward(s) to redeem`,
    ];
    const lifecycle = (tally: Tally) => zupySandboxProperty(target, f, pre.info, { ...property, tally });
    return {
      target,
      lifecycle: lifecycle as Prepared['lifecycle'],
      fuzz: {
        auth: { 'X-API-Key': f.api_key },
        ids: [...f.customer_ids, ...f.reward_ids],
        skip: pre.info.pointsEndpoint ? [] : ['getCustomerPoints'],
      },
      notes,
    };
  }
  const f = loadFixtureFile(o.fixtures, 'b2s', overrides);
  const pre = await b2sSandboxPreflight(target, f, newTally());
  const notes = [`sandbox: ${pre.patchable} of ${pre.total} tracked coupons can still be PATCHed`];
  const lifecycle = (tally: Tally) => b2sSandboxProperty(target, f, { ...property, tally });
  return {
    target,
    lifecycle: lifecycle as Prepared['lifecycle'],
    fuzz: { auth: { Authorization: `Bearer ${f.token}` }, ids: f.scoped_company_id ? [f.scoped_company_id] : [] },
    notes,
    ownershipHint:
      f.scoped_token === undefined
        ? 'the fixture file has no scoped_token: add scoped_token and scoped_company_id to try it'
        : 'raise --runs; the token must also reach coupons outside scoped_company_id',
  };
}

const replayPathOf = (report: string | undefined) => /replayPath="([^"]*)"/.exec(report ?? '')?.[1];

/** Runs a check and says what happened; never throws for a problem of the target or the options. */
export async function runCheck(o: CheckRunOptions): Promise<CheckRunResult> {
  const lines: string[] = [];
  const cases: CheckRunResult['cases'] = [];
  const formats = new Set<ZupyFormatSeen>();
  const mode = o.fixtures === undefined ? '' : `; no control API, live state read with ${o.fixtures}`;
  const cannot = (message: string): CheckRunResult => {
    lines.push(`FAIL ${o.api} check could not run against ${o.target}: ${message}`);
    cases.push({ name: 'setup', seconds: 0, failure: message });
    return { exitCode: EXIT.error, lines, cases };
  };
  if (o.path !== undefined && o.seed === undefined) return cannot('--path replays a failure together with its --seed');
  if (o.path !== undefined && o.runs > 0 && o.fuzzRuns > 0)
    return cannot(
      '--path replays one phase: add --fuzz-runs 0 (a lifecycle failure) or --runs 0 (a fuzz failure), as the printed replay line does',
    );
  let prepared: Prepared;
  try {
    prepared = await prepare(o, formats);
  } catch (err) {
    if (err instanceof SetupError || err instanceof FixtureFileError) return cannot(err.message);
    throw err;
  }
  lines.push(...prepared.notes);
  const seed = o.seed ?? (Math.random() * 0x7fffffff) | 0;
  const timeLimit = o.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const params = <T>(numRuns: number): fc.Parameters<T> => ({
    numRuns,
    seed,
    interruptAfterTimeLimit: timeLimit,
    markInterruptAsFailure: true,
    ...(o.path === undefined ? {} : { path: o.path }),
  });
  const tally = newTally();
  let exitCode: CheckRunResult['exitCode'] = EXIT.pass;

  /** One phase: its verdict lines, or null when it passed. */
  const phase = async (name: 'lifecycle' | 'fuzz', property: IAsyncPropertyWithHooks<[unknown]>, numRuns: number, what: string) => {
    let done = 0;
    const started = performance.now();
    const out: RunDetails<[unknown]> = await fc.check(
      property.afterEach(() => o.onProgress?.(name, ++done, numRuns)),
      params<[unknown]>(numRuns),
    );
    const seconds = (performance.now() - started) / 1000;
    const error = out.errorInstance;
    if (out.failed && error instanceof SetupError) {
      lines.push(`FAIL ${o.api} check could not ${done ? 'finish' : 'run'} against ${o.target}: ${error.message}`);
      cases.push({ name: what, seconds, failure: error.message });
      return EXIT.error;
    }
    if (out.interrupted) {
      const message = `the time limit (${timeLimit / 1000} s, --time-limit) ran out after ${out.numRuns} of ${numRuns} ${name === 'lifecycle' ? 'sequences' : 'fuzz requests'}: the target is too slow for this many runs`;
      lines.push(`FAIL ${o.api} check could not finish against ${o.target}: ${message}`);
      cases.push({ name: what, seconds, failure: message });
      return EXIT.error;
    }
    if (out.failed) {
      const report = fc.defaultReportMessage(out) ?? '';
      const where =
        name === 'lifecycle' ? `conformance after ${out.numRuns} sequence(s)${mode}` : `HTTP fuzz after ${out.numRuns} request(s)`;
      lines.push(`FAIL ${o.api} ${where}: ${String(error)}`, report);
      lines.push(
        `replay: ${replayLine(o, name, out.seed, out.counterexamplePath ?? '', name === 'lifecycle' ? replayPathOf(report) : undefined)}`,
      );
      if (o.fixtures !== undefined && name === 'lifecycle')
        lines.push('        (the target was not reset: a replay runs the same commands against its state as it is now)');
      cases.push({ name: what, seconds, failure: `${String(error)}\n${report}` });
      return EXIT.fail;
    }
    lines.push(
      name === 'lifecycle'
        ? `ok   ${o.api} conformance: ${out.numRuns} sequences passed in ${seconds.toFixed(1)} s (seed ${seed}${mode})`
        : `ok   ${o.api} HTTP fuzz: ${out.numRuns} requests with malformed JSON, wrong content types, oversize bodies, missing and bad credentials answered as declared in ${seconds.toFixed(1)} s`,
    );
    cases.push({ name: what, seconds });
    return EXIT.pass;
  };

  if (o.runs > 0) {
    exitCode = await phase('lifecycle', prepared.lifecycle(tally), o.runs, `${o.runs} lifecycle sequences`);
    const minLiveShare = o.minLiveShare ?? MIN_LIVE_SHARE;
    const power = powerLine(tally, minLiveShare, prepared.ownershipHint);
    lines.push(power);
    if (exitCode === EXIT.pass && o.path === undefined && isDry(tally, minLiveShare)) {
      const hint = DRY_HINT[o.api][o.fixtures === undefined ? 'control' : 'sandbox'];
      const changed = Object.values(tally.changed).reduce((a, b) => a + b, 0);
      const why =
        changed === 0
          ? `no state-changing command of the ${tally.sequences} sequences changed state`
          : `only ${tally.liveSequences} of ${tally.sequences} sequences had anything to change (the threshold is ${Math.round(minLiveShare * 100)}%)`;
      lines.push(
        `DRY  ${o.api} conformance is inconclusive: ${why}, so a double spend or a lost update had little to show on. To trust a run, ${hint}.`,
      );
      cases.push({ name: 'power', seconds: 0, failure: `dry: ${power}` });
      exitCode = EXIT.dry;
    }
  }
  if (o.fuzzRuns > 0 && exitCode !== EXIT.fail && exitCode !== EXIT.error) {
    const fuzzExit = await phase(
      'fuzz',
      httpFuzzProperty(prepared.target, loadSpec(o.api), prepared.fuzz),
      o.fuzzRuns,
      `${o.fuzzRuns} HTTP fuzz requests`,
    );
    if (fuzzExit !== EXIT.pass) exitCode = fuzzExit;
  }
  const note = o.api === 'zupy' ? formatNote(formats) : undefined;
  if (note) lines.push(note);
  return { exitCode, lines, cases, power: tally };
}
