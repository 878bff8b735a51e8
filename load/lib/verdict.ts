/**
 * The race verdict, computed from one or several k6 runners' summaries (no k6 imports: the scripts'
 * handleSummary and the Node side both use it). Three outcomes:
 *  - `double-spend`: some coupon was granted more uses than it has. Per coupon: wins (successes seen,
 *    summed over runners) > uses, or the final state shows more uses consumed than it has, or fewer
 *    consumed than were granted (a lost update: a granted use the provider did not record);
 *  - `inconclusive`: no double spend was seen, but the run cannot vouch for safety (timeouts,
 *    connection errors, 5xx or unclassified answers, 429s during the race, a final state that could
 *    not be read, coupons whose last use nobody raced for);
 *  - `safe`: every coupon raced to its last use, every answer classified, the final state read, and
 *    wins == consumed <= uses everywhere.
 * Latency is reported, never judged.
 */
import { countOf, failedThresholds, type SummaryData } from './summary-data.ts';

export type RaceOutcome = 'safe' | 'double-spend' | 'inconclusive';

/** Exit codes of `coupon-kit race` (99 is also k6's own "thresholds crossed"). */
export const RACE_EXIT = { safe: 0, 'double-spend': 99, inconclusive: 98, setup: 2 } as const;

/** Metric names the race scripts emit (load/lib/race.ts) and this verdict reads. */
export const M = {
  success: 'race_success',
  refused: 'race_refused',
  throttled: 'race_429',
  timeout: 'race_timeout',
  connection: 'race_connection_error',
  serverError: 'race_5xx',
  unexpected: 'race_unexpected',
  latency: 'race_latency',
  doubleSpend: 'double_spend',
  consumed: 'final_consumed',
  finalRead: 'final_read',
  unreadable: 'final_unreadable',
  unreadable429: 'final_unreadable_429',
  readsThrottled: 'final_reads_429',
  problems: 'final_state_problems',
} as const;

export const slotOf = (group: number, index: number): string => `${group + 1}.${index + 1}`;
export const slotMetric = (metric: string, slot: string): string => `${metric}{slot:${slot}}`;

/** The parts of the race plan (setup data) the verdict reads. */
export interface PlanView {
  api: string;
  source: string;
  runners: number;
  uses: number;
  shape: { vus: number; groups: number; coupons: number };
  groups: { code?: string; id?: string }[][];
}

export interface CouponRow {
  slot: string;
  group: number;
  code: string;
  uses: number;
  /** Successes seen, all runners. */
  wins: number;
  /** Successes per runner (index 0 = runner 1). */
  winsByRunner: number[];
  /** Uses the provider's final state shows consumed; undefined when it could not be read. */
  consumed: number | undefined;
  /** Uses granted beyond what the coupon has (0 = fine). */
  excess: number;
}

export interface GroupRow {
  group: number;
  coupons: number;
  expectedSuccesses: number;
  successes: number;
  /** Sum over the coupons whose final state was read. */
  consumed: number;
  unread: number;
  doubleSpent: number;
}

export interface RaceCounts {
  successes: number;
  refusals: number;
  throttled: number;
  timeouts: number;
  connectionErrors: number;
  serverErrors: number;
  unexpected: number;
  unreadable: number;
  unreadable429: number;
  readsThrottled: number;
  notConsumed: number;
  consumedWithoutWin: number;
  finalProblems: number;
}

export interface RaceVerdict {
  outcome: RaceOutcome;
  api: string;
  source: string;
  vus: number;
  uses: number;
  runners: number;
  coupons: CouponRow[];
  doubleSpent: CouponRow[];
  /** Σ excess over the double-spent coupons. */
  excessUses: number;
  groups: GroupRow[];
  counts: RaceCounts;
  /** Why the run is inconclusive (empty when it is not). */
  reasons: string[];
  latency: { p95Ms?: number; maxMs?: number };
  failedThresholds: string[];
}

export class SummaryError extends Error {
  override name = 'SummaryError';
}

