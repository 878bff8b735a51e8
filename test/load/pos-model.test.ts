/** The POS mix's model of the provider's state (load/lib/pos-model.ts), with literal expectations. */
import { describe, expect, it } from 'vitest';
import { isInsufficientPoints, mayBeShort, mayBeUsedUp, MIX, priorOnCoupon, priorOverall } from '../../load/lib/pos-model.ts';

describe('pos-model', () => {
  it('the mix: 9 lookups, 5 list pages, 4 validates, 2 redeems per 20 iterations', () => {
    expect(MIX.join(',')).toBe(
      'lookup,lookup,lookup,lookup,lookup,lookup,lookup,lookup,lookup,list,list,list,list,list,validate,validate,validate,validate,redeem,redeem',
    );
  });

  it('counts earlier operations per coupon and overall', () => {
    // pool 3: coupon of iteration 34 is 34 % 3 = 1; validate iterations 14..17 and 34..37; before 34 on coupon 1: 16.
    expect(priorOnCoupon(34, 3, 'validate')).toBe(1);
    expect(priorOverall(0, 'redeem')).toBe(0);
    expect(priorOverall(19, 'redeem')).toBe(1);
    expect(priorOverall(40, 'redeem')).toBe(4);
  });

  it('a 422 is expected only once the customer may be short of points', () => {
    const m = { couponUses: 1_000_000, points: 10, cost: 1, oneCustomer: true };
    // redeem iterations 18, 19, 38, 39, …, 98, 99, 118: 10 points pay for 10 redeems, the 11th may be short.
    expect(mayBeShort(98, 50, m, 0)).toBe(false); // the 9th redeem
    expect(mayBeShort(99, 50, m, 0)).toBe(false); // the 10th
    expect(mayBeShort(118, 50, m, 0)).toBe(true); // the 11th
    expect(mayBeShort(98, 50, m, 2)).toBe(true); // two more still in flight may have spent them
    expect(mayBeShort(18, 50, { ...m, points: 1_000_000_000 }, 20)).toBe(false);
  });

  it('a 409 is expected only once the coupon may be used up', () => {
    expect(mayBeUsedUp(14, 1, { couponUses: 1, points: 0, cost: 0, oneCustomer: true }, 0)).toBe(false);
    expect(mayBeUsedUp(15, 1, { couponUses: 1, points: 0, cost: 0, oneCustomer: true }, 0)).toBe(true);
    expect(mayBeUsedUp(15, 1, { couponUses: 1_000_000, points: 0, cost: 0, oneCustomer: false }, 20)).toBe(false);
  });

  it('"not enough points" is a 422 with slug validation-error or insufficient-balance (Z-9)', () => {
    expect(isInsufficientPoints(422, { type: 'https://docs.zupy.com/errors#validation-error' })).toBe(true);
    expect(isInsufficientPoints(422, { type: 'https://api.zupy.com/errors/insufficient-balance' })).toBe(true);
    expect(isInsufficientPoints(422, { type: 'https://docs.zupy.com/errors#not-found' })).toBe(false);
    expect(isInsufficientPoints(409, { type: 'https://docs.zupy.com/errors#validation-error' })).toBe(false);
    expect(isInsufficientPoints(422, 'Pontos insuficientes')).toBe(false);
  });
});
