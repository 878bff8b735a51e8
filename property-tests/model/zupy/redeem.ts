import type { AsyncCommand } from 'fast-check';
import { record } from '../power.ts';
import { check, checkAccess, type ZupyModel, type ZupyReal } from './model.ts';

/** Redeem a reward (with or without Z$): points are conserved and a new active coupon appears. */
export class RedeemCommand implements AsyncCommand<ZupyModel, ZupyReal> {
  constructor(
    readonly customer: number,
    readonly reward: number,
    readonly useZ: boolean,
  ) {}

  check(m: Readonly<ZupyModel>): boolean {
    return m.customers.length > 0 && m.rewards.length > 0;
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const customerId = m.customers[this.customer % m.customers.length]!;
    const rewardId = m.rewards[this.reward % m.rewards.length]!;
    const before = m.points[customerId];
    const res = await r.pos.redeem(customerId, rewardId, { useZTokens: this.useZ });
    checkAccess(res, 'redeem');
    record(r.tally, 'redeem', 1, res.ok ? 1 : 0);
    if (!res.ok) {
      check(res.status === 422, 'a refused redeem is a 422', res.status);
      if (r.pointsEndpoint && before !== undefined) {
        const after = await r.pos.points(customerId);
        check(after.ok && after.data.points_balance === before, 'a refused redeem changes no points', {
          before,
          after: after.ok ? after.data : undefined,
        });
      }
      return;
    }
    const d = res.data;
    check(
      d.points_used >= 0 && (before === undefined || d.new_balance === before - d.points_used),
      'points are conserved: after = before − used',
      { before, d },
    );
    check(this.useZ || d.z_tokens_used === '0.000000', 'no Z$ without use_z_tokens', d);
    check(/^CZ-[A-Z0-9]{8}$/.test(d.coupon_code), 'a CZ- code of 8 upper-case letters or digits (Z-25)', d.coupon_code);
    m.points[customerId] = d.new_balance;
    const found = await r.pos.findCouponByCode(d.coupon_code);
    check(found.ok && found.data !== null, 'the new coupon can be looked up');
    const c = found.data;
    check(
      c.status === 'active' && c.remaining_usages === c.total_usages_allowed && c.remaining_usages >= 1 && c.usage_date === null,
      'a new coupon is active with every use left',
      c,
    );
    check(Date.parse(d.valid_until) - Date.parse(d.created_at) > 0, 'valid_until is after created_at', d);
    m.coupons.push({
      id: c.id,
      code: c.coupon_code,
      customerId,
      remaining: c.remaining_usages,
      status: 'active',
      validUntilMs: Date.parse(c.valid_until),
    });
  }

  toString(): string {
    return `redeem(customer #${this.customer}, reward #${this.reward}${this.useZ ? ', with Z$' : ''})`;
  }
}
