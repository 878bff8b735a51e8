/** Experiência B2S / Falaê from k6: paths, Bearer auth, PATCH classification, state reads (B-E1, B-E3). */
import http from 'k6/http';
import { asRecord, batchHonouringRetryAfter, bodyJson } from './http.ts';
import type { FinalRead, AnswerClass, Res } from './race.ts';

export const B2S_DEFAULT_PORT = 4020;
export const ALREADY_USED = 'Coupon already used';

/** A race coupon, also the RACE_COUPONS item format. */
export interface B2sCoupon {
  id: string;
  code: string;
  module: 'premiado' | 'falae';
}

export interface ListedCoupon {
  id: string;
  code: string;
  status: boolean;
  date_of_use: string | null;
}

export const b2sHeaders = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export const patchPath = (id: string) => `/api/coupons/status/${encodeURIComponent(id)}`;

/** The list, narrowed by `search` (B-12); the creation-date window is wide on purpose (B-14). */
export function listPath(o: { module: string; search?: string; limit?: number; offset?: number }): string {
  const q = [
    'date_start=2000-01-01',
    'date_end=2100-12-31',
    `limit=${o.limit ?? 100}`,
    `offset=${o.offset ?? 1}`,
    'order_column=created_at',
    'order_type=ASC',
    `module=${encodeURIComponent(o.module)}`,
  ];
  if (o.search !== undefined) q.push(`search=${encodeURIComponent(o.search)}`);
  return `/api/coupons?${q.join('&')}`;
}

/** 204, or 400 {"status":"error","message":"Coupon already used"}, or a contract break. */
export function classifyPatch(res: Res): AnswerClass {
  if (res.status === 204) return !res.body ? 'success' : 'unexpected';
  if (res.status === 400) {
    const b = asRecord(bodyJson(res));
    return b?.status === 'error' && b.message === ALREADY_USED ? 'refused' : 'unexpected';
  }
  return 'unexpected';
}

/** Each coupon as the list shows it, found by code then matched by id; undefined when absent. */
export function listMany(
  base: string,
  headers: Record<string, string>,
  coupons: Pick<B2sCoupon, 'id' | 'code' | 'module'>[],
): (ListedCoupon | undefined)[] {
  const params = { headers, tags: { phase: 'verify' } };
  const responses = http.batch(
    coupons.map((c) => ({ method: 'GET', url: `${base}${listPath({ module: c.module, search: c.code })}`, params })),
  );
  return responses.map((res, i) => {
    const list = asRecord(bodyJson(res))?.coupons;
    return res.status === 200 && Array.isArray(list) ? (list as ListedCoupon[]).find((c) => c.id === coupons[i]?.id) : undefined;
  });
}

/** The final state of each coupon as the list shows it (found by code, matched by id), honouring Retry-After on 429. */
export function b2sFinalState(base: string, headers: Record<string, string>, coupons: B2sCoupon[], budgetMs: number): FinalRead {
  const params = { headers, tags: { phase: 'verify' }, responseCallback: http.expectedStatuses(200) };
  const { responses, throttled } = batchHonouringRetryAfter(
    coupons.map((c) => ({ method: 'GET', url: `${base}${listPath({ module: c.module, search: c.code })}`, params })),
    budgetMs,
  );
  const states = responses.map((res, i) => {
    if (res.status === 429) return { unreadable: 'still 429 after honouring Retry-After', throttled: true, problems: [] };
    if (res.status !== 200) return { unreadable: `the list answered ${res.status || res.error}`, problems: [] };
    const list = asRecord(bodyJson(res))?.coupons;
    const s = Array.isArray(list) ? (list as ListedCoupon[]).find((c) => c.id === coupons[i]?.id) : undefined;
    if (!s || typeof s.status !== 'boolean') return { unreadable: 'the list does not show it', problems: [] };
    return { consumed: s.status ? 1 : 0, problems: s.status && !s.date_of_use ? ['used without a date_of_use'] : [] };
  });
  return { states, throttled };
}
