import { WHOLE_RANGE } from '../../../clients/b2s.ts';
import { check, type B2sModel, type B2sReal } from './model.ts';

/**
 * After every command: the provider's count of used coupons (B-4: Used ⇔ status == true) equals the
 * model's. A PATCH that was refused (bad token, another company, already used, expired) must not
 * have marked anything used; one that won must have.
 */
export async function b2sGlobalInvariants(m: Readonly<B2sModel>, r: B2sReal): Promise<void> {
  let used = 0;
  for (const module of ['falae', 'premiado'] as const) {
    const res = await r.api.listCoupons({
      ...WHOLE_RANGE,
      limit: 1,
      offset: 1,
      order_column: 'created_at',
      order_type: 'ASC',
      module,
      coupon_status: 'Used',
    });
    check(res.ok, 'the list of used coupons answers 200', res.ok ? undefined : { status: res.status, error: res.error });
    used += res.data.total;
  }
  const want = m.coupons.filter((c) => c.used).length + m.untrackedUsed;
  check(used === want, 'the number of used coupons equals the model (global invariant, after every command)', {
    provider: used,
    model: want,
  });
}
