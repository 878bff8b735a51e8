/** `coupon-kit verify`: replay the consumer pacts against a running provider (ours or a vendor's sandbox). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PUBLISHED_PACT_DIR, PARTIES, pactFileIn } from '../contracts/index.ts';
import { API_NAMES, type ApiName } from '../specs/index.ts';
import { rerunWithoutAnsi } from './color.ts';
import { writeJUnit, type JUnitCase } from './junit.ts';

// Until cli/main.ts imports it from ./crosscheck.ts.

export interface VerifyCliOptions {
  api: ApiName;
  providerUrl: string;
  pacts: string;
  statesUrl?: string;
  /** `--no-reset` sets this false. */
  reset: boolean;
  controlToken?: string;
  junit?: string;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("Verify the consumer pacts against a running provider (ours or a vendor's sandbox).")
    .addOption(new Option('--api <api>', 'which API').choices([...API_NAMES]).makeOptionMandatory())
    .requiredOption('--provider-url <url>', 'base URL of the provider')
    .option('--pacts <dir>', 'folder with the pact files (default: the ones shipped with coupon-kit)', PUBLISHED_PACT_DIR)
    .option('--states-url <url>', 'provider-state set-up endpoint taking {state, params, action} (default: <provider-url>/__control/provider-states)')
    .option('--no-reset', 'do not POST <provider-url>/__control/reset before each interaction (for providers without a coupon-kit control API)')
    .option('--control-token <token>', "the provider's --control-token")
    .option('--junit <file>', 'write a JUnit XML report (one test case per interaction)')
    .action(async (o: VerifyCliOptions) => {
      // Pact's report is coloured whatever NO_COLOR says: in a pipe or CI, run through a filter.
      const code = await rerunWithoutAnsi();
      if (code !== undefined) {
        process.exitCode = code;
        return;
      }
      const url = o.providerUrl.replace(/\/$/, '');
      const { consumer, provider } = PARTIES[o.api];
      const pactFile = pactFileIn(o.pacts, o.api);
      // Pact (a native core) loads only for this command.
      const { verifyPacts } = await import('../contracts/provider/verify.ts');
      const r = await verifyPacts({
        providerUrl: url, pactFiles: [pactFile], provider, resetUrl: o.reset ? `${url}/__control/reset` : null,
        ...(o.statesUrl ? { statesUrl: o.statesUrl } : {}), ...(o.controlToken ? { controlToken: o.controlToken } : {}),
      });
      const failed = r.interactions.filter((i) => !i.ok);
      if (o.junit) {
        const classname = `verify.${o.api}.${consumer}`;
        const cases: JUnitCase[] = r.interactions.map((i) => ({ classname, name: i.description, seconds: i.seconds, ...(i.ok ? {} : { failure: i.mismatches.join('\n') }) }));
        if (r.error) cases.push({ classname, name: 'verification run', seconds: 0, failure: r.error });
        writeJUnit(o.junit, `coupon-kit verify ${o.api}: ${consumer} → ${provider}`, cases);
      }
      if (r.error) console.log(`FAIL ${o.api}: the verification could not run against ${url}: ${r.error}`);
      for (const i of failed) console.log(`FAIL ${o.api}: ${i.description}\n${i.mismatches.map((m) => `       ${m}`).join('\n')}`);
      console.log(r.ok
        ? `ok   ${o.api}: all ${r.interactions.length} interactions verified against ${url}`
        : `FAIL ${o.api}: ${failed.length} of ${r.interactions.length} interactions failed against ${url}`);
      if (!r.ok) process.exitCode = 1;
    });
}
