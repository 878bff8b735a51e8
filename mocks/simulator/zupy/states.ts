/**
 * Pact provider states for Zupy, applied through POST /__control/provider-states. States are
 * additive (the verifier resets the simulator before each interaction, so an interaction with two
 * states gets both) and return the values the consumer reads with `fromProviderState`: OTP
 * sessions and pagination cursors, which only the provider can generate, and the ids, codes and
 * API key the pact's requests read from the state (`apiKey` comes with every state: the demo
 * company's read-write key).
 */
import { int, str, type Params } from '../state-params.ts';
import type { SimContext } from '../types.ts';
import { DAY_MS, isoSeconds, paginate } from './domain.ts';
import { DEMO } from '../../demo/zupy.ts';
import type { Coupon, ZupyStore } from './store.ts';

type StateHandler = (store: ZupyStore, ctx: SimContext, p: Params) => Record<string, unknown>;

const CODE = /^(CZ|CP)-[A-Z0-9]{8}$/i;

const ksuidLike = (prefix: string, seed: string) => `${prefix}${seed.replace(/[^0-9A-Za-z]/g, '')}`.padEnd(27, '0').slice(0, 27);

/** The coupon with this code, created for the demo customer Ana when it does not exist. */
function couponWithCode(store: ZupyStore, now: number, code: string): Coupon {
  const existing = store.findCoupon(DEMO.companyA, code);
  if (existing) return existing;
  // A coupon the state creates is valid fixture data (GET /__control/fixtures seeds back).
  if (!CODE.test(code))
    throw new Error(`code must be a coupon code such as CZ-914F15F3 (CZ- or CP- and 8 letters or digits), got '${code}'`);
  store.load(
    {
      companies: [],
      api_keys: [],
      customers: [],
      rewards: [],
      coupons: [
        {
          id: ksuidLike('2P', code),
          customer_id: DEMO.customers.ana,
          reward_id: DEMO.rewards.coffee,
          coupon_code: code.toUpperCase(),
          status: 'active',
          remaining_usages: 1,
          valid_until: isoSeconds(now + 30 * DAY_MS),
          created_at: isoSeconds(now - DAY_MS),
        },
      ],
    },
    false,
  );
  return store.findCoupon(DEMO.companyA, code) as Coupon;
}

function customer(store: ZupyStore, p: Params) {
  const id = str(p, 'customerId', DEMO.customers.ana);
  const c = store.customers.get(id);
  if (!c) throw new Error(`unknown customer '${id}'`);
  return c;
}

function removeCoupon(store: ZupyStore, c: Coupon): void {
  store.coupons.delete(c.id);
  store.codes.delete(c.code);
}

const OTP_ACTIONS = {
  'coupon usage': ['require_otp_for_coupon_usage'],
  redemption: ['require_otp_for_redemption'],
  everything: ['require_otp_for_coupon_usage', 'require_otp_for_redemption'],
} as const;

