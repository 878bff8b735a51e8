/** `coupon-kit lint`: Spectral with the project ruleset, then the AJV check of every example. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkExamples } from './examples.ts';
import { loadSpecFile } from './index.ts';
import { ROOT } from './root.ts';

const require = createRequire(import.meta.url);
export const RULESET = join(ROOT, 'specs', 'lint', 'ruleset.yaml');

function spectralBin(): string {
  const pkg = require.resolve('@stoplight/spectral-cli/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

export interface LintResult {
  file: string;
  ok: boolean;
  spectralOutput: string;
  examplesChecked: number;
  exampleFailures: { at: string; message: string }[];
}

export function lintSpec(file: string): LintResult {
  const run = spawnSync(
    process.execPath,
    [spectralBin(), 'lint', file, '--ruleset', RULESET, '--fail-severity', 'error', '--format', 'stylish'],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  const spectralOutput = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  const { checked, failures } = checkExamples(loadSpecFile(file));
  return { file, ok: run.status === 0 && failures.length === 0, spectralOutput, examplesChecked: checked, exampleFailures: failures };
}
