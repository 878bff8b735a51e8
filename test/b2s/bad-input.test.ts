/**
 * B2S simulator, bad input: the documented error in the {"status":"error"} format, never a 5xx,
 * and no state change; the unavailable fault.
 */
import { describe, expect, it } from 'vitest';
import { B2S_DEMO as D } from '../../mocks/demo/b2s.ts';
import { useB2sMock, call, listPath, mock, patchPath, state, type CallOptions, type ErrorBody } from './harness.ts';

useB2sMock();

describe('bad input: the documented error in the {"status":"error"} format, never 5xx, state unchanged', () => {
  const big = 'x'.repeat(10 * 1024);
  const clients = (q: string) => `/api/coupons/clients/${D.companyA}?${q}`;
  const cases: [string, string, CallOptions, number][] = [
    ['a malformed integer limit', listPath({ limit: 'ten' }), {}, 400],
    ['a fractional limit', listPath({ limit: '1.5' }), {}, 400],
    ['limit given twice', `${listPath()}&limit=20`, {}, 400],
    ['limit in Arabic-Indic digits', listPath({ limit: '١٠' }), {}, 400],
    ['limit 101', listPath({ limit: '101' }), {}, 400],
    ['offset 0', listPath({ offset: '0' }), {}, 400],
    ['a negative offset', listPath({ offset: '-3' }), {}, 400],
    ['a date in another format', listPath({ date_start: '01/02/2024' }), {}, 400],
    ['a date that does not exist', listPath({ date_end: '2025-02-30' }), {}, 400],
    ['a date-time instead of a date', listPath({ date_end: '2025-02-01T00:00:00Z' }), {}, 400],
    ['a non-ASCII date', listPath({ date_start: '２０２５-01-01' }), {}, 400],
    ['date_start after date_end', listPath({ date_start: '2025-01-02', date_end: '2025-01-01' }), {}, 400],
    ['an unknown order_column', listPath({ order_column: 'client' }), {}, 400],
    ['a non-ASCII order_column', listPath({ order_column: 'código' }), {}, 400],
    ['a lower-case order_type', listPath({ order_type: 'desc' }), {}, 400],
    ['an unknown module', listPath({ module: 'outro' }), {}, 400],
    ['a 10 kB search', listPath({ search: big }), {}, 400],
    ['a 10 kB coupon_status', listPath({ coupon_status: big }), {}, 400],
    ['a 10 kB date', listPath({ date_start: big }), {}, 400],
    ['a 10 kB order_column', listPath({ order_column: big }), {}, 400],
    ['a short non-ASCII search', listPath({ search: 'ção😀' }), {}, 200],
    ['a search of only emoji (≤ 200 chars)', listPath({ search: '😀'.repeat(50) }), {}, 200],
    ['a search with broken percent-encoding', `${listPath()}&search=%E0%A4%A`, {}, 200],
    ['clients without a search parameter', `/api/coupons/clients/${D.companyA}`, {}, 400],
    ['clients with a company id that is not a UUID', '/api/coupons/clients/not-a-uuid?email=john@example.com', {}, 400],
    ['clients with a 10 kB phone', clients(`phone=${'9'.repeat(10 * 1024)}`), {}, 400],
    ['clients with a 10 kB email', clients(`email=${big}@example.com`), {}, 400],
    ['clients with a 10 kB cpf', clients(`cpf=${big}`), {}, 400],
    ['clients with a malformed email', clients('email=not-an-email'), {}, 400],
    ['clients with a non-ASCII phone', clients(`phone=${encodeURIComponent('٥٥١١٩٩٩٩٩٩٩٩٩')}`), {}, 404],
    ['clients with the phone given twice', clients('phone=1&phone=2'), {}, 400],
    [
      'PATCH with a malformed JSON body (an unused coupon)',
      patchPath(D.activeCoupon),
      { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' },
      400,
    ],
    [
      'PATCH with a truncated JSON body',
      patchPath(D.activeCoupon),
      { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status": tr' },
      400,
    ],
    [
      'PATCH with a body over the limit',
      patchPath(D.activeCoupon),
      { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) },
      413,
    ],
    ['PATCH a non-ASCII id', patchPath('cupão-😀'), { method: 'PATCH' }, 404],
    ['PATCH a 500-character id', patchPath('a'.repeat(500)), { method: 'PATCH' }, 404],
    ['PATCH a code instead of an id (B-9)', patchPath('WELCOME2024'), { method: 'PATCH' }, 404],
    ['PATCH without an id', '/api/coupons/status/', { method: 'PATCH' }, 404],
    ['GET on the PATCH route (405, Allow: PATCH)', patchPath(D.activeCoupon), {}, 405],
    ['POST on the list (405, Allow: GET, HEAD)', '/api/coupons', { method: 'POST' }, 405],
    ['DELETE a coupon (405)', patchPath(D.activeCoupon), { method: 'DELETE' }, 405],
    ['an unknown route', '/api/nothing', {}, 404],
    ['an unknown route without a token', '/api/nothing', { token: null }, 404],
  ];
  it.each(cases)('%s', async (_name, path, options, status) => {
    const before = await state();
    const r = await call(path, options);
    expect(r.status).toBe(status);
    if (status >= 400) {
      expect(r.type).toMatch(/^application\/json/);
      const body = r.body as ErrorBody;
      expect(Object.keys(body).sort()).toEqual(['message', 'status']);
      expect(body.status).toBe('error');
      expect(body.message?.length).toBeGreaterThan(0);
    }
    expect(await state()).toEqual(before);
  });

  it('validation messages name the parameter; routes not found say so', async () => {
    expect((await call(listPath({ date_end: '2025-02-30' }))).body).toEqual({
      status: 'error',
      message: 'date_end must be a valid date in the format YYYY-MM-DD',
    });
    expect((await call(listPath({ order_column: 'client' }))).body).toEqual({
      status: 'error',
      message: 'order_column must be one of created_at, expiration_date, date_of_use, code, status',
    });
    expect((await call(listPath({ module: 'outro' }))).body).toEqual({ status: 'error', message: 'module must be one of premiado, falae' });
    expect((await call(listPath({ limit: 'ten' }))).body).toEqual({ status: 'error', message: 'limit must be an integer' });
    expect((await call('/api/coupons/clients/not-a-uuid?email=a@b.co')).body).toEqual({
      status: 'error',
      message: 'company_id must be a UUID',
    });
    expect((await call('/api/nothing')).body).toEqual({ status: 'error', message: 'Route not found' });
    expect(
      (await call(patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' })).body,
    ).toEqual({ status: 'error', message: 'Invalid JSON body' });
  });

  it('PATCH ignores a well-formed or non-JSON body (the endpoint takes none)', async () => {
    expect(
      (
        await call(patchPath(D.activeCoupon), {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: '{"status": false}',
        })
      ).status,
    ).toBe(204);
    expect(
      (await call(patchPath(D.expiringCoupon), { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: 'hello' })).status,
    ).toBe(204);
  });

  // Malformed URLs are rejected by Fastify's router before any hook runs; frameworkErrors in
  // mocks/simulator/app.ts answers them in the provider's format.
  it('a path with broken percent-encoding → 400 in the B2S format', async () => {
    const r = await call('/api/coupons/status/%E0%A4%A', { method: 'PATCH' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: 'Malformed URL' });
  });
  it('a 10 kB path parameter → 400 in the B2S format', async () => {
    const r = await call(patchPath('a'.repeat(10 * 1024)), { method: 'PATCH' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: 'URL too long' });
  });
  it('…and they are never 5xx nor change state meanwhile', async () => {
    const before = await state();
    for (const r of [
      await call('/api/coupons/status/%E0%A4%A', { method: 'PATCH' }),
      await call(patchPath('a'.repeat(10 * 1024)), { method: 'PATCH' }),
    ]) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await state()).toEqual(before);
  });

  it('the unavailable fault answers 503 in the B2S format and changes nothing; the control API keeps working', async () => {
    await mock.control.faults({ error_rate: 1 });
    const before = await state();
    for (const [path, method] of [
      [listPath(), 'GET'],
      [patchPath(D.activeCoupon), 'PATCH'],
    ] as const) {
      const r = await call(path, { method });
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ status: 'error', message: 'Service unavailable' });
    }
    expect(await state()).toEqual(before);
  });
});
