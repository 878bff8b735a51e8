import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * What Stryker runs against each mutant of the simulators' domain and store modules: the in-process
 * black-box suites (HTTP through Fastify inject, no child processes, no k6) and the domain, store and
 * index unit tests beside their modules. Written out rather than merged with the base config, whose
 * include list would otherwise be concatenated with this one and bring every suite in.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'mocks/simulator/**/*.test.ts',
      'test/zupy/*.test.ts',
      'test/b2s/*.test.ts',
      'test/property/*.property.test.ts',
      'test/property/scheduler.test.ts',
      'test/property/fuzz.test.ts',
      'test/property/model-rules.test.ts',
      'test/mock/control.test.ts',
    ],
    exclude: [...(base.test?.exclude ?? []), 'test/zupy/conformance.test.ts'],
    reporters: ['default'],
    env: { PACT_DO_NOT_TRACK: 'true', PROPERTY_RUNS: '40' },
  },
});
