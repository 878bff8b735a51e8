/**
 * Mixed POS traffic on Zupy at a constant arrival rate: per 20 iterations, 9 code lookups, 5 list
 * pages, 4 validates and 2 redeems (a deterministic mix, no unseeded randomness). Thresholds on
 * latency per operation, failures, checks and dropped iterations. The checks follow a model of the
 * provider's state (lib/pos-model.ts): a validate answered 409 or a redeem answered 422 passes only
 * when the coupon may be used up or the customer may be out of points.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:4010 -e PROFILE=smoke load/pos-mixed.ts
 *
 * Env: BASE_URL, PROFILE, RATE (iterations/s), DURATION, P95_MS, P99_MS, POOL, REPORT_DIR; on a
 * real provider ZUPY_API_KEY (+ ZUPY_CUSTOMER_ID, ZUPY_REWARD_ID for validate/redeem).
 */
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { baseUrl, int } from './lib/env.ts';
import { asRecord, bodyJson, healthProbe } from './lib/http.ts';
import { isInsufficientPoints, mayBeShort, mayBeUsedUp, opOf, type PosOp } from './lib/pos-model.ts';
import { durationSeconds, posShape } from './lib/profiles.ts';
import { summarize, type SummaryData } from './lib/summary.ts';
import { classifyValidate, lookupPath, payload, redeemPath, validatePath, ZUPY_DEFAULT_PORT } from './lib/zupy.ts';
import { provisionZupyPos, type PosPool } from './lib/zupy-fixtures.ts';

const shape = posShape();
const OPS: PosOp[] = ['lookup', 'list', 'validate', 'redeem'];
type Op = PosOp;

export const options: Options = {
  scenarios: {
    pos: {
      executor: 'constant-arrival-rate',
      rate: shape.rate,
      timeUnit: '1s',
      duration: shape.duration,
      preAllocatedVUs: shape.preAllocatedVUs,
      maxVUs: shape.maxVUs,
    },
  },
  summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max'],
  thresholds: {
    checks: ['rate>0.99'],
    'http_req_failed{phase:pos}': ['rate<0.01'],
    'http_req_duration{phase:pos}': [`p(95)<${shape.p95Ms}`, `p(99)<${shape.p99Ms}`],
    ...Object.fromEntries(OPS.map((op) => [`http_req_duration{op:${op}}`, [`p(95)<${shape.p95Ms}`]])),
    dropped_iterations: [`count<=${Math.ceil(shape.rate * durationSeconds(shape.duration) * 0.01)}`],
  },
};

export function setup(): PosPool & { base: string } {
  const base = baseUrl(ZUPY_DEFAULT_PORT);
  healthProbe(base, '/api/v2/rewards/');
  return { base, ...provisionZupyPos(base, int('POOL', 50, 1, 10_000)) };
}

export default function (pool: PosPool & { base: string }): void {
  const i = exec.scenario.iterationInTest;
  const planned = opOf(i);
  const slack = shape.maxVUs;
  const op: Op = pool.writable ? planned : planned === 'list' ? 'list' : 'lookup';
  const coupon = pool.coupons[i % pool.coupons.length];
  if (!coupon) return;
  const params = (...ok: number[]) => ({
    headers: pool.headers,
    tags: { phase: 'pos', op },
    responseCallback: http.expectedStatuses(...ok),
  });
  switch (op) {
    case 'lookup': {
      const res = http.get(`${pool.base}${lookupPath(coupon.code)}`, params(200));
      check(res, {
        'lookup: 200 with the coupon': (r) => r.status === 200 && Array.isArray(payload(r)) && (payload(r) as unknown[]).length === 1,
      });
      return;
    }
    case 'list': {
      const res = http.get(`${pool.base}/api/v2/coupons/issued/?page_size=20`, params(200));
      check(res, { 'list: 200 with a page': (r) => r.status === 200 && Array.isArray(payload(r)) });
      return;
    }
    case 'validate': {
      const res = http.post(`${pool.base}${validatePath(coupon)}`, null, params(200, 409));
      const outcome = classifyValidate(res);
      check(res, {
        'validate: 200, or 409 "Cupom já Used" once the coupon may be used up': () =>
          outcome === 'success' || (outcome === 'refused' && mayBeUsedUp(i, pool.coupons.length, pool.model, slack)),
      });
      return;
    }
    case 'redeem': {
      const res = http.post(`${pool.base}${redeemPath(coupon.customer_id, pool.rewardId ?? '')}`, '{}', {
        ...params(200, 422),
        headers: { ...pool.headers, 'Content-Type': 'application/json' },
      });
      check(res, {
        'redeem: 200 with a coupon code, or 422 out of points once the customer may be short': (r) =>
          (r.status === 200 && typeof asRecord(payload(r))?.coupon_code === 'string') ||
          (isInsufficientPoints(r.status, bodyJson(r)) && mayBeShort(i, pool.coupons.length, pool.model, slack)),
      });
      return;
    }
  }
}

export function handleSummary(data: SummaryData) {
  return summarize('pos-mixed', data);
}
