/** The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected value): index order and compaction across many transitions, lazy expiry under a clock moved forwards and backwards, reindex() after direct edits, the counters behind stats. */
import { describe, expect, it } from 'vitest';
import type { Coupon } from './store.ts';
import { T0, MIN, HOUR, DAY, type SeedCoupon, at, base, many, storeAt, ids, walk, range } from './store-rules.harness.ts';

describe('Zupy store: status lists, compaction and lazy expiry', () => {
  it('100 coupons expire by the clock and come back when it is set back, in order, with the counters following', () => {
    const { store, clock } = storeAt(base(many(100)));
    const first = store.listCoupons('co1', { status: 'active' }, null, 3);
    expect([first.count, ids(first.page), first.next === null]).toEqual([100, ['c099', 'c098', 'c097'], false]);
    clock.now = T0 + HOUR; // valid_until itself is still valid (Z-5)
    expect(store.listCoupons('co1', { status: 'active' }, null, 1).count).toBe(100);
    clock.now = T0 + HOUR + 1;
    expect(store.listCoupons('co1', { status: 'active' }, null, 5)).toMatchObject({ count: 0, page: [], next: null });
    expect(store.listCoupons('co1', { status: 'expired' }, null, 2).count).toBe(100);
    expect(walk(store, 'co1', { status: 'expired' }, 7)).toEqual(range(99, 0));
    expect(store.couponStats('co1', {})).toEqual({
      total: 100,
      byStatus: { active: 0, used: 0, expired: 100, cancelled: 0 },
      byOrigin: { loyalty_reward: 100, marketing: 0 },
    });
    // Stored status stays active: the clock decides.
    expect(store.coupons.get('c000')?.status).toBe('active');
    clock.now = T0;
    expect(walk(store, 'co1', { status: 'active' }, 9)).toEqual(range(99, 0));
    expect(store.listCoupons('co1', { status: 'expired' }, null, 5)).toMatchObject({ count: 0, page: [] });
    expect(store.couponStats('co1', { customer_id: 'cuA' }).byStatus).toEqual({ active: 100, used: 0, expired: 0, cancelled: 0 });
    // And forward again: the same coupons expire a second time.
    clock.now = T0 + DAY;
    expect(walk(store, 'co1', { status: 'expired' }, 30)).toEqual(range(99, 0));
    expect(walk(store, 'co1', { status: 'active' }, 30)).toEqual([]);
  });

  it('validating 90 of 100 coupons leaves exactly the other 10 active, after the active list was compacted', () => {
    const { store } = storeAt(base(many(100)));
    for (let i = 0; i < 90; i++) expect(store.validate('co1', 'cuA', `cz-m${String(i).padStart(3, '0')}`).ok).toBe(true);
    expect(walk(store, 'co1', { status: 'active' }, 4)).toEqual(range(99, 90));
    expect(store.listCoupons('co1', { status: 'active' }, null, 4).count).toBe(10);
    expect(walk(store, 'co1', { status: 'used' }, 50)).toEqual(range(89, 0));
    expect(store.listCoupons('co1', { status: 'used' }, null, 4).count).toBe(90);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 10, used: 90, expired: 0, cancelled: 0 });
  });

  it('a coupon compacted out of the active list is listed again when it becomes active again', () => {
    // c000..c019 expire at T0 + 1 h, c020..c099 at T0 + 2 h.
    const seeds = many(100).map((c, i) => (i < 20 ? c : { ...c, valid_until: at(T0 + 2 * HOUR) }));
    const { store, clock } = storeAt(base(seeds));
    clock.now = T0 + 3 * HOUR; // all expire: the active list is compacted on the way
    expect(store.listCoupons('co1', { status: 'active' }, null, 5).count).toBe(0);
    clock.now = T0 + 90 * MIN; // back: only c020..c099 are valid again
    expect(walk(store, 'co1', { status: 'active' }, 11)).toEqual(range(99, 20));
    expect(walk(store, 'co1', { status: 'expired' }, 11)).toEqual(range(19, 0));
    clock.now = T0; // back again: all valid
    expect(walk(store, 'co1', { status: 'active' }, 50)).toEqual(range(99, 0));
    expect(store.couponStats('co1', {}).byStatus.active).toBe(100);
  });

  it('validating an active coupon past valid_until answers expired, stores it, and the indexes agree', () => {
    const { store, clock } = storeAt(base(many(3)));
    clock.now = T0 + HOUR;
    const ok = store.validate('co1', 'cuA', 'CZ-M000');
    expect(ok.ok && ok.value.coupon.status).toBe('used');
    clock.now = T0 + HOUR + 1;
    expect(store.validate('co1', 'cuA', 'CZ-M001')).toEqual({ ok: false, error: { kind: 'conflict', status: 'expired' } });
    expect(store.coupons.get('c001')?.status).toBe('expired');
    clock.now = T0; // a stored expiry does not come back with the clock
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c002']);
    expect(ids(store.listCoupons('co1', { status: 'expired' }, null, 5).page)).toEqual(['c001']);
    expect(ids(store.listCoupons('co1', { status: 'used' }, null, 5).page)).toEqual(['c000']);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 1, used: 1, expired: 1, cancelled: 0 });
  });

  it('reindex() after a direct edit moves the coupon between lists and counters; without it the stale index shows', () => {
    const { store } = storeAt(base(many(4)));
    const c = store.coupons.get('c001') as Coupon;
    c.status = 'cancelled';
    c.remaining = 0;
    store.reindex();
    expect(ids(store.listCoupons('co1', { status: 'cancelled' }, null, 5).page)).toEqual(['c001']);
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c003', 'c002', 'c000']);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 3, used: 0, expired: 0, cancelled: 1 });
    // A coupon moved to the other company by hand, then reindexed.
    const moved = store.coupons.get('c000') as Coupon;
    moved.companyId = 'co2';
    moved.customerId = 'cuC';
    moved.rewardId = 'rwC';
    store.reindex();
    expect(ids(store.listCoupons('co2', {}, null, 5).page)).toEqual(['c000']);
    expect(store.listCoupons('co1', {}, null, 10).count).toBe(3);
    expect(store.couponsOf('co1').map((x) => x.id)).toEqual(['c003', 'c002', 'c001']);
  });

  it('an unsorted seed is listed newest first, ties on created_at by id descending, in every index', () => {
    const same = at(T0 - HOUR);
    const seeds: SeedCoupon[] = [
      {
        id: 'b2',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-B2',
        status: 'active',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: same,
      },
      {
        id: 'a9',
        customer_id: 'cuB',
        reward_id: 'rwL',
        coupon_code: 'CZ-A9',
        status: 'used',
        remaining_usages: 0,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - 2 * HOUR),
      },
      {
        id: 'b1',
        customer_id: 'cuA',
        reward_id: 'rwM',
        coupon_code: 'CZ-B1',
        status: 'active',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: same,
      },
      {
        id: 'z0',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-Z0',
        status: 'active',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - 3 * HOUR),
      },
      {
        id: 'b3',
        customer_id: 'cuB',
        reward_id: 'rwM',
        coupon_code: 'CZ-B3',
        status: 'active',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: same,
      },
    ];
    const { store } = storeAt(base(seeds));
    expect(walk(store, 'co1', {}, 2)).toEqual(['b3', 'b2', 'b1', 'a9', 'z0']);
    expect(walk(store, 'co1', { customer_id: 'cuA' }, 1)).toEqual(['b2', 'b1', 'z0']);
    expect(walk(store, 'co1', { reward_id: 'rwM' }, 1)).toEqual(['b3', 'b1']);
    expect(walk(store, 'co1', { origin_type: 'loyalty_reward' }, 2)).toEqual(['b2', 'a9', 'z0']);
    expect(walk(store, 'co1', { origin_type: 'marketing' }, 5)).toEqual(['b3', 'b1']);
    expect(walk(store, 'co1', { status: 'active' }, 3)).toEqual(['b3', 'b2', 'b1', 'z0']);
    expect(walk(store, 'co1', { customer_id: 'cuA', reward_id: 'rwL' }, 1)).toEqual(['b2', 'z0']);
    expect(store.listCoupons('co1', { customer_id: 'cuA', reward_id: 'rwL' }, null, 1).count).toBe(2);
    expect(walk(store, 'co1', { code: 'cz-b1' }, 1)).toEqual(['b1']);
    expect(walk(store, 'co1', { code: 'cz-b1', customer_id: 'cuB' }, 1)).toEqual([]);
    expect(store.listCoupons('co2', {}, null, 5)).toMatchObject({ count: 0, page: [], next: null });
    expect(store.listCoupons('nobody', { status: 'active' }, null, 5)).toMatchObject({ count: 0, page: [] });
    expect(store.couponsOf('co1').map((c) => c.id)).toEqual(['b3', 'b2', 'b1', 'a9', 'z0']);
    // Stats by filter, literal.
    expect(store.couponStats('co1', { customer_id: 'cuA' })).toEqual({
      total: 3,
      byStatus: { active: 3, used: 0, expired: 0, cancelled: 0 },
      byOrigin: { loyalty_reward: 2, marketing: 1 },
    });
    expect(store.couponStats('co1', { origin_type: 'marketing' })).toEqual({
      total: 2,
      byStatus: { active: 2, used: 0, expired: 0, cancelled: 0 },
      byOrigin: { loyalty_reward: 0, marketing: 2 },
    });
    expect(store.couponStats('co1', { customer_id: 'cuB', origin_type: 'loyalty_reward' })).toEqual({
      total: 1,
      byStatus: { active: 0, used: 1, expired: 0, cancelled: 0 },
      byOrigin: { loyalty_reward: 1, marketing: 0 },
    });
    expect(store.couponStats('co1', { customer_id: 'cuB', reward_id: 'rwM' })).toEqual({
      total: 1,
      byStatus: { active: 1, used: 0, expired: 0, cancelled: 0 },
      byOrigin: { loyalty_reward: 0, marketing: 1 },
    });
    expect(store.couponStats('co1', { code: 'CZ-A9' })).toEqual({
      total: 1,
      byStatus: { active: 0, used: 1, expired: 0, cancelled: 0 },
      byOrigin: { loyalty_reward: 1, marketing: 0 },
    });
    expect(store.couponStats('co1', { reward_id: 'rwL', status: 'used' }).total).toBe(3);
  });

  it('a cursor in the middle of equal created_at values continues after that id', () => {
    const same = at(T0 - HOUR);
    const seeds = ['k1', 'k2', 'k3', 'k4'].map((id) => ({
      id,
      customer_id: 'cuA',
      reward_id: 'rwL',
      coupon_code: `CZ-${id}`,
      status: 'active' as const,
      remaining_usages: 1,
      valid_until: at(T0 + DAY),
      created_at: same,
    }));
    const { store } = storeAt(base(seeds));
    const createdMs = T0 - HOUR;
    expect(ids(store.listCoupons('co1', {}, { createdMs, id: 'k3' }, 5).page)).toEqual(['k2', 'k1']);
    expect(ids(store.listCoupons('co1', {}, { createdMs, id: 'k0' }, 5).page)).toEqual([]);
    expect(ids(store.listCoupons('co1', {}, { createdMs: createdMs + 1, id: 'a' }, 5).page)).toEqual(['k4', 'k3', 'k2', 'k1']);
    const first = store.listCoupons('co1', {}, null, 2);
    expect(ids(first.page)).toEqual(['k4', 'k3']);
    expect(Buffer.from(first.next ?? '', 'base64url').toString()).toBe(`${createdMs}:k3`);
    expect(store.listCoupons('co1', {}, null, 4).next).toBeNull();
  });
});
