/**
 * B2S simulator: the configurable rules (B-4 expiring window, B-6 expiration instant) from the
 * environment.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createB2sClient } from '../../clients/b2s.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { B2S_DEMO as D, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';
import { useB2sMock, base, DAY, T0, api, ids } from './harness.ts';

useB2sMock();

describe('configurable rules (B-4 window, B-6 expiration instant)', () => {
  let other: RunningMock;
  afterAll(async () => other?.close());

  it('B2S_EXPIRATION_INSTANT=start_of_day_utc and B2S_EXPIRING_DAYS=2 change the derived statuses and the PATCH rule', async () => {
    process.env.B2S_EXPIRATION_INSTANT = 'start_of_day_utc';
    process.env.B2S_EXPIRING_DAYS = '2';
    try {
      other = await startMock({ api: 'b2s', port: 0 });
    } finally {
      delete process.env.B2S_EXPIRATION_INSTANT;
      delete process.env.B2S_EXPIRING_DAYS;
    }
    await other.control.setClock(new Date(T0), true);
    await other.control.seed(b2sDemoFixtures(T0));
    const c = createB2sClient({ baseUrl: other.url, token: D.franchiseToken });
    const expired = await c.listCoupons({ ...base, coupon_status: 'Expired' });
    expect(expired.ok && ids(expired.data.coupons)).toContain(D.expiresTodayCoupon);
    expect((await c.markUsed(D.expiresTodayCoupon)).status).toBe(400);
    const expiring = await c.listCoupons({ ...base, coupon_status: 'Expiring' });
    if (!expiring.ok) throw new Error('list');
    // With the 2-day window, only coupons whose expiration day starts within 2 days are Expiring.
    for (const x of expiring.data.coupons) expect(Date.parse(`${x.expiration_date}T00:00:00Z`)).toBeLessThanOrEqual(T0 + 2 * DAY);
    expect(ids(expiring.data.coupons)).not.toContain(D.expiringCoupon);
    // The default module (this suite's mock) sees the same coupon as unused and PATCHable.
    expect((await api.markUsed(D.expiresTodayCoupon)).status).toBe(204);
  });

  it('a bad B2S_EXPIRATION_INSTANT fails the start with a clear error', async () => {
    process.env.B2S_EXPIRATION_INSTANT = 'noon';
    try {
      await expect(startMock({ api: 'b2s', port: 0 })).rejects.toThrow(/B2S_EXPIRATION_INSTANT must be end_of_day_utc or start_of_day_utc/);
    } finally {
      delete process.env.B2S_EXPIRATION_INSTANT;
    }
  });
});
