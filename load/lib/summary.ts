/**
 * `handleSummary`: a short verdict on stdout and, when REPORT_DIR is set (an existing folder), the raw
 * summary JSON (what `coupon-kit race` parses), a JUnit XML with one test case per threshold, and,
 * for the races, the coupons the run used (the RACE_COUPONS format, for a prepared distributed run).
 * The HTML report comes from k6's web dashboard: K6_WEB_DASHBOARD=true K6_WEB_DASHBOARD_EXPORT=….
 */
import { optional } from './env.ts';
import { junitXml } from './junit.ts';
import type { SummaryData, SummaryMetric } from './summary-data.ts';
import { formatVerdict, raceVerdict } from './verdict.ts';

export type { SummaryData } from './summary-data.ts';

interface ThresholdResult {
  metric: string;
  expression: string;
  ok: boolean;
  value: string;
}

function valueOf(m: SummaryMetric): string {
  const v = m.values;
  switch (m.type) {
    case 'counter':
      return `count=${v.count ?? 0}`;
    case 'rate':
      return `rate=${(v.rate ?? 0).toFixed(4)}`;
    case 'trend':
      return `p(95)=${(v['p(95)'] ?? 0).toFixed(1)}ms`;
    default:
      return `value=${v.value ?? 0}`;
  }
}

export function thresholdResults(data: SummaryData): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const [metric, m] of Object.entries(data.metrics)) {
    for (const [expression, t] of Object.entries(m.thresholds ?? {})) out.push({ metric, expression, ok: t.ok, value: valueOf(m) });
  }
  return out.sort((a, b) => a.metric.localeCompare(b.metric, 'en', { numeric: true }));
}

/** One JUnit test case per threshold. */
export function junit(name: string, data: SummaryData): string {
  const cases = thresholdResults(data).map((r) => ({
    classname: `k6.${name}`,
    name: `${r.metric}: ${r.expression}`,
    ...(r.ok ? {} : { failure: `${r.expression} failed (${r.value})` }),
  }));
  return junitXml(`k6 ${name}`, cases, data.state.testRunDurationMs / 1000);
}

/** A race's verdict (lib/verdict.ts) as `coupon-kit race` prints it, from this runner's summary alone. */
function raceText(name: string, data: SummaryData, refusalLabel: string): string {
  const v = raceVerdict([data]);
  const runners = (data.setup_data as { runners?: number }).runners ?? 1;
  const partial =
    runners > 1
      ? `\n(this is one of ${runners} runners: it saw only its share of the answers, so a double spend whose winners ran elsewhere shows only in the verdict over every runner's summary, e.g. \`coupon-kit race --parallel ${runners}\`)`
      : '';
  return `${name}:\n${formatVerdict(v, refusalLabel)}${partial}\n`;
}

function text(name: string, data: SummaryData): string {
  const results = thresholdResults(data);
  const failed = results.filter((r) => !r.ok);
  const lines = [
    `${name}: ${failed.length === 0 ? 'PASS' : 'FAIL'} — ${results.length - failed.length}/${results.length} thresholds met in ${(data.state.testRunDurationMs / 1000).toFixed(1)} s`,
  ];
  for (const r of failed) lines.push(`  ✗ ${r.metric}: ${r.expression} (${r.value})`);
  const counters = Object.entries(data.metrics)
    .filter(([k, m]) => m.type === 'counter' && !k.includes('{') && !k.startsWith('data_'))
    .sort(([a], [b]) => a.localeCompare(b));
  lines.push(`  ${counters.map(([k, m]) => `${k}=${m.values.count ?? 0}`).join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** The coupons a race used, flat, in the RACE_COUPONS format. */
function couponsOf(data: SummaryData): unknown[] | undefined {
  const plan = data.setup_data as { groups?: unknown[][] } | undefined;
  return Array.isArray(plan?.groups) ? plan.groups.flat() : undefined;
}

/** `refusalLabel` marks a race script: its stdout is the race verdict rather than the threshold list. */
export function summarize(name: string, data: SummaryData, refusalLabel?: string): Record<string, string> {
  const dir = optional('REPORT_DIR')?.replace(/\/+$/, '');
  const coupons = couponsOf(data);
  const prepared = (data.setup_data as { prepareOnly?: boolean } | undefined)?.prepareOnly === true;
  const out: Record<string, string> = {
    stdout: prepared
      ? `${name}: prepared ${coupons?.length ?? 0} coupons${dir ? ` → ${dir}/${name}.coupons.json` : '; set REPORT_DIR to save them'}\n`
      : refusalLabel !== undefined && data.setup_data !== undefined
        ? raceText(name, data, refusalLabel)
        : text(name, data),
  };
  if (dir === undefined) return out;
  out[`${dir}/${name}.summary.json`] = JSON.stringify(data, null, 1);
  out[`${dir}/${name}.junit.xml`] = junit(name, data);
  if (coupons) out[`${dir}/${name}.coupons.json`] = JSON.stringify(coupons);
  return out;
}
