/** Zupy HTTP handlers, one per operationId, typed by the types generated from the spec. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components, operations } from '../../../specs/generated/zupy.ts';
import { send } from '../app.ts';
import type { Handler, ProviderReply, SimContext } from '../types.ts';
import { decodeCursor, formatZ, isoSeconds, pageSize, paginate, usageRate, type CouponStatus, type OriginType } from './domain.ts';
import { DETAILS, PROBLEMS, problem, requestPath, validationProblem } from './errors.ts';
import type { ApiKey, Coupon, CouponFilter, Customer, Reward, StoreError, ZupyStore } from './store.ts';

type Schemas = components['schemas'];
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

declare module 'fastify' {
  interface FastifyRequest {
    zupyKey?: ApiKey;
  }
}

export function storeError(e: StoreError, request: FastifyRequest): ProviderReply {
  const instance = requestPath(request);
  switch (e.kind) {
    case 'not-found': {
      const what = { customer: 'Customer', reward: 'Reward', coupon: 'Coupon', otp: 'No OTP was requested for this identifier' }[e.what];
      return problem(PROBLEMS.notFound, e.what === 'otp' ? `${what}.` : `${what} not found.`, instance);
    }
    case 'conflict':
      return problem(
        PROBLEMS.conflict,
        { used: DETAILS.alreadyUsed, expired: DETAILS.alreadyExpired, cancelled: DETAILS.alreadyCancelled }[e.status],
        instance,
      );
    case 'validation':
      return validationProblem(
        instance,
        [{ field: e.field, detail: e.detail }],
        request.operationId === 'verifyOtp' || request.operationId === 'requestOtp' ? 400 : 422,
      );
    case 'otp-invalid':
      return problem(PROBLEMS.authenticationRequired, 'Invalid or expired OTP code.', instance);
    case 'otp-locked':
      return problem(PROBLEMS.rateLimited, 'Too many OTP attempts. Please request a new code.', instance);
  }
}

export function couponView(store: ZupyStore, c: Coupon, nowMs: number): Schemas['CouponInventory'] {
  const status = store.statusOf(c, nowMs);
  const reward = store.rewards.get(c.rewardId);
  const customer = store.customers.get(c.customerId);
  const created = isoSeconds(c.createdMs);
  return {
    id: c.id,
    coupon_code: c.code,
    status,
    status_display: STATUS_DISPLAY[status],
    origin_type: c.originType,
    usage_date: c.usageMs === null ? null : isoSeconds(c.usageMs),
    remaining_usages: c.remaining,
    total_usages_allowed: c.total,
    valid_until: isoSeconds(c.validUntilMs),
    reward_name: reward?.name ?? '',
    reward_id: c.rewardId,
    customer_id: c.customerId,
    customer_name: customer?.fullName ?? '',
    points_spent: c.pointsSpent,
    redemption_date: created,
    created_at: created,
  };
}

const STATUS_DISPLAY = { active: 'Ativo', used: 'Utilizado', expired: 'Expirado', cancelled: 'Cancelado' } as const;

function rewardView(store: ZupyStore, r: Reward, customer: Customer | undefined): Schemas['RewardCatalog'] {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    points_required: r.pointsRequired,
    is_available: store.rewardAvailable(r),
    already_redeemed: customer ? store.hasRedeemed(customer.id, r.id) : false,
    validity_days: r.validityDays,
    origin_type: r.originType,
    reward_type: r.rewardType,
    is_active: r.isActive,
    quantity_available: r.quantityAvailable,
    quantity_redeemed: r.quantityRedeemed,
    start_date: r.startMs === null ? null : isoSeconds(r.startMs),
    end_date: r.endMs === null ? null : isoSeconds(r.endMs),
    created_at: isoSeconds(r.createdMs),
  };
}

interface Deps {
  store: ZupyStore;
  ctx: SimContext;
  /** Resolves the OTP policy check; undefined = allowed. */
  otpGate: (
    request: FastifyRequest,
    customerId: string,
    flag: 'require_otp_for_redemption' | 'require_otp_for_coupon_usage',
  ) => ProviderReply | undefined;
}

