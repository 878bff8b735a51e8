/**
 * Typed client for the Zupy Partner API v2 (openapi-fetch on the generated types). It sets
 * X-API-Key (security headers are not in the generated types), takes an optional OTP session,
 * unwraps the {data, meta} envelope through one helper, and returns errors as typed problems.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from '../specs/generated/zupy.ts';
import { toResult, type Result, type UnexpectedBody } from './result.ts';

type Schemas = components['schemas'];
export type ZupyProblem = Schemas['Problem'] & { errors?: Schemas['ValidationProblem']['errors'] };
export type ZupyResult<T> = Result<T, ZupyProblem | UnexpectedBody>;
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

/** The one place that knows about the envelope: `{data, meta}` → data (or the root object). */
export function unwrapEnvelope<T>(body: unknown, envelope = true): T {
  if (envelope && body && typeof body === 'object' && 'data' in body) return (body as { data: T }).data;
  return body as T;
}

export function readMeta(body: unknown): PaginationMeta | undefined {
  return body && typeof body === 'object' && 'meta' in body ? (body as { meta: PaginationMeta }).meta : undefined;
}

export function isZupyProblem(body: unknown): body is ZupyProblem {
  return !!body && typeof body === 'object' && typeof (body as { type?: unknown }).type === 'string' && typeof (body as { status?: unknown }).status === 'number';
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

  #one<T>(r: { data?: unknown; error?: unknown; response: Response }): ZupyResult<T> {
    return toResult(r, (b) => unwrapEnvelope<T>(b, this.options.envelope ?? true), isZupyProblem);
  }

  #page<T>(r: { data?: unknown; error?: unknown; response: Response }): ZupyResult<Page<T>> {
    return toResult(r, (b) => ({ items: unwrapEnvelope<T[]>(b, this.options.envelope ?? true), meta: readMeta(b) }), isZupyProblem);
  }

  #otpHeader(): { 'X-OTP-Session'?: string } {
    return this.options.otpSession ? { 'X-OTP-Session': this.options.otpSession } : {};
  }

  async requestOtp(identifier: string): Promise<ZupyResult<Schemas['OTPRequestResponse']>> {
    return this.#one(await this.raw.POST('/api/v2/auth/request-otp/', { body: { identifier } }));
  }

  async verifyOtp(identifier: string, otpCode: string): Promise<ZupyResult<Schemas['OTPVerifyResponse']>> {
    return this.#one(await this.raw.POST('/api/v2/auth/verify-otp/', { body: { identifier, otp_code: otpCode } }));
  }

  async listRewards(query: ListRewardsQuery = {}): Promise<ZupyResult<Page<Schemas['RewardCatalog']>>> {
    return this.#page(await this.raw.GET('/api/v2/rewards/', { params: { query } }));
  }

  async redeem(customerId: string, rewardId: string, opts: { useZTokens?: boolean } = {}): Promise<ZupyResult<Schemas['RewardRedeemResponse']>> {
    return this.#one(
      await this.raw.POST('/api/v2/customers/{id}/rewards/{reward_id}/redeem/', {
        params: { path: { id: customerId, reward_id: rewardId }, header: this.#otpHeader() },
        body: { use_z_tokens: opts.useZTokens ?? false },
      }),
    );
  }

  async listCoupons(query: ListCouponsQuery = {}): Promise<ZupyResult<Page<CouponInventory>>> {
    return this.#page(await this.raw.GET('/api/v2/coupons/issued/', { params: { query } }));
  }

  /** The code lookup: the coupon, or `null` when the provider answers an empty list. */
  async findCouponByCode(code: string): Promise<ZupyResult<CouponInventory | null>> {
    const r = await this.listCoupons({ code });
    return r.ok ? { ...r, data: r.data.items[0] ?? null } : r;
  }

  /** Validate by coupon KSUID or by printed code (any letter case). */
  async validate(customerId: string, couponIdOrCode: string): Promise<ZupyResult<Schemas['CouponValidateResponse']>> {
    return this.#one(
      await this.raw.POST('/api/v2/customers/{id}/coupons/{coupon_id}/validate/', {
        params: { path: { id: customerId, coupon_id: couponIdOrCode }, header: this.#otpHeader() },
      }),
    );
  }

  async stats(query: StatsQuery = {}): Promise<ZupyResult<Schemas['CouponStats']>> {
    return this.#one(await this.raw.GET('/api/v2/coupons/issued/stats/', { params: { query } }));
  }

  async points(customerId: string): Promise<ZupyResult<Schemas['CustomerPoints']>> {
    return this.#one(await this.raw.GET('/api/v2/customers/{id}/points/', { params: { path: { id: customerId } } }));
  }
}

export function createZupyClient(options: ZupyClientOptions): ZupyClient {
  return new ZupyClient(options);
}
