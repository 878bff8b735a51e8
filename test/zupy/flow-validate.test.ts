/**
 * Zupy simulator over HTTP: the docs' complete flow (OTP → rewards → redeem → list → validate → 409)
 * and the validate invariants.
 */
import { describe, expect, it } from 'vitest';
import { createZupyClient, problemSlug } from '../../clients/zupy.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { useZupyMock, ANA, mock, other, otpSession, pos } from './harness.ts';

useZupyMock();

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
    expect(found.data).toMatchObject({
      coupon_code: redeemed.data.coupon_code,
      customer_id: ANA,
      status: 'active',
      remaining_usages: 1,
      usage_date: null,
    });

    const ok = await withOtp.validate(ANA, found.data.id);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.data).toMatchObject({
      customer_id: ANA,
      coupon_code: redeemed.data.coupon_code,
      status: 'validated',
      remaining_usages: 0,
      new_balance: 250,
    });

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
    const strip = (f: typeof after) =>
      f.coupons.map((c) => ({ ...c, status: c.coupon_code === DEMO.coupons.expired.code ? 'x' : c.status }));
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
