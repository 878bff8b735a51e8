// Lint: typed rules on every TypeScript file. `no-floating-promises` and `no-misused-promises`
// are errors: an unawaited promise is exactly the bug class a race-safety toolkit must not have.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'specs/generated/**', 'contracts/pacts/**', 'reports/**', 'bench/results/**', '.tools/**', '.stryker-tmp/**', 'bin/**', 'dist/**', 'scripts/**/*.mjs', '.scratch/**'] },
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
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/mocks/simulator/**', '**/mocks/simulator'],
          message: 'Oracles are independent: restate the rule as a literal from api-model.md instead of importing the simulator.',
        }],
      }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
