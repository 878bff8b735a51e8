/**
 * B2S simulator, negative controls: each check passes on the simulator and fails with its defect.
 */
import { describe, expect, it } from 'vitest';
import { B2S_DEMO as D } from '../../mocks/demo/b2s.ts';
import { useB2sMock, H, TODAY, call, expEnd, freeze, listPath, mock, patchPath, scopedA, state } from './harness.ts';

useB2sMock();

describe('defects are caught (negative controls): each check passes on the simulator and fails with its defect', () => {
  const burst = (id: string, n = 20) => Promise.all(Array.from({ length: n }, () => call(patchPath(id), { method: 'PATCH' })));
  /** The expectations the other B2S suites make, packaged so they can be run with a defect on. */
  const checks: Record<string, () => Promise<void>> = {
    'one PATCH wins a race': async () => {
      const rs = await burst(D.activeCoupon);
      expect(rs.filter((r) => r.status === 204)).toHaveLength(1);
    },
    'a used coupon is refused': async () => {
      const r = await call(patchPath(D.usedCoupon), { method: 'PATCH' });
      expect(r.body).toEqual({ status: 'error', message: 'Coupon already used' });
    },
    'a coupon inside the 3-hour margin is refused': async () => {
      await freeze(expEnd(TODAY) - 2 * H);
      const r = await call(patchPath(D.expiresTodayCoupon), { method: 'PATCH' });
      expect(r.body).toEqual({ status: 'error', message: 'Coupon expired' });
    },
    "a token cannot PATCH another company's coupon": async () => {
      expect((await scopedA.markUsed(D.companyBCoupon)).status).toBe(404);
    },
    'an unknown token is refused': async () => {
      expect((await call(listPath(), { token: 'whatever-token' })).status).toBe(401);
    },
  };
  const defects: [string, string][] = [
    ['racy-validate', 'one PATCH wins a race'],
    ['reuse-returns-200', 'a used coupon is refused'],
    ['no-expiry-check', 'a coupon inside the 3-hour margin is refused'],
    ['validate-ignores-customer', "a token cannot PATCH another company's coupon"],
    ['lenient-auth', 'an unknown token is refused'],
  ];

  it.each(Object.keys(checks))('without defects: %s', async (name) => {
    await checks[name]?.();
  });

  it.each(defects)('with %s: "%s" fails', async (defect, name) => {
    await mock.control.faults({ defects: [defect] });
    const check = checks[name];
    if (!check) throw new Error(name);
    await expect(check()).rejects.toThrow();
  });

  it('racy-validate double-spends: more than one 204 for one coupon', async () => {
    await mock.control.faults({ defects: ['racy-validate'] });
    const rs = await burst(D.activeCoupon);
    expect(rs.filter((r) => r.status === 204).length).toBeGreaterThan(1);
  });

  it('reuse-returns-200: the second PATCH is 204 and changes nothing', async () => {
    await mock.control.faults({ defects: ['reuse-returns-200'] });
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH' })).status).toBe(204);
    const before = await state();
    await mock.control.advanceClock('P1D');
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH' })).status).toBe(204);
    expect(await state()).toEqual(before);
  });

  it('no-expiry-check: an expired coupon PATCHes too', async () => {
    await mock.control.faults({ defects: ['no-expiry-check'] });
    expect((await call(patchPath(D.expiredCoupon), { method: 'PATCH' })).status).toBe(204);
  });

  it("validate-ignores-customer: a scoped token reaches another company's coupon and client", async () => {
    await mock.control.faults({ defects: ['validate-ignores-customer'] });
    expect((await scopedA.markUsed(D.companyBCoupon)).status).toBe(204);
    expect((await scopedA.clientCoupons(D.companyB, { email: 'bea@example.com' })).status).toBe(200);
  });

  it('lenient-auth: any non-empty Bearer token acts as the franchise token; a missing one is still 401', async () => {
    await mock.control.faults({ defects: ['lenient-auth'] });
    expect((await call(listPath({ module: 'premiado' }), { token: 'whatever-token' })).body).toMatchObject({ total: 17 });
    expect((await call(listPath(), { token: null })).status).toBe(401);
  });
});
