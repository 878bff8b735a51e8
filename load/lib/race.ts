/**
 * The race skeleton both race scripts share; each API supplies a `RaceTarget` (how to provision
 * coupons, fire one attempt, classify a response and read the coupons' final state).
 *
 * Shape: `groups` coupon groups of `coupons` coupons with `uses` uses each. Wave g: every VU sleeps
 * until the same instant, then fires one attempt at every coupon of group g in one `http.batch`, so
 * each coupon gets `vus` simultaneous contenders for `uses` uses.
 *
 * Every coupon has a slot tag (`group.index`); successes are counted per slot, and teardown records
 * each coupon's consumed uses from the provider's final state (read after every wave is done,
 * honouring Retry-After on 429). The thresholds are the safety verdict only, per coupon: successes
 * <= uses, consumed <= uses, successes − consumed <= 0. Latency is measured (`race_latency`), never
 * judged. Whether the run could judge at all (timeouts, 429s, unreadable state) is the verdict's
 * `inconclusive` outcome (lib/verdict.ts), printed by handleSummary and by `coupon-kit race`.
 */
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import http, { type ObjectBatchRequest, type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter, Gauge, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { baseUrl, ConfigError, int, optional } from './env.ts';
import { healthProbe } from './http.ts';
import { raceShape, runners, type RaceShape } from './profiles.ts';
import type { SummaryData } from './summary-data.ts';
import { summarize } from './summary.ts';
import { M, slotOf } from './verdict.ts';

export type Res = RefinedResponse<ResponseType | undefined>;
/** What an API says of one answer (the script handles 429, 5xx and no answer itself). */
export type AnswerClass = 'success' | 'refused' | 'unexpected';
type Answer = AnswerClass | 'throttled' | 'timeout' | 'connection' | '5xx';

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
  /** Uses the provider's state shows as consumed; absent when it could not be read. */
  consumed?: number;
  /** Why it could not be read. */
  unreadable?: string;
  /** Unreadable because the provider still answered 429. */
  throttled?: boolean;
  /** Inconsistencies of the state read (reported, e.g. used without a usage date). */
  problems: string[];
}

export interface FinalRead {
  states: FinalState[];
  /** 429 answers seen (and waited out) while reading. */
  throttled: number;
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
  classify(res: Res): AnswerClass;
  /** Final state of the coupons, read from the provider, retrying 429s within `budgetMs`. */
  finalState(plan: RacePlan<C>, coupons: C[], budgetMs: number): FinalRead;
  /** A short label of a coupon for messages. */
  label(coupon: C): string;
}

const answers: Record<Answer, Counter> = {
  success: new Counter(M.success),
  refused: new Counter(M.refused),
  throttled: new Counter(M.throttled),
  timeout: new Counter(M.timeout),
  connection: new Counter(M.connection),
  '5xx': new Counter(M.serverError),
  unexpected: new Counter(M.unexpected),
};
const latency = new Trend(M.latency, true);
const doubleSpend = new Counter(M.doubleSpend);
const consumedGauge = new Gauge(M.consumed);
const finalRead = new Counter(M.finalRead);
const unreadable = new Counter(M.unreadable);
const unreadable429 = new Counter(M.unreadable429);
const readsThrottled = new Counter(M.readsThrottled);
const finalProblems = new Counter(M.problems);

const waveTag = (g: number) => String(g + 1);
/** k6 reports a request timeout as status 0 with error code 1050. */
const K6_TIMEOUT = 1050;

