/** A tiny model of B2S coupons: used or not, expiration day, the clock. */
import type { B2sClient } from '../../../clients/b2s.ts';
import type { Target } from '../../targets/target.ts';

export interface ModelCoupon {
  id: string;
  companyId: string;
  used: boolean;
  expEndMs: number;
}

export interface B2sModel {
  nowMs: number;
  coupons: ModelCoupon[];
  modules: Record<string, string>;
}

export interface B2sReal {
  target: Target;
  /** A token that sees every company. */
  api: B2sClient;
  /** A token scoped to one company, and that company (optional without a control API: no scoped PATCHes then). */
  scoped?: B2sClient;
  scopedCompany: string;
}

/** B-5: PATCH is allowed iff exp_end − now > 3 h. */
export const patchable = (c: ModelCoupon, nowMs: number) => !c.used && c.expEndMs - nowMs > 3 * 3_600_000;

export { check, InvariantError, SetupError } from '../errors.ts';
