/** `coupon-kit crosscheck`: check the pacts against the OpenAPI specs (@pactflow/openapi-pact-comparator). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PUBLISHED_PACT_DIR, pactFileIn } from '../contracts/index.ts';
import { API_NAMES, type ApiName } from '../specs/index.ts';
import { writeJUnit, type JUnitCase } from './junit.ts';

export interface CrosscheckCliOptions {
  /** One API; both when absent. */
  api?: ApiName;
  pacts: string;
  junit?: string;
}

export function registerCrosscheck(program: Command): void {
  program
    .command('crosscheck')
    .description('Check the pacts against the OpenAPI specs (@pactflow/openapi-pact-comparator): errors fail, warnings are printed.')
    .addOption(new Option('--api <api>', 'one API (default: both)').choices([...API_NAMES]))
    .option('--pacts <dir>', 'folder with the pact files (default: the ones shipped with coupon-kit)', PUBLISHED_PACT_DIR)
    .option('--junit <file>', 'write a JUnit XML report (one test case per interaction)')
    .action(async (o: CrosscheckCliOptions) => {
      const { crosscheck, byInteraction } = await import('../contracts/crosscheck/crosscheck.ts');
      const cases: JUnitCase[] = [];
      let errors = 0;
      for (const api of o.api ? [o.api] : [...API_NAMES]) {
        const file = pactFileIn(o.pacts, api);
        const findings = await crosscheck(api, file);
        for (const c of byInteraction(file, findings)) {
          errors += c.errors.length;
          for (const f of [...c.errors, ...c.warnings])
            console.log(`  ${f.type.padEnd(7)} ${f.code}  ${c.interaction || '(pact)'}  ${f.location ?? ''}\n          ${f.message}`);
          const failure = c.errors.map((f) => `${f.code} at ${f.location ?? '?'}: ${f.message}`).join('\n');
          cases.push({ classname: `crosscheck.${api}`, name: c.interaction || '(pact)', seconds: 0, ...(failure ? { failure } : {}) });
        }
        const bad = findings.filter((f) => f.type === 'error').length;
        console.log(
          `${bad ? 'FAIL' : 'ok  '} ${api}: ${bad} error(s), ${findings.length - bad} warning(s) in ${file} against specs/${api}.openapi.yaml`,
        );
      }
      if (o.junit) writeJUnit(o.junit, 'coupon-kit crosscheck', cases);
      if (errors) process.exitCode = 1;
    });
}
