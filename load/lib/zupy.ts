/** Zupy Partner API v2 from k6: paths, auth headers, response classification, state reads. */
import http from 'k6/http';
import { unwrapEnvelope } from '../../clients/envelope.ts';
import { asRecord, batchHonouringRetryAfter, bodyJson } from './http.ts';
import type { FinalRead, AnswerClass, Res } from './race.ts';

export const ZUPY_DEFAULT_PORT = 4010;
export const USED_DETAIL = 'Cupom já Used';

/** A race coupon, also the RACE_COUPONS item format. */
export interface ZupyCoupon {
  customer_id: string;
  code: string;
}

export interface ZupyAuth {
  apiKey: string;
  /** Only when the company's policy requires OTP for coupon usage (one customer per session, Z-18). */
  otpSession?: string;
}

export function zupyHeaders(auth: ZupyAuth): Record<string, string> {
  return { 'X-API-Key': auth.apiKey, ...(auth.otpSession ? { 'X-OTP-Session': auth.otpSession } : {}) };
}

export const validatePath = (c: ZupyCoupon) =>
  `/api/v2/customers/${encodeURIComponent(c.customer_id)}/coupons/${encodeURIComponent(c.code)}/validate/`;
export const lookupPath = (code: string) => `/api/v2/coupons/issued/?code=${encodeURIComponent(code)}`;
export const redeemPath = (customerId: string, rewardId: string) =>
  `/api/v2/customers/${encodeURIComponent(customerId)}/rewards/${encodeURIComponent(rewardId)}/redeem/`;

/** The payload under the {data, meta} envelope (decision Z-1), or the root object (a DRF list's results) without it. */
export function payload(res: Res): unknown {
  const b = asRecord(bodyJson(res));
  if (!b) return undefined;
  return !('data' in b) && Array.isArray(b.results) ? b.results : unwrapEnvelope(b);
}

/** 200 `validated`, 409 conflict "Cupom já Used", or anything else (a contract break). */
export function classifyValidate(res: Res): AnswerClass {
  if (res.status === 200) {
    const d = asRecord(payload(res));
    return d?.status === 'validated' && typeof d.remaining_usages === 'number' ? 'success' : 'unexpected';
  }
  if (res.status === 409) {
    const p = asRecord(bodyJson(res));
    return typeof p?.type === 'string' && p.type.endsWith('conflict') && p.detail === USED_DETAIL ? 'refused' : 'unexpected';
  }
  return 'unexpected';
}

export interface IssuedCoupon {
  id: string;
  coupon_code: string;
  customer_id: string;
  status: string;
  remaining_usages: number;
  total_usages_allowed: number;
  usage_date: string | null;
}

/** One coupon by code (the documented lookup); undefined when the provider has no such coupon. */
export function lookupMany(base: string, headers: Record<string, string>, codes: string[]): (IssuedCoupon | undefined)[] {
  const params = { headers, tags: { phase: 'verify' } };
  const responses = http.batch(codes.map((code) => ({ method: 'GET', url: `${base}${lookupPath(code)}`, params })));
  return responses.map((res) => {
    const list = payload(res);
    return res.status === 200 && Array.isArray(list) && list.length === 1 ? (list[0] as IssuedCoupon) : undefined;
  });
}

/**
 * The final state of each coupon through the documented code lookup, honouring Retry-After on 429.
 * consumed = total_usages_allowed − remaining_usages, not capped: a provider that let the count go
 * below zero has granted more uses than the coupon had.
 */
export function zupyFinalState(
  base: string,
  headers: Record<string, string>,
  coupons: ZupyCoupon[],
  uses: number,
  budgetMs: number,
): FinalRead {
  const params = { headers, tags: { phase: 'verify' }, responseCallback: http.expectedStatuses(200) };
  const { responses, throttled } = batchHonouringRetryAfter(
    coupons.map((c) => ({ method: 'GET', url: `${base}${lookupPath(c.code)}`, params })),
    budgetMs,
  );
  const states = responses.map((res) => {
    if (res.status === 429) return { unreadable: 'still 429 after honouring Retry-After', throttled: true, problems: [] };
    if (res.status !== 200) return { unreadable: `the code lookup answered ${res.status || res.error}`, problems: [] };
    const list = payload(res);
    if (!Array.isArray(list) || list.length !== 1) return { unreadable: 'the code lookup does not find it', problems: [] };
    const s = asRecord(list[0]);
    if (typeof s?.remaining_usages !== 'number' || typeof s.total_usages_allowed !== 'number')
      return { unreadable: 'the lookup has no remaining_usages/total_usages_allowed', problems: [] };
    const problems: string[] = [];
    if (s.total_usages_allowed !== uses) problems.push(`total_usages_allowed ${s.total_usages_allowed}, expected ${uses}`);
    if (s.remaining_usages === 0 && s.status !== 'used') problems.push(`status ${String(s.status)} with no use left, expected used`);
    if (s.status === 'used' && !s.usage_date) problems.push('used without a usage_date');
    return { consumed: s.total_usages_allowed - s.remaining_usages, problems };
  });
  return { states, throttled };
}