export function zupyHandlers({ store, ctx, otpGate }: Deps): Record<keyof operations, Handler> {
  const ok = (reply: FastifyReply, data: unknown, meta: unknown = {}) =>
    send(reply, { status: 200, body: ctx.options.envelope ? { data, meta } : data });
  const companyOf = (request: FastifyRequest) => (request.zupyKey as ApiKey).companyId;
  const badCursor = (request: FastifyRequest) => validationProblem(requestPath(request), [{ field: 'cursor', detail: 'Invalid cursor' }]);

  return {
    requestOtp(request, reply) {
      const body = request.body as Schemas['OTPRequestBody'];
      const r = store.requestOtp(companyOf(request), body.identifier);
      if (!r.ok) return send(reply, storeError(r.error, request));
      const out: Schemas['OTPRequestResponse'] = { status: 'sent', channel: r.value.channel, expires_in: r.value.expiresIn };
      return ok(reply, out);
    },

    verifyOtp(request, reply) {
      const body = request.body as Schemas['OTPVerifyRequestBody'];
      const r = store.verifyOtp(companyOf(request), body.identifier, body.otp_code);
      if (!r.ok) return send(reply, storeError(r.error, request));
      const { customer, isNew, session } = r.value;
      const out: Schemas['OTPVerifyResponse'] = {
        customer_id: customer.id,
        is_new: isNew,
        otp_session: session.token,
        full_name: customer.fullName,
        points_balance: customer.points,
        tier: customer.tier,
      };
      return ok(reply, out);
    },

    listRewards(request, reply) {
      const q = request.query as Query<'listRewards'>;
      const companyId = companyOf(request);
      if (q.redeemable === true && !q.customer_id) {
        return send(
          reply,
          validationProblem(requestPath(request), [{ field: 'customer_id', detail: 'customer_id é obrigatório quando redeemable=true.' }]),
        );
      }
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      if (q.cursor && !cursor) return send(reply, badCursor(request));
      const customer = q.customer_id ? store.customerOf(companyId, q.customer_id) : undefined;
      let rewards = store.rewardsOf(companyId);
      if (q.redeemable === true) {
        rewards = customer
          ? rewards.filter(
              (r) =>
                store.rewardAvailable(r) &&
                customer.points >= (r.originType === 'marketing' ? 0 : r.pointsRequired) &&
                !(r.originType === 'marketing' && store.hasRedeemed(customer.id, r.id)),
            )
          : [];
      }
      const { page, next } = paginate(rewards, cursor, pageSize(q.page_size));
      return ok(
        reply,
        page.map((r) => rewardView(store, r, customer)),
        { cursor: next, has_next: next !== null, count: rewards.length },
      );
    },

    redeemReward(request, reply) {
      const { id, reward_id } = request.params as operations['redeemReward']['parameters']['path'];
      const gate = otpGate(request, id, 'require_otp_for_redemption');
      if (gate) return send(reply, gate);
      const body = (request.body ?? {}) as Schemas['RewardRedeemRequest'];
      const r = store.redeem(companyOf(request), id, reward_id, body.use_z_tokens === true);
      if (!r.ok) return send(reply, storeError(r.error, request));
      const { coupon, customer, pointsUsed, zUsed } = r.value;
      const out: Schemas['RewardRedeemResponse'] = {
        id: coupon.id,
        customer_id: customer.id,
        coupon_code: coupon.code,
        points_used: pointsUsed,
        z_tokens_used: formatZ(zUsed),
        new_balance: customer.points,
        new_z_balance: formatZ(customer.z),
        valid_until: isoSeconds(coupon.validUntilMs),
        created_at: isoSeconds(coupon.createdMs),
      };
      return ok(reply, out);
    },

    listIssuedCoupons(request, reply) {
      const q = request.query as Query<'listIssuedCoupons'>;
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      if (q.cursor && !cursor) return send(reply, badCursor(request));
      const now = ctx.clock.nowMs();
      const { page, next, count } = store.listCoupons(companyOf(request), filterOf(q), cursor, pageSize(q.page_size));
      return ok(
        reply,
        page.map((c) => couponView(store, c, now)),
        { cursor: next, has_next: next !== null, count },
      );
    },

    validateCoupon(request, reply) {
      const { id, coupon_id } = request.params as operations['validateCoupon']['parameters']['path'];
      const gate = otpGate(request, id, 'require_otp_for_coupon_usage');
      if (gate) return send(reply, gate);
      const faults = ctx.faults;
      const opts = {
        ignoreCustomer: faults.has('use-ignores-owner'),
        skipExpiry: faults.has('no-expiry-check'),
        reuseReturns200: faults.has('reuse-succeeds'),
      };
      const answer = (r: ReturnType<ZupyStore['validate']>) => {
        if (!r.ok) return send(reply, storeError(r.error, request));
        const { coupon, customer, validatedMs } = r.value;
        const out: Schemas['CouponValidateResponse'] = {
          customer_id: id,
          coupon_code: coupon.code,
          status: 'validated',
          remaining_usages: coupon.remaining,
          total_usages_allowed: coupon.total,
          validated_at: isoSeconds(validatedMs),
          new_balance: customer.points,
          new_z_balance: formatZ(customer.z),
        };
        return ok(reply, out);
      };
      // The safe path is synchronous end to end; only the racy defect awaits.
      if (faults.has('racy-use')) return store.validateRacy(companyOf(request), id, coupon_id, opts).then(answer);
      return answer(store.validate(companyOf(request), id, coupon_id, opts));
    },

    getIssuedCouponStats(request, reply) {
      const q = request.query as Query<'getIssuedCouponStats'>;
      const { total, byStatus, byOrigin } = store.couponStats(companyOf(request), filterOf(q));
      const out: Schemas['CouponStats'] = {
        total_issued: total,
        used: byStatus.used,
        usage_rate: usageRate(byStatus.used, total),
        by_status: byStatus,
        by_origin: byOrigin,
      };
      return ok(reply, out);
    },

    getCustomerPoints(request, reply) {
      const { id } = request.params as operations['getCustomerPoints']['parameters']['path'];
      const customer = store.customerOf(companyOf(request), id);
      if (!customer) return send(reply, storeError({ kind: 'not-found', what: 'customer' }, request));
      const out: Schemas['CustomerPoints'] = { customer_id: customer.id, points_balance: customer.points, z_balance: formatZ(customer.z) };
      return ok(reply, out);
    },
  };
}

/** The list and stats filters from the query (an empty value filters nothing, as before). */
function filterOf(q: { customer_id?: string; reward_id?: string; origin_type?: string; code?: string; status?: string }): CouponFilter {
  const filter: CouponFilter = {};
  if (q.customer_id) filter.customer_id = q.customer_id;
  if (q.reward_id) filter.reward_id = q.reward_id;
  if (q.origin_type) filter.origin_type = q.origin_type as OriginType;
  if (q.code !== undefined) filter.code = q.code;
  if (q.status) filter.status = q.status as CouponStatus;
  return filter;
}
