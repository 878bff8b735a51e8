/** B2S conformance, in-process: ≥ 500 sequences, and each defect caught (negative controls). */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefectName } from '../../mocks/index.ts';
import { b2sProperty } from '../../property-tests/b2s.ts';
import { inProcessTarget, type Target } from '../../property-tests/targets/target.ts';

/** 500 in npm test; mutation testing lowers it (PROPERTY_RUNS) to keep a run per mutant short. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
let target: Target;
beforeAll(async () => {
  target = await inProcessTarget('b2s');
});
afterAll(() => target.close());

describe('B2S lifecycle model', () => {
  it('holds over 500 random command sequences', async () => {
    await fc.assert(b2sProperty(target), { numRuns: RUNS, seed: 20261124 });
  }, 120_000);

  it.each<[DefectName, RegExp]>([
    ['reuse-returns-200', /exactly no 204|exactly one 204|already used/],
    ['no-expiry-check', /exactly no 204|Coupon expired/],
    ['validate-ignores-customer', /scoped token cannot reach/],
    ['racy-validate', /exactly one 204/],
  ])(
    'catches the %s defect with a shrunk counterexample',
    async (defect, why) => {
      const bad = await inProcessTarget('b2s', { defects: [defect] });
      try {
        const out = await fc.check(b2sProperty(bad), { numRuns: 300, seed: 7 });
        expect(out.failed).toBe(true);
        expect(String(out.errorInstance)).toMatch(why);
        expect(fc.defaultReportMessage(out)).toMatch(/Counterexample/);
      } finally {
        await bad.close();
      }
    },
    120_000,
  );
});
