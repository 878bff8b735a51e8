/** Zupy coupons as the control API's CouponView (GET /__control/coupons), status as of the clock (Z-5). */
import type { CouponView } from '../control/coupons.ts';
import { effectiveStatus, isoSeconds } from './domain.ts';
import type { ZupyStore } from './store.ts';

export function zupyCouponViews(store: ZupyStore, nowMs: number): CouponView[] {
  const out: CouponView[] = [];
  for (const c of store.coupons.values()) {
    out.push({
      id: c.id,
      code: c.code,
      owner: c.customerId,
      status: effectiveStatus(c.status, c.validUntilMs, nowMs),
      uses_left: c.remaining,
      uses_allowed: c.total,
      valid_until: isoSeconds(c.validUntilMs),
      expires_at: null,
      module: null,
      company: c.companyId,
    });
  }
  return out;
}
