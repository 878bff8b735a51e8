// Lint: typed rules on every TypeScript file. `no-floating-promises` and `no-misused-promises`
// are errors: an unawaited promise is exactly the bug class a race-safety toolkit must not have.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer order, written once: a folder may import its own layer and the layers before it, never
// one after it. Folders in one layer may import each other. bench/ and test/ may import anything;
// nothing imports them or scripts/ (build scripts, run by node on their own).
const LAYERS = [['specs'], ['clients'], ['mocks'], ['contracts', 'property-tests', 'load'], ['cli', 'ui']];
const OFF_LIMITS = ['bench', 'test', 'scripts'];
// Imports the order forbids that are still in the tree, each with what removes it.
const KNOWN_LEAKS = {};

/** `no-restricted-imports` for each layer folder: every folder of a later layer, and the off-limits ones. */
function layerRules() {
  const order = LAYERS.map((l) => l.join(' / ')).join(' → ');
  const rule = (folder, above) => [
    'error',
    {
      patterns: [...above, ...OFF_LIMITS].map((target) => ({
        group: [`**/${target}/**`, `**/${target}`],
        message: `Layer order ${order}: ${folder}/ must not import ${target}/ (${OFF_LIMITS.includes(target) ? 'nothing imports it' : 'a later layer'}).`,
      })),
    },
  ];
  const configs = LAYERS.flatMap((layer, i) => {
    const above = LAYERS.slice(i + 1).flat();
    return layer.map((folder) => ({ files: [`${folder}/**`], rules: { 'no-restricted-imports': rule(folder, above) } }));
  });
  for (const [file, allowed] of Object.entries(KNOWN_LEAKS)) {
    const folder = file.split('/')[0];
    const above = LAYERS.slice(LAYERS.findIndex((l) => l.includes(folder)) + 1)
      .flat()
      .filter((f) => !allowed.includes(f));
    configs.push({ files: [file], rules: { 'no-restricted-imports': rule(folder, above) } });
  }
  return configs;
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'specs/generated/**',
      'contracts/pacts/**',
      'reports/**',
      'bench/results/**',
      '.tools/**',
      '.stryker-tmp/**',
      'bin/**',
      'dist/**',
      'scripts/**/*.mjs',
      'bench/*.cjs',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Oracles are independent (DESIGN rule 9): what judges a provider restates the rules from
    // api-model.md and never imports the simulator's code to decide what is right.
    files: ['property-tests/**', 'contracts/**', 'load/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mocks/simulator/**', '**/mocks/simulator'],
              message: 'Oracles are independent: restate the rule as a literal from api-model.md instead of importing the simulator.',
            },
          ],
        },
      ],
    },
  },
  ...layerRules(),
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
