/**
 * Races under fast-check's scheduler: every interleaving of concurrent validates (Zupy) and PATCHes
 * (B2S) that the scheduler picks. The safe store operations never double-spend; the racy variants
 * (the `racy-validate` defect, with the scheduler controlling the gap between read and write) do,
 * and fast-check reports the interleaving.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { b2sDemoFixtures, B2S_DEMO } from '../../mocks/demo/b2s.ts';
import { B2sStore } from '../../mocks/simulator/b2s/store.ts';
import { DEMO, zupyDemoFixtures } from '../../mocks/demo/zupy.ts';
import { ZupyStore } from '../../mocks/simulator/zupy/store.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function zupyRace(racy: boolean) {
  return fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), async (s, calls) => {
    const store = new ZupyStore(() => NOW);
    store.load(zupyDemoFixtures(NOW), true);
    const { companyA, customers, coupons } = DEMO;
    const attempts = Array.from({ length: calls }, (_, i) =>
      s
        .schedule(Promise.resolve(`validate #${i}`))
        .then(() =>
          racy
            ? store.validateRacy(companyA, customers.ana, coupons.multiUse.code, {}, () =>
                s.schedule(Promise.resolve(`gap #${i}`)).then(() => undefined),
              )
            : store.validate(companyA, customers.ana, coupons.multiUse.code),
        ),
    );
    await s.waitAll();
    const wins = (await Promise.all(attempts)).filter((r) => r.ok).length;
    const coupon = store.findCoupon(companyA, coupons.multiUse.code);
    // 3 uses: successes == uses consumed == min(calls, 3), never more.
    expect(wins).toBe(Math.min(calls, 3));
    expect(coupon?.remaining).toBe(3 - wins);
  });
}

function b2sRace(racy: boolean) {
  return fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), async (s, calls) => {
    const store = new B2sStore(() => NOW);
    store.load(b2sDemoFixtures(NOW), true);
    const scope = new Set([B2S_DEMO.companyA]);
    const attempts = Array.from({ length: calls }, (_, i) =>
      s
        .schedule(Promise.resolve(`patch #${i}`))
        .then(() =>
          racy
            ? store.markUsedRacy(scope, B2S_DEMO.activeCoupon, {}, () => s.schedule(Promise.resolve(`gap #${i}`)).then(() => undefined))
            : store.markUsed(scope, B2S_DEMO.activeCoupon),
        ),
    );
    await s.waitAll();
    const wins = (await Promise.all(attempts)).filter((r) => r.ok).length;
    expect(wins).toBe(1);
  });
}

describe('scheduled interleavings', () => {
  it('Zupy validate: no interleaving double-spends', async () => {
    await fc.assert(zupyRace(false), { numRuns: 300, seed: 1 });
  });
  it('B2S PATCH: exactly one winner in every interleaving', async () => {
    await fc.assert(b2sRace(false), { numRuns: 300, seed: 1 });
  });
  it.each([
    ['Zupy racy validate', zupyRace],
    ['B2S racy PATCH', b2sRace],
  ] as const)('negative control: %s double-spends, and fast-check shows the schedule', async (_name, race) => {
    const out = await fc.check(race(true), { numRuns: 300, seed: 1 });
    expect(out.failed).toBe(true);
    expect(fc.defaultReportMessage(out)).toMatch(/schedulerFor\(\)|Scheduler|gap #/);
  });
});
