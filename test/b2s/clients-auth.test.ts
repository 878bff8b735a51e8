/**
 * B2S simulator: Part D invariants 5 (GET /api/coupons/clients/{company_id}) and 6 (a missing or bad
 * Bearer token is a 401 on every endpoint).
 */
import { describe, expect, it } from 'vitest';
import { B2S_DEMO as D } from '../../mocks/demo/b2s.ts';
import { useB2sMock, api, call, listPath, patchPath, scopedA, state, type ErrorBody } from './harness.ts';

useB2sMock();

describe('invariant 5: GET /api/coupons/clients/{company_id}', () => {
  it('finds the client by phone (any format), email (any case) or CPF (masked or not); a bare array of the documented items, created_at ascending', async () => {
    const f = await state();
    const want = f.coupons
      .filter((c) => c.client_id === D.clients.john)
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((c) => c.id);
    expect(want.length).toBeGreaterThan(10);
    const searches: Record<string, string>[] = [
      { phone: '5511999999999' },
      { phone: '11999999999' },
      { phone: '+55 (11) 99999-9999' },
      { phone: '(11) 99999-9999' },
      { email: 'JOHN@example.com' },
      { cpf: '12345678909' },
      { cpf: '123.456.789-09' },
      { cpf: '123.456.789-09', email: 'john@example.com', phone: '5511999999999' },
    ];
    for (const q of searches) {
      const r = await call(`/api/coupons/clients/${D.companyA}?${new URLSearchParams(q).toString()}`);
      expect(r.status, JSON.stringify(q)).toBe(200);
      const items = r.body as Record<string, unknown>[];
      expect(Array.isArray(items)).toBe(true);
      expect(
        items.map((c) => c.id),
        JSON.stringify(q),
      ).toEqual(want);
      for (const c of items) {
        expect(Object.keys(c).sort()).toEqual(['bonus', 'code', 'created_at', 'date_of_use', 'expiration_date', 'id', 'status']);
        expect(Object.keys(c.bonus as object)).toEqual(['name']);
      }
    }
    const items = (await call(`/api/coupons/clients/${D.companyA}?email=john@example.com`)).body as { status: boolean }[];
    expect(new Set(items.map((c) => c.status))).toEqual(new Set([true, false]));
  });

  it('no search parameter (or only empty ones) → 400; unknown client, mismatched identifiers, unknown or out-of-scope company → 404 "Client not found"; no coupons → []', async () => {
    for (const q of ['', '?phone=', '?phone=&cpf=', '?phone=&email=&cpf=']) {
      const r = await call(`/api/coupons/clients/${D.companyA}${q}`);
      expect(r.status, q).toBe(400);
      expect((r.body as ErrorBody).status).toBe('error');
      // An empty email is also not an email: either message names the parameters.
      expect((r.body as ErrorBody).message, q).toMatch(q.includes('email') ? /^email / : /phone.*email.*cpf/);
    }
    const notFound = [
      `/api/coupons/clients/${D.companyA}?email=nobody@example.com`,
      `/api/coupons/clients/${D.companyA}?phone=5511888888888`,
      `/api/coupons/clients/${D.companyA}?cpf=000.000.000-00`,
      `/api/coupons/clients/${D.companyA}?email=john@example.com&cpf=987.654.321-00`,
      `/api/coupons/clients/${D.companyB}?email=john@example.com`,
      `/api/coupons/clients/b2500000-0000-4000-a000-0000000000ff?email=john@example.com`,
    ];
    for (const path of notFound) {
      const r = await call(path);
      expect(r.status, path).toBe(404);
      expect(r.body).toEqual({ status: 'error', message: 'Client not found' });
    }
    const scoped = await scopedA.clientCoupons(D.companyB, { email: 'bea@example.com' });
    expect(scoped.status).toBe(404);
    expect(!scoped.ok && scoped.error).toEqual({ status: 'error', message: 'Client not found' });
    expect((await api.clientCoupons(D.companyB, { email: 'bea@example.com' })).status).toBe(200);
    const none = await api.clientCoupons(D.companyA, { email: 'ana.sem@example.com' });
    expect(none.ok && none.data).toEqual([]);
  });
});

describe('invariant 6: a missing or bad Bearer token → 401 on all three endpoints', () => {
  const endpoints: [string, string][] = [
    ['GET', listPath()],
    ['GET', `/api/coupons/clients/${D.companyA}?email=john@example.com`],
    ['PATCH', patchPath(D.activeCoupon)],
  ];
  const auth: [string, Record<string, string>, string][] = [
    ['no header', {}, 'Token not provided'],
    ['an empty header', { Authorization: '' }, 'Token not provided'],
    ['"Bearer" alone', { Authorization: 'Bearer' }, 'Token not provided'],
    ['an unknown token', { Authorization: 'Bearer not-a-real-token' }, 'Invalid token'],
    ['another scheme', { Authorization: `Basic ${D.franchiseToken}` }, 'Invalid token'],
    ['two tokens', { Authorization: `Bearer ${D.franchiseToken} ${D.franchiseToken}` }, 'Invalid token'],
  ];
  for (const [method, path] of endpoints) {
    it.each(auth)(`${method} ${path.split('?')[0] ?? ''} with %s`, async (_name, headers, message) => {
      const before = await state();
      const r = await call(path, { method, token: null, headers });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ status: 'error', message });
      expect(await state()).toEqual(before);
    });
  }

  it('the scheme is case-insensitive and every demo token works', async () => {
    expect((await call(listPath(), { token: null, headers: { Authorization: `bearer ${D.companyAToken}` } })).status).toBe(200);
    expect((await call(listPath(), { token: D.companyBToken })).status).toBe(200);
  });
});
