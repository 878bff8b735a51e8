/** A deliberately tiny model of one Zupy company: coupons (uses left, status), balances, the clock. */
import type { ZupyClient } from '../../../clients/zupy.ts';
import type { Target } from '../../targets/target.ts';

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
  points: Record<string, number>;
  customers: string[];
  rewards: string[];
}

export interface ZupyReal {
  target: Target;
  /** Read-write key of the company under test (OTP off for the run). */
  pos: ZupyClient;
  /** A key of another company. */
  other: ZupyClient;
  /** A customer of the other company. */
  foreignCustomer: string;
}

/** Decision Z-5: an active coupon past valid_until reads as expired. */
export const effective = (c: ModelCoupon, nowMs: number): Status => (c.status === 'active' && nowMs > c.validUntilMs ? 'expired' : c.status);

export const conflictDetail = (s: Status) => `Cupom já ${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Mixed letter case from a bit mask: lookup and validate by code must ignore case. */
export function withCase(code: string, mask: number): string {
  return [...code].map((ch, i) => ((mask >> i) & 1 ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

export class InvariantError extends Error {
  override name = 'InvariantError';
}

export function check(condition: boolean, message: string, detail?: unknown): asserts condition {
  if (!condition) throw new InvariantError(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}
