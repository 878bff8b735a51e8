import { check, effective, withCase, type ZupyModel, type ZupyReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** The code lookup in any letter case returns exactly that coupon, with the model's uses and status. */
export class LookupCommand extends CouponCommand<ZupyModel, ZupyReal> {
  constructor(
    index: number,
    readonly caseMask: number,
  ) {
    super(index);
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const c = this.couponOf(m);
    const res = await r.pos.listCoupons({ code: withCase(c.code, this.caseMask) });
    check(res.ok, 'lookup answers 200', res.ok ? undefined : res.error);
    check(
      res.data.items.length === 1 && res.data.items[0]?.id === c.id,
      `lookup of ${c.code} returns exactly that coupon`,
      res.data.items.map((x) => x.id),
    );
    const got = res.data.items[0];
    check(got.remaining_usages === c.remaining, 'remaining_usages never increases and matches the model', {
      got: got.remaining_usages,
      want: c.remaining,
    });
    check(got.status === effective(c, m.nowMs), 'status matches the model', { got: got.status, want: effective(c, m.nowMs) });
    check((got.usage_date === null) === (got.status !== 'used'), 'usage_date is set exactly when used', got);
  }

  toString(): string {
    return `lookup(#${this.index}, case ${this.caseMask})`;
  }
}
