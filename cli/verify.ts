import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { fileURLToPath } from 'node:url';
import { API_NAMES, type ApiName } from '../specs/index.ts';
import { writeJUnit } from './junit.ts';

// Pact and the comparator are loaded only by the commands that use them (they are heavy: a native core).
const contracts = () => import('../contracts/index.ts');
const PACT_DIR = fileURLToPath(new URL('../contracts/pacts', import.meta.url));

export interface VerifyCliOptions {
  api: ApiName;
  providerUrl: string;
  pacts: string;
  statesUrl?: string;
  reset: boolean;
  controlToken?: string;
  junit?: string;
}

export interface CrosscheckCliOptions {
  api?: ApiName;
  pacts: string;
  junit?: string;
}

function pactFile(dir: string, api: ApiName, pactFileName: (api: ApiName) => string): string {
  const file = join(dir, pactFileName(api));
  if (!existsSync(file)) throw new Error(`no pact at ${file}: run \`npm run pacts\` (the consumer contract tests) first`);
  return file;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("Verify the consumer pacts against a running provider (ours or a vendor's sandbox).")
    .addOption(new Option('--api <api>', 'which API').choices([...API_NAMES]).makeOptionMandatory())
    .requiredOption('--provider-url <url>', 'base URL of the provider')
    .option('--pacts <dir>', 'folder with the pact files', PACT_DIR)
    .option('--states-url <url>', 'provider-state set-up endpoint (default: <provider-url>/__control/provider-states)')
    .option('--no-reset', 'do not call <provider-url>/__control/reset before each interaction')
    .option('--control-token <token>', "the provider's --control-token")
    .option('--junit <file>', 'write a JUnit XML report')
    .action(async (o: VerifyCliOptions) => {
      const started = performance.now();
      const url = o.providerUrl.replace(/\/$/, '');
      const { PARTIES, pactFileName } = await contracts();
      const { verifyPacts } = await import('../contracts/provider/verify.ts');
      const r = await verifyPacts({
        providerUrl: url, pactFiles: [pactFile(o.pacts, o.api, pactFileName)], provider: PARTIES[o.api].provider,
        ...(o.statesUrl ? { statesUrl: o.statesUrl } : {}), resetUrl: o.reset ? `${url}/__control/reset` : null, ...(o.controlToken ? { controlToken: o.controlToken } : {}),
      });
      if (o.junit) writeJUnit(o.junit, `coupon-kit verify ${o.api}`, [{ classname: `verify.${o.api}`, name: `${PARTIES[o.api].consumer} → ${PARTIES[o.api].provider}`, seconds: (performance.now() - started) / 1000, ...(r.ok ? {} : { failure: r.output }) }]);
      console.log(r.ok ? `ok   ${o.api}: every interaction verified against ${url}` : `FAIL ${o.api}: verification against ${url} failed (the failing interactions are listed above)`);
      if (!r.ok) process.exitCode = 1;
    });
}

export function registerCrosscheck(program: Command): void {
  program
    .command('crosscheck')
    .description('Check the pacts against the OpenAPI specs (@pactflow/openapi-pact-comparator).')
    .addOption(new Option('--api <api>', 'one API (default: both)').choices([...API_NAMES]))
    .option('--pacts <dir>', 'folder with the pact files', PACT_DIR)
    .option('--junit <file>', 'write a JUnit XML report')
    .action(async (o: CrosscheckCliOptions) => {
      const apis = o.api ? [o.api] : [...API_NAMES];
      const { pactFileName } = await contracts();
      const { crosscheck } = await import('../contracts/crosscheck/crosscheck.ts');
      const cases = [];
      let errors = 0;
      for (const api of apis) {
        const started = performance.now();
        const findings = await crosscheck(api, pactFile(o.pacts, api, pactFileName));
        const bad = findings.filter((f) => f.type === 'error');
        errors += bad.length;
        for (const f of findings) console.log(`  ${f.type.padEnd(7)} ${f.code}  ${f.interaction ?? ''}  ${f.message}`);
        console.log(`${bad.length ? 'FAIL' : 'ok  '} ${api}: ${bad.length} error(s), ${findings.length - bad.length} warning(s) against specs/${api}.openapi.yaml`);
        cases.push({ classname: `crosscheck.${api}`, name: pactFileName(api), seconds: (performance.now() - started) / 1000, ...(bad.length ? { failure: bad.map((f) => `${f.code}: ${f.message}`).join('\n') } : {}) });
      }
      if (o.junit) writeJUnit(o.junit, 'coupon-kit crosscheck', cases);
      if (errors) process.exitCode = 1;
    });
}
