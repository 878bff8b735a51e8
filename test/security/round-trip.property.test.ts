/**
 * Whatever the simulator creates itself (OTP customers, redeemed and validated coupons, PATCHed
 * coupons, provider-state data) is valid fixture data: with random API calls and control calls
 * interleaved, no answer is a 5xx, and after every step GET /__control/fixtures seeds back with
 * POST /__control/seed?mode=replace and reads back byte-identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, loadModule } from '../../mocks/index.ts';
import { buildSimulator, type Simulator } from '../../mocks/simulator/app.ts';
import type { ProviderModule } from '../../mocks/simulator/types.ts';
import { call } from './inject.ts';
import { b2sSteps, run, ZUPY_KEYS, zupySteps, type Fixtures } from './round-trip-steps.ts';

describe.each([
  ['zupy', zupySteps],
  ['b2s', b2sSteps],
] as const)('%s: random API and control calls', (api, steps) => {
  it('never answer a 5xx, and the fixtures always round-trip', async () => {
    const [sim, scratch] = await Promise.all([createSimulator({ api }), createSimulator({ api })]);
    const created = { count: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(steps(), { minLength: 1, maxLength: 25 }), async (list) => {
          const problem = await run(sim, scratch, list, created);
          if (problem) throw new Error(problem);
        }),
        { numRuns: 60, seed: 20261203 },
      );
    } finally {
      await Promise.all([sim.app.close(), scratch.app.close()]);
    }
    // The runs did create data of the simulator's own making (not only demo data).
    expect(created.count).toBeGreaterThan(20);
  }, 120_000);
});

describe('negative control', () => {
  it('a fixture check that refuses the nameless customers OTP creates is caught by the round trip', async () => {
    const real = await loadModule('zupy');
    const strict: ProviderModule = {
      ...real,
      create: (ctx, f) => {
        const p = real.create(ctx, f);
        const check = p.checkFixtures.bind(p);
        return {
          ...p,
          checkFixtures: (input) => [
            ...check(input),
            ...((input as Fixtures).customers ?? [])
              .filter((c) => c.full_name === '')
              .map(() => 'full_name must NOT have fewer than 1 characters'),
          ],
        };
      },
    };
    const [sim, scratch] = await Promise.all([buildSimulator(strict), buildSimulator(strict)]);
    try {
      const otp = (path: string, body: unknown) => ({
        name: path,
        run: (s: Simulator) => call(s, 'POST', path, body, { 'x-api-key': ZUPY_KEYS[1] as string }),
      });
      const problem = await run(sim, scratch, [
        otp('/api/v2/auth/request-otp/', { identifier: '+5511912345678' }),
        otp('/api/v2/auth/verify-otp/', { identifier: '+5511912345678', otp_code: '123456' }),
      ]);
      expect(problem).toMatch(/after step 1 .*does not seed back: 400/);
    } finally {
      await Promise.all([sim.app.close(), scratch.app.close()]);
    }
  });
});
