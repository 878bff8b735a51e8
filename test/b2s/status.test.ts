/**
 * B2S simulator: Part D invariant 3 (coupon_status per B-4, EN and PT filters) and invariant 4 (PATCH
 * /api/coupons/status/{id}: its check order, the 3-hour boundary, scope, concurrent PATCHes).
 */
import { describe, expect, it } from 'vitest';
import { B2S_DEMO as D } from '../../mocks/demo/b2s.ts';
import {
  useB2sMock,
  DAY,
  H,
  T0,
  TODAY,
  api,
  call,
  couponIn,
  expEnd,
  freeze,
  ids,
  list,
  listPath,
  mock,
  patchPath,
  scopedA,
  scopedB,
  state,
  type Coupon,
  type ErrorBody,
} from './harness.ts';

useB2sMock();

describe('invariant 3: coupon_status agrees with B-4; EN and PT select the same sets', () => {
  const pairs = [
    ['Used', 'Utilizado'],
    ['Not Used', 'Não Utilizado'],
    ['Expired', 'Vencido'],
    ['Expiring', 'Vencendo'],
  ] as const;
  const oracle = (c: Coupon, now: number, s: (typeof pairs)[number][0]) => {
    const end = expEnd(c.expiration_date);
    if (s === 'Used') return c.status;
    if (s === 'Expired') return !c.status && now >= end;
    if (s === 'Not Used') return !c.status && now < end;
    return !c.status && now < end && end <= now + 7 * DAY;
  };

  for (const at of [0, 2 * DAY, 10 * DAY]) {
    it(`at T0 + ${at / DAY} days`, async () => {
      const now = T0 + at;
      await freeze(now);
      const f = (await state()).coupons;
      const sets: Record<string, string[]> = {};
      for (const module of ['falae', 'premiado'] as const) {
        for (const [en, pt] of pairs) {
          const a = await list({ module, coupon_status: en });
          const b = await list({ module, coupon_status: pt });
          expect(ids(b.coupons), `${en} = ${pt}`).toEqual(ids(a.coupons));
          expect(b.total).toBe(a.total);
          const want = f
            .filter((c) => c.module === module && oracle(c, now, en))
            .map((c) => c.id)
            .sort();
          expect(ids(a.coupons).sort(), `${module} ${en}`).toEqual(want);
          sets[`${module} ${en}`] = ids(a.coupons);
        }
        // Used, Expired and Not Used partition the module; Expiring ⊂ Not Used.
        const total = (await list({ module })).total;
        expect(
          (sets[`${module} Used`]?.length ?? 0) + (sets[`${module} Expired`]?.length ?? 0) + (sets[`${module} Not Used`]?.length ?? 0),
        ).toBe(total);
        for (const id of sets[`${module} Expiring`] ?? []) expect(sets[`${module} Not Used`]).toContain(id);
      }
    });
  }

  it('a value in the wrong case or language mix → 400 listing the allowed values', async () => {
    for (const v of ['used', 'NOT USED', 'nao utilizado', 'Não utilizado', 'Vencida', '']) {
      const r = await call(listPath({ coupon_status: v }));
      expect(r.status, v).toBe(400);
      expect((r.body as ErrorBody).message).toMatch(/^coupon_status must be one of .*Used.*Utilizado.*Vencendo/);
    }
  });
});

