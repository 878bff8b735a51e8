/**
 * What the black-box suites of the B2S simulator share: a simulator started with startMock per test
 * file, the typed client and raw fetch, and helpers for the list and PATCH paths.
 *
 * Every test runs on the demo fixtures generated for a fixed, frozen clock (T0), so nothing
 * depends on the time of day the suite runs at. Oracles (derived statuses, ordering, ranges) are
 * written in the suites from api-model.md, not imported from the code under test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createB2sClient, WHOLE_RANGE, type B2sClient, type ListCouponsQuery } from '../../clients/b2s.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import type { B2sFixtures } from '../../mocks/simulator/b2s/fixtures.ts';
import { B2S_DEMO as D, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';

export type Coupon = B2sFixtures['coupons'][number];
export type Query = ListCouponsQuery;
export type ErrorBody = { status?: string; message?: string };

export const H = 3_600_000;
export const DAY = 24 * H;
export const T0 = Date.parse('2025-06-15T12:00:00.000Z');
export const TODAY = '2025-06-15';
/** api-model B-4/B-6: the end of the expiration day, UTC. */
export const expEnd = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY;

export let mock: RunningMock;
export let api: B2sClient;
export let scopedA: B2sClient;
export let scopedB: B2sClient;

export const base: Query = {
  ...WHOLE_RANGE,
  limit: 100,
  offset: 1,
  order_column: 'created_at',
  order_type: 'ASC',
  module: 'falae',
};

export interface CallOptions {
  token?: string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
export async function call(
  path: string,
  o: CallOptions = {},
): Promise<{ status: number; text: string; body: unknown; type: string | null }> {
  const token = o.token === undefined ? D.franchiseToken : o.token;
  const headers = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...o.headers };
  const r = await fetch(`${mock.url}${path}`, { method: o.method ?? 'GET', headers, body: o.body });
  const text = await r.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: r.status, text, body, type: r.headers.get('content-type') };
}
export const listPath = (over: Record<string, string> = {}, drop: string[] = []) => {
  const q: Record<string, string> = {
    ...WHOLE_RANGE,
    limit: '10',
    offset: '1',
    order_column: 'created_at',
    order_type: 'DESC',
    module: 'falae',
    ...over,
  };
  for (const k of drop) delete q[k];
  return `/api/coupons?${new URLSearchParams(q).toString()}`;
};
export const patchPath = (id: string) => `/api/coupons/status/${encodeURIComponent(id)}`;

export async function list(q: Partial<Query> = {}, client = api) {
  const r = await client.listCoupons({ ...base, ...q });
  if (!r.ok) throw new Error(`list answered ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
export const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
export const state = () => mock.control.fixtures<B2sFixtures>();
export const freeze = (ms: number) => mock.control.setClock(new Date(ms), true);
export const couponIn = (f: B2sFixtures, id: string): Coupon => {
  const c = f.coupons.find((x) => x.id === id);
  if (!c) throw new Error(`no coupon ${id}`);
  return c;
};

/** The hooks every suite of this API registers: one simulator for the file, reset, frozen and seeded before each test. */
export function useB2sMock(): void {
  beforeAll(async () => {
    mock = await startMock({ api: 'b2s', port: 0 });
    api = createB2sClient({ baseUrl: mock.url, token: D.franchiseToken });
    scopedA = createB2sClient({ baseUrl: mock.url, token: D.companyAToken });
    scopedB = createB2sClient({ baseUrl: mock.url, token: D.companyBToken });
  });
  afterAll(() => mock.close());
  beforeEach(async () => {
    await mock.control.reset();
    await freeze(T0);
    await mock.control.seed(b2sDemoFixtures(T0));
  });
}
