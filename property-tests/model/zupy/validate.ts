import { record, recordCrossOwner } from '../power.ts';
import { check, checkAccess, conflictDetail, effective, withCase, type ZupyModel, type ZupyReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** Validate a coupon by KSUID or by code in random letter case, as its owner or as another customer. */
export class ValidateCommand extends CouponCommand<ZupyModel, ZupyReal> {
  constructor(
    index: number,
    readonly byCode: boolean,
    readonly caseMask: number,
    readonly asOtherCustomer: boolean,
  ) {
    super(index);
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const c = this.couponOf(m);
    const customer = this.asOtherCustomer ? (m.customers.find((id) => id !== c.customerId) ?? r.foreignCustomer) : c.customerId;
    const ref = this.byCode ? withCase(c.code, this.caseMask) : c.id;
    const res = await r.pos.validate(customer, ref);
    checkAccess(res, 'validate');
    record(r.tally, 'validate', 1, res.ok ? 1 : 0);
    if (customer !== c.customerId) {
      recordCrossOwner(r.tally, 1);
      check(res.status === 404, `validate as another customer must be 404 (${c.code})`, res.status);
      return;
    }
    const status = effective(c, m.nowMs);
    if (status !== 'active') {
      check(res.status === 409, `validate of a ${status} coupon must be 409 (${c.code})`, res.status);
      check(
        !res.ok && 'detail' in res.error && res.error.detail === conflictDetail(status),
        'verbatim conflict detail',
        res.ok ? res.data : res.error,
      );
      c.status = status;
      return;
    }
    check(res.ok, `validate of an active coupon must succeed (${c.code})`, res.ok ? undefined : res.error);
    c.remaining -= 1;
    if (c.remaining === 0) c.status = 'used';
    check(res.data.remaining_usages === c.remaining, 'remaining_usages decreases by one', {
      got: res.data.remaining_usages,
      want: c.remaining,
    });
    check(
      res.data.coupon_code === c.code && res.data.customer_id === customer && res.data.status === 'validated',
      'echoes the upper-case code and the path customer',
      res.data,
    );
    const before = m.points[customer];
    check(before === undefined || res.data.new_balance === before, 'validate moves no points', { got: res.data.new_balance, want: before });
    m.points[customer] = res.data.new_balance;
  }

  toString(): string {
    return `validate(#${this.index}, ${this.byCode ? `code/case ${this.caseMask}` : 'ksuid'}${this.asOtherCustomer ? ', as another customer' : ''})`;
  }
}