describe('invariant 4: PATCH /api/coupons/status/{id}', () => {
  it('unused and valid → 204 with no body; the list shows status true and date_of_use today (UTC); again → 400 "Coupon already used", nothing changes', async () => {
    await freeze(Date.parse(`${TODAY}T23:30:00Z`));
    const r = await call(patchPath(D.activeCoupon), { method: 'PATCH' });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const [item] = (await list({ search: 'WELCOME2024' })).coupons;
    expect(item).toMatchObject({ id: D.activeCoupon, status: true, date_of_use: TODAY });
    const mine = await api.clientCoupons(D.companyA, { email: D.john.email });
    expect(mine.ok && mine.data.find((c) => c.id === D.activeCoupon)).toMatchObject({ status: true, date_of_use: TODAY });

    await mock.control.advanceClock('P2D');
    const before = await state();
    const again = await call(patchPath(D.activeCoupon), { method: 'PATCH' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ status: 'error', message: 'Coupon already used' });
    expect(await state()).toEqual(before);
  });

  it('the check order (B-7): unknown → 404; used (even past expiry) → already used; expired → "Coupon expired"', async () => {
    const before = await state();
    const cases: [string, number, string][] = [
      ['b2500000-0000-4000-d000-0000000000ff', 404, 'Coupon not found'],
      ['abc123-coupon-id', 404, 'Coupon not found'],
      ['WELCOME2024', 404, 'Coupon not found'],
      [D.usedCoupon, 400, 'Coupon already used'],
      [D.usedAndExpiredCoupon, 400, 'Coupon already used'],
      [D.expiredCoupon, 400, 'Coupon expired'],
    ];
    for (const [id, status, message] of cases) {
      const r = await call(patchPath(id), { method: 'PATCH' });
      expect(r.status, id).toBe(status);
      expect(r.body, id).toEqual({ status: 'error', message });
    }
    expect(await state()).toEqual(before);
  });

  it('the 3-hour boundary exactly (B-5): exp_end − 3 h → 400 "Coupon expired"; exp_end − 3 h − 1 s → 204', async () => {
    const end = expEnd(couponIn(await state(), D.expiringCoupon).expiration_date);
    await freeze(end - 3 * H);
    expect((await call(patchPath(D.expiringCoupon), { method: 'PATCH' })).body).toEqual({ status: 'error', message: 'Coupon expired' });
    await freeze(end - 3 * H - 1000);
    expect((await call(patchPath(D.expiringCoupon), { method: 'PATCH' })).status).toBe(204);
  });

  it('inside the 3-hour margin a coupon still lists as Not Used / Expiring, yet PATCH refuses it; at exp_end it lists as Expired', async () => {
    const end = expEnd(TODAY);
    await freeze(end - 2 * H);
    expect(ids((await list({ coupon_status: 'Não Utilizado' })).coupons)).toContain(D.expiresTodayCoupon);
    expect(ids((await list({ coupon_status: 'Expiring' })).coupons)).toContain(D.expiresTodayCoupon);
    expect((await call(patchPath(D.expiresTodayCoupon), { method: 'PATCH' })).body).toEqual({ status: 'error', message: 'Coupon expired' });
    await freeze(end - 1);
    expect(ids((await list({ coupon_status: 'Expired' })).coupons)).not.toContain(D.expiresTodayCoupon);
    await freeze(end);
    expect(ids((await list({ coupon_status: 'Vencido' })).coupons)).toContain(D.expiresTodayCoupon);
  });

  it("scope: a token for one company gets 404 on the other company's coupon (nothing changes); the franchise token reaches both", async () => {
    const before = await state();
    const r = await scopedA.markUsed(D.companyBCoupon);
    expect(r.status).toBe(404);
    expect(!r.ok && r.error).toEqual({ status: 'error', message: 'Coupon not found' });
    expect((await scopedB.markUsed(D.activeCoupon)).status).toBe(404);
    expect(await state()).toEqual(before);
    expect((await api.markUsed(D.companyBCoupon)).status).toBe(204);
    expect((await scopedA.markUsed(D.activeCoupon)).status).toBe(204);
  });

  it('concurrent PATCHes of one coupon: exactly one 204, the rest "Coupon already used"', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call(patchPath(D.activeCoupon), { method: 'PATCH' })));
    expect(results.filter((r) => r.status === 204)).toHaveLength(1);
    expect(results.filter((r) => (r.body as ErrorBody | undefined)?.message === 'Coupon already used')).toHaveLength(19);
  });
});
