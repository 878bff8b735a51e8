/**
 * B2S PATCH race (B-E3, B-7): VUS contenders per coupon, at the same instant, for its one use. A
 * race-safe provider answers exactly one 204 per coupon and 400 "Coupon already used" to the rest,
 * and every coupon ends `status: true` with a `date_of_use`.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:4020 -e PROFILE=smoke load/b2s-patch-race.ts
 *
 * Env: BASE_URL, PROFILE (smoke|race|load), VUS, GROUPS, COUPONS, WAVE_MS, REPORT_DIR, B2S_MODULE,
 * RACE_COUPONS + B2S_TOKEN for a real provider; RUNNERS, START_AT, PREPARE_ONLY for distributed runs.
 */
import { ALREADY_USED, B2S_DEFAULT_PORT, b2sFinalState, classifyPatch, patchPath, type B2sCoupon } from './lib/b2s.ts';
import { provisionB2s } from './lib/b2s-fixtures.ts';
import { createRace } from './lib/race.ts';

const race = createRace<B2sCoupon>({
  api: 'b2s',
  name: 'b2s-patch-race',
  probePath: '/api/coupons',
  defaultPort: B2S_DEFAULT_PORT,
  fixedUses: 1,
  successStatus: 204,
  refusalStatus: 400,
  refusalLabel: `400 "${ALREADY_USED}"`,
  provision: (base, shape, count) => provisionB2s(base, shape.coupons, count),
  request: (plan, c) => ({ method: 'PATCH', url: `${plan.base}${patchPath(c.id)}`, body: null }),
  classify: classifyPatch,
  finalState: (plan, coupons, budgetMs) => b2sFinalState(plan.base, plan.headers, coupons, budgetMs),
  label: (c) => `${c.code} (${c.id})`,
});

export const options = race.options;
export const setup = race.setup;
export default race.run;
export const teardown = race.teardown;
export const handleSummary = race.handleSummary;
