import type { AsyncCommand } from 'fast-check';

/** A command on one of the model's coupons, picked by `index` modulo their count; it applies when there is one. */
export abstract class CouponCommand<M extends { coupons: unknown[] }, R> implements AsyncCommand<M, R> {
  constructor(readonly index: number) {}

  check(m: Readonly<M>): boolean {
    return m.coupons.length > 0;
  }

  /** The coupon this command acts on. */
  protected couponOf(m: M): M['coupons'][number] {
    return m.coupons[this.index % m.coupons.length];
  }

  abstract run(m: M, r: R): Promise<void>;
  abstract toString(): string;
}
