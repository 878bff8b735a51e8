/** Black-box tests of the B2S simulator over HTTP: Part D invariants, the 3-hour boundary, bad input, defects. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createB2sClient, type B2sClient, type ListCouponsQuery } from '../../clients/b2s.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { expirationEnd, matchesStatus, patchAllowed, phoneKey } from '../../mocks/simulator/b2s/domain.ts';
import { B2S_DEMO as D, type B2sFixtures } from '../../mocks/simulator/b2s/fixtures.ts';

let mock: RunningMock;
let api: B2sClient;
const base: ListCouponsQuery = { date_start: '2000-01-01', date_end: '2100-01-01', limit: 100, offset: 1, order_column: 'created_at', order_type: 'ASC', module: 'falae' };
const get = (path: string, token: string | null = D.franchiseToken, init: RequestInit = {}) =>
  fetch(`${mock.url}${path}`, { ...init, headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...(init.headers as Record<string, string> | undefined) } });

beforeAll(async () => {
  mock = await startMock({ api: 'b2s', port: 0 });
  api = createB2sClient({ baseUrl: mock.url, token: D.franchiseToken });
});
afterAll(() => mock.close());
beforeEach(async () => {
  await mock.control.reset();
});

describe('B2S list', () => {
  it('offset is a page number; total is independent of paging; pages are disjoint and cover the set', async () => {
    const all = await api.listCoupons({ ...base, module: 'falae' });
    if (!all.ok) throw new Error('list');
    const total = all.data.total;
    const ids: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 10) + 1; page++) {
      const r = await api.listCoupons({ ...base, limit: 10, offset: page });
      if (!r.ok) throw new Error('page');
      expect(r.data.total).toBe(total);
      expect(r.data).toMatchObject({ limit: 10, offset: page });
      ids.push(...r.data.coupons.map((c) => c.id));
    }
    expect(ids).toEqual(all.data.coupons.map((c) => c.id));
    expect(new Set(ids).size).toBe(total);
    const zero = await api.listCoupons({ ...base, limit: 0 });
    expect(zero.ok && zero.data).toMatchObject({ coupons: [], total });
  });

  it('EN and PT coupon_status values select the same sets, and they agree with B-4', async () => {
    const pairs = [['Used', 'Utilizado'], ['Not Used', 'Não Utilizado'], ['Expired', 'Vencido'], ['Expiring', 'Vencendo']] as const;
    const now = Date.now();
    for (const [en, pt] of pairs) {
      const a = await api.listCoupons({ ...base, coupon_status: en });
      const b = await api.listCoupons({ ...base, coupon_status: pt });
      if (!a.ok || !b.ok) throw new Error('list');
      expect(a.data.coupons.map((c) => c.id)).toEqual(b.data.coupons.map((c) => c.id));
      expect(a.data.total).toBeGreaterThan(0);
      const key = ({ Used: 'used', 'Not Used': 'not-used', Expired: 'expired', Expiring: 'expiring' } as const)[en];
      for (const c of a.data.coupons) expect(matchesStatus(c.status, expirationEnd(c.expiration_date), now, key)).toBe(true);
    }
  });

  it('search matches code, client name and phone digits; module filters', async () => {
    const byCode = await api.listCoupons({ ...base, search: 'welcome' });
    expect(byCode.ok && byCode.data.coupons.map((c) => c.code)).toEqual(['WELCOME2024']);
    const byPhone = await api.listCoupons({ ...base, search: '99999-9999' });
    expect(byPhone.ok && byPhone.data.coupons.every((c) => c.client.name === 'John Smith')).toBe(true);
    const premiado = await api.listCoupons({ ...base, module: 'premiado' });
    expect(premiado.ok && premiado.data.total).toBeGreaterThan(0);
  });

  it('a token sees only its companies', async () => {
    const scoped = createB2sClient({ baseUrl: mock.url, token: D.companyBToken });
    const r = await scoped.listCoupons(base);
    expect(r.ok && r.data.coupons.map((c) => c.code)).toEqual(['NORTE0001']);
  });
});

describe('B2S clients', () => {
  it('finds a client by phone (any format), email or CPF; AND semantics; [] for no coupons; 404 otherwise', async () => {
    for (const q of [{ phone: '5511999999999' }, { phone: '+55 (11) 99999-9999' }, { email: 'JOHN@example.com' }, { cpf: '12345678909' }, { cpf: '123.456.789-09', email: 'john@example.com' }]) {
      const r = await api.clientCoupons(D.companyA, q);
      expect(r.ok && r.data.length).toBeGreaterThan(0);
    }
    const none = await api.clientCoupons(D.companyA, { email: 'ana.sem@example.com' });
    expect(none.ok && none.data).toEqual([]);
    const mismatch = await api.clientCoupons(D.companyA, { email: 'john@example.com', cpf: '987.654.321-00' });
    expect(mismatch.status).toBe(404);
    const missing = await api.clientCoupons(D.companyA, {});
    expect(missing.status).toBe(400);
    const scoped = createB2sClient({ baseUrl: mock.url, token: D.companyAToken });
    expect((await scoped.clientCoupons(D.companyB, { email: 'bea@example.com' })).status).toBe(404);
  });
});

describe('B2S PATCH', () => {
  it('204 → list shows status true and date_of_use today → 400 "Coupon already used" with no change', async () => {
    expect((await api.markUsed(D.activeCoupon)).status).toBe(204);
    const list = await api.listCoupons({ ...base, search: 'WELCOME2024' });
    const today = new Date().toISOString().slice(0, 10);
    expect(list.ok && list.data.coupons[0]).toMatchObject({ status: true, date_of_use: today });
    const before = await mock.control.fixtures();
    const again = await api.markUsed(D.activeCoupon);
    expect(again.status).toBe(400);
    expect(!again.ok && again.error).toEqual({ status: 'error', message: 'Coupon already used' });
    expect(await mock.control.fixtures()).toEqual(before);
  });

  it('expired → 400 "Coupon expired"; unknown → 404; another company (scoped token) → 404', async () => {
    const expired = await api.markUsed(D.expiredCoupon);
    expect(!expired.ok && expired.error).toEqual({ status: 'error', message: 'Coupon expired' });
    expect((await api.markUsed('abc123-coupon-id')).status).toBe(404);
    const scoped = createB2sClient({ baseUrl: mock.url, token: D.companyAToken });
    expect((await scoped.markUsed(D.companyBCoupon)).status).toBe(404);
  });

  it('the 3-hour boundary exactly: exp_end − 3 h is refused, one second earlier is accepted (B-5)', async () => {
    const f = await mock.control.fixtures<B2sFixtures>();
    const coupon = f.coupons.find((c) => c.id === D.expiringCoupon);
    if (!coupon) throw new Error('fixture');
    const end = expirationEnd(coupon.expiration_date);
    await mock.control.setClock(new Date(end - 3 * 3_600_000), true);
    const at = await api.markUsed(D.expiringCoupon);
    expect(!at.ok && at.error).toEqual({ status: 'error', message: 'Coupon expired' });
    await mock.control.setClock(new Date(end - 3 * 3_600_000 - 1000), true);
    expect((await api.markUsed(D.expiringCoupon)).status).toBe(204);
    expect(patchAllowed(end, end - 3 * 3_600_000)).toBe(false);
    expect(phoneKey('(11) 99999-9999')).toBe('5511999999999');
  });
});

describe('bad input: the documented error, never 5xx, state unchanged', () => {
  const q = (over: Record<string, string>) => `/api/coupons?${new URLSearchParams({ date_start: '2024-01-01', date_end: '2024-12-31', limit: '10', offset: '1', order_column: 'created_at', order_type: 'DESC', module: 'falae', ...over }).toString()}`;
  const cases: [string, () => Promise<Response>, number][] = [
    ['no token', () => get('/api/coupons', null), 401],
    ['a bad token', () => get(q({}), 'nope-nope-nope'), 401],
    ['no token on PATCH', () => get(`/api/coupons/status/${D.activeCoupon}`, null, { method: 'PATCH' }), 401],
    ['no token on clients', () => get(`/api/coupons/clients/${D.companyA}?email=john@example.com`, null), 401],
    ['a required parameter missing', () => get('/api/coupons?date_start=2024-01-01'), 400],
    ['limit 101', () => get(q({ limit: '101' })), 400],
    ['offset 0', () => get(q({ offset: '0' })), 400],
    ['a date that is not YYYY-MM-DD', () => get(q({ date_start: '01/02/2024' })), 400],
    ['date_start after date_end', () => get(q({ date_start: '2025-01-01' })), 400],
    ['an unknown order_column', () => get(q({ order_column: 'client' })), 400],
    ['lower-case order_type', () => get(q({ order_type: 'desc' })), 400],
    ['an unknown module', () => get(q({ module: 'other' })), 400],
    ['a coupon_status in the wrong case', () => get(q({ coupon_status: 'used' })), 400],
    ['a non-numeric limit', () => get(q({ limit: 'ten' })), 400],
    ['a long non-ASCII search', () => get(q({ search: 'ção😀'.repeat(40) })), 200],
    ['a search over 200 characters', () => get(q({ search: 'x'.repeat(1000) })), 400],
    ['clients without a search parameter', () => get(`/api/coupons/clients/${D.companyA}`), 400],
    ['clients with a company id that is not a UUID', () => get('/api/coupons/clients/not-a-uuid?email=john@example.com'), 400],
    ['PATCH with a malformed JSON body', () => get(`/api/coupons/status/${D.usedCoupon}`, D.franchiseToken, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' }), 400],
    ['PATCH a code instead of an id (B-9)', () => get('/api/coupons/status/WELCOME2024', D.franchiseToken, { method: 'PATCH' }), 404],
    ['an unknown route', () => get('/api/nothing'), 404],
  ];
  it.each(cases)('%s', async (_name, send, status) => {
    const before = await mock.control.fixtures();
    const r = await send();
    expect(r.status).toBe(status);
    const body = (await r.json()) as { status?: string; message?: string };
    if (status >= 400) {
      expect(body.status).toBe('error');
      expect(body.message?.length).toBeGreaterThan(0);
    }
    expect(await mock.control.fixtures()).toEqual(before);
  });
});

describe('defects are caught (negative controls)', () => {
  it('racy-validate: concurrent PATCHes of one coupon give more than one 204; safe: exactly one', async () => {
    const burst = () => Promise.all(Array.from({ length: 20 }, () => api.markUsed(D.activeCoupon)));
    const safe = await burst();
    expect(safe.filter((r) => r.status === 204)).toHaveLength(1);
    expect(safe.filter((r) => r.status === 400)).toHaveLength(19);
    await mock.control.reset();
    await mock.control.faults({ defects: ['racy-validate'] });
    expect((await burst()).filter((r) => r.status === 204).length).toBeGreaterThan(1);
  });

  it('reuse-returns-200: the second PATCH succeeds', async () => {
    await mock.control.faults({ defects: ['reuse-returns-200'] });
    expect((await api.markUsed(D.usedCoupon)).status).toBe(204);
  });

  it('no-expiry-check: an expired coupon PATCHes', async () => {
    await mock.control.faults({ defects: ['no-expiry-check'] });
    expect((await api.markUsed(D.expiredCoupon)).status).toBe(204);
  });

  it('validate-ignores-customer: a scoped token reaches another company', async () => {
    await mock.control.faults({ defects: ['validate-ignores-customer'] });
    const scoped = createB2sClient({ baseUrl: mock.url, token: D.companyAToken });
    expect((await scoped.markUsed(D.companyBCoupon)).status).toBe(204);
  });

  it('lenient-auth: any token is accepted', async () => {
    await mock.control.faults({ defects: ['lenient-auth'] });
    expect((await get(q2(), 'whatever-token')).status).toBe(200);
  });
});

const q2 = () => '/api/coupons?date_start=2024-01-01&date_end=2024-12-31&limit=10&offset=1&order_column=created_at&order_type=DESC&module=falae';
