/**
 * Typed client for the Experiência B2S / Falaê coupon API (openapi-fetch on the generated types).
 * It sets the Bearer token and returns errors as the provider's `{status: "error", message}`.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from '../specs/generated/b2s.ts';
import { toResult, type Complete, type FailureStatus, type Result } from './result.ts';

export { UnexpectedResponseError, type FailureStatus, type UnexpectedBody } from './result.ts';

type Schemas = components['schemas'];
export type B2sError = Schemas['ErrorResponse'];
export type B2sOperation = keyof operations;
/** The error statuses the spec documents for an operation (markCouponUsed: 400 | 401 | 404 | 503). */
export type B2sErrorStatus<O extends B2sOperation> = Extract<keyof operations[O]['responses'], FailureStatus>;
/** A result whose failures at the statuses `S` are `{status: "error", message}` (`S`: none → any failure may be an UnexpectedBody). */
export type B2sResult<T, S extends number = never> = Result<T, B2sError, S>;
export type B2sOperationResult<T, O extends B2sOperation> = B2sResult<T, B2sErrorStatus<O>>;

/** The same statuses at run time (a documented status without the error body throws UnexpectedResponseError). */
const LISTED = {
  listCoupons: [400, 401, 503],
  listClientCoupons: [400, 401, 404, 503],
  markCouponUsed: [400, 401, 404, 503],
} as const satisfies { [O in B2sOperation]: readonly B2sErrorStatus<O>[] };
// Fails to compile when the spec documents a status the table above does not list.
const complete: Complete<{ [O in B2sOperation]: B2sErrorStatus<O> }[B2sOperation], (typeof LISTED)[B2sOperation][number]> = true;
void complete;
const ERRORS: { readonly [O in B2sOperation]: readonly B2sErrorStatus<O>[] } = LISTED;
export type ListCouponsQuery = operations['listCoupons']['parameters']['query'];

/** A creation-date range that holds every coupon: the list requires one, and the whole-list readers use this. */
export const WHOLE_RANGE = { date_start: '2000-01-01', date_end: '2100-12-31' } as const satisfies Partial<ListCouponsQuery>;
export type ClientSearch = NonNullable<operations['listClientCoupons']['parameters']['query']>;

export interface B2sClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}

export function isB2sError(body: unknown): body is B2sError {
  return (
    !!body &&
    typeof body === 'object' &&
    (body as { status?: unknown }).status === 'error' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

const same = <T>(b: unknown) => b as T;

export class B2sClient {
  readonly raw: Client<paths>;

  constructor(readonly options: B2sClientOptions) {
    this.raw = createClient<paths>({
      baseUrl: options.baseUrl,
      headers: { Authorization: `Bearer ${options.token}` },
      fetch: options.fetch,
    });
  }

  async listCoupons(query: ListCouponsQuery): Promise<B2sOperationResult<Schemas['CouponListResponse'], 'listCoupons'>> {
    return toResult<Schemas['CouponListResponse'], B2sError, B2sErrorStatus<'listCoupons'>>(
      await this.raw.GET('/api/coupons', { params: { query } }),
      same<Schemas['CouponListResponse']>,
      isB2sError,
      ERRORS.listCoupons,
    );
  }

  async clientCoupons(
    companyId: string,
    search: ClientSearch,
  ): Promise<B2sOperationResult<Schemas['ClientCoupon'][], 'listClientCoupons'>> {
    return toResult<Schemas['ClientCoupon'][], B2sError, B2sErrorStatus<'listClientCoupons'>>(
      await this.raw.GET('/api/coupons/clients/{company_id}', { params: { path: { company_id: companyId }, query: search } }),
      same<Schemas['ClientCoupon'][]>,
      isB2sError,
      ERRORS.listClientCoupons,
    );
  }

  /** PATCH mark-as-used: 204 → ok with no data. */
  async markUsed(couponId: string): Promise<B2sOperationResult<null, 'markCouponUsed'>> {
    return toResult<null, B2sError, B2sErrorStatus<'markCouponUsed'>>(
      await this.raw.PATCH('/api/coupons/status/{id}', { params: { path: { id: couponId } } }),
      () => null,
      isB2sError,
      ERRORS.markCouponUsed,
    );
  }
}

export function createB2sClient(options: B2sClientOptions): B2sClient {
  return new B2sClient(options);
}
