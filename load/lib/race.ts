/**
 * The race skeleton both race scripts share; each API supplies a `RaceTarget` (how to provision
 * coupons, fire one attempt, classify a response and read a coupon's final state).
 *
 * Shape: `groups` coupon groups of `coupons` coupons with `uses` uses each. Wave g: every VU sleeps
 * until the same instant, then fires one attempt at every coupon of group g in one `http.batch`, so
 * each coupon gets `vus` simultaneous contenders for `uses` uses.
 *
 * Verdict (thresholds, so a broken invariant exits 99):
 *  - per response: only the success status or the provider's exact "already used" refusal;
 *  - final state (teardown reads the provider): every coupon fully consumed (`uses_consumed`);
 *  - `double_spend` = successes seen − uses the provider's final state shows consumed: 0 when one
 *    runner saw every attempt; ≤ 0 for one of several runners sharing the coupons (RUNNERS > 1);
 *  - successes per group = coupons × uses, the rest refused (exact only with one runner).
 */
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import http, { type ObjectBatchRequest, type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { baseUrl, ConfigError, int, optional } from './env.ts';
import { healthProbe } from './http.ts';
import { raceShape, runners, type RaceShape } from './profiles.ts';
import { summarize, type SummaryData } from './summary.ts';

export type Res = RefinedResponse<ResponseType | undefined>;
export type Outcome = 'success' | 'refused' | '5xx' | 'unexpected';

/** What setup hands to every VU and to teardown (plain JSON). */
export interface RacePlan<C> {
  api: string;
  base: string;
  headers: Record<string, string>;
  groups: C[][];
  uses: number;
  shape: RaceShape;
  runners: number;
  /** Epoch ms of wave 1; wave g starts at startAt + (g − 1) × waveMs. */
  startAt: number;
  /** Teardown reads the final state no earlier than this (all runners' waves are done). */
  settleAt: number;
  /** Where the coupons came from: seeded through the control API, redeemed, or RACE_COUPONS. */
  source: string;
  prepareOnly: boolean;
}

export interface Provisioned<C> {
  headers: Record<string, string>;
  groups: C[][];
  uses: number;
  source: string;
}

export interface FinalState {
  /** Uses the provider's state shows as consumed. */
  consumed: number;
  /** Invariant violations for this coupon (empty = fine). */
  problems: string[];
}

export interface RaceTarget<C> {
  api: 'zupy' | 'b2s';
  /** Script name, used for report files. */
  name: string;
  /** The path the setup health probe GETs (no auth needed; any answer below 500 is healthy). */
  probePath: string;
  defaultPort: number;
  /** B2S coupons have exactly one use; Zupy takes USES. */
  fixedUses?: number;
  successStatus: number;
  refusalStatus: number;
  /** Human label of a refusal, e.g. `409 "Cupom já Used"`. */
  refusalLabel: string;
  provision(base: string, shape: RaceShape, count: number): Provisioned<C>;
  request(plan: RacePlan<C>, coupon: C): Pick<ObjectBatchRequest, 'method' | 'url' | 'body'>;
  classify(res: Res): Outcome;
  /** Final state of one group's coupons, read from the provider (one batch). */
  finalState(plan: RacePlan<C>, coupons: C[]): FinalState[];
  /** A short label of a coupon for messages. */
  label(coupon: C): string;
}

const success = new Counter('race_success');
const refused = new Counter('race_refused');
const serverErrors = new Counter('race_5xx');
const unexpected = new Counter('race_unexpected');
const consumed = new Counter('uses_consumed');
const doubleSpend = new Counter('double_spend');
const violations = new Counter('final_state_violations');
const COUNTERS: Record<Outcome, Counter> = { success, refused, '5xx': serverErrors, unexpected };

const waveTag = (g: number) => String(g + 1);

function thresholds(shape: RaceShape, exact: boolean, p95Ms: number): NonNullable<Options['thresholds']> {
  const perGroup = shape.coupons * shape.uses;
  const refusedPerGroup = shape.coupons * (shape.vus - shape.uses);
  const t: NonNullable<Options['thresholds']> = {
    checks: ['rate==1'],
    'http_req_failed{phase:race}': ['rate==0'],
    race_5xx: ['count==0'],
    race_unexpected: ['count==0'],
    final_state_violations: ['count==0'],
    double_spend: [exact ? 'count==0' : 'count<=0'],
    race_success: [exact ? `count==${perGroup * shape.groups}` : `count<=${perGroup * shape.groups}`],
  };
  for (let g = 0; g < shape.groups; g++) {
    const w = waveTag(g);
    t[`race_success{wave:${w}}`] = [exact ? `count==${perGroup}` : `count<=${perGroup}`];
    if (exact) t[`race_refused{wave:${w}}`] = [`count==${refusedPerGroup}`];
    t[`uses_consumed{wave:${w}}`] = [`count==${perGroup}`];
    t[`race_5xx{wave:${w}}`] = ['count==0'];
    t[`http_req_duration{wave:${w}}`] = [`p(95)<${p95Ms}`];
  }
  return t;
}

/** Epoch ms from START_AT (epoch ms or ISO 8601), when every runner must share one schedule. */
function startAtFromEnv(): number | undefined {
  const raw = optional('START_AT');
  if (raw === undefined) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) throw new ConfigError(`START_AT=${raw}: expected epoch milliseconds or an ISO 8601 date-time`);
  return ms;
}

