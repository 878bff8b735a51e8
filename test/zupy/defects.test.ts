/**
 * Zupy simulator over HTTP, negative controls: each defect is caught.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { useZupyMock, ANA, mock, other, pos } from './harness.ts';

useZupyMock();

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
