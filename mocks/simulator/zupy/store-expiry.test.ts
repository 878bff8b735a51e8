/** The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected value): expiry exactly at valid_until and 1 ms after (seed, merge, reindex, revival), and a coupon waiting twice in an expiry heap. */
import { describe, expect, it } from 'vitest';
import type { ZupyStore } from './store.ts';
import { T0, HOUR, DAY, type SeedCoupon, at, base, many, storeAt, ids, walk } from './store-rules.harness.ts';

describe('Zupy store: expiry exactly at valid_until', () => {
  it('seeded, merged and re-activated exactly at the clock count as active; one millisecond later as expired', () => {
    const { store, clock } = storeAt(base(many(1)), T0 + HOUR);
    expect(store.listCoupons('co1', { status: 'active' }, null, 5).count).toBe(1);
    store.load({ companies: [], api_keys: [], customers: [], rewards: [], coupons: [many(2)[1]!] }, false);
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c001', 'c000']);
    clock.now = T0 + HOUR + 1;
    expect(ids(store.listCoupons('co1', { status: 'expired' }, null, 5).page)).toEqual(['c001', 'c000']);
    clock.now = T0 + HOUR; // back to exactly valid_until: valid again
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c001', 'c000']);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 2, used: 0, expired: 0, cancelled: 0 });
    // Reindexed one millisecond past valid_until: expired at once.
    clock.now = T0 + HOUR + 1;
    store.reindex();
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 0, expired: 2, cancelled: 0 });
  });

  it('a stored-expired coupon revived by the defect exactly at valid_until counts as active', () => {
    const seed: SeedCoupon = {
      id: 'x2',
      customer_id: 'cuA',
      reward_id: 'rwL',
      coupon_code: 'CZ-X2',
      status: 'expired',
      remaining_usages: 2,
      valid_until: at(T0),
      created_at: at(T0 - DAY),
    };
    const { store, clock } = storeAt(base([seed]));
    expect(store.validate('co1', 'cuA', 'CZ-X2', { skipExpiry: true }).ok).toBe(true);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 1, used: 0, expired: 0, cancelled: 0 });
    clock.now = T0 + 1;
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
    clock.now = T0 - DAY;
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 1, used: 0, expired: 0, cancelled: 0 });
  });

  it('coupons used while waiting in the expiry heaps are left alone when the clock passes them, both ways', () => {
    const { store, clock } = storeAt(base(many(3)));
    clock.now = T0 + 2 * HOUR; // all three lapse
    expect(store.couponStats('co1', {}).byStatus.expired).toBe(3);
    clock.now = T0; // back: active again
    expect(store.validate('co1', 'cuA', 'CZ-M000').ok).toBe(true); // used while in the pending heap
    clock.now = T0 + 2 * HOUR;
    expect(store.validate('co1', 'cuA', 'CZ-M001', { skipExpiry: true }).ok).toBe(true); // used while in the lapsed heap
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 2, expired: 1, cancelled: 0 });
    clock.now = T0;
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 1, used: 2, expired: 0, cancelled: 0 });
    clock.now = T0 + 2 * HOUR;
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 0, used: 2, expired: 1, cancelled: 0 });
    expect(walk(store, 'co1', { status: 'used' }, 5)).toEqual(['c001', 'c000']);
    expect(walk(store, 'co1', { status: 'expired' }, 5)).toEqual(['c002']);
  });
});

describe('Zupy store: a coupon waiting twice in an expiry heap', () => {
  // One multi-use coupon, valid until T0 + 1 h, three uses.
  const seed: SeedCoupon = {
    id: 'w1',
    customer_id: 'cuA',
    reward_id: 'rwL',
    coupon_code: 'CZ-W1',
    status: 'active',
    remaining_usages: 3,
    valid_until: at(T0 + HOUR),
    created_at: at(T0 - DAY),
  };
  const stats = (store: ZupyStore) => store.couponStats('co1', {}).byStatus;

  it('expired by a validate before any read, revived by the defect: counted once when the clock passes it', () => {
    const { store, clock } = storeAt(base([seed]));
    clock.now = T0 + 2 * HOUR;
    expect(store.validate('co1', 'cuA', 'CZ-W1')).toEqual({ ok: false, error: { kind: 'conflict', status: 'expired' } });
    expect(store.validate('co1', 'cuA', 'CZ-W1', { skipExpiry: true }).ok).toBe(true);
    expect(stats(store)).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
    expect(store.listCoupons('co1', { status: 'expired' }, null, 5).count).toBe(1);
    clock.now = T0;
    expect(stats(store)).toEqual({ active: 1, used: 0, expired: 0, cancelled: 0 });
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['w1']);
    clock.now = T0 + 3 * HOUR;
    expect(stats(store)).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
  });

  it('expired by the clock after a read, then by a validate, revived by the defect: counted once when the clock goes back', () => {
    const { store, clock } = storeAt(base([seed]));
    clock.now = T0 + 2 * HOUR;
    expect(stats(store)).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
    expect(store.validate('co1', 'cuA', 'CZ-W1')).toEqual({ ok: false, error: { kind: 'conflict', status: 'expired' } });
    expect(store.validate('co1', 'cuA', 'CZ-W1', { skipExpiry: true }).ok).toBe(true);
    expect(stats(store)).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
    clock.now = T0;
    expect(stats(store)).toEqual({ active: 1, used: 0, expired: 0, cancelled: 0 });
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['w1']);
    clock.now = T0 + 2 * HOUR;
    expect(stats(store)).toEqual({ active: 0, used: 0, expired: 1, cancelled: 0 });
    expect(store.listCoupons('co1', { status: 'active' }, null, 5).count).toBe(0);
  });

  it('a code filter never reaches into another company', () => {
    const { store } = storeAt(base([seed]));
    expect(store.listCoupons('co2', { code: 'CZ-W1' }, null, 5)).toMatchObject({ count: 0, page: [] });
    expect(store.couponStats('co2', { code: 'CZ-W1' }).total).toBe(0);
    expect(store.listCoupons('co1', { code: 'cz-w1' }, null, 5).count).toBe(1);
  });
});
