/** B2S coupons as the control API's CouponView (GET /__control/coupons): available, used or expired at the clock (B-4, B-6). */
import type { CouponView } from '../control/coupons.ts';
import { expirationEnd } from './domain.ts';
import type { B2sStore } from './store.ts';

export function b2sCouponViews(store: B2sStore, nowMs: number): CouponView[] {
  const out: CouponView[] = [];
  for (const c of store.coupons.values()) {
    const endMs = expirationEnd(c.expiration_date, store.rules.expirationInstant);
    out.push({
      id: c.id,
      code: c.code,
      owner: c.client_id,
      status: c.status ? 'used' : nowMs >= endMs ? 'expired' : 'available',
      uses_left: c.status ? 0 : 1,
      uses_allowed: 1,
      valid_until: null,
      expires_at: new Date(endMs).toISOString(),
      module: c.module,
      company: c.company_id,
    });
  }
  return out;
}
