/**
 * Pact provider states for Zupy, applied through POST /__control/provider-states. States are
 * additive (the verifier resets the simulator before each interaction) and return the values the
 * consumer reads with `fromProviderState` (ids, OTP sessions).
 */
import type { SimContext } from '../types.ts';
import { DAY_MS, isoSeconds } from './domain.ts';
import { DEMO } from './fixtures.ts';
import type { Coupon, ZupyStore } from './store.ts';

type Params = Record<string, unknown>;
const str = (p: Params, k: string, fallback: string) => (typeof p[k] === 'string' ? (p[k]) : fallback);
const num = (p: Params, k: string, fallback: number) => (typeof p[k] === 'number' ? (p[k]) : Number(p[k] ?? fallback));

/** The coupon with this code, created for the demo customer Ana when it does not exist. */
function couponWithCode(store: ZupyStore, now: number, code: string): Coupon {
  const existing = store.findCoupon(DEMO.companyA, code);
  if (existing) return existing;
  store.load({
    companies: [], api_keys: [], customers: [], rewards: [],
    coupons: [{ id: `2P${code.replace(/[^A-Z0-9]/gi, '').padEnd(25, '0').slice(0, 25)}`, customer_id: DEMO.customers.ana, reward_id: DEMO.rewards.coffee, coupon_code: code.toUpperCase(), status: 'active', remaining_usages: 1, valid_until: isoSeconds(now + 30 * DAY_MS), created_at: isoSeconds(now - DAY_MS) }],
  }, false);
  return store.findCoupon(DEMO.companyA, code) as Coupon;
}

export const ZUPY_STATES: Record<string, (store: ZupyStore, ctx: SimContext, p: Params) => Record<string, unknown>> = {
  'coupon {code} is active with {uses} uses left': (store, ctx, p) => {
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.active.code));
    const uses = num(p, 'uses', 1);
    Object.assign(c, { status: 'active', remaining: uses, total: Math.max(uses, c.total), usageMs: null, validUntilMs: ctx.clock.nowMs() + 30 * DAY_MS });
    return { couponId: c.id, customerId: c.customerId, code: c.code };
  },
  'coupon {code} is used': (store, ctx, p) => {
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.used.code));
    Object.assign(c, { status: 'used', remaining: 0, usageMs: ctx.clock.nowMs() - DAY_MS });
    return { couponId: c.id, customerId: c.customerId };
  },
  'coupon {code} is expired': (store, ctx, p) => {
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.expired.code));
    Object.assign(c, { status: 'active', remaining: 1, validUntilMs: ctx.clock.nowMs() - DAY_MS });
    return { couponId: c.id, customerId: c.customerId };
  },
  'no coupon has code {code}': (store, _ctx, p) => {
    const code = str(p, 'code', 'CZ-00000000').toUpperCase();
    const id = store.codes.get(code);
    if (id) {
      store.coupons.delete(id);
      store.codes.delete(code);
    }
    return {};
  },
  'customer {customerId} has an OTP session': (store, _ctx, p) => {
    const customer = store.customers.get(str(p, 'customerId', DEMO.customers.ana));
    if (!customer) throw new Error(`unknown customer ${String(p.customerId)}`);
    const identifier = customer.identifiers[0] ?? '+5511987654321';
    store.requestOtp(customer.companyId, identifier);
    const r = store.verifyOtp(customer.companyId, identifier, store.fixedOtpCode);
    if (!r.ok) throw new Error('could not open an OTP session');
    return { otpSession: r.value.session.token, customerId: customer.id };
  },
  'the company requires OTP for {action}': (store) => {
    const company = store.companies.get(DEMO.companyA);
    if (company) company.otpPolicy = { require_otp_for_redemption: true, require_otp_for_coupon_usage: true };
    return {};
  },
  'customer {customerId} has {points} points': (store, _ctx, p) => {
    const customer = store.customers.get(str(p, 'customerId', DEMO.customers.ana));
    if (!customer) throw new Error(`unknown customer ${String(p.customerId)}`);
    customer.points = num(p, 'points', customer.points);
    return { customerId: customer.id, points: customer.points };
  },
  'customer {customerId} already claimed marketing reward {rewardId}': (store, _ctx, p) => {
    const customerId = str(p, 'customerId', DEMO.customers.ana);
    const r = store.redeem(DEMO.companyA, customerId, str(p, 'rewardId', DEMO.rewards.welcome), false);
    if (!r.ok && r.error.kind !== 'validation') throw new Error(`could not claim: ${JSON.stringify(r.error)}`);
    return {};
  },
  'customer {customerId} has coupons': (store, _ctx, p) => ({ count: store.couponsOf(DEMO.companyA).filter((c) => c.customerId === str(p, 'customerId', DEMO.customers.ana)).length }),
};

export function zupyProviderState(store: ZupyStore, ctx: SimContext, state: string, params: Record<string, unknown>): Record<string, unknown> {
  const handler = ZUPY_STATES[state];
  if (!handler) throw new Error(`unknown provider state '${state}'; known: ${Object.keys(ZUPY_STATES).join(' | ')}`);
  return handler(store, ctx, params);
}
