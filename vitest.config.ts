import { disableDefaultColors } from 'tinyrainbow';
import { defineConfig } from 'vitest/config';
import { applyColourPolicy } from './cli/color.ts';

// No ANSI colour in a pipe, under CI or with NO_COLOR (vitest's own colours turn on when CI is set):
// the reporters' output and every test process, Pact's native core included, stay plain text.
// `npm test` also preloads scripts/plain-output.mjs, for the few marks vitest colours before this loads.
const plain = applyColourPolicy();
if (plain) disableDefaultColors();

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.tools/**', 'load/**', '.stryker-tmp/**', '.scratch/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    env: { PACT_DO_NOT_TRACK: 'true', ...(plain ? { NO_COLOR: '1' } : {}) },
  },
});
