/**
 * Zupy validate race (Z-E6, A.8 rule 3): VUS contenders per coupon, at the same instant, for USES
 * uses. A race-safe provider answers exactly USES × 200 `validated` per coupon and 409
 * "Cupom já Used" to the rest, and ends with every coupon `used`, remaining_usages 0.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:4010 -e PROFILE=smoke load/zupy-validate-race.ts
 *
 * Env: BASE_URL, PROFILE (smoke|race|load), VUS, GROUPS, COUPONS, USES, WAVE_MS, REPORT_DIR,
 * credentials as in lib/zupy-fixtures.ts; RUNNERS, START_AT, PREPARE_ONLY for distributed runs.
 */
import { createRace } from './lib/race.ts';
import { classifyValidate, USED_DETAIL, validatePath, ZUPY_DEFAULT_PORT, zupyFinalState, type ZupyCoupon } from './lib/zupy.ts';
import { provisionZupy } from './lib/zupy-fixtures.ts';

const race = createRace<ZupyCoupon>({
  api: 'zupy',
  name: 'zupy-validate-race',
  probePath: '/api/v2/rewards/',
  defaultPort: ZUPY_DEFAULT_PORT,
  successStatus: 200,
  refusalStatus: 409,
  refusalLabel: `409 "${USED_DETAIL}"`,
  provision: (base, shape, count) => provisionZupy(base, shape.coupons, count, shape.uses),
  request: (plan, c) => ({ method: 'POST', url: `${plan.base}${validatePath(c)}`, body: null }),
  classify: classifyValidate,
  finalState: (plan, coupons, budgetMs) => zupyFinalState(plan.base, plan.headers, coupons, plan.uses, budgetMs),
  label: (c) => c.code,
});

export const options = race.options;
export const setup = race.setup;
export default race.run;
export const teardown = race.teardown;
export const handleSummary = race.handleSummary;
