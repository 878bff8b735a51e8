import { record } from '../power.ts';
import { check, checkAccess, effective, type ZupyModel, type ZupyReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** Many simultaneous validates of one coupon: successes equal the uses available, never more. */
export class ConcurrentValidateCommand extends CouponCommand<ZupyModel, ZupyReal> {
  constructor(
    index: number,
    readonly calls: number,
  ) {
    super(index);
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const c = this.couponOf(m);
    const results = await Promise.all(Array.from({ length: this.calls }, () => r.pos.validate(c.customerId, c.code)));
    for (const x of results) checkAccess(x, 'validate');
    const wins = results.filter((x) => x.status === 200).length;
    record(r.tally, 'validate', this.calls, wins);
    const status = effective(c, m.nowMs);
    const available = status === 'active' ? c.remaining : 0;
    check(wins === Math.min(available, this.calls), `concurrent validates of ${c.code}: successes must equal the uses available`, {
      wins,
      available,
      calls: this.calls,
    });
    check(
      results.every((x) => x.status === 200 || x.status === 409),
      'the losers get 409',
      results.map((x) => x.status),
    );
    if (status !== 'active') c.status = status;
    c.remaining -= wins;
    if (status === 'active' && c.remaining === 0) c.status = 'used';
  }

  toString(): string {
    return `concurrentValidate(#${this.index}, ×${this.calls})`;
  }
}