export function planOf(s: SummaryData): PlanView {
  const plan = s.setup_data as PlanView | undefined;
  if (!plan?.shape || !Array.isArray(plan.groups)) throw new SummaryError('the summary has no race plan (setup_data): did setup() fail?');
  return plan;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The consumed uses a runner read for a slot, when that runner read the final state. */
function consumedBy(s: SummaryData, slot: string): number | undefined {
  if (countOf(s, M.finalRead) === 0) return undefined;
  const v = s.metrics[slotMetric(M.consumed, slot)]?.values.value;
  return v === undefined || v < 0 ? undefined : v;
}

/** One verdict over every runner's summary (all of the same plan; one runner is the usual case). */
export function raceVerdict(runs: SummaryData[]): RaceVerdict {
  const first = runs[0];
  if (!first) throw new SummaryError('no runner wrote a summary');
  const plan = planOf(first);
  const total = (metric: string) => sum(runs.map((r) => countOf(r, metric)));
  const most = (metric: string) => Math.max(0, ...runs.map((r) => countOf(r, metric)));
  const coupons: CouponRow[] = [];
  plan.groups.forEach((group, g) => {
    group.forEach((c, i) => {
      const slot = slotOf(g, i);
      const winsByRunner = runs.map((r) => countOf(r, slotMetric(M.success, slot)));
      const wins = sum(winsByRunner);
      const consumed = runs.map((r) => consumedBy(r, slot)).find((v) => v !== undefined);
      const excess = Math.max(
        0,
        wins - plan.uses,
        consumed === undefined ? 0 : consumed - plan.uses,
        consumed === undefined ? 0 : wins - consumed,
      );
      coupons.push({ slot, group: g + 1, code: c.code ?? c.id ?? slot, uses: plan.uses, wins, winsByRunner, consumed, excess });
    });
  });
  const doubleSpent = coupons.filter((c) => c.excess > 0);
  const groups: GroupRow[] = plan.groups.map((group, g) => {
    const rows = coupons.filter((c) => c.group === g + 1);
    return {
      group: g + 1,
      coupons: group.length,
      expectedSuccesses: group.length * plan.uses,
      successes: sum(rows.map((r) => r.wins)),
      consumed: sum(rows.map((r) => r.consumed ?? 0)),
      unread: rows.filter((r) => r.consumed === undefined).length,
      doubleSpent: rows.filter((r) => r.excess > 0).length,
    };
  });
  const counts: RaceCounts = {
    successes: total(M.success),
    refusals: total(M.refused),
    throttled: total(M.throttled),
    timeouts: total(M.timeout),
    connectionErrors: total(M.connection),
    serverErrors: total(M.serverError),
    unexpected: total(M.unexpected),
    unreadable: coupons.filter((c) => c.consumed === undefined).length,
    unreadable429: most(M.unreadable429),
    readsThrottled: most(M.readsThrottled),
    notConsumed: coupons.filter((c) => c.consumed !== undefined && c.consumed < c.uses).length,
    consumedWithoutWin: coupons.filter((c) => c.consumed !== undefined && c.consumed > c.wins).length,
    finalProblems: most(M.problems),
  };
  const reasons: string[] = [];
  if (counts.timeouts) reasons.push(`${counts.timeouts} race request(s) timed out: a use may have been granted without anyone seeing it`);
  if (counts.connectionErrors) reasons.push(`${counts.connectionErrors} race request(s) failed to connect or were cut off`);
  if (counts.serverErrors) reasons.push(`${counts.serverErrors} race answer(s) were 5xx`);
  if (counts.unexpected)
    reasons.push(`${counts.unexpected} race answer(s) were neither a success nor the provider's "already used" refusal`);
  if (counts.throttled)
    reasons.push(
      `${counts.throttled} race answer(s) were 429 rate-limit refusals (counted as refusals): fewer contenders reached the provider than the run intended`,
    );
  if (counts.unreadable) {
    const why = counts.unreadable429
      ? `; ${counts.unreadable429} still answered 429 after honouring Retry-After (${counts.readsThrottled} 429s in all)`
      : '';
    reasons.push(`the final state of ${counts.unreadable} coupon(s) could not be read${why}`);
  }
  if (counts.notConsumed) reasons.push(`${counts.notConsumed} coupon(s) were not fully consumed: nobody raced for their last use`);
  if (counts.consumedWithoutWin) reasons.push(`${counts.consumedWithoutWin} coupon(s) show more uses consumed than successes seen`);
  const outcome: RaceOutcome = doubleSpent.length > 0 ? 'double-spend' : reasons.length > 0 ? 'inconclusive' : 'safe';
  const latency = first.metrics[M.latency]?.values;
  return {
    outcome,
    api: plan.api,
    source: plan.source,
    vus: plan.shape.vus,
    uses: plan.uses,
    runners: runs.length,
    coupons,
    doubleSpent,
    excessUses: sum(doubleSpent.map((c) => c.excess)),
    groups,
    counts,
    reasons,
    latency: {
      p95Ms: latency?.['p(95)'],
      maxMs: runs.length === 1 ? latency?.max : Math.max(...runs.map((r) => r.metrics[M.latency]?.values.max ?? 0)),
    },
    failedThresholds: runs.flatMap((r, i) => failedThresholds(r).map((f) => (runs.length > 1 ? `runner ${i + 1}: ${f}` : f))),
  };
}

const table = (head: string[], rows: string[][]): string[] => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

/** The verdict as the user reads it: a table per group, the double-spent coupons, the outcome line. */
export function formatVerdict(v: RaceVerdict, refusalLabel: string): string {
  const out = table(
    ['group', 'coupons', 'successes exp/obs', 'consumed (state)', 'double-spent'],
    v.groups.map((g) => [
      String(g.group),
      String(g.coupons),
      `${g.expectedSuccesses}/${g.successes}`,
      `${g.consumed}${g.unread ? ` (+${g.unread} unread)` : ''}`,
      String(g.doubleSpent),
    ]),
  );
  const c = v.counts;
  out.push(
    '',
    `answers: ${c.successes} successes, ${c.refusals} refusals (${refusalLabel}; ${c.throttled} of them 429), ${c.timeouts} timeouts, ${c.connectionErrors} connection errors, ${c.serverErrors} 5xx, ${c.unexpected} unexpected`,
  );
  const lat = v.latency.p95Ms === undefined ? 'n/a' : `p95 ${v.latency.p95Ms.toFixed(1)} ms, max ${(v.latency.maxMs ?? 0).toFixed(1)} ms`;
  out.push(`latency (reported, not judged): ${lat}`);
  if (c.finalProblems) out.push(`final-state notes: ${c.finalProblems} coupon(s) read inconsistently (see the k6 output)`);
  if (v.doubleSpent.length > 0) {
    const runnerCols = v.runners > 1 ? Array.from({ length: v.runners }, (_, i) => `runner ${i + 1}`) : [];
    out.push(
      '',
      ...table(
        ['coupon', 'group', 'uses', 'wins', 'consumed (state)', 'extra uses', ...runnerCols],
        v.doubleSpent.map((r) => [
          r.code,
          String(r.group),
          String(r.uses),
          String(r.wins),
          r.consumed === undefined ? 'unread' : String(r.consumed),
          String(r.excess),
          ...(v.runners > 1 ? r.winsByRunner.map(String) : []),
        ]),
      ),
    );
  }
  out.push('');
  if (v.outcome === 'double-spend')
    out.push(
      `DOUBLE SPEND: ${v.doubleSpent.length} of ${v.coupons.length} coupon(s) granted ${v.excessUses} use(s) beyond what they have (exit ${RACE_EXIT['double-spend']})`,
    );
  else if (v.outcome === 'inconclusive')
    out.push(
      `INCONCLUSIVE: no double spend seen, but the run cannot vouch for safety (exit ${RACE_EXIT.inconclusive}):\n  - ${v.reasons.join('\n  - ')}`,
    );
  else
    out.push(
      `SAFE: no double spend; ${v.coupons.length} coupons, ${v.vus} contenders each for ${v.uses} use(s), every coupon consumed exactly (coupons: ${v.source})`,
    );
  return out.join('\n');
}
