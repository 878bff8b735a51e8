/**
 * The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected
 * value): index order and compaction across many transitions, lazy expiry under a clock moved
 * forwards and backwards, reindex() after direct edits, the counters behind stats, multi-use
 * coupons, redeem, the OTP flow and sessions, seeding defaults and snapshots.
 */
import { describe, expect, it } from 'vitest';
import type { ZupyFixtures } from './fixtures.ts';
import { ZupyStore, type Coupon } from './store.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type SeedCoupon = ZupyFixtures['coupons'][number];
const at = (ms: number) => new Date(ms).toISOString();

function base(coupons: SeedCoupon[] = []): ZupyFixtures {
  return {
    companies: [
      { id: 'co1', name: 'One' },
      { id: 'co2', name: 'Two' },
    ],
    api_keys: [{ key: 'k1', company_id: 'co1', access: 'read-write' }],
    customers: [
      { id: 'cuA', company_id: 'co1', full_name: 'Ana', identifiers: ['ana@example.com'], points_balance: 1000, z_balance: '100' },
      { id: 'cuB', company_id: 'co1', full_name: 'Bia', identifiers: ['+5511987650000'], points_balance: 450, z_balance: '1150' },
      { id: 'cuC', company_id: 'co2', full_name: 'Caio', identifiers: [], points_balance: 0, z_balance: '0' },
    ],
    rewards: [
      {
        id: 'rwL',
        company_id: 'co1',
        name: 'Coffee',
        points_required: 100,
        validity_days: 30,
        total_usages_allowed: 3,
        origin_type: 'loyalty_reward',
      },
      {
        id: 'rwM',
        company_id: 'co1',
        name: 'Welcome',
        points_required: 50,
        validity_days: 7,
        total_usages_allowed: 1,
        origin_type: 'marketing',
      },
      {
        id: 'rwC',
        company_id: 'co2',
        name: 'Other',
        points_required: 10,
        validity_days: 1,
        total_usages_allowed: 1,
        origin_type: 'loyalty_reward',
      },
    ],
    coupons,
  };
}

