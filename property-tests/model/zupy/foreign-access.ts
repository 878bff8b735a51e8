import { createZupyClient } from '../../../clients/zupy.ts';
import { check, listAllCoupons, type ZupyModel, type ZupyReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** Another company's key sees none of this company's coupons; a bogus key is a 401. */
export class ForeignAccessCommand extends CouponCommand<ZupyModel, ZupyReal> {
  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const c = this.couponOf(m);
    const list = await listAllCoupons(r.other);
    check(!list.some((x) => m.coupons.some((mc) => mc.id === x.id)), "a tenant never sees another tenant's coupons");
    const lookup = await r.other.findCouponByCode(c.code);
    check(lookup.ok && lookup.data === null, "another tenant's lookup finds nothing", lookup.ok ? lookup.data : lookup.error);
    const bogus = createZupyClient({ baseUrl: r.target.baseUrl, apiKey: `zupy_pk_${'Z'.repeat(32)}`, fetch: r.target.fetch });
    const denied = await bogus.listCoupons();
    check(denied.status === 401, 'an unknown key is a 401', denied.status);
  }

  toString(): string {
    return `foreignAccess(#${this.index})`;
  }
}
