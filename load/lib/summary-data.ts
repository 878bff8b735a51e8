/**
 * The k6 summary data this toolkit reads: one type for both sides. The scripts receive it in
 * `handleSummary` (load/lib/summary.ts writes it as <script>.summary.json) and the Node side
 * (load/node/) parses that file. Only the parts used here are typed.
 */
export interface SummaryMetric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains?: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** A `check()` as the summary counts it. */
export interface SummaryCheck {
  name: string;
  passes: number;
  fails: number;
}

export interface SummaryData {
  metrics: Record<string, SummaryMetric>;
  root_group?: { checks?: SummaryCheck[] };
  state: { testRunDurationMs: number };
  setup_data?: unknown;
}

/** A counter's count (0 when the metric or submetric is absent). */
export const countOf = (s: SummaryData, key: string): number => s.metrics[key]?.values.count ?? 0;

/** Every broken threshold as `metric: expression`, sorted. */
export function failedThresholds(s: SummaryData): string[] {
  const out: string[] = [];
  for (const [metric, m] of Object.entries(s.metrics)) {
    for (const [expr, t] of Object.entries(m.thresholds ?? {})) if (!t.ok) out.push(`${metric}: ${expr}`);
  }
  return out.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
