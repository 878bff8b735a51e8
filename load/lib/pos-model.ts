/**
 * What the POS mix expects of the provider's state, so its checks can fail: the mix is
 * deterministic (slot i % 20 of iteration i picks the operation, coupon i % pool the coupon), so the
 * run knows how many validates each coupon and how many redeems each customer had before iteration i.
 * A 409 "Cupom já Used" passes only when the coupon may have run out of uses, a 422 on redeem only
 * when the customer may have run out of points (decision Z-9: slug validation-error or
 * insufficient-balance). `slack` covers the iterations still in flight (they may finish out of order).
 */
export type PosOp = 'lookup' | 'list' | 'validate' | 'redeem';

/** Slot i of every 20 iterations → operation: 9 lookups, 5 list pages, 4 validates, 2 redeems. */
export const MIX: PosOp[] = [
  ...Array<PosOp>(9).fill('lookup'),
  ...Array<PosOp>(5).fill('list'),
  ...Array<PosOp>(4).fill('validate'),
  ...Array<PosOp>(2).fill('redeem'),
];

export const opOf = (i: number): PosOp => MIX[i % MIX.length] as PosOp;

/** Iterations before i that ran `op` on the same coupon (same i % pool). */
export function priorOnCoupon(i: number, pool: number, op: PosOp): number {
  let n = 0;
  for (let j = i % pool; j < i; j += pool) if (opOf(j) === op) n++;
  return n;
}

/** Redeems before iteration i on all coupons (when every coupon belongs to one customer). */
export function priorOverall(i: number, op: PosOp): number {
  const per = MIX.filter((o) => o === op).length;
  return Math.floor(i / MIX.length) * per + MIX.slice(0, i % MIX.length).filter((o) => o === op).length;
}

export interface PosModelView {
  couponUses: number;
  points: number;
  cost: number;
  oneCustomer: boolean;
}

/** The coupon of iteration i may have no use left when this validate reaches the provider. */
export function mayBeUsedUp(i: number, pool: number, m: PosModelView, slack: number): boolean {
  return priorOnCoupon(i, pool, 'validate') + slack >= m.couponUses;
}

/** The customer of iteration i may have too few points for the reward when this redeem arrives. */
export function mayBeShort(i: number, pool: number, m: PosModelView, slack: number): boolean {
  const prior = m.oneCustomer ? priorOverall(i, 'redeem') : priorOnCoupon(i, pool, 'redeem');
  return (prior + slack + 1) * m.cost > m.points;
}

/** The provider's "not enough points" answer (Z-9): 422 with slug validation-error or insufficient-balance. */
export function isInsufficientPoints(status: number, body: unknown): boolean {
  if (status !== 422 || !body || typeof body !== 'object') return false;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' && /[#/](validation-error|insufficient-balance)$/.test(type);
}
