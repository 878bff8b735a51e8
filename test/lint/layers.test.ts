/**
 * The layer order of eslint.config.js (specs → clients → mocks → contracts / property-tests / load →
 * cli): the tree keeps it, and the rule reports an import from a lower layer to a higher one (the
 * negative control). Linted without type information, so it takes seconds, not a full typed run.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [{ ...tseslint.configs.disableTypeChecked }] });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer order', () => {
  it('the tree keeps it: no layer folder imports a later one', async () => {
    const results = await eslint.lintFiles(['specs', 'clients', 'mocks', 'contracts', 'property-tests', 'load', 'cli']);
    const leaks = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  }, 120_000);

  it.each([
    ['specs/upward.ts', "import { startMock } from '../mocks/index.ts';\nexport const s = startMock;", 'specs/ must not import mocks/'],
    [
      'clients/upward.ts',
      "import type { CheckOptions } from '../cli/check.ts';\nexport type C = CheckOptions;",
      'clients/ must not import cli/',
    ],
    [
      'mocks/simulator/zupy/upward.ts',
      "export { runCheck } from '../../../property-tests/run.ts';",
      'mocks/ must not import property-tests/',
    ],
    ['load/lib/upward.ts', "import { runCli } from '../../test/helpers.ts';\nexport const r = runCli;", 'load/ must not import test/'],
    [
      'contracts/upward.ts',
      "import { registerVerify } from '../cli/verify.ts';\nexport const r = registerVerify;",
      'contracts/ must not import cli/',
    ],
  ])('negative control: %s importing a later layer is reported', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it('an import down the order, or within one layer, is not reported', async () => {
    expect(await layerErrors('cli/down.ts', "import { ROOT } from '../specs/root.ts';\nexport const r = ROOT;")).toEqual([]);
    expect(
      await layerErrors('contracts/sibling.ts', "import { runCheck } from '../property-tests/run.ts';\nexport const r = runCheck;"),
    ).toEqual([]);
    expect(
      await layerErrors('test/anything.ts', "import { registerVerify } from '../cli/verify.ts';\nexport const r = registerVerify;"),
    ).toEqual([]);
  });
});
