/** The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected value): validate and redeem: multi-use coupons, redeem order, Z$ payment, marketing rewards once per customer. */
import { describe, expect, it } from 'vitest';
import { T0, HOUR, DAY, type SeedCoupon, at, base, many, storeAt, ids } from './store-rules.harness.ts';

describe('Zupy store: validate and redeem', () => {
  it('a three-use coupon counts down, becomes used on the last use with the usage second, then conflicts', () => {
    const { store, clock } = storeAt(base());
    clock.now = T0 + 1234; // created_at is truncated to the second
    const r = store.redeem('co1', 'cuA', 'rwL', false);
    if (!r.ok) throw new Error('redeem');
    const { coupon } = r.value;
    expect(coupon).toMatchObject({
      status: 'active',
      remaining: 3,
      total: 3,
      createdMs: T0 + 1000,
      validUntilMs: T0 + 1000 + 30 * DAY,
      pointsSpent: 100,
      usageMs: null,
    });
    expect(coupon.code).toMatch(/^CZ-[0-9A-F]{8}$/);
    expect(r.value.customer.points).toBe(900);
    expect(store.rewards.get('rwL')?.quantityRedeemed).toBe(1);
    clock.now = T0 + 5 * HOUR + 999;
    const v1 = store.validate('co1', 'cuA', coupon.code.toLowerCase());
    expect(v1.ok && [v1.value.coupon.remaining, v1.value.coupon.status, v1.value.validatedMs]).toEqual([2, 'active', T0 + 5 * HOUR + 999]);
    expect(store.validate('co1', 'cuA', coupon.id).ok).toBe(true);
    expect(coupon).toMatchObject({ remaining: 1, status: 'active', usageMs: null });
    expect(store.listCoupons('co1', { status: 'active' }, null, 5).count).toBe(1);
    const v3 = store.validate('co1', 'cuA', coupon.code);
    expect(v3.ok).toBe(true);
    expect(coupon).toMatchObject({ remaining: 0, status: 'used', usageMs: T0 + 5 * HOUR });
    expect(store.validate('co1', 'cuA', coupon.code)).toEqual({ ok: false, error: { kind: 'conflict', status: 'used' } });
    expect(coupon.remaining).toBe(0);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 1, expired: 0, cancelled: 0 });
    expect(ids(store.listCoupons('co1', { status: 'used' }, null, 5).page)).toEqual([coupon.id]);
  });

  it('validate refuses another customer’s coupon and another company’s, unless the defect option says otherwise', () => {
    const { store } = storeAt(base(many(2)));
    expect(store.validate('co1', 'cuB', 'CZ-M000')).toEqual({ ok: false, error: { kind: 'not-found', what: 'coupon' } });
    expect(store.validate('co2', 'cuA', 'CZ-M000')).toEqual({ ok: false, error: { kind: 'not-found', what: 'coupon' } });
    expect(store.validate('co1', 'cuA', 'CZ-NOPE')).toEqual({ ok: false, error: { kind: 'not-found', what: 'coupon' } });
    expect(store.validate('co1', 'cuA', 'c000').ok).toBe(true);
    expect(store.validate('co1', 'cuB', 'CZ-M001', { ignoreCustomer: true }).ok).toBe(true);
    expect(store.validate('co1', 'cuA', 'CZ-M001', { reuseReturns200: true }).ok).toBe(true);
    expect(store.coupons.get('c001')).toMatchObject({ remaining: 0, status: 'used' });
    // A coupon whose customer record is gone is not found.
    const { store: s2 } = storeAt(base(many(1)));
    s2.customers.delete('cuA');
    expect(s2.validate('co1', 'cuA', 'CZ-M000')).toEqual({ ok: false, error: { kind: 'not-found', what: 'coupon' } });
  });

  it('cancelled coupons conflict as cancelled; the no-expiry-check defect revives an expired multi-use coupon', () => {
    const seeds: SeedCoupon[] = [
      {
        id: 'x1',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-X1',
        status: 'cancelled',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - DAY),
      },
      {
        id: 'x2',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-X2',
        status: 'expired',
        remaining_usages: 2,
        valid_until: at(T0 - HOUR),
        created_at: at(T0 - DAY),
      },
      {
        id: 'x3',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-X3',
        status: 'active',
        remaining_usages: 2,
        valid_until: at(T0 - HOUR),
        created_at: at(T0 - 2 * DAY),
      },
    ];
    const { store } = storeAt(base(seeds));
    expect(store.validate('co1', 'cuA', 'CZ-X1')).toEqual({ ok: false, error: { kind: 'conflict', status: 'cancelled' } });
    expect(store.validate('co1', 'cuA', 'CZ-X2')).toEqual({ ok: false, error: { kind: 'conflict', status: 'expired' } });
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 0, expired: 2, cancelled: 1 });
    const revived = store.validate('co1', 'cuA', 'CZ-X2', { skipExpiry: true });
    expect(revived.ok && [revived.value.coupon.status, revived.value.coupon.remaining]).toEqual(['active', 1]);
    // Stored active again but past valid_until: it counts as expired by the clock.
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 0, expired: 2, cancelled: 1 });
    expect(store.validate('co1', 'cuA', 'CZ-X3', { skipExpiry: true }).ok).toBe(true);
    expect(store.coupons.get('x3')).toMatchObject({ status: 'active', remaining: 1 });
    const last = store.validate('co1', 'cuA', 'CZ-X2', { skipExpiry: true });
    expect(last.ok && [last.value.coupon.status, last.value.coupon.remaining]).toEqual(['used', 0]);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 1, expired: 1, cancelled: 1 });
    // An expired coupon with nothing left stays refused even with the defect on.
    const { store: s2 } = storeAt(base([{ ...(seeds[1] as SeedCoupon), remaining_usages: 0 }]));
    expect(s2.validate('co1', 'cuA', 'CZ-X2', { skipExpiry: true })).toEqual({ ok: false, error: { kind: 'conflict', status: 'expired' } });
  });

  it('the racy validate reads remaining before its gap and writes after it', async () => {
    const { store } = storeAt(base(many(1)));
    const [a, b] = await Promise.all([store.validateRacy('co1', 'cuA', 'CZ-M000'), store.validateRacy('co1', 'cuA', 'CZ-M000')]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(store.coupons.get('c000')).toMatchObject({ status: 'used', remaining: 0 });
    expect(await store.validateRacy('co1', 'cuA', 'CZ-M000')).toEqual({ ok: false, error: { kind: 'conflict', status: 'used' } });
    expect(await store.validateRacy('co1', 'cuB', 'CZ-M000')).toEqual({ ok: false, error: { kind: 'not-found', what: 'coupon' } });
  });

  it('redeem: checks in order, pays with points then Z$, marketing rewards are free and once per customer', () => {
    const { store, clock } = storeAt(base());
    expect(store.redeem('co1', 'cuC', 'rwL', false)).toEqual({ ok: false, error: { kind: 'not-found', what: 'customer' } });
    expect(store.redeem('co1', 'cuA', 'rwC', false)).toEqual({ ok: false, error: { kind: 'not-found', what: 'reward' } });
    expect(store.redeem('co1', 'cuA', 'nope', false)).toEqual({ ok: false, error: { kind: 'not-found', what: 'reward' } });
    const free = store.redeem('co1', 'cuB', 'rwM', false);
    expect(
      free.ok && [free.value.pointsUsed, free.value.coupon.pointsSpent, free.value.customer.points, free.value.coupon.validUntilMs],
    ).toEqual([0, 0, 450, T0 + 7 * DAY]);
    expect(store.redeem('co1', 'cuB', 'rwM', false)).toEqual({
      ok: false,
      error: { kind: 'validation', field: 'non_field_errors', detail: 'Prêmio gratuito já resgatado por este cliente' },
    });
    // Ana redeems the marketing reward too; Bia's coupon does not count for her.
    expect(store.redeem('co1', 'cuA', 'rwM', false).ok).toBe(true);
    // Bia: 450 points, a loyalty reward of 100 → paid with points.
    for (let i = 0; i < 4; i++) expect(store.redeem('co1', 'cuB', 'rwL', false).ok).toBe(true);
    expect(store.customers.get('cuB')?.points).toBe(50);
    expect(store.redeem('co1', 'cuB', 'rwL', false)).toMatchObject({ ok: false, error: { kind: 'validation', field: 'points' } });
    // 50 points + Z$ cover a gap of 50 of 100? No: at most 20% (20 points).
    expect(store.redeem('co1', 'cuB', 'rwL', true)).toMatchObject({ ok: false, error: { kind: 'validation', field: 'use_z_tokens' } });
    store.customers.get('cuB')!.points = 80;
    const z = store.redeem('co1', 'cuB', 'rwL', true);
    expect(z.ok && [z.value.pointsUsed, z.value.zUsed, z.value.customer.points, z.value.customer.z]).toEqual([
      80,
      24_000_000n,
      0,
      1_126_000_000n,
    ]);
    expect(store.listCoupons('co1', { customer_id: 'cuB' }, null, 10).count).toBe(6);
    expect(store.listCoupons('co1', { customer_id: 'cuB', origin_type: 'marketing' }, null, 10).count).toBe(1);
    // Many coupons for Ana, few for the marketing reward: the check walks the smaller side either way.
    for (let i = 0; i < 5; i++) store.redeem('co1', 'cuA', 'rwL', false);
    expect(store.hasRedeemed('cuA', 'rwM')).toBe(true);
    expect(store.hasRedeemed('cuA', 'rwL')).toBe(true);
    expect(store.hasRedeemed('cuB', 'rwM')).toBe(true);
    expect(store.hasRedeemed('cuC', 'rwM')).toBe(false);
    expect(store.hasRedeemed('nobody', 'rwM')).toBe(false);
    clock.now = T0 + DAY;
    expect(store.listCoupons('co1', { reward_id: 'rwM' }, null, 10).count).toBe(2);
  });

  it('has-redeemed looks at the right pair when one side is much larger than the other', () => {
    const seeds: SeedCoupon[] = [
      ...Array.from({ length: 4 }, (_, i) => ({
        id: `a${i}`,
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: `CZ-A${i}`,
        status: 'used' as const,
        remaining_usages: 0,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - DAY + i),
      })),
      {
        id: 'b0',
        customer_id: 'cuB',
        reward_id: 'rwM',
        coupon_code: 'CZ-B0',
        status: 'used',
        remaining_usages: 0,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - DAY),
      },
    ];
    const { store } = storeAt(base(seeds));
    // Ana: 4 coupons, none of rwM (1 coupon, Bia's).
    expect(store.hasRedeemed('cuA', 'rwM')).toBe(false);
    expect(store.redeem('co1', 'cuA', 'rwM', false).ok).toBe(true);
    // rwL: 4 coupons, none of Bia's (1 coupon).
    expect(store.hasRedeemed('cuB', 'rwL')).toBe(false);
    expect(store.hasRedeemed('cuB', 'rwM')).toBe(true);
  });

  it('reward availability: stock, active flags and the inclusive date window', () => {
    const { store } = storeAt(base());
    const r = store.rewards.get('rwL')!;
    expect(store.rewardAvailable(r, T0)).toBe(true);
    Object.assign(r, { quantityAvailable: 2, quantityRedeemed: 1 });
    expect(store.rewardAvailable(r, T0)).toBe(true);
    r.quantityRedeemed = 2;
    expect(store.rewardAvailable(r, T0)).toBe(false);
    Object.assign(r, { quantityAvailable: null, startMs: T0, endMs: T0 + DAY });
    expect([
      store.rewardAvailable(r, T0 - 1),
      store.rewardAvailable(r, T0),
      store.rewardAvailable(r, T0 + DAY),
      store.rewardAvailable(r, T0 + DAY + 1),
    ]).toEqual([false, true, true, false]);
    Object.assign(r, { startMs: null, endMs: null, isActive: false });
    expect(store.rewardAvailable(r, T0)).toBe(false);
    Object.assign(r, { isActive: true, isAvailable: false });
    expect(store.rewardAvailable(r, T0)).toBe(false);
    expect(store.redeem('co1', 'cuA', 'rwL', false)).toEqual({
      ok: false,
      error: { kind: 'validation', field: 'reward_id', detail: 'Recompensa indisponível para resgate.' },
    });
  });
});
