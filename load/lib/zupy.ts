/** Zupy Partner API v2 from k6: paths, auth headers, response classification, state reads. */
import http from 'k6/http';
import { asRecord, bodyJson } from './http.ts';
import type { FinalState, Outcome, Res } from './race.ts';

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

export const validatePath = (c: ZupyCoupon) => `/api/v2/customers/${encodeURIComponent(c.customer_id)}/coupons/${encodeURIComponent(c.code)}/validate/`;
export const lookupPath = (code: string) => `/api/v2/coupons/issued/?code=${encodeURIComponent(code)}`;
export const redeemPath = (customerId: string, rewardId: string) => `/api/v2/customers/${encodeURIComponent(customerId)}/rewards/${encodeURIComponent(rewardId)}/redeem/`;

/** The payload under the {data, meta} envelope (decision Z-1), or the root object without it. */
export function payload(res: Res): unknown {
  const b = asRecord(bodyJson(res));
  if (!b) return undefined;
  return 'data' in b ? b.data : Array.isArray(b.results) ? b.results : b;
}

/** 200 `validated`, 409 conflict "Cupom já Used", 5xx, or anything else (a contract break). */
export function classifyValidate(res: Res): Outcome {
  if (res.status >= 500) return '5xx';
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

/** After the race every coupon must be `used` with nothing left (and nothing more taken than it had). */
export function zupyFinalState(base: string, headers: Record<string, string>, coupons: ZupyCoupon[], uses: number): FinalState[] {
  return lookupMany(base, headers, coupons.map((c) => c.code)).map((s) => {
    if (!s) return { consumed: 0, problems: ['the code lookup does not find it'] };
    const problems: string[] = [];
    if (s.remaining_usages !== 0) problems.push(`remaining_usages ${s.remaining_usages}, expected 0`);
    if (s.status !== 'used') problems.push(`status ${s.status}, expected used`);
    if (s.total_usages_allowed !== uses) problems.push(`total_usages_allowed ${s.total_usages_allowed}, expected ${uses}`);
    if (s.status === 'used' && !s.usage_date) problems.push('used without a usage_date');
    return { consumed: Math.max(0, s.total_usages_allowed - s.remaining_usages), problems };
  });
}
