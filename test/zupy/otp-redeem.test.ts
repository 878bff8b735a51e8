/**
 * Zupy simulator over HTTP: the OTP policy and the redeem invariants.
 */
import { describe, expect, it } from 'vitest';
import { createZupyClient } from '../../clients/zupy.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { useZupyMock, ANA, mock, otpSession, pos, req } from './harness.ts';

useZupyMock();

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
    const missing = await req('/api/v2/auth/verify-otp/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"identifier":"+5511900000001"}',
    });
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