/** `n` single-use coupons of Ana's, one second apart (c000 oldest), valid until T0 + 1 h. */
function many(n: number, validUntil = T0 + HOUR): SeedCoupon[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(3, '0')}`,
    customer_id: 'cuA',
    reward_id: 'rwL',
    coupon_code: `CZ-M${String(i).padStart(3, '0')}`,
    status: 'active' as const,
    remaining_usages: 1,
    total_usages_allowed: 1,
    valid_until: at(validUntil),
    created_at: at(T0 - DAY + i * 1000),
  }));
}

function storeAt(fixtures: ZupyFixtures, start = T0) {
  const clock = { now: start };
  const store = new ZupyStore(() => clock.now);
  store.load(fixtures, true);
  return { store, clock };
}

const ids = (page: Coupon[]) => page.map((c) => c.id);
/** Every id of a listing, walking the cursors (`size` per page). */
function walk(store: ZupyStore, companyId: string, filter: Parameters<ZupyStore['listCoupons']>[1], size: number): string[] {
  const out: string[] = [];
  let cursor: { createdMs: number; id: string } | null = null;
  for (let i = 0; i < 500; i++) {
    const r = store.listCoupons(companyId, filter, cursor, size);
    out.push(...ids(r.page));
    const last = r.page[r.page.length - 1];
    if (r.next === null || !last) return out;
    cursor = { createdMs: last.createdMs, id: last.id };
  }
  throw new Error('no end');
}
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `c${String(from - i).padStart(3, '0')}`);

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

describe('Zupy store: OTP and sessions', () => {
  it('request, wrong codes, lock after five, expiry after five minutes, new and known customers, 30-minute sessions', () => {
    const { store, clock } = storeAt({ ...base(), otp: { fixed_code: '654321' } });
    expect(store.requestOtp('co1', 'not an id')).toMatchObject({ ok: false, error: { kind: 'validation', field: 'identifier' } });
    expect(store.verifyOtp('co1', 'not an id', '654321')).toMatchObject({ ok: false, error: { kind: 'validation', field: 'identifier' } });
    expect(store.verifyOtp('co1', 'ana@example.com', '654321')).toEqual({ ok: false, error: { kind: 'not-found', what: 'otp' } });
    expect(store.requestOtp('co1', 'ANA@example.com')).toEqual({ ok: true, value: { channel: 'email', expiresIn: 300 } });
    expect(store.requestOtp('co1', '+55 11 98765-0000')).toMatchObject({ ok: false });
    expect(store.requestOtp('co1', '+5511987650000')).toEqual({ ok: true, value: { channel: 'whatsapp', expiresIn: 300 } });
    for (let i = 0; i < 4; i++)
      expect(store.verifyOtp('co1', 'ana@example.com', '000000')).toEqual({ ok: false, error: { kind: 'otp-invalid' } });
    expect(store.verifyOtp('co1', 'ana@example.com', '000000')).toEqual({ ok: false, error: { kind: 'otp-locked' } });
    expect(store.verifyOtp('co1', 'ana@example.com', '654321')).toEqual({ ok: false, error: { kind: 'otp-locked' } });
    // Bia's code: valid for exactly five minutes.
    clock.now = T0 + 5 * MIN;
    const bia = store.verifyOtp('co1', '+5511987650000', '654321');
    if (!bia.ok) throw new Error('verify');
    expect(bia.value.customer.id).toBe('cuB');
    expect(bia.value.isNew).toBe(false);
    expect(bia.value.session).toMatchObject({ customerId: 'cuB', companyId: 'co1', expiresMs: T0 + 35 * MIN });
    expect(store.verifyOtp('co1', '+5511987650000', '654321')).toEqual({ ok: false, error: { kind: 'not-found', what: 'otp' } });
    store.requestOtp('co1', '+5511987650000');
    clock.now = T0 + 10 * MIN + 1;
    expect(store.verifyOtp('co1', '+5511987650000', '654321')).toEqual({ ok: false, error: { kind: 'otp-invalid' } });
    // Sessions: bound to customer and company, valid through their last millisecond.
    const token = bia.value.session.token;
    expect(store.sessionValid(token, 'co1', 'cuB')).toBe(true);
    expect(store.sessionValid(token, 'co1', 'cuA')).toBe(false);
    expect(store.sessionValid(token, 'co2', 'cuB')).toBe(false);
    expect(store.sessionValid(undefined, 'co1', 'cuB')).toBe(false);
    expect(store.sessionValid('', 'co1', 'cuB')).toBe(false);
    expect(store.sessionValid('nope', 'co1', 'cuB')).toBe(false);
    clock.now = T0 + 35 * MIN;
    expect(store.sessionValid(token, 'co1', 'cuB')).toBe(true);
    clock.now = T0 + 35 * MIN + 1;
    expect(store.sessionValid(token, 'co1', 'cuB')).toBe(false);
    // A new identifier creates a customer once; the second login finds it.
    store.requestOtp('co2', '123.456.789-09');
    const first = store.verifyOtp('co2', '12345678909', '654321');
    if (!first.ok) throw new Error('verify');
    expect(first.value.isNew).toBe(true);
    expect(first.value.customer).toMatchObject({
      companyId: 'co2',
      fullName: '',
      points: 0,
      z: 0n,
      tier: null,
      identifiers: ['12345678909'],
    });
    store.requestOtp('co2', '12345678909');
    const again = store.verifyOtp('co2', '123.456.789-09', '654321');
    expect(again.ok && [again.value.isNew, again.value.customer.id]).toEqual([false, first.value.customer.id]);
    // The same identifier in the other company is a different customer.
    store.requestOtp('co1', '12345678909');
    const other = store.verifyOtp('co1', '12345678909', '654321');
    expect(other.ok && other.value.isNew).toBe(true);
  });
});

describe('Zupy store: identities across seeds', () => {
  it('an identifier whose customer record is gone signs in as a new customer', () => {
    const { store } = storeAt(base());
    store.customers.delete('cuA');
    store.requestOtp('co1', 'ana@example.com');
    const v = store.verifyOtp('co1', 'ana@example.com', '123456');
    expect(v.ok && v.value.isNew).toBe(true);
    expect(v.ok && v.value.customer.id).not.toBe('cuA');
  });

  it('a replacing seed drops pending codes, sessions and identifiers; a merging one keeps them', () => {
    const { store } = storeAt(base());
    store.requestOtp('co1', 'ana@example.com');
    const v = store.verifyOtp('co1', 'ana@example.com', '123456');
    if (!v.ok) throw new Error('verify');
    store.requestOtp('co1', '+5511987650000');
    store.load({ companies: [], api_keys: [], customers: [], rewards: [], coupons: [] }, false);
    expect(store.sessionValid(v.value.session.token, 'co1', 'cuA')).toBe(true);
    store.load(base(), true);
    expect(store.sessionValid(v.value.session.token, 'co1', 'cuA')).toBe(false);
    expect(store.verifyOtp('co1', '+5511987650000', '123456')).toEqual({ ok: false, error: { kind: 'not-found', what: 'otp' } });
    store.load({ ...base(), customers: [] }, true);
    store.requestOtp('co1', 'ana@example.com');
    const again = store.verifyOtp('co1', 'ana@example.com', '123456');
    expect(again.ok && again.value.isNew).toBe(true);
  });

  it('rewards are listed newest first; a seeded coupon without a known customer belongs to its reward’s company', () => {
    const f = base([
      {
        id: 'o1',
        customer_id: 'ghost',
        reward_id: 'rwM',
        coupon_code: 'CZ-O1',
        status: 'active',
        remaining_usages: 1,
        valid_until: at(T0 + DAY),
        created_at: at(T0 - DAY),
      },
    ]);
    f.rewards[0]!.created_at = '2026-01-02T00:00:00Z';
    f.rewards[1]!.created_at = '2026-01-03T00:00:00Z';
    f.rewards.push({
      id: 'rwO',
      company_id: 'co1',
      name: 'Old',
      points_required: 1,
      validity_days: 1,
      total_usages_allowed: 1,
      origin_type: 'loyalty_reward',
      created_at: '2026-01-01T00:00:00Z',
    });
    const { store } = storeAt(f);
    expect(store.rewardsOf('co1').map((r) => r.id)).toEqual(['rwM', 'rwL', 'rwO']);
    expect(store.rewardsOf('co2').map((r) => r.id)).toEqual(['rwC']);
    expect(store.findCoupon('co1', 'CZ-O1')).toMatchObject({
      companyId: 'co1',
      customerId: 'ghost',
      originType: 'marketing',
      total: 1,
      pointsSpent: 50,
    });
    expect(store.listCoupons('co1', { origin_type: 'marketing' }, null, 5).count).toBe(1);
    // Without a known reward: its own id, a loyalty origin, one use, nothing spent, the customer's company.
    const { store: s2 } = storeAt(
      base([
        {
          id: 'o2',
          customer_id: 'cuC',
          reward_id: 'gone',
          coupon_code: 'CZ-O2',
          status: 'active',
          remaining_usages: 1,
          valid_until: at(T0 + DAY),
          created_at: at(T0 - DAY),
        },
      ]),
    );
    expect(s2.findCoupon('co2', 'CZ-O2')).toMatchObject({
      companyId: 'co2',
      customerId: 'cuC',
      rewardId: 'gone',
      originType: 'loyalty_reward',
      total: 1,
      pointsSpent: 0,
    });
    expect(s2.listCoupons('co2', { origin_type: 'loyalty_reward' }, null, 5).count).toBe(1);
  });
});

describe('Zupy store: seeds, heaps and defect options at their edges', () => {
  it('a seed with an identifier that is neither phone, email nor CPF loads; the good ones still sign in', () => {
    const f = base();
    f.customers[0]!.identifiers = ['not an id', 'ana@example.com'];
    const { store } = storeAt(f);
    store.requestOtp('co1', 'ana@example.com');
    const v = store.verifyOtp('co1', 'ana@example.com', '123456');
    expect(v.ok && [v.value.isNew, v.value.customer.id]).toEqual([false, 'cuA']);
    expect(store.requestOtp('co1', 'not an id')).toEqual({
      ok: false,
      error: { kind: 'validation', field: 'identifier', detail: 'Informe um telefone (+55…), e-mail ou CPF válido.' },
    });
    expect(store.verifyOtp('co1', 'not an id', '123456')).toEqual({
      ok: false,
      error: { kind: 'validation', field: 'identifier', detail: 'Informe um telefone (+55…), e-mail ou CPF válido.' },
    });
  });

  it('a merge that only overwrites a coupon lists it once, with its new status', () => {
    const { store } = storeAt(base(many(3)));
    store.load(
      { companies: [], api_keys: [], customers: [], rewards: [], coupons: [{ ...many(2)[1]!, status: 'used', remaining_usages: 0 }] },
      false,
    );
    expect(walk(store, 'co1', {}, 2)).toEqual(['c002', 'c001', 'c000']);
    expect(walk(store, 'co1', { status: 'active' }, 2)).toEqual(['c002', 'c000']);
    expect(store.listCoupons('co1', {}, null, 5).count).toBe(3);
  });

  it('a merge inserts a coupon with the same created_at in id order', () => {
    const same = at(T0 - HOUR);
    const one = (id: string): SeedCoupon => ({
      id,
      customer_id: 'cuA',
      reward_id: 'rwL',
      coupon_code: `CZ-${id}`,
      status: 'active',
      remaining_usages: 1,
      valid_until: at(T0 + DAY),
      created_at: same,
    });
    const { store } = storeAt(base([one('k9')]));
    store.load({ companies: [], api_keys: [], customers: [], rewards: [], coupons: [one('k1'), one('k5')] }, false);
    expect(walk(store, 'co1', {}, 1)).toEqual(['k9', 'k5', 'k1']);
    expect(walk(store, 'co1', { customer_id: 'cuA' }, 2)).toEqual(['k9', 'k5', 'k1']);
  });

  it('coupons expire one by one in valid_until order, whatever order they were seeded and redeemed in', () => {
    const vu = [3, 1, 5, 2, 4];
    const seeds = vu.map((h, i) => ({ ...many(5)[i]!, valid_until: at(T0 + h * HOUR) }));
    const { store, clock } = storeAt(base(seeds));
    const active = () => walk(store, 'co1', { status: 'active' }, 10);
    clock.now = T0 + 90 * MIN;
    expect(active()).toEqual(['c004', 'c003', 'c002', 'c000']);
    clock.now = T0 + 150 * MIN;
    expect(active()).toEqual(['c004', 'c002', 'c000']);
    clock.now = T0 + 210 * MIN;
    expect(active()).toEqual(['c004', 'c002']);
    clock.now = T0 + 270 * MIN;
    expect(active()).toEqual(['c002']);
    clock.now = T0 + 150 * MIN;
    expect(active()).toEqual(['c004', 'c002', 'c000']);
    clock.now = T0;
    expect(active()).toEqual(['c004', 'c003', 'c002', 'c001', 'c000']);
    // Redeemed coupons (30 days) and a merged one in between join the same order.
    const r = store.redeem('co1', 'cuA', 'rwL', false);
    store.load(
      { companies: [], api_keys: [], customers: [], rewards: [], coupons: [{ ...many(6)[5]!, valid_until: at(T0 + 30 * MIN) }] },
      false,
    );
    clock.now = T0 + 45 * MIN;
    expect(active()).toEqual([r.ok ? r.value.coupon.id : '?', 'c004', 'c003', 'c002', 'c001', 'c000']);
    clock.now = T0 + 31 * DAY;
    expect(active()).toEqual([]);
    expect(store.couponStats('co1', {}).byStatus.expired).toBe(7);
  });

  it('company listings of a company with no coupons are empty', () => {
    const { store } = storeAt(base(many(1)));
    expect(store.couponsOf('co2')).toEqual([]);
    expect(store.couponsOf('nobody')).toEqual([]);
  });

  it('the defect options do not open cancelled coupons', () => {
    const seed: SeedCoupon = {
      id: 'x1',
      customer_id: 'cuA',
      reward_id: 'rwL',
      coupon_code: 'CZ-X1',
      status: 'cancelled',
      remaining_usages: 1,
      valid_until: at(T0 + DAY),
      created_at: at(T0 - DAY),
    };
    const { store } = storeAt(base([seed]));
    expect(store.validate('co1', 'cuA', 'CZ-X1', { skipExpiry: true })).toEqual({
      ok: false,
      error: { kind: 'conflict', status: 'cancelled' },
    });
    expect(store.validate('co1', 'cuA', 'CZ-X1', { reuseReturns200: true })).toEqual({
      ok: false,
      error: { kind: 'conflict', status: 'cancelled' },
    });
    expect(store.coupons.get('x1')).toMatchObject({ status: 'cancelled', remaining: 1 });
  });
});

describe('Zupy store: seeding and snapshots', () => {
  it('defaults are filled in, and a snapshot gives them back as written', () => {
    const seeded = base([
      {
        id: 's1',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'cz-low',
        status: 'used',
        remaining_usages: 0,
        valid_until: '2026-03-31T00:00:00Z',
        created_at: '2026-03-01T00:00:00Z',
        usage_date: '2026-03-02T10:00:00Z',
      },
    ]);
    const { store } = storeAt(seeded);
    const snap = store.snapshot();
    expect(snap.otp).toEqual({ fixed_code: '123456' });
    expect(snap.companies[0]).toEqual({
      id: 'co1',
      name: 'One',
      otp_policy: { require_otp_for_redemption: true, require_otp_for_coupon_usage: true },
    });
    expect(snap.api_keys).toEqual([{ key: 'k1', company_id: 'co1', access: 'read-write', label: '', revoked: false }]);
    expect(snap.customers[1]).toEqual({
      id: 'cuB',
      company_id: 'co1',
      full_name: 'Bia',
      identifiers: ['+5511987650000'],
      points_balance: 450,
      z_balance: '1150.000000',
      tier: null,
    });
    expect(snap.rewards[0]).toEqual({
      id: 'rwL',
      company_id: 'co1',
      name: 'Coffee',
      description: '',
      points_required: 100,
      validity_days: 30,
      total_usages_allowed: 3,
      origin_type: 'loyalty_reward',
      reward_type: 'generic',
      is_active: true,
      is_available: true,
      quantity_available: null,
      quantity_redeemed: 0,
      start_date: null,
      end_date: null,
      created_at: '2026-03-01T00:00:00Z',
    });
    expect(snap.coupons).toEqual([
      {
        id: 's1',
        customer_id: 'cuA',
        reward_id: 'rwL',
        coupon_code: 'CZ-LOW',
        status: 'used',
        remaining_usages: 0,
        total_usages_allowed: 3,
        valid_until: '2026-03-31T00:00:00Z',
        created_at: '2026-03-01T00:00:00Z',
        usage_date: '2026-03-02T10:00:00Z',
        points_spent: 100,
      },
    ]);
    expect(store.findCoupon('co1', 'Cz-Low')?.id).toBe('s1');
    expect(store.findCoupon('co2', 'CZ-LOW')).toBeUndefined();
    expect(store.findCoupon('co1', 's1')?.code).toBe('CZ-LOW');
    expect(store.findCoupon('co1', 'S1')).toBeUndefined();
    expect(store.customerOf('co1', 'cuA')?.fullName).toBe('Ana');
    expect(store.customerOf('co2', 'cuA')).toBeUndefined();
    expect(
      store
        .rewardsOf('co1')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['rwL', 'rwM']);
    // Identifiers from the seed are found by the OTP flow (phone normalised, email lower-cased).
    store.requestOtp('co1', 'Ana@Example.com');
    const v = store.verifyOtp('co1', 'ana@example.com', '123456');
    expect(v.ok && v.value.customer.id).toBe('cuA');
  });

  it('explicit values survive a round trip through load and snapshot', () => {
    const f = base();
    f.companies[0]!.otp_policy = { require_otp_for_redemption: false, require_otp_for_coupon_usage: true };
    f.api_keys.push({ key: 'k2', company_id: 'co1', access: 'read-only', label: 'ro', revoked: true });
    f.rewards[0] = {
      ...f.rewards[0]!,
      description: 'd',
      reward_type: 'gift',
      is_active: false,
      is_available: false,
      quantity_available: 5,
      quantity_redeemed: 2,
      start_date: '2026-01-01T00:00:00Z',
      end_date: '2026-12-31T00:00:00Z',
      created_at: '2025-12-01T00:00:00Z',
    };
    f.customers[0]!.tier = 'gold';
    f.coupons.push({
      id: 'e1',
      customer_id: 'cuA',
      reward_id: 'rwL',
      coupon_code: 'CZ-E1',
      status: 'active',
      remaining_usages: 2,
      total_usages_allowed: 5,
      valid_until: '2026-04-01T00:00:00Z',
      created_at: '2026-02-01T00:00:00Z',
      points_spent: 7,
    });
    const { store } = storeAt(f);
    const snap = store.snapshot();
    expect(snap.companies[0]!.otp_policy).toEqual({ require_otp_for_redemption: false, require_otp_for_coupon_usage: true });
    expect(snap.api_keys[1]).toEqual({ key: 'k2', company_id: 'co1', access: 'read-only', label: 'ro', revoked: true });
    expect(snap.customers[0]!.tier).toBe('gold');
    expect(snap.rewards[0]).toMatchObject({
      description: 'd',
      reward_type: 'gift',
      is_active: false,
      is_available: false,
      quantity_available: 5,
      quantity_redeemed: 2,
      start_date: '2026-01-01T00:00:00Z',
      end_date: '2026-12-31T00:00:00Z',
      created_at: '2025-12-01T00:00:00Z',
    });
    expect(snap.coupons[0]).toMatchObject({ remaining_usages: 2, total_usages_allowed: 5, points_spent: 7, usage_date: null });
    // Loading the snapshot into a fresh store gives the same snapshot.
    const { store: again } = storeAt(snap);
    expect(again.snapshot()).toEqual(snap);
  });

  it('a merge adds coupons to the indexes; a merge that overwrites an id rebuilds them; replace clears', () => {
    const { store } = storeAt(base(many(2)));
    store.load({ companies: [], api_keys: [], customers: [], rewards: [], coupons: many(4).slice(2) }, false);
    expect(walk(store, 'co1', {}, 3)).toEqual(['c003', 'c002', 'c001', 'c000']);
    // Overwrite c001 as used and add an older one.
    const older = { ...many(1)[0]!, id: 'b000', coupon_code: 'CZ-OLD', created_at: at(T0 - 2 * DAY) };
    store.load(
      {
        companies: [],
        api_keys: [],
        customers: [],
        rewards: [],
        coupons: [{ ...many(2)[1]!, status: 'used', remaining_usages: 0 }, older],
      },
      false,
    );
    expect(walk(store, 'co1', {}, 3)).toEqual(['c003', 'c002', 'c001', 'c000', 'b000']);
    expect(walk(store, 'co1', { status: 'used' }, 3)).toEqual(['c001']);
    expect(store.listCoupons('co1', {}, null, 1).count).toBe(5);
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 4, used: 1, expired: 0, cancelled: 0 });
    // A new code reusing an existing id's code: the code map also grows by less than two.
    store.load(
      { companies: [], api_keys: [], customers: [], rewards: [], coupons: [{ ...many(1)[0]!, id: 'd000', status: 'cancelled' }] },
      false,
    );
    expect(store.findCoupon('co1', 'CZ-M000')?.id).toBe('d000');
    expect(store.couponStats('co1', {}).byStatus).toEqual({ active: 4, used: 1, expired: 0, cancelled: 1 });
    store.load(base(), true);
    expect(store.listCoupons('co1', {}, null, 5)).toMatchObject({ count: 0, page: [] });
    expect(store.coupons.size + store.codes.size).toBe(0);
  });

  it('merged coupons already past valid_until are counted as expired at once', () => {
    const { store, clock } = storeAt(base(many(1)));
    clock.now = T0 + 30 * MIN;
    expect(store.listCoupons('co1', { status: 'active' }, null, 5).count).toBe(1);
    store.load(
      { companies: [], api_keys: [], customers: [], rewards: [], coupons: [{ ...many(2)[1]!, valid_until: at(T0 + 10 * MIN) }] },
      false,
    );
    expect(ids(store.listCoupons('co1', { status: 'expired' }, null, 5).page)).toEqual(['c001']);
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c000']);
    clock.now = T0;
    expect(ids(store.listCoupons('co1', { status: 'active' }, null, 5).page)).toEqual(['c001', 'c000']);
  });
});