export const ZUPY_STATES: Record<string, StateHandler> = {
  'coupon {code} is active with {uses} uses left': (store, ctx, p) => {
    const uses = int(p, 'uses', 1, 1000);
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.active.code));
    if (uses < 1) throw new Error("an active coupon has at least 1 use left: use 'coupon {code} is used'");
    Object.assign(c, {
      status: 'active',
      remaining: uses,
      total: Math.max(uses, c.total),
      usageMs: null,
      validUntilMs: ctx.clock.nowMs() + 30 * DAY_MS,
    });
    return { couponId: c.id, customerId: c.customerId, code: c.code };
  },
  'coupon {code} is used': (store, ctx, p) => {
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.used.code));
    Object.assign(c, { status: 'used', remaining: 0, usageMs: ctx.clock.nowMs() - DAY_MS, validUntilMs: ctx.clock.nowMs() + 30 * DAY_MS });
    return { couponId: c.id, customerId: c.customerId, code: c.code };
  },
  'coupon {code} is expired': (store, ctx, p) => {
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.expired.code));
    // Stored active, past valid_until: the provider must notice the expiry itself (Z-5).
    Object.assign(c, { status: 'active', remaining: 1, usageMs: null, validUntilMs: ctx.clock.nowMs() - DAY_MS });
    return { couponId: c.id, customerId: c.customerId, code: c.code };
  },
  /** An active coupon owned by {customerId}: validating it under another customer's path must give 404. */
  'coupon {code} belongs to customer {customerId}': (store, ctx, p) => {
    const owner = customer(store, p);
    const c = couponWithCode(store, ctx.clock.nowMs(), str(p, 'code', DEMO.coupons.bruno.code));
    if (c.companyId !== owner.companyId) throw new Error(`coupon '${c.code}' and customer '${owner.id}' are in different companies`);
    Object.assign(c, {
      customerId: owner.id,
      status: 'active',
      remaining: Math.max(c.remaining, 1),
      usageMs: null,
      validUntilMs: ctx.clock.nowMs() + 30 * DAY_MS,
    });
    return { couponId: c.id, ownerId: owner.id, code: c.code };
  },
  'no coupon has code {code}': (store, _ctx, p) => {
    const code = str(p, 'code', 'CZ-00000000');
    const c = store.findCoupon(DEMO.companyA, code);
    if (c) removeCoupon(store, c);
    return { code };
  },
  'customer {customerId} has an OTP session': (store, _ctx, p) => {
    const c = customer(store, p);
    const identifier = c.identifiers[0];
    if (!identifier) throw new Error(`customer '${c.id}' has no OTP identifier`);
    store.requestOtp(c.companyId, identifier);
    const r = store.verifyOtp(c.companyId, identifier, store.fixedOtpCode);
    if (!r.ok) throw new Error(`could not open an OTP session: ${JSON.stringify(r.error)}`);
    return { otpSession: r.value.session.token, customerId: c.id };
  },
  'the company requires OTP for {action}': (store, _ctx, p) => {
    const action = str(p, 'action', 'everything');
    const flags = Object.hasOwn(OTP_ACTIONS, action) ? (OTP_ACTIONS[action as keyof typeof OTP_ACTIONS] as readonly string[]) : undefined;
    if (!flags) throw new Error(`action must be one of ${Object.keys(OTP_ACTIONS).join(', ')}`);
    const company = store.companies.get(DEMO.companyA);
    if (!company) throw new Error(`unknown company '${DEMO.companyA}'`);
    for (const flag of flags) company.otpPolicy[flag as keyof typeof company.otpPolicy] = true;
    return {};
  },
  'customer {customerId} has {points} points for reward {rewardId}': (store, _ctx, p) => {
    const c = customer(store, p);
    const rewardId = str(p, 'rewardId', DEMO.rewards.coffee);
    if (store.rewards.get(rewardId)?.companyId !== c.companyId)
      throw new Error(`'${rewardId}' is not a reward of customer '${c.id}''s company`);
    c.points = int(p, 'points', c.points, 1_000_000_000);
    return { customerId: c.id, points: c.points, rewardId };
  },
  'the company has a read-write API key': () => ({}),
  'customer {customerId} already claimed marketing reward {rewardId}': (store, _ctx, p) => {
    const c = customer(store, p);
    const rewardId = str(p, 'rewardId', DEMO.rewards.welcome);
    if (store.rewards.get(rewardId)?.originType !== 'marketing') throw new Error(`'${rewardId}' is not a marketing reward`);
    if (!store.hasRedeemed(c.id, rewardId)) {
      const r = store.redeem(c.companyId, c.id, rewardId, false);
      if (!r.ok) throw new Error(`could not claim: ${JSON.stringify(r.error)}`);
    }
    return { customerId: c.id, rewardId };
  },
  /**
   * Exactly {count} coupons, one day apart, for paging. Returns `cursor`: the provider's cursor for
   * the page after the first `pageSize` coupons (null when they fit on one page).
   */
  'customer {customerId} has {count} coupons': (store, ctx, p) => {
    const c = customer(store, p);
    const count = int(p, 'count', 3, 1000);
    const size = int(p, 'pageSize', 2, 100);
    for (const coupon of [...store.coupons.values()]) if (coupon.customerId === c.id) removeCoupon(store, coupon);
    const now = ctx.clock.nowMs();
    store.load(
      {
        companies: [],
        api_keys: [],
        customers: [],
        rewards: [],
        coupons: Array.from({ length: count }, (_, i) => ({
          id: ksuidLike(`2PG${String(i).padStart(3, '0')}`, c.id),
          customer_id: c.id,
          reward_id: DEMO.rewards.coffee,
          coupon_code: `CZ-PG${String(i).padStart(6, '0')}`,
          status: 'active' as const,
          remaining_usages: 1,
          valid_until: isoSeconds(now + 30 * DAY_MS),
          created_at: isoSeconds(now - (i + 1) * DAY_MS),
          points_spent: 200,
        })),
      },
      false,
    );
    const mine = store.couponsOf(c.companyId).filter((x) => x.customerId === c.id);
    return { customerId: c.id, count, pageSize: String(Math.max(size, 1)), cursor: paginate(mine, null, Math.max(size, 1)).next };
  },
};

export function zupyProviderState(
  store: ZupyStore,
  ctx: SimContext,
  state: string,
  params: Record<string, unknown>,
): Record<string, unknown> {
  const handler = Object.hasOwn(ZUPY_STATES, state) ? ZUPY_STATES[state] : undefined;
  if (!handler) throw new Error(`unknown provider state '${state}'; known: ${Object.keys(ZUPY_STATES).join(' | ')}`);
  // States edit records in the maps directly: the indexes are rebuilt after each one.
  const out = handler(store, ctx, params);
  store.reindex();
  return { apiKey: DEMO.keyReadWrite, ...out };
}
