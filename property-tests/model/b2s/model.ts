/** A tiny model of B2S coupons: used or not, expiration day, the clock. The rules are restated from api-model.md (B-4, B-5, B-6). */
import type { B2sClient } from '../../../clients/b2s.ts';
import type { Target } from '../../targets/target.ts';
import type { Tally } from '../power.ts';

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
  /** Used coupons the model does not track (left out near the PATCH edge): the global used count includes them. */
  untrackedUsed: number;
}

export interface B2sReal {
  target: Target;
  /** A token that sees every company. */
  api: B2sClient;
  /** A token scoped to one company, and that company (optional without a control API: no scoped PATCHes then). */
  scoped?: B2sClient;
  scopedCompany: string;
  /** How many state-changing commands were tried and how many changed state, across the whole run. */
  tally: Tally;
}

/** Decision B-6: when a date-only expiration ends. */
export type ExpirationInstant = 'end_of_day_utc' | 'start_of_day_utc';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * B-4/B-6: exp_end = expiration_date + 1 day at 00:00:00Z (the end of the expiration day in UTC);
 * with start_of_day_utc, the expiration day's 00:00:00Z.
 */
export function expirationEndMs(expirationDate: string, instant: ExpirationInstant = 'end_of_day_utc'): number {
  const midnight = Date.parse(`${expirationDate}T00:00:00Z`);
  return instant === 'end_of_day_utc' ? midnight + DAY_MS : midnight;
}

/** B-5: the PATCH window closes 3 hours before exp_end. */
export const PATCH_CLOSES_BEFORE_END_MS = 3 * HOUR_MS;

/** B-5: PATCH is allowed iff exp_end − now > 3 h (strict: exactly 3 h is refused). */
export const patchable = (c: ModelCoupon, nowMs: number) => !c.used && c.expEndMs - nowMs > PATCH_CLOSES_BEFORE_END_MS;

export { check, InvariantError, SetupError } from '../errors.ts';
