/** The Zupy store's rules pinned with literal expectations (no simulator helper computes an expected value): the OTP flow and sessions, and identities across seeds. */
import { describe, expect, it } from 'vitest';
import { T0, MIN, DAY, at, base, storeAt } from './store-rules.harness.ts';

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
