/**
 * Zupy conformance, in-process: ≥ 500 random command sequences against the simulator, and each
 * defect caught with a shrunk counterexample (the negative controls).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefectName } from '../../mocks/index.ts';
import { inProcessTarget, type Target } from '../../property-tests/targets/target.ts';
import { zupyProperty } from '../../property-tests/zupy.ts';

/** 500 in npm test; mutation testing lowers it (PROPERTY_RUNS) to keep a run per mutant short. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
let target: Target;
beforeAll(async () => {
  target = await inProcessTarget('zupy');
});
afterAll(() => target.close());

describe('Zupy lifecycle model', () => {
  it('holds over 500 random command sequences', async () => {
    await fc.assert(zupyProperty(target), { numRuns: RUNS, seed: 20261124 });
  }, 120_000);

  it.each<[DefectName, RegExp]>([
    ['reuse-returns-200', /must be 409|successes must equal/],
    ['no-expiry-check', /must be 409|status matches the model|successes must equal/],
    ['validate-ignores-customer', /as another customer must be 404/],
    ['racy-validate', /successes must equal the uses available/],
    ['lenient-auth', /unknown key is a 401/],
  ])(
    'catches the %s defect with a shrunk counterexample',
    async (defect, why) => {
      const bad = await inProcessTarget('zupy', { defects: [defect] });
      try {
        const out = await fc.check(zupyProperty(bad), { numRuns: 300, seed: 7 });
        expect(out.failed).toBe(true);
        const report = fc.defaultReportMessage(out) ?? '';
        expect(String(out.errorInstance)).toMatch(why);
        expect(report).toMatch(/Counterexample/);
        expect(report).toMatch(/seed/);
      } finally {
        await bad.close();
      }
    },
    120_000,
  );
});
