/** Black-box tests of the Zupy simulator over HTTP: Part D invariants and the docs' complete flow. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createZupyClient, problemSlug, type ZupyClient } from '../../clients/zupy.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';

let mock: RunningMock;
let pos: ZupyClient; // Café Aurora, read-write, OTP required for redeem and validate
let other: ZupyClient; // Padaria Boa Vista, no OTP

const ANA = DEMO.customers.ana;
const req = (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('X-API-Key', init.key ?? DEMO.keyReadWrite);
  return fetch(`${mock.url}${path}`, { ...init, headers });
};
const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { data: Record<string, unknown> };

async function otpSession(identifier = '+5511987654321'): Promise<string> {
  expect((await pos.requestOtp(identifier)).ok).toBe(true);
  const v = await pos.verifyOtp(identifier, DEMO.otpCode);
  if (!v.ok) throw new Error(`verify-otp failed: ${JSON.stringify(v.error)}`);
  return v.data.otp_session;
}

beforeAll(async () => {
  mock = await startMock({ api: 'zupy', port: 0 });
  pos = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadWrite });
  other = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyOtherCompany });
});
afterAll(() => mock.close());
beforeEach(async () => {
  await mock.control.reset();
});

describe('the documented flow: OTP → rewards → redeem → list → validate → 409', () => {
  it('runs end to end with the verbatim conflict message', async () => {
    const session = await otpSession();
    const withOtp = pos.withOtpSession(session);
    const rewards = await pos.listRewards({ customer_id: ANA, redeemable: true });
    expect(rewards.ok && rewards.data.items.map((r) => r.id)).toContain(DEMO.rewards.coffee);

    const redeemed = await withOtp.redeem(ANA, DEMO.rewards.coffee);
    if (!redeemed.ok) throw new Error(JSON.stringify(redeemed.error));
    expect(redeemed.data.points_used).toBe(200);
    expect(redeemed.data.new_balance).toBe(250);
    expect(redeemed.data.z_tokens_used).toBe('0.000000');
    expect(redeemed.data.coupon_code).toMatch(/^CZ-[0-9A-F]{8}$/);
    expect(Date.parse(redeemed.data.valid_until) - Date.parse(redeemed.data.created_at)).toBe(30 * 86_400_000);

    const found = await pos.findCouponByCode(redeemed.data.coupon_code.toLowerCase());
    if (!found.ok || !found.data) throw new Error('lookup failed');
    expect(found.data).toMatchObject({ coupon_code: redeemed.data.coupon_code, customer_id: ANA, status: 'active', remaining_usages: 1, usage_date: null });

    const ok = await withOtp.validate(ANA, found.data.id);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.data).toMatchObject({ customer_id: ANA, coupon_code: redeemed.data.coupon_code, status: 'validated', remaining_usages: 0, new_balance: 250 });

    const again = await withOtp.validate(ANA, redeemed.data.coupon_code.toLowerCase());
    expect(again.status).toBe(409);
    expect(again.ok || again.error).toMatchObject({ status: 409, detail: 'Cupom já Used', title: 'Conflict' });
    if (!again.ok && 'type' in again.error) expect(problemSlug(again.error)).toBe('conflict');
    const after = await pos.findCouponByCode(redeemed.data.coupon_code);
    expect(after.ok && after.data).toMatchObject({ status: 'used', remaining_usages: 0 });
  });
});

describe('validate', () => {
  it('a 3-use coupon validates 3× with decreasing counts, then 409, and stays active until the last use', async () => {
    const withOtp = pos.withOtpSession(await otpSession());
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await withOtp.validate(ANA, DEMO.coupons.multiUse.code);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      seen.push(r.data.remaining_usages);
      const listed = await pos.findCouponByCode(DEMO.coupons.multiUse.code);
      expect(listed.ok && listed.data?.status).toBe(i < 2 ? 'active' : 'used');
      expect(listed.ok && listed.data?.usage_date === null).toBe(i < 2);
    }
    expect(seen).toEqual([2, 1, 0]);
    const fourth = await withOtp.validate(ANA, DEMO.coupons.multiUse.id);
    expect(fourth.status).toBe(409);
  });

  it('by KSUID ≡ by code in any case; the response echoes the upper-case code; points unchanged', async () => {
    const withOtp = pos.withOtpSession(await otpSession());
    const before = await pos.points(ANA);
    const r = await withOtp.validate(ANA, 'cz-914f15f3');
    expect(r.ok && r.data.coupon_code).toBe('CZ-914F15F3');
    const after = await pos.points(ANA);
    expect(after.ok && after.data).toEqual(before.ok && before.data);
  });

  it.each([
    ['used', DEMO.coupons.used.code, 'Cupom já Used'],
    ['expired', DEMO.coupons.expired.code, 'Cupom já Expired'],
    ['cancelled', DEMO.coupons.cancelled.code, 'Cupom já Cancelled'],
  ])('a %s coupon → 409 with the verbatim message and no side effect', async (_s, code, detail) => {
    const withOtp = pos.withOtpSession(await otpSession());
    const before = await mock.control.fixtures();
    const r = await withOtp.validate(ANA, code);
    expect(r.status).toBe(409);
    expect(!r.ok && r.error).toMatchObject({ detail });
    const after = await mock.control.fixtures<{ coupons: { coupon_code: string; status: string }[] }>();
    const strip = (f: typeof after) => f.coupons.map((c) => ({ ...c, status: c.coupon_code === DEMO.coupons.expired.code ? 'x' : c.status }));
    expect(strip(after)).toEqual(strip(before as typeof after));
  });

  it('expiry follows the injected clock: valid at valid_until, expired one second later (Z-5)', async () => {
    const coupon = await pos.findCouponByCode(DEMO.coupons.active.code);
    if (!coupon.ok || !coupon.data) throw new Error('lookup');
    await mock.control.setClock(coupon.data.valid_until, true);
    expect((await pos.findCouponByCode(DEMO.coupons.active.code)).data).toMatchObject({ status: 'active' });
    await mock.control.advanceClock(1);
    expect((await pos.findCouponByCode(DEMO.coupons.active.code)).data).toMatchObject({ status: 'expired' });
    const listed = await pos.listCoupons({ status: 'expired', customer_id: ANA });
    expect(listed.ok && listed.data.items.map((c) => c.coupon_code)).toContain(DEMO.coupons.active.code);
    const withOtp = pos.withOtpSession(await otpSession());
    const r = await withOtp.validate(ANA, DEMO.coupons.active.code);
    expect(!r.ok && r.error).toMatchObject({ status: 409, detail: 'Cupom já Expired' });
  });

  it("another customer's coupon, a misspelled code and another company's customer → 404 not-found", async () => {
    const bruno = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadWrite, otpSession: await otpSession('+5521998765432') });
    const foreign = await bruno.validate(DEMO.customers.bruno, DEMO.coupons.active.code);
    expect(foreign.status).toBe(404);
    const typo = await bruno.validate(DEMO.customers.bruno, 'CZ-00000000');
    expect(typo.status).toBe(404);
    const crossTenant = await other.validate(ANA, DEMO.coupons.active.code);
    expect(crossTenant.status).toBe(404);
    expect(!crossTenant.ok && 'type' in crossTenant.error && problemSlug(crossTenant.error)).toBe('not-found');
  });
});

describe('OTP policy', () => {
  it('no session → 403 otp-required; valid session → 200; a session 30 min + 1 s old → 403', async () => {
    const noOtp = await pos.validate(ANA, DEMO.coupons.active.code);
    expect(noOtp.status).toBe(403);
    expect(!noOtp.ok && noOtp.error).toMatchObject({ detail: 'OTP verification required', title: 'Permission Denied' });
    const session = await otpSession();
    await mock.control.setClock(new Date(), true);
    await mock.control.advanceClock(30 * 60 + 1);
    const stale = await pos.withOtpSession(session).validate(ANA, DEMO.coupons.active.code);
    expect(stale.status).toBe(403);
    const fresh = await pos.withOtpSession(await otpSession()).validate(ANA, DEMO.coupons.active.code);
    expect(fresh.status).toBe(200);
  });

  it("a session bound to another customer does not open this customer's coupons (Z-18)", async () => {
    const brunoSession = await otpSession('+5521998765432');
    const r = await pos.withOtpSession(brunoSession).validate(ANA, DEMO.coupons.active.code);
    expect(r.status).toBe(403);
  });

  it('the policy can be switched off through the control API', async () => {
    await mock.control.otpPolicy({ company_id: DEMO.companyA, require_otp_for_coupon_usage: false });
    expect((await pos.validate(ANA, DEMO.coupons.active.code)).status).toBe(200);
  });

  it('verify-otp: wrong code → 401, no OTP requested → 404, missing field → 400, new identifier creates a customer', async () => {
    await pos.requestOtp('+5511900000001');
    expect((await pos.verifyOtp('+5511900000001', '000000')).status).toBe(401);
    expect((await pos.verifyOtp('+5511900000002', DEMO.otpCode)).status).toBe(404);
    const missing = await req('/api/v2/auth/verify-otp/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identifier":"+5511900000001"}' });
    expect(missing.status).toBe(400);
    const created = await pos.verifyOtp('+5511900000001', DEMO.otpCode);
    expect(created.ok && created.data).toMatchObject({ is_new: true, points_balance: 0 });
  });
});

describe('redeem', () => {
  it('Z$ top-up: the guide example (500 pts, 450 pts + 1150 Z$ → 450 pts and Z$ 60.000000)', async () => {
    const withOtp = pos.withOtpSession(await otpSession());
    const noZ = await withOtp.redeem(ANA, DEMO.rewards.cake);
    expect(noZ.status).toBe(422);
    const r = await withOtp.redeem(ANA, DEMO.rewards.cake, { useZTokens: true });
    expect(r.ok && r.data).toMatchObject({ points_used: 450, z_tokens_used: '60.000000', new_balance: 0, new_z_balance: '1090.000000' });
  });

  it('a marketing reward is free and once per customer: the second claim → 422 with the verbatim errors[].detail', async () => {
    const withOtp = pos.withOtpSession(await otpSession());
    const first = await withOtp.redeem(ANA, DEMO.rewards.welcome);
    expect(first.ok && first.data.points_used).toBe(0);
    const second = await withOtp.redeem(ANA, DEMO.rewards.welcome);
    expect(second.status).toBe(422);
    expect(!second.ok && second.error).toMatchObject({ errors: [{ detail: 'Prêmio gratuito já resgatado por este cliente' }] });
  });

  it('an out-of-stock reward → 422 and changes nothing', async () => {
    const withOtp = pos.withOtpSession(await otpSession());
    const before = await mock.control.fixtures();
    expect((await withOtp.redeem(ANA, DEMO.rewards.limited)).status).toBe(422);
    expect(await mock.control.fixtures()).toEqual(before);
  });

  it('a read-only key → 403 permission-denied on writes, 200 on reads', async () => {
    const ro = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadOnly });
    const w = await ro.redeem(ANA, DEMO.rewards.coffee);
    expect(!w.ok && w.error).toMatchObject({ status: 403, detail: 'Read-only API key cannot perform write operations' });
    expect((await ro.listCoupons()).status).toBe(200);
  });
});

describe('lists, lookup and stats', () => {
  it('unknown code → 200 with data []; cursor pages are disjoint and cover the list', async () => {
    const none = await pos.listCoupons({ code: 'CZ-FFFFFFFF' });
    expect(none.ok && none.data.items).toEqual([]);
    const all = await pos.listCoupons({ page_size: 100 });
    if (!all.ok) throw new Error('list');
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await pos.listCoupons({ page_size: 2, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error('page');
      ids.push(...page.data.items.map((c) => c.id));
      expect(page.data.meta?.count).toBe(all.data.items.length);
      if (!page.data.meta?.has_next) break;
      cursor = page.data.meta.cursor ?? undefined;
    }
    expect(ids).toEqual(all.data.items.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stats agree with the list and ignore status (Z-21)', async () => {
    const s = await pos.stats({ status: 'used' } as never);
    const list = await pos.listCoupons({ page_size: 100 });
    if (!s.ok || !list.ok) throw new Error('stats');
    const byStatus = Object.values(s.data.by_status).reduce((a, b) => a + b, 0);
    const byOrigin = Object.values(s.data.by_origin).reduce((a, b) => a + b, 0);
    expect(byStatus).toBe(s.data.total_issued);
    expect(byOrigin).toBe(s.data.total_issued);
    expect(s.data.total_issued).toBe(list.data.items.length);
    expect(s.data.used).toBe(list.data.items.filter((c) => c.status === 'used').length);
    expect(s.data.usage_rate).toBe(Math.round((s.data.used / s.data.total_issued) * 10000) / 100);
  });

  it("a tenant never sees another tenant's coupons", async () => {
    const mine = await other.listCoupons({ page_size: 100 });
    expect(mine.ok && mine.data.items.every((c) => c.customer_id === DEMO.customers.diego)).toBe(true);
    const lookup = await other.findCouponByCode(DEMO.coupons.active.code);
    expect(lookup.ok && lookup.data).toBeNull();
  });

  it('rate-limit headers on every response, success and error', async () => {
    const answers = [
      await req('/api/v2/coupons/issued/'),
      await req('/api/v2/coupons/issued/', { key: null }),
      await req('/api/v2/coupons/issued/?status=pending'),
      await req('/api/v2/auth/request-otp/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'x'.repeat(200_000) }) }),
      await req('/api/v2/admin/users/'),
      await req('/api/v2/customers/%E0%A4%A/points/'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 422, 413, 403, 404]);
    for (const r of answers) {
      expect(r.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    }
  });
});

describe('bad input: the documented error, never a 5xx, state unchanged', () => {
  const validatePath = `/api/v2/customers/${ANA}/coupons/${DEMO.coupons.active.code}/validate/`;
  const redeemPath = `/api/v2/customers/${ANA}/rewards/${DEMO.rewards.coffee}/redeem/`;
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['no API key', () => req('/api/v2/coupons/issued/', { key: null }), 401, 'authentication-required'],
    ['a key without the zupy_pk_ prefix', () => req('/api/v2/coupons/issued/', { key: 'sk_live_123' }), 401, 'authentication-required'],
    ['an unknown well-formed key', () => req('/api/v2/coupons/issued/', { key: 'zupy_pk_' + 'x'.repeat(32) }), 401, 'authentication-required'],
    ['a key in the query string only', () => req(`/api/v2/coupons/issued/?api_key=${DEMO.keyReadWrite}`, { key: null }), 401, 'authentication-required'],
    ['malformed JSON on redeem', () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"use_z_tokens":' }), 400, 'validation-error'],
    ['wrong content type on redeem', () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'use_z_tokens=true' }), 400, 'validation-error'],
    ['wrong body type on redeem', () => req(redeemPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"use_z_tokens":"maybe"}' }), 422, 'validation-error'],
    ['an oversize body', () => req('/api/v2/auth/request-otp/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'x'.repeat(200_000) }) }), 413, 'payload-too-large'],
    ['request-otp with no body at all (found by the fuzzer)', () => req('/api/v2/auth/request-otp/', { method: 'POST' }), 400, 'validation-error'],
    ['stats with an origin_type outside the enum (found by the fuzzer)', () => req('/api/v2/coupons/issued/stats/?origin_type='), 422, 'validation-error'],
    ['an unknown v2 endpoint', () => req('/api/v2/admin/users/'), 403, 'permission-denied'],
    ['an unknown route', () => req('/nope'), 404, 'not-found'],
    ['a status outside the enum', () => req('/api/v2/coupons/issued/?status=pending'), 422, 'validation-error'],
    ['a non-integer page_size', () => req('/api/v2/coupons/issued/?page_size=ten'), 422, 'validation-error'],
    ['a forged cursor', () => req('/api/v2/coupons/issued/?cursor=%%%'), 422, 'validation-error'],
    ['redeemable without customer_id', () => req('/api/v2/rewards/?redeemable=true'), 422, 'validation-error'],
    ['a malformed coupon id (no-OTP company)', () => req(`/api/v2/customers/${DEMO.customers.diego}/coupons/..%2F..%2Fetc/validate/`, { method: 'POST', key: DEMO.keyOtherCompany }), 404, 'not-found'],
    ['a malformed coupon id meets the OTP gate first (Z-7)', () => req(`/api/v2/customers/${ANA}/coupons/..%2F..%2Fetc/validate/`, { method: 'POST' }), 403, 'otp-required'],
    ['a long non-ASCII code', () => req(`/api/v2/coupons/issued/?code=${encodeURIComponent('ç😀'.repeat(400))}`), 200, ''],
    ['a non-ASCII customer id in the path', () => req(`/api/v2/customers/${encodeURIComponent('ção😀')}/points/`), 404, 'not-found'],
    ['a URL over the 16 KiB header limit', () => req(`/api/v2/coupons/issued/?code=${'x'.repeat(20_000)}`), 431, ''],
    ['a huge customer id in the path', () => req(`/api/v2/customers/${'a'.repeat(400)}/points/`), 404, 'not-found'],
    ['a path parameter over the router limit of 512 characters', () => req(`/api/v2/customers/${'a'.repeat(600)}/points/`), 404, 'not-found'],
    ['a path with broken percent-encoding', () => req('/api/v2/customers/%E0%A4%A/points/'), 404, 'not-found'],
    ['broken percent-encoding and no key: the key is checked first', () => req('/api/v2/customers/%E0%A4%A/points/', { key: null }), 401, 'authentication-required'],
    ['validate with a stray JSON body is fine but OTP still applies', () => req(validatePath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' }), 403, 'otp-required'],
    ['an identifier that is no phone, email or CPF', () => req('/api/v2/auth/request-otp/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identifier":"hello"}' }), 400, 'validation-error'],
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

describe('defects are caught (negative controls)', () => {
  it('reuse-returns-200: a used coupon validates again', async () => {
    await mock.control.faults({ defects: ['reuse-returns-200'] });
    const r = await other.validate(DEMO.customers.diego, DEMO.coupons.diego.code);
    expect(r.status).toBe(200);
    expect((await other.validate(DEMO.customers.diego, DEMO.coupons.diego.code)).status).toBe(200);
  });

  it('validate-ignores-customer: any customer id reaches the coupon', async () => {
    await mock.control.faults({ defects: ['validate-ignores-customer'] });
    await mock.control.otpPolicy({ require_otp_for_coupon_usage: false });
    expect((await pos.validate(DEMO.customers.bruno, DEMO.coupons.active.code)).status).toBe(200);
  });

  it('no-expiry-check: an expired coupon validates', async () => {
    await mock.control.faults({ defects: ['no-expiry-check'] });
    await mock.control.otpPolicy({ require_otp_for_coupon_usage: false });
    expect((await pos.validate(ANA, DEMO.coupons.expired.code)).status).toBe(200);
  });

  it('racy-validate: concurrent validates of one single-use coupon double-spend; without it exactly one wins', async () => {
    await mock.control.otpPolicy({ require_otp_for_coupon_usage: false });
    const burst = () => Promise.all(Array.from({ length: 20 }, () => pos.validate(ANA, DEMO.coupons.active.code)));
    const safe = await burst();
    expect(safe.filter((r) => r.status === 200)).toHaveLength(1);
    expect(safe.filter((r) => r.status === 409)).toHaveLength(19);
    await mock.control.reset();
    await mock.control.otpPolicy({ require_otp_for_coupon_usage: false });
    await mock.control.faults({ defects: ['racy-validate'] });
    const racy = await burst();
    expect(racy.filter((r) => r.status === 200).length).toBeGreaterThan(1);
  });
});
