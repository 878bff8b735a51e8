/** The Zupy conformance property: random command sequences against a target, checked against the model. */
import fc from 'fast-check';
import { createZupyClient } from '../clients/zupy.ts';
import type { ZupyFixtures } from '../mocks/simulator/zupy/fixtures.ts';
import { AdvanceClockCommand } from './model/zupy/advance-clock.ts';
import { ConcurrentValidateCommand } from './model/zupy/concurrent-validate.ts';
import { ForeignAccessCommand } from './model/zupy/foreign-access.ts';
import { LookupCommand } from './model/zupy/lookup.ts';
import type { ZupyModel, ZupyReal } from './model/zupy/model.ts';
import { RedeemCommand } from './model/zupy/redeem.ts';
import { StatsCommand } from './model/zupy/stats.ts';
import { ValidateCommand } from './model/zupy/validate.ts';
import { controlOf, type Target } from './targets/target.ts';

export const zupyCommands = [
  fc.tuple(fc.nat(), fc.boolean(), fc.nat(2047), fc.boolean()).map(([i, byCode, mask, other]) => new ValidateCommand(i, byCode, mask, other && i % 4 === 0)),
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 8 })).map(([i, n]) => new ConcurrentValidateCommand(i, n)),
  fc.integer({ min: 1, max: 24 * 40 }).map((h) => new AdvanceClockCommand(h)),
  fc.tuple(fc.nat(), fc.nat(2047)).map(([i, mask]) => new LookupCommand(i, mask)),
  fc.constant(new StatsCommand()),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([c, r, z]) => new RedeemCommand(c, r, z)),
  fc.nat().map((i) => new ForeignAccessCommand(i)),
];

/** Resets the target and builds the model from its fixtures: the company of its first read-write key. */
export async function zupySetup(target: Target): Promise<{ model: ZupyModel; real: ZupyReal }> {
  const control = controlOf(target);
  await control.reset();
  const { now } = await control.clock();
  await control.setClock(now, true);
  await control.otpPolicy({ require_otp_for_redemption: false, require_otp_for_coupon_usage: false });
  const f = await control.fixtures<ZupyFixtures>();
  const key = f.api_keys.find((k) => k.access === 'read-write' && !k.revoked);
  const otherKey = f.api_keys.find((k) => k.access === 'read-write' && !k.revoked && k.company_id !== key?.company_id);
  if (!key || !otherKey) throw new Error('the fixtures need read-write keys of two companies');
  const customers = f.customers.filter((c) => c.company_id === key.company_id);
  const mine = new Set(customers.map((c) => c.id));
  const model: ZupyModel = {
    nowMs: Date.parse(now),
    customers: customers.map((c) => c.id),
    rewards: f.rewards.filter((r) => r.company_id === key.company_id).map((r) => r.id),
    points: Object.fromEntries(customers.map((c) => [c.id, c.points_balance])),
    coupons: f.coupons.filter((c) => mine.has(c.customer_id)).map((c) => ({
      id: c.id, code: c.coupon_code, customerId: c.customer_id, remaining: c.remaining_usages, status: c.status, validUntilMs: Date.parse(c.valid_until),
    })),
    untracked: { total: 0, used: 0 },
  };
  const foreignCustomer = f.customers.find((c) => c.company_id === otherKey.company_id)?.id ?? 'unknown-customer';
  const real: ZupyReal = {
    target,
    pos: createZupyClient({ baseUrl: target.baseUrl, apiKey: key.key, fetch: target.fetch }),
    other: createZupyClient({ baseUrl: target.baseUrl, apiKey: otherKey.key, fetch: target.fetch }),
    foreignCustomer,
  };
  return { model, real };
}

export function zupyProperty(target: Target, maxCommands = 12) {
  return fc.asyncProperty(fc.commands(zupyCommands, { maxCommands }), async (cmds) => {
    const setup = await zupySetup(target);
    await fc.asyncModelRun(() => setup, cmds);
  });
}
