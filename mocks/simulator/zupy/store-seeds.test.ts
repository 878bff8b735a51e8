/** The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected value): seeds, heaps and defect options at their edges; seeding defaults and snapshots. */
import { describe, expect, it } from 'vitest';
import { T0, MIN, HOUR, DAY, type SeedCoupon, at, base, many, storeAt, ids, walk } from './store-rules.harness.ts';

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

  it("a seeded coupon of an unknown customer belongs to its reward's company; with neither known it belongs to none and is still kept", () => {
    const orphan = (id: string, customer: string, reward: string): SeedCoupon => ({
      ...many(1)[0]!,
      id,
      coupon_code: `CZ-${id.toUpperCase()}`,
      customer_id: customer,
      reward_id: reward,
    });
    const { store } = storeAt(base([orphan('o1', 'cu-gone', 'rwL'), orphan('o2', 'cu-gone', 'rw-gone')]));
    expect(store.coupons.get('o1')?.companyId).toBe('co1');
    expect(store.coupons.get('o2')?.companyId).toBe('');
    expect(walk(store, 'co1', {}, 5)).toEqual(['o1']);
    expect(store.findCoupon('co1', 'o2')).toBeUndefined();
    expect(store.findCoupon('co2', 'CZ-O2')).toBeUndefined();
    expect(store.snapshot().coupons.map((c) => [c.id, c.customer_id, c.reward_id])).toEqual([
      ['o1', 'cu-gone', 'rwL'],
      ['o2', 'cu-gone', 'rw-gone'],
    ]);
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
