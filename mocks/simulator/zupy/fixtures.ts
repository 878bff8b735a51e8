/**
 * The Zupy fixture format (what `--seed FILE` and POST /__control/seed take) is the control spec's
 * `ZupyFixtures` (specs/control.openapi.yaml); its types are generated from there. Here: the checks
 * a schema cannot express (references, uniqueness, usage counts). The demo data is in mocks/demo/zupy.ts.
 */
import type { components } from '../../../specs/generated/control.ts';
import { duplicates, shapeProblems } from '../fixture-checks.ts';

export type ZupyFixtures = components['schemas']['ZupyFixtures'];
export type OtpPolicy = components['schemas']['ZupyOtpPolicy'];

/** Every problem in untrusted fixture JSON: shape first, then references and uniqueness. */
export function checkZupyFixtures(input: unknown): string[] {
  const shape = shapeProblems('ZupyFixtures', input);
  if (shape.length) return shape;
  const f = input as ZupyFixtures;
  const problems: string[] = [];
  const companies = new Set(f.companies.map((c) => c.id));
  problems.push(
    ...duplicates(
      ['company id', f.companies.map((c) => c.id)],
      ['api key', f.api_keys.map((k) => k.key)],
      ['customer id', f.customers.map((c) => c.id)],
      ['reward id', f.rewards.map((r) => r.id)],
      ['coupon id', f.coupons.map((c) => c.id)],
      ['coupon code', f.coupons.map((c) => c.coupon_code.toUpperCase())],
    ),
  );
  const ref = (where: string, companyId: string) => {
    if (!companies.has(companyId)) problems.push(`${where}: unknown company_id '${companyId}'`);
  };
  f.api_keys.forEach((k, i) => ref(`/api_keys/${i}`, k.company_id));
  f.customers.forEach((c, i) => ref(`/customers/${i}`, c.company_id));
  f.rewards.forEach((r, i) => ref(`/rewards/${i}`, r.company_id));
  const customers = new Map(f.customers.map((c) => [c.id, c]));
  const rewards = new Map(f.rewards.map((r) => [r.id, r]));
  f.coupons.forEach((c, i) => {
    const customer = customers.get(c.customer_id);
    const reward = rewards.get(c.reward_id);
    if (!customer) problems.push(`/coupons/${i}: unknown customer_id '${c.customer_id}'`);
    if (!reward) problems.push(`/coupons/${i}: unknown reward_id '${c.reward_id}'`);
    if (customer && reward && customer.company_id !== reward.company_id)
      problems.push(`/coupons/${i}: customer and reward belong to different companies`);
    const total = c.total_usages_allowed ?? reward?.total_usages_allowed ?? 1;
    if (c.remaining_usages > total)
      problems.push(`/coupons/${i}: remaining_usages ${c.remaining_usages} exceeds total_usages_allowed ${total}`);
    if (c.status === 'used' && c.remaining_usages !== 0) problems.push(`/coupons/${i}: a used coupon has remaining_usages 0`);
    if (c.status === 'active' && c.remaining_usages === 0) problems.push(`/coupons/${i}: an active coupon has remaining_usages ≥ 1`);
  });
  return problems;
}
