import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** The in-process suites only (no child processes, no k6): what Stryker runs against each mutant. */
export default mergeConfig(base, defineConfig({
  test: {
    include: ['test/zupy/*.test.ts', 'test/b2s/*.test.ts', 'test/property/*.property.test.ts', 'test/property/scheduler.test.ts', 'test/property/fuzz.test.ts', 'test/mock/control.test.ts'],
    exclude: ['test/zupy/conformance.test.ts'],
    reporters: ['default'],
    env: { PACT_DO_NOT_TRACK: 'true', PROPERTY_RUNS: '40' },
  },
}));
