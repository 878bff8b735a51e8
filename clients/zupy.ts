/**
 * Typed client for the Zupy Partner API v2 (openapi-fetch on the generated types). It sets
 * X-API-Key (security headers are not in the generated types), takes an optional OTP session,
 * unwraps the {data, meta} envelope through one helper, and returns errors as typed problems.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from '../specs/generated/zupy.ts';
import { unwrapEnvelope } from './envelope.ts';
import { toResult, type Complete, type FailureStatus, type Result } from './result.ts';

export { unwrapEnvelope } from './envelope.ts';
export { UnexpectedResponseError, type FailureStatus, type UnexpectedBody } from './result.ts';

type Schemas = components['schemas'];
export type ZupyProblem = Schemas['Problem'] & { errors?: Schemas['ValidationProblem']['errors'] };
export type ZupyOperation = keyof operations;
/** The error statuses the spec documents for an operation (validateCoupon: 401 | 403 | 404 | 409 | 429 | 503). */
export type ZupyErrorStatus<O extends ZupyOperation> = Extract<keyof operations[O]['responses'], FailureStatus>;
/** A result whose failures at the statuses `S` are RFC 7807 problems (`S`: none → any failure may be an UnexpectedBody). */
export type ZupyResult<T, S extends number = never> = Result<T, ZupyProblem, S>;
/** The result of one operation: a problem at each of its documented error statuses. */
export type ZupyOperationResult<T, O extends ZupyOperation> = ZupyResult<T, ZupyErrorStatus<O>>;

/** The same statuses at run time (a documented status without a problem body throws UnexpectedResponseError). */
const LISTED = {
  requestOtp: [400, 401, 403, 413, 429, 503],
  verifyOtp: [400, 401, 403, 404, 413, 429, 503],
  listRewards: [401, 403, 422, 429, 503],
  redeemReward: [400, 401, 403, 404, 413, 422, 429, 503],
  listIssuedCoupons: [401, 403, 422, 429, 503],
  validateCoupon: [401, 403, 404, 409, 429, 503],
  getIssuedCouponStats: [401, 403, 422, 429, 503],
  getCustomerPoints: [401, 403, 404, 429, 503],
} as const satisfies { [O in ZupyOperation]: readonly ZupyErrorStatus<O>[] };
// Fails to compile when the spec documents a status the table above does not list.
const complete: Complete<{ [O in ZupyOperation]: ZupyErrorStatus<O> }[ZupyOperation], (typeof LISTED)[ZupyOperation][number]> = true;
void complete;
const ERRORS: { readonly [O in ZupyOperation]: readonly ZupyErrorStatus<O>[] } = LISTED;
export type CouponInventory = Schemas['CouponInventory'];
export type PaginationMeta = Schemas['PaginationMeta'];

export interface ZupyClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Sent as X-OTP-Session on redeem and validate. */
  otpSession?: string;
  /** Whether the provider wraps bodies in {data, meta} (decision Z-1; default true). */
  envelope?: boolean;
  fetch?: typeof globalThis.fetch;
}

export function readMeta(body: unknown): PaginationMeta | undefined {
  return body && typeof body === 'object' && 'meta' in body ? (body as { meta: PaginationMeta }).meta : undefined;
}

export function isZupyProblem(body: unknown): body is ZupyProblem {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof (body as { type?: unknown }).type === 'string' &&
    typeof (body as { status?: unknown }).status === 'number'
  );
}

/** The slug of a problem type (`…/errors#conflict` or `…/errors/conflict` → `conflict`), decision Z-8. */
export function problemSlug(p: { type: string }): string {
  return p.type.slice(Math.max(p.type.lastIndexOf('#'), p.type.lastIndexOf('/')) + 1);
}

export type ListCouponsQuery = NonNullable<operations['listIssuedCoupons']['parameters']['query']>;
export type ListRewardsQuery = NonNullable<operations['listRewards']['parameters']['query']>;
export type StatsQuery = NonNullable<operations['getIssuedCouponStats']['parameters']['query']>;

export interface Page<T> {
  items: T[];
  meta: PaginationMeta | undefined;
}

export class ZupyClient {
  readonly raw: Client<paths>;

  constructor(readonly options: ZupyClientOptions) {
    this.raw = createClient<paths>({ baseUrl: options.baseUrl, headers: { 'X-API-Key': options.apiKey }, fetch: options.fetch });
  }

  /** The same client, sending this OTP session on redeem and validate. */
  withOtpSession(otpSession: string): ZupyClient {
    return new ZupyClient({ ...this.options, otpSession });
  }

