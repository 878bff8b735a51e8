/**
 * Zupy simulator over HTTP, bad input: the documented error, never a 5xx, state unchanged.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { useZupyMock, ANA, json, mock, req } from './harness.ts';

useZupyMock();

describe('bad input: the documented error, never a 5xx, state unchanged', () => {
  const validatePath = `/api/v2/customers/${ANA}/coupons/${DEMO.coupons.active.code}/validate/`;
  const redeemPath = `/api/v2/customers/${ANA}/rewards/${DEMO.rewards.coffee}/redeem/`;
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['no API key', () => req('/api/v2/coupons/issued/', { key: null }), 401, 'authentication-required'],
    ['a key without the zupy_pk_ prefix', () => req('/api/v2/coupons/issued/', { key: 'sk_live_123' }), 401, 'authentication-required'],
    [
      'an unknown well-formed key',
      () => req('/api/v2/coupons/issued/', { key: 'zupy_pk_' + 'x'.repeat(32) }),
      401,
      'authentication-required',
    ],
    [
      'a key in the query string only',
      () => req(`/api/v2/coupons/issued/?api_key=${DEMO.keyReadWrite}`, { key: null }),
      401,
      'authentication-required',
    ],
    [
      'malformed JSON on redeem',
      () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"use_z_tokens":' }),
      400,
      'validation-error',
    ],
    [
      'wrong content type on redeem',
      () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'use_z_tokens=true' }),
      400,
      'validation-error',
    ],
    [
      'wrong body type on redeem',
      () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"use_z_tokens":"maybe"}' }),
      422,
      'validation-error',
    ],
    [
      'an oversize body',
      () =>
        req('/api/v2/auth/request-otp/', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: 'x'.repeat(200_000) }),
        }),
      413,
      'payload-too-large',
    ],
    [
      'request-otp with no body at all (found by the fuzzer)',
      () => req('/api/v2/auth/request-otp/', { method: 'POST' }),
      400,
      'validation-error',
    ],
    [
      'stats with an origin_type outside the enum (found by the fuzzer)',
      () => req('/api/v2/coupons/issued/stats/?origin_type='),
      422,
      'validation-error',
    ],
    ['an unknown v2 endpoint', () => req('/api/v2/admin/users/'), 403, 'permission-denied'],
    ['an unknown route', () => req('/nope'), 404, 'not-found'],
    ['a status outside the enum', () => req('/api/v2/coupons/issued/?status=pending'), 422, 'validation-error'],
    ['a non-integer page_size', () => req('/api/v2/coupons/issued/?page_size=ten'), 422, 'validation-error'],
    ['a forged cursor', () => req('/api/v2/coupons/issued/?cursor=%%%'), 422, 'validation-error'],
    ['redeemable without customer_id', () => req('/api/v2/rewards/?redeemable=true'), 422, 'validation-error'],
    [
      'a malformed coupon id (no-OTP company)',
      () => req(`/api/v2/customers/${DEMO.customers.diego}/coupons/..%2F..%2Fetc/validate/`, { method: 'POST', key: DEMO.keyOtherCompany }),
      404,
      'not-found',
    ],
    [
      'a malformed coupon id meets the OTP gate first (Z-7)',
      () => req(`/api/v2/customers/${ANA}/coupons/..%2F..%2Fetc/validate/`, { method: 'POST' }),
      403,
      'otp-required',
    ],
    ['a long non-ASCII code', () => req(`/api/v2/coupons/issued/?code=${encodeURIComponent('ç😀'.repeat(400))}`), 200, ''],
    ['a non-ASCII customer id in the path', () => req(`/api/v2/customers/${encodeURIComponent('ção😀')}/points/`), 404, 'not-found'],
    ['a URL over the 16 KiB header limit', () => req(`/api/v2/coupons/issued/?code=${'x'.repeat(20_000)}`), 431, ''],
    ['a huge customer id in the path', () => req(`/api/v2/customers/${'a'.repeat(400)}/points/`), 404, 'not-found'],
    [
      'a path parameter over the router limit of 512 characters',
      () => req(`/api/v2/customers/${'a'.repeat(600)}/points/`),
      404,
      'not-found',
    ],
    ['a path with broken percent-encoding', () => req('/api/v2/customers/%E0%A4%A/points/'), 404, 'not-found'],
    [
      'broken percent-encoding and no key: the key is checked first',
      () => req('/api/v2/customers/%E0%A4%A/points/', { key: null }),
      401,
      'authentication-required',
    ],
    [
      'validate with a stray JSON body is fine but OTP still applies',
      () => req(validatePath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' }),
      403,
      'otp-required',
    ],
    [
      'an identifier that is no phone, email or CPF',
      () =>
        req('/api/v2/auth/request-otp/', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"identifier":"hello"}',
        }),
      400,
      'validation-error',
    ],
  ];

  it.each(cases)('%s', async (_name, send, status, slug) => {
    const before = await mock.control.fixtures();
    const r = await send();
    expect(r.status).toBe(status);
    if (slug) {
      const body = await json(r);
      expect(String(body.type)).toBe(`https://docs.zupy.com/errors#${slug}`);
      expect(body.status).toBe(status);
      expect([typeof body.instance, typeof body.title, typeof body.detail]).toEqual(['string', 'string', 'string']);
      if (status === 422) expect(Array.isArray(body.errors)).toBe(true);
    }
    expect(await mock.control.fixtures()).toEqual(before);
  });
});
