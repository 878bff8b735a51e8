/**
 * Zupy provider states set up through the provider's public API only, from a fixture file (the
 * format of `coupon-kit check --fixtures`): an active coupon is found among the listed customers'
 * coupons or redeemed from a listed reward, a used one is found or made by validating an active
 * one, an OTP session is opened with request-otp / verify-otp when the file gives a test code.
 * What the public API cannot do (expire a coupon, switch the OTP policy on, deliver a WhatsApp
 * code) makes the interaction not verifiable, with the reason. The states of one interaction share
 * a context, so a coupon's owner is the customer whose path and OTP session the request uses.
 */
import { createZupyClient, problemSlug, type CouponInventory, type ZupyClient, type ZupyResult } from '../../clients/zupy.ts';
import type { ZupySandboxFixtures } from '../../property-tests/targets/fixture-file.ts';
import { NotVerifiable, StateSetupError, type StateSource, type StateValues } from './states.ts';

/** Literals of the API model: the marketing "already claimed" detail (Part D 8), a code no provider issues. */
const ALREADY_CLAIMED = 'Prêmio gratuito já resgatado por este cliente';
const ABSENT_CODE = 'CZ-00000000';
const ABSENT_REWARD = '000000000000000000000000000';
/** A coupon this close to valid_until may expire mid-interaction. */
const MARGIN_MS = 5 * 60_000;

type Params = Record<string, unknown>;
type Handler = (p: Params) => Promise<StateValues>;

