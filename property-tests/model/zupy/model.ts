/** A deliberately tiny model of one Zupy company: coupons (uses left, status), balances, the clock. */
import {
  isZupyProblem,
  problemSlug,
  type CouponInventory,
  type ListCouponsQuery,
  type ZupyClient,
  type ZupyResult,
} from '../../../clients/zupy.ts';
import type { Target } from '../../targets/target.ts';
import { check, SetupError } from '../errors.ts';
import type { Tally } from '../power.ts';

export type Status = 'active' | 'used' | 'expired' | 'cancelled';

export interface ModelCoupon {
  id: string;
  code: string;
  customerId: string;
  remaining: number;
  status: Status;
  validUntilMs: number;
}

export interface ZupyModel {
  nowMs: number;
  coupons: ModelCoupon[];
  /** Points balances; a customer is missing until the run learns the balance (without a points endpoint, from redeem and validate answers). */
  points: Record<string, number>;
  customers: string[];
  rewards: string[];
  /**
   * Coupons of the company that the model does not track (other customers', or ones expiring
   * within minutes of the start of a sequence against a target without a control API): stats
   * still count them. `used` cannot change, as no command touches them.
   */
  untracked: { total: number; used: number };
}

export interface ZupyReal {
  target: Target;
  /** Read-write key of the company under test (OTP off for the run). */
  pos: ZupyClient;
  /** A key of another company. */
  other: ZupyClient;
  /** A customer of the other company. */
  foreignCustomer: string;
  /** Whether GET /api/v2/customers/{id}/points/ (inferred, x-inferred) exists on this target. */
  pointsEndpoint: boolean;
  /** How many state-changing commands were tried and how many changed state, across the whole run. */
  tally: Tally;
}

/** Decision Z-5: an active coupon past valid_until reads as expired. */
export const effective = (c: ModelCoupon, nowMs: number): Status =>
  c.status === 'active' && nowMs > c.validUntilMs ? 'expired' : c.status;

export const conflictDetail = (s: Status) => `Cupom já ${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Mixed letter case from a bit mask: lookup and validate by code must ignore case. */
export function withCase(code: string, mask: number): string {
  return [...code].map((ch, i) => ((mask >> i) & 1 ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

export { check, InvariantError, SetupError } from '../errors.ts';

/** Every coupon of a list query, following `meta.cursor` page by page (100 a page). */
export async function listAllCoupons(client: ZupyClient, query: ListCouponsQuery = {}): Promise<CouponInventory[]> {
  const out: CouponInventory[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await client.listCoupons({ ...query, page_size: 100, ...(cursor === undefined ? {} : { cursor }) });
    check(res.ok, 'the coupon list answers 200', res.ok ? undefined : { status: res.status, error: res.error });
    out.push(...res.data.items);
    if (!res.data.meta?.has_next || !res.data.meta.cursor) return out;
    cursor = res.data.meta.cursor;
  }
  return out;
}

const OTP_FLAG = { validate: 'require_otp_for_coupon_usage', redeem: 'require_otp_for_redemption' } as const;

/**
 * A 403 on validate or redeem that no rule of the model predicts is a setup problem, said plainly:
 * an OTP-guarded company (the run has no OTP sessions) or a read-only key.
 */
export function checkAccess(res: ZupyResult<unknown>, operation: 'validate' | 'redeem'): void {
  if (res.ok || res.status !== 403 || !isZupyProblem(res.error)) return;
  const slug = problemSlug(res.error);
  if (slug === 'otp-required') {
    throw new SetupError(
      `the target requires an OTP session for ${operation} (403 otp-required). coupon-kit check opens no OTP sessions: run it against a company whose integration has ${OTP_FLAG[operation]} off (e.g. the Trusted preset), or against a coupon-kit mock with its control API`,
    );
  }
  if (slug === 'permission-denied')
    throw new SetupError(
      `the API key may not ${operation} (403 permission-denied: ${res.error.detail}): the company under test needs a read-write key`,
    );
}