/** Opens this VU's connections before the barrier, so wave 1 is as simultaneous as the others. */
function warmUp(plan: { base: string }, path: string, connections: number): void {
  const params = { tags: { phase: 'warmup' }, responseCallback: http.expectedStatuses({ min: 100, max: 499 }) };
  http.batch(Array.from({ length: connections }, () => ({ method: 'GET', url: `${plan.base}${path}`, params })));
}

const sleepUntil = (ms: number) => {
  const wait = ms - Date.now();
  if (wait > 0) sleep(wait / 1000);
};

export function createRace<C>(target: RaceTarget<C>) {
  const shape = raceShape(target.fixedUses);
  const nRunners = runners();
  const exact = nRunners === 1;
  const prepareOnly = optional('PREPARE_ONLY') === '1';
  const p95Ms = int('P95_MS', 2000, 1, 600_000);
  const settleMs = int('SETTLE_MS', nRunners > 1 ? 5000 : 0, 0, 600_000);
  const scheduleS = Math.ceil((shape.leadMs + shape.groups * shape.waveMs) / 1000);

  const options: Options = {
    scenarios: {
      race: prepareOnly
        ? { executor: 'per-vu-iterations', vus: 1, iterations: 1 }
        : { executor: 'per-vu-iterations', vus: shape.vus, iterations: shape.groups, maxDuration: `${scheduleS + 60}s`, gracefulStop: '10s' },
    },
    batch: shape.coupons,
    batchPerHost: shape.coupons,
    setupTimeout: '120s',
    teardownTimeout: `${Math.ceil(settleMs / 1000) + 120}s`,
    summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max'],
    thresholds: prepareOnly ? {} : thresholds(shape, exact, p95Ms),
  };

  function setup(): RacePlan<C> {
    if (shape.vus <= shape.uses) throw new ConfigError(`VUS=${shape.vus} must exceed USES=${shape.uses}: each coupon needs more contenders than uses, or nothing races for the last use`);
    const base = baseUrl(target.defaultPort);
    healthProbe(base, target.probePath);
    const p = target.provision(base, shape, shape.groups * shape.coupons);
    if (p.uses !== shape.uses) throw new ConfigError(`the provided coupons have ${p.uses} use(s) each but USES=${shape.uses}; run with USES=${p.uses}`);
    const shared = startAtFromEnv();
    if (nRunners > 1 && shared === undefined) throw new ConfigError('RUNNERS > 1: set START_AT (epoch ms) so every runner fires its waves at the same instants');
    if (shared !== undefined && shared < Date.now()) throw new ConfigError(`START_AT is ${Math.round((Date.now() - shared) / 1000)} s in the past: the runners would not start together; pick a later instant`);
    const startAt = shared ?? Date.now() + shape.leadMs;
    return {
      api: target.api, base, headers: p.headers, groups: p.groups, uses: p.uses, shape, runners: nRunners, startAt,
      settleAt: startAt + shape.groups * shape.waveMs + settleMs, source: p.source, prepareOnly,
    };
  }

  function run(plan: RacePlan<C>): void {
    if (plan.prepareOnly) return;
    const g = exec.vu.iterationInScenario;
    const group = plan.groups[g];
    if (!group) return;
    if (g === 0) warmUp(plan, target.probePath, group.length);
    sleepUntil(plan.startAt + g * plan.shape.waveMs);
    const tags = { phase: 'race', wave: waveTag(g) };
    const params = { headers: plan.headers, tags, responseCallback: http.expectedStatuses(target.successStatus, target.refusalStatus) };
    const first = exec.vu.idInTest % group.length;
    const order = [...group.slice(first), ...group.slice(0, first)];
    const responses = http.batch(order.map((c) => ({ ...target.request(plan, c), params })));
    const counts: Record<Outcome, number> = { success: 0, refused: 0, '5xx': 0, unexpected: 0 };
    for (const res of responses) counts[target.classify(res)]++;
    for (const o of Object.keys(counts) as Outcome[]) COUNTERS[o].add(counts[o], { wave: tags.wave });
    doubleSpend.add(counts.success, { wave: tags.wave });
    check(counts, { [`every answer is ${target.successStatus} or ${target.refusalLabel}`]: (c) => c['5xx'] + c.unexpected === 0 }, { wave: tags.wave });
  }

  function teardown(plan: RacePlan<C>): void {
    if (plan.prepareOnly) return;
    sleepUntil(plan.settleAt);
    const examples: string[] = [];
    plan.groups.forEach((group, g) => {
      const tags = { wave: waveTag(g) };
      const states = target.finalState(plan, group);
      states.forEach((s, i) => {
        consumed.add(s.consumed, tags);
        doubleSpend.add(-s.consumed, tags);
        violations.add(s.problems.length > 0 ? 1 : 0, tags);
        if (s.problems.length > 0 && examples.length < 5) examples.push(`group ${tags.wave} ${target.label(group[i] as C)}: ${s.problems.join('; ')}`);
      });
      check(states, { 'final state: every coupon fully consumed': (ss) => ss.every((s) => s.problems.length === 0) }, tags);
    });
    if (examples.length > 0) console.warn(`final-state violations (first ${examples.length}):\n  ${examples.join('\n  ')}`);
  }

  function handleSummary(data: SummaryData) {
    return summarize(target.name, data);
  }

  return { options, setup, run, teardown, handleSummary };
}