export function zupyPublicStates(baseUrl: string, f: ZupySandboxFixtures, file: string): StateSource {
  const client = createZupyClient({ baseUrl, apiKey: f.api_key });
  let ctx: { customerId?: string; sessions: Map<string, string> } = { sessions: new Map() };

  const refused = (what: string, r: Extract<ZupyResult<unknown>, { ok: false }>): Error => {
    if (r.status === 401)
      return new StateSetupError(`the provider answered 401 to api_key from ${file} (${what}): check the key or --api-key`);
    const e = r.error;
    const detail = 'type' in e ? `${problemSlug(e)}${e.detail ? ` "${e.detail}"` : ''}` : JSON.stringify(e.body).slice(0, 200);
    return new NotVerifiable(`${what} answered ${r.status} ${detail}`);
  };
  const data = async <T>(what: string, call: Promise<ZupyResult<T>>): Promise<T> => {
    const r = await call;
    if (!r.ok) throw refused(what, r);
    return r.data;
  };

  /** The listed customers, the one the interaction already uses (or the state's own, when listed) first. */
  const candidates = (p: Params): string[] => {
    if (ctx.customerId) return [ctx.customerId];
    const wanted = typeof p.customerId === 'string' && f.customer_ids.includes(p.customerId) ? [p.customerId] : [];
    return [...new Set([...wanted, ...f.customer_ids])];
  };
  const couponsOf = async (customerId: string): Promise<CouponInventory[]> => {
    const all: CouponInventory[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await data(
        `listing the coupons of customer ${customerId}`,
        client.listCoupons({ customer_id: customerId, page_size: 100, ...(cursor ? { cursor } : {}) }),
      );
      all.push(...r.items);
      if (!r.meta?.has_next || !r.meta.cursor) break;
      cursor = r.meta.cursor;
    }
    return all;
  };
  const session = async (customerId: string): Promise<string> => {
    const open = ctx.sessions.get(customerId);
    if (open) return open;
    const identifier = f.otp?.identifiers[customerId];
    if (!f.otp || !identifier) {
      throw new NotVerifiable(
        `an OTP session for customer ${customerId} needs the code the provider sends to the customer (WhatsApp or e-mail); if the sandbox accepts a fixed test code, give "otp": {"code", "identifiers"} in ${file}`,
      );
    }
    await data(`request-otp for ${identifier}`, client.requestOtp(identifier));
    const v = await data(`verify-otp for ${identifier} with the fixture file's code`, client.verifyOtp(identifier, f.otp.code));
    if (v.customer_id !== customerId)
      throw new NotVerifiable(
        `verify-otp for ${identifier} opened a session for customer ${v.customer_id}, not ${customerId}: check otp.identifiers in ${file}`,
      );
    ctx.sessions.set(customerId, v.otp_session);
    return v.otp_session;
  };
  /** A write as the customer: without an OTP session first, with one when the provider asks for it. */
  const write = async <T>(customerId: string, what: string, call: (c: ZupyClient) => Promise<ZupyResult<T>>): Promise<ZupyResult<T>> => {
    const r = await call(client);
    if (r.ok || r.status !== 403 || !('type' in r.error) || problemSlug(r.error) !== 'otp-required') return r;
    return call(client.withOtpSession(await session(customerId)));
  };
  const affordable = async (customerId: string, uses?: number) => {
    const [{ points_balance: balance }, catalog] = await Promise.all([
      data(`reading the points of customer ${customerId}`, client.points(customerId)),
      data('reading the reward catalogue', client.listRewards({ page_size: 100 })),
    ]);
    const usesOf = uses === undefined ? undefined : new Map((await couponsOfCompany()).map((c) => [c.reward_id, c.total_usages_allowed]));
    return catalog.items.filter(
      (r) =>
        f.reward_ids.includes(r.id) &&
        r.origin_type === 'loyalty_reward' &&
        r.is_available &&
        r.is_active &&
        r.points_required <= balance &&
        (usesOf === undefined || usesOf.get(r.id) === uses),
    );
  };
  const couponsOfCompany = async () => (await Promise.all(f.customer_ids.map(couponsOf))).flat();
  const redeemFor = async (customerId: string, rewardId: string): Promise<string> => {
    const r = await write(customerId, 'redeem', (c) => c.redeem(customerId, rewardId));
    if (!r.ok) throw refused(`redeeming reward ${rewardId} for customer ${customerId}`, r);
    return r.data.coupon_code;
  };
  const usable = (c: CouponInventory) => c.status === 'active' && Date.parse(c.valid_until) - Date.now() > MARGIN_MS;

  /** An active coupon with exactly `uses` uses left (any, when undefined), found or redeemed. */
  const activeCoupon = async (p: Params, uses: number | undefined, owners = candidates(p)) => {
    for (const customerId of owners) {
      const found = (await couponsOf(customerId)).find(
        (c) => usable(c) && (uses === undefined ? c.remaining_usages >= 1 : c.remaining_usages === uses),
      );
      if (found) return { code: found.coupon_code, couponId: found.id, customerId };
    }
    for (const customerId of owners) {
      const reward = (await affordable(customerId, uses ?? 1))[0];
      if (!reward) continue;
      const code = await redeemFor(customerId, reward.id);
      const coupon = (await couponsOf(customerId)).find((c) => c.coupon_code === code);
      return { code, couponId: coupon?.id ?? code, customerId };
    }
    throw new NotVerifiable(
      `no active coupon with ${uses ?? 'at least 1'} use(s) left among the coupons of ${owners.join(', ')}, and no reward in reward_ids of known ${uses ?? 1}-use coupons that one of them can afford`,
    );
  };
  const own = (values: StateValues & { customerId?: string }) => {
    if (values.customerId) ctx.customerId = values.customerId;
    return values;
  };

  const states: Record<string, Handler> = {
    'coupon {code} is active with {uses} uses left': async (p) => own(await activeCoupon(p, Number(p.uses ?? 1))),
    'coupon {code} is used': async (p) => {
      for (const customerId of candidates(p)) {
        const used = (await couponsOf(customerId)).find((c) => c.status === 'used');
        if (used) return own({ code: used.coupon_code, couponId: used.id, customerId });
      }
      const a = await activeCoupon(p, 1);
      const r = await write(a.customerId, 'validate', (c) => c.validate(a.customerId, a.code));
      if (!r.ok || r.data.remaining_usages !== 0)
        throw new NotVerifiable(
          `validating ${a.code} to use it up answered ${r.status}${r.ok ? ` with ${r.data.remaining_usages} uses left` : ''}`,
        );
      return own(a);
    },
    'coupon {code} is expired': async (p) => {
      for (const customerId of candidates(p)) {
        const expired = (await couponsOf(customerId)).find((c) => c.status === 'expired');
        if (expired) return own({ code: expired.coupon_code, couponId: expired.id, customerId });
      }
      throw new NotVerifiable(
        `no expired coupon among the coupons of ${candidates(p).join(', ')}, and the public API cannot expire one (valid_until is fixed at redeem)`,
      );
    },
    'coupon {code} belongs to customer {customerId}': async (p) => {
      const path = ctx.customerId;
      for (const owner of f.customer_ids.filter((id) => id !== path)) {
        const other = path ?? f.customer_ids.find((id) => id !== owner);
        if (!other) break;
        try {
          const a = await activeCoupon(p, undefined, [owner]);
          return own({ code: a.code, couponId: a.couponId, ownerId: owner, customerId: other });
        } catch (err) {
          if (!(err instanceof NotVerifiable)) throw err;
        }
      }
      throw new NotVerifiable(
        `needs an active coupon of one listed customer and another customer of the same company in customer_ids (${f.customer_ids.length} listed)`,
      );
    },
    'no coupon has code {code}': async (p) => {
      const code = typeof p.code === 'string' ? p.code : ABSENT_CODE;
      if (await data(`looking up ${code}`, client.findCouponByCode(code))) throw new NotVerifiable(`coupon ${code} exists on the provider`);
      return { code };
    },
    'customer {customerId} has an OTP session': async (p) => {
      const customerId = candidates(p)[0] as string;
      return own({ otpSession: await session(customerId), customerId });
    },
    'the company requires OTP for {action}': async (p) => {
      const customerId = candidates(p)[0] as string;
      const action = typeof p.action === 'string' ? p.action : 'everything';
      const probes = {
        'coupon usage': () => client.validate(customerId, ABSENT_CODE),
        redemption: () => client.redeem(customerId, ABSENT_REWARD),
      };
      for (const [name, probe] of Object.entries(probes)) {
        if (action !== name && action !== 'everything') continue;
        const r = await probe();
        if (r.ok || r.status !== 403 || !('type' in r.error) || problemSlug(r.error) !== 'otp-required') {
          throw new NotVerifiable(
            `a ${name === 'redemption' ? 'redeem' : 'validate'} without an OTP session answered ${r.status}, not 403 otp-required: the company does not require OTP for ${name} (or checks it later), and the public API cannot switch the policy on`,
          );
        }
      }
      return own({ customerId });
    },
    'customer {customerId} has {points} points for reward {rewardId}': async (p) => {
      for (const customerId of candidates(p)) {
        const rewards = await affordable(customerId);
        const reward = rewards.find((r) => r.id === p.rewardId) ?? rewards[0];
        if (reward)
          return own({ customerId, rewardId: reward.id, points: (await data('reading points', client.points(customerId))).points_balance });
      }
      throw new NotVerifiable(
        `no loyalty reward in reward_ids that ${candidates(p).join(' or ')} can afford, and the public API cannot add points`,
      );
    },
    'customer {customerId} already claimed marketing reward {rewardId}': async (p) => {
      const catalog = await data('reading the reward catalogue', client.listRewards({ page_size: 100 }));
      const marketing = catalog.items.filter((r) => f.reward_ids.includes(r.id) && r.origin_type === 'marketing');
      const customerId = candidates(p)[0] as string;
      for (const reward of marketing) {
        const r = await write(customerId, 'redeem', (c) => c.redeem(customerId, reward.id));
        const claimed = r.ok || (r.status === 422 && 'type' in r.error && (r.error.errors ?? []).some((e) => e.detail === ALREADY_CLAIMED));
        if (claimed) return own({ customerId, rewardId: reward.id });
      }
      throw new NotVerifiable(`no marketing reward in reward_ids that customer ${customerId} has claimed or can claim`);
    },
    /** Exactly two pages: the page size is half the customer's coupons (rounded up), so ≥ 3 are needed. */
    'customer {customerId} has {count} coupons': async (p) => {
      for (const customerId of candidates(p)) {
        let n = (await couponsOf(customerId)).length;
        for (const reward of n < 3 ? await affordable(customerId) : []) {
          while (n < 3 && (await write(customerId, 'redeem', (c) => c.redeem(customerId, reward.id))).ok) n++;
        }
        if (n < 3 || n > 200) continue;
        const pageSize = Math.ceil(n / 2);
        const first = await data('reading the first page', client.listCoupons({ customer_id: customerId, page_size: pageSize }));
        if (first.meta?.has_next && first.meta.cursor)
          return own({ customerId, count: n, pageSize: String(pageSize), cursor: first.meta.cursor });
      }
      throw new NotVerifiable(`no customer in customer_ids has (or could redeem up to) 3 to 200 coupons to page through`);
    },
    'the company has a read-write API key': async () => ({}),
  };

  return {
    description: `the provider's public API, with ${file}`,
    async preflight() {
      await data('GET /api/v2/coupons/issued/stats/ with api_key', client.stats()).catch((err: unknown) => {
        throw err instanceof StateSetupError ? err : new StateSetupError(`checking api_key from ${file}: ${(err as Error).message}`);
      });
    },
    async begin() {
      ctx = { sessions: new Map() };
    },
    async setup(state, params) {
      const handler = states[state];
      if (!handler) throw new NotVerifiable('coupon-kit has no public-API set-up for this state');
      return { apiKey: f.api_key, ...(await handler(params)) };
    },
  };
}