  #one<T, O extends ZupyOperation>(op: O, r: { data?: unknown; error?: unknown; response: Response }): ZupyOperationResult<T, O> {
    return toResult(r, (b) => unwrapEnvelope<T>(b, this.options.envelope ?? true), isZupyProblem, ERRORS[op]);
  }

  #page<T, O extends ZupyOperation>(op: O, r: { data?: unknown; error?: unknown; response: Response }): ZupyOperationResult<Page<T>, O> {
    return toResult(
      r,
      (b) => ({ items: unwrapEnvelope<T[]>(b, this.options.envelope ?? true), meta: readMeta(b) }),
      isZupyProblem,
      ERRORS[op],
    );
  }

  #otpHeader(): { 'X-OTP-Session'?: string } {
    return this.options.otpSession ? { 'X-OTP-Session': this.options.otpSession } : {};
  }

  async requestOtp(identifier: string): Promise<ZupyOperationResult<Schemas['OTPRequestResponse'], 'requestOtp'>> {
    return this.#one<Schemas['OTPRequestResponse'], 'requestOtp'>(
      'requestOtp',
      await this.raw.POST('/api/v2/auth/request-otp/', { body: { identifier } }),
    );
  }

  async verifyOtp(identifier: string, otpCode: string): Promise<ZupyOperationResult<Schemas['OTPVerifyResponse'], 'verifyOtp'>> {
    return this.#one<Schemas['OTPVerifyResponse'], 'verifyOtp'>(
      'verifyOtp',
      await this.raw.POST('/api/v2/auth/verify-otp/', { body: { identifier, otp_code: otpCode } }),
    );
  }

  async listRewards(query: ListRewardsQuery = {}): Promise<ZupyOperationResult<Page<Schemas['RewardCatalog']>, 'listRewards'>> {
    return this.#page<Schemas['RewardCatalog'], 'listRewards'>(
      'listRewards',
      await this.raw.GET('/api/v2/rewards/', { params: { query } }),
    );
  }

  async redeem(
    customerId: string,
    rewardId: string,
    opts: { useZTokens?: boolean } = {},
  ): Promise<ZupyOperationResult<Schemas['RewardRedeemResponse'], 'redeemReward'>> {
    return this.#one<Schemas['RewardRedeemResponse'], 'redeemReward'>(
      'redeemReward',
      await this.raw.POST('/api/v2/customers/{id}/rewards/{reward_id}/redeem/', {
        params: { path: { id: customerId, reward_id: rewardId }, header: this.#otpHeader() },
        body: { use_z_tokens: opts.useZTokens ?? false },
      }),
    );
  }

  async listCoupons(query: ListCouponsQuery = {}): Promise<ZupyOperationResult<Page<CouponInventory>, 'listIssuedCoupons'>> {
    return this.#page<CouponInventory, 'listIssuedCoupons'>(
      'listIssuedCoupons',
      await this.raw.GET('/api/v2/coupons/issued/', { params: { query } }),
    );
  }

  /** The code lookup: the coupon, or `null` when the provider answers an empty list. */
  async findCouponByCode(code: string): Promise<ZupyOperationResult<CouponInventory | null, 'listIssuedCoupons'>> {
    const r = await this.listCoupons({ code });
    return r.ok ? { ...r, data: r.data.items[0] ?? null } : r;
  }

  /** Validate by coupon KSUID or by printed code (any letter case). */
  async validate(
    customerId: string,
    couponIdOrCode: string,
  ): Promise<ZupyOperationResult<Schemas['CouponValidateResponse'], 'validateCoupon'>> {
    return this.#one<Schemas['CouponValidateResponse'], 'validateCoupon'>(
      'validateCoupon',
      await this.raw.POST('/api/v2/customers/{id}/coupons/{coupon_id}/validate/', {
        params: { path: { id: customerId, coupon_id: couponIdOrCode }, header: this.#otpHeader() },
      }),
    );
  }

  async stats(query: StatsQuery = {}): Promise<ZupyOperationResult<Schemas['CouponStats'], 'getIssuedCouponStats'>> {
    return this.#one<Schemas['CouponStats'], 'getIssuedCouponStats'>(
      'getIssuedCouponStats',
      await this.raw.GET('/api/v2/coupons/issued/stats/', { params: { query } }),
    );
  }

  async points(customerId: string): Promise<ZupyOperationResult<Schemas['CustomerPoints'], 'getCustomerPoints'>> {
    return this.#one<Schemas['CustomerPoints'], 'getCustomerPoints'>(
      'getCustomerPoints',
      await this.raw.GET('/api/v2/customers/{id}/points/', { params: { path: { id: customerId } } }),
    );
  }
}

export function createZupyClient(options: ZupyClientOptions): ZupyClient {
  return new ZupyClient(options);
}
