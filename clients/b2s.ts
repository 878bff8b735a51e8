/**
 * Typed client for the Experiência B2S / Falaê coupon API (openapi-fetch on the generated types).
 * It sets the Bearer token and returns errors as the provider's `{status: "error", message}`.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from '../specs/generated/b2s.ts';
import { toResult, type Result, type UnexpectedBody } from './result.ts';

type Schemas = components['schemas'];
export type B2sError = Schemas['ErrorResponse'];
export type B2sResult<T> = Result<T, B2sError | UnexpectedBody>;
export type ListCouponsQuery = operations['listCoupons']['parameters']['query'];
export type ClientSearch = NonNullable<operations['listClientCoupons']['parameters']['query']>;

export interface B2sClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}

export function isB2sError(body: unknown): body is B2sError {
  return !!body && typeof body === 'object' && (body as { status?: unknown }).status === 'error' && typeof (body as { message?: unknown }).message === 'string';
}

const same = <T>(b: unknown) => b as T;

export class B2sClient {
  readonly raw: Client<paths>;

  constructor(readonly options: B2sClientOptions) {
    this.raw = createClient<paths>({ baseUrl: options.baseUrl, headers: { Authorization: `Bearer ${options.token}` }, fetch: options.fetch });
  }

  async listCoupons(query: ListCouponsQuery): Promise<B2sResult<Schemas['CouponListResponse']>> {
    return toResult(await this.raw.GET('/api/coupons', { params: { query } }), same<Schemas['CouponListResponse']>, isB2sError);
  }

  async clientCoupons(companyId: string, search: ClientSearch): Promise<B2sResult<Schemas['ClientCoupon'][]>> {
    return toResult(
      await this.raw.GET('/api/coupons/clients/{company_id}', { params: { path: { company_id: companyId }, query: search } }),
      same<Schemas['ClientCoupon'][]>,
      isB2sError,
    );
  }

  /** PATCH mark-as-used: 204 → ok with no data. */
  async markUsed(couponId: string): Promise<B2sResult<null>> {
    return toResult(await this.raw.PATCH('/api/coupons/status/{id}', { params: { path: { id: couponId } } }), () => null, isB2sError);
  }
}

export function createB2sClient(options: B2sClientOptions): B2sClient {
  return new B2sClient(options);
}