/** The safety verdict, per coupon slot; nothing else (latency and liveness are reported, not judged). */
function thresholds(shape: RaceShape): NonNullable<Options['thresholds']> {
  const t: NonNullable<Options['thresholds']> = {};
  for (let g = 0; g < shape.groups; g++) {
    for (let i = 0; i < shape.coupons; i++) {
      const slot = slotOf(g, i);
      t[`${M.success}{slot:${slot}}`] = [`count<=${shape.uses}`];
      t[`${M.consumed}{slot:${slot}}`] = [`value<=${shape.uses}`];
      t[`${M.doubleSpend}{slot:${slot}}`] = ['count<=0'];
    }
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
  const prepareOnly = optional('PREPARE_ONLY') === '1';
  /** `skip` on all runners but one when several share a run: one read of the final state is enough. */
  const readFinal = optional('FINAL_STATE') !== 'skip';
  const settleMs = int('SETTLE_MS', nRunners > 1 ? 5000 : 0, 0, 600_000);
  const timeoutMs = int('REQUEST_TIMEOUT_MS', 10_000, 100, 600_000);
  const readBudgetMs = int('READ_BUDGET_MS', 90_000, 0, 600_000);
  const scheduleS = Math.ceil((shape.leadMs + shape.groups * shape.waveMs) / 1000);

  const options: Options = {
    scenarios: {
      race: prepareOnly
        ? { executor: 'per-vu-iterations', vus: 1, iterations: 1 }
        : {
            executor: 'per-vu-iterations',
            vus: shape.vus,
            iterations: shape.groups,
            maxDuration: `${scheduleS + 60}s`,
            gracefulStop: '10s',
          },
    },
    batch: shape.coupons,
    batchPerHost: shape.coupons,
    setupTimeout: '120s',
    teardownTimeout: `${Math.ceil((settleMs + readBudgetMs + timeoutMs) / 1000) + 60}s`,
    summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max'],
    thresholds: prepareOnly ? {} : thresholds(shape),
  };

  function setup(): RacePlan<C> {
    if (shape.vus <= shape.uses)
      throw new ConfigError(
        `VUS=${shape.vus} must exceed USES=${shape.uses}: each coupon needs more contenders than uses, or nothing races for the last use`,
      );
    const base = baseUrl(target.defaultPort);
    healthProbe(base, target.probePath);
    const p = target.provision(base, shape, shape.groups * shape.coupons);
    if (p.uses !== shape.uses)
      throw new ConfigError(`the provided coupons have ${p.uses} use(s) each but USES=${shape.uses}; run with USES=${p.uses}`);
    const shared = startAtFromEnv();
    if (nRunners > 1 && shared === undefined)
      throw new ConfigError('RUNNERS > 1: set START_AT (epoch ms) so every runner fires its waves at the same instants');
    if (shared !== undefined && shared < Date.now())
      throw new ConfigError(
        `START_AT is ${Math.round((Date.now() - shared) / 1000)} s in the past: the runners would not start together; pick a later instant`,
      );
    const startAt = shared ?? Date.now() + shape.leadMs;
    return {
      api: target.api,
      base,
      headers: p.headers,
      groups: p.groups,
      uses: p.uses,
      shape,
      runners: nRunners,
      startAt,
      settleAt: startAt + shape.groups * shape.waveMs + settleMs,
      source: p.source,
      prepareOnly,
    };
  }

  function classify(res: Res): Answer {
    if (res.status === 0) return res.error_code === K6_TIMEOUT ? 'timeout' : 'connection';
    if (res.status === 429) return 'throttled';
    if (res.status >= 500) return '5xx';
    return target.classify(res);
  }

  function run(plan: RacePlan<C>): void {
    if (plan.prepareOnly) return;
    const g = exec.vu.iterationInScenario;
    const group = plan.groups[g];
    if (!group) return;
    if (g === 0) warmUp(plan, target.probePath, group.length);
    sleepUntil(plan.startAt + g * plan.shape.waveMs);
    const wave = waveTag(g);
    const params = {
      headers: plan.headers,
      timeout: `${timeoutMs}ms`,
      tags: { phase: 'race', wave },
      responseCallback: http.expectedStatuses(target.successStatus, target.refusalStatus, 429),
    };
    const first = exec.vu.idInTest % group.length;
    const order = group.map((_, k) => (first + k) % group.length);
    const responses = http.batch(order.map((i) => ({ ...target.request(plan, group[i] as C), params })));
    let unclassified = 0;
    responses.forEach((res, k) => {
      const answer = classify(res);
      const tags = { wave, slot: slotOf(g, order[k] as number) };
      answers[answer].add(1, tags);
      if (answer === 'throttled') answers.refused.add(1, tags);
      if (answer === 'success') doubleSpend.add(1, tags);
      if (res.status !== 0) latency.add(res.timings.duration, { wave });
      if (answer !== 'success' && answer !== 'refused' && answer !== 'throttled') unclassified++;
    });
    check(unclassified, { [`every answer is ${target.successStatus}, ${target.refusalLabel} or 429`]: (n) => n === 0 }, { wave });
  }

  function teardown(plan: RacePlan<C>): void {
    if (plan.prepareOnly) return;
    const slots = plan.groups.flatMap((group, g) => group.map((coupon, i) => ({ g, coupon, slot: slotOf(g, i) })));
    if (!readFinal) {
      // Another runner reads the final state; this one marks every slot unread (consumed −1, and
      // double_spend lowered by more than this runner's contenders could have won).
      for (const { slot } of slots) {
        consumedGauge.add(-1, { slot });
        doubleSpend.add(-plan.shape.vus, { slot });
      }
      return;
    }
    sleepUntil(plan.settleAt);
    const read = target.finalState(plan, plan.groups.flat(), readBudgetMs);
    readsThrottled.add(read.throttled);
    const notes: string[] = [];
    read.states.forEach((s, k) => {
      const { g, coupon, slot } = slots[k] as (typeof slots)[number];
      const tags = { slot, wave: waveTag(g) };
      const label = `group ${tags.wave} ${target.label(coupon)}`;
      if (s.consumed === undefined) {
        consumedGauge.add(-1, tags);
        doubleSpend.add(-plan.shape.vus, tags);
        unreadable.add(1, tags);
        if (s.throttled) unreadable429.add(1, tags);
        if (notes.length < 5) notes.push(`${label}: unreadable (${s.unreadable ?? 'unknown'})`);
      } else {
        consumedGauge.add(s.consumed, tags);
        doubleSpend.add(-s.consumed, tags);
      }
      if (s.problems.length > 0) {
        finalProblems.add(1, tags);
        if (notes.length < 5) notes.push(`${label}: ${s.problems.join('; ')}`);
      }
    });
    finalRead.add(1);
    if (notes.length > 0) console.warn(`final state (first ${notes.length} notes):\n  ${notes.join('\n  ')}`);
  }

  function handleSummary(data: SummaryData) {
    return summarize(target.name, data, target.refusalLabel);
  }

  return { options, setup, run, teardown, handleSummary };
}
