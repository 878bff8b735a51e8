/** Reads a race's k6 summary JSON (written by load/lib/summary.ts) into a verdict per coupon group. */

export interface K6Metric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface K6Summary {
  metrics: Record<string, K6Metric>;
  state: { testRunDurationMs: number };
  setup_data?: unknown;
}

interface PlanView {
  api: string;
  source: string;
  runners: number;
  uses: number;
  shape: { vus: number; groups: number; coupons: number; uses: number };
}

export interface GroupVerdict {
  group: number;
  coupons: number;
  expectedSuccesses: number;
  successes: number;
  expectedRefusals: number;
  refusals: number;
  /** Uses the provider's final state shows consumed. */
  consumed: number;
  serverErrors: number;
  p95Ms: number | undefined;
  ok: boolean;
}

export interface RaceVerdict {
  ok: boolean;
  api: string;
  source: string;
  vus: number;
  uses: number;
  groups: GroupVerdict[];
  doubleSpend: number;
  finalStateViolations: number;
  unexpected: number;
  failedThresholds: string[];
}

const count = (s: K6Summary, key: string) => s.metrics[key]?.values.count ?? 0;

export function failedThresholds(s: K6Summary): string[] {
  const out: string[] = [];
  for (const [metric, m] of Object.entries(s.metrics)) {
    for (const [expr, t] of Object.entries(m.thresholds ?? {})) if (!t.ok) out.push(`${metric}: ${expr}`);
  }
  return out.sort();
}

export function raceVerdict(s: K6Summary): RaceVerdict {
  const plan = s.setup_data as PlanView | undefined;
  if (!plan?.shape) throw new Error('the summary has no race plan (setup_data): did setup() fail?');
  const failed = failedThresholds(s);
  const groups: GroupVerdict[] = [];
  for (let g = 1; g <= plan.shape.groups; g++) {
    const tag = `{wave:${g}}`;
    const expectedSuccesses = plan.shape.coupons * plan.uses;
    groups.push({
      group: g,
      coupons: plan.shape.coupons,
      expectedSuccesses,
      successes: count(s, `race_success${tag}`),
      expectedRefusals: plan.shape.coupons * plan.shape.vus - expectedSuccesses,
      refusals: count(s, `race_refused${tag}`),
      consumed: count(s, `uses_consumed${tag}`),
      serverErrors: count(s, `race_5xx${tag}`),
      p95Ms: s.metrics[`http_req_duration${tag}`]?.values['p(95)'],
      ok: !failed.some((f) => f.includes(tag)),
    });
  }
  return {
    ok: failed.length === 0,
    api: plan.api,
    source: plan.source,
    vus: plan.shape.vus,
    uses: plan.uses,
    groups,
    doubleSpend: count(s, 'double_spend'),
    finalStateViolations: count(s, 'final_state_violations'),
    unexpected: count(s, 'race_unexpected'),
    failedThresholds: failed,
  };
}

export function formatRaceVerdict(v: RaceVerdict, refusalLabel: string): string {
  const head = ['group', 'coupons', 'successes exp/obs', `${refusalLabel} exp/obs`, 'consumed (state)', '5xx', 'p95 ms', 'verdict'];
  const rows = v.groups.map((g) => [
    String(g.group), String(g.coupons), `${g.expectedSuccesses}/${g.successes}`, `${g.expectedRefusals}/${g.refusals}`,
    String(g.consumed), String(g.serverErrors), g.p95Ms === undefined ? '-' : g.p95Ms.toFixed(1), g.ok ? 'ok' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  out.push('', `double_spend (successes − uses consumed) = ${v.doubleSpend}; final-state violations = ${v.finalStateViolations}; unexpected answers = ${v.unexpected}`);
  out.push(v.ok ? `PASS: no double spend; ${v.vus} contenders per coupon, ${v.uses} use(s) each (coupons: ${v.source})` : `FAIL: ${v.failedThresholds.length} threshold(s) broken:\n  ${v.failedThresholds.join('\n  ')}`);
  return out.join('\n');
}
