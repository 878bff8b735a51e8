import type { Command } from 'commander';
import { isSpecName, SPEC_NAMES, specPath } from '../specs/index.ts';

export interface LintOptions {
  /** Lint only this spec, a provider API's or the control API's (default: every spec). */
  api?: string;
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('Lint the OpenAPI specs (Spectral + project ruleset) and validate every example against its schema (AJV 2020-12).')
    .option('--api <name>', `one of ${SPEC_NAMES.join(', ')} (default: all)`)
    .argument('[files...]', 'spec files to lint instead of the built-in ones')
    .action(async (files: string[], opts: LintOptions) => {
      // Spectral and AJV load only for this command.
      const { lintSpec } = await import('../specs/lint.ts');
      if (opts.api && !isSpecName(opts.api)) throw new Error(`unknown --api '${opts.api}' (expected one of ${SPEC_NAMES.join(', ')})`);
      const targets = files.length > 0 ? files : (opts.api ? [opts.api] : [...SPEC_NAMES]).filter(isSpecName).map(specPath);
      let failed = 0;
      for (const file of targets) {
        const r = lintSpec(file);
        const mark = r.ok ? 'ok  ' : 'FAIL';
        console.log(`${mark} ${file}: ${r.examplesChecked} examples checked, ${r.exampleFailures.length} invalid`);
        if (r.spectralOutput && !/No results with a severity of 'error'/.test(r.spectralOutput)) console.log(r.spectralOutput);
        for (const f of r.exampleFailures) console.log(`  example ${f.at}: ${f.message}`);
        if (!r.ok) failed++;
      }
      if (failed > 0) {
        console.error(`coupon-kit lint: ${failed} of ${targets.length} spec(s) failed`);
        process.exitCode = 1;
      }
    });
}
