/** `coupon-kit verify`: replay the consumer pacts against a running provider (ours or a vendor's sandbox). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PUBLISHED_PACT_DIR } from '../contracts/index.ts';
import { runVerify, VERIFY_EXIT } from '../contracts/provider/run.ts';
import { API_NAMES, type ApiName } from '../specs/index.ts';
import { rerunWithoutAnsi } from './color.ts';
import { writeJUnit } from './junit.ts';

export interface VerifyCliOptions {
  api: ApiName;
  providerUrl: string;
  pacts: string;
  statesUrl?: string;
  /** `--no-reset` sets this false. */
  reset: boolean;
  controlToken?: string;
  fixtures?: string;
  apiKey?: string;
  token?: string;
  junit?: string;
}

const HELP = `
Provider states, one of three ways:
  (default)            coupon-kit's control API: POST <provider-url>/__control/reset before each
                       interaction, each state to POST <provider-url>/__control/provider-states
  --states-url URL     the provider's own state-setup endpoint (Pact's {state, params, action} body;
                       it returns the values the pacts read with fromProviderState, e.g. apiKey, code)
  --fixtures FILE      no state endpoint at all (a vendor sandbox): each state is set up through the
                       provider's public API from the same fixture file as \`coupon-kit check --fixtures\`
                       (see \`coupon-kit check --help\`): an active coupon is found or redeemed, a used
                       one found or made by a validate / PATCH, customers, rewards and clients come from
                       the file. Zupy OTP sessions need "otp": {"code": "123456", "identifiers":
                       {"<customer_id>": "+55…"}} in the file (a sandbox's fixed test code).

Each interaction ends one of three ways:
  verified         the provider answered as the pact says
  failed           it did not (each mismatch is printed, and named in JUnit)
  not verifiable   its state cannot be set up on this provider (e.g. no expired coupon on a sandbox,
                   an OTP code that only arrives by WhatsApp); the reason is printed; its request is
                   never sent, and it never counts as passed (JUnit: skipped)
Summary: "N verified, M failed, K not verifiable".

Exit codes:
  ${VERIFY_EXIT.ok}  at least one interaction verified and none failed
  ${VERIFY_EXIT.failed}  an interaction failed (or a usage error)
  ${VERIFY_EXIT.notJudged}  nothing could be judged: provider unreachable, state set-up broken (e.g. the state
     endpoint answers 404), bad fixture file or credentials, or 0 interactions verified

Examples:
  coupon-kit verify --api zupy --provider-url http://127.0.0.1:4010
  coupon-kit verify --api zupy --provider-url https://sandbox.example --fixtures zupy-sandbox.json --api-key "$ZUPY_KEY"
  coupon-kit verify --api b2s --provider-url https://staging.example --states-url https://staging.example/pact/states --no-reset`;

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("Verify the consumer pacts against a running provider (ours or a vendor's sandbox).")
    .addOption(new Option('--api <api>', 'which API').choices([...API_NAMES]).makeOptionMandatory())
    .requiredOption('--provider-url <url>', 'base URL of the provider')
    .option('--pacts <dir>', 'folder with the pact files (default: the ones shipped with coupon-kit)', PUBLISHED_PACT_DIR)
    .option(
      '--states-url <url>',
      'provider-state set-up endpoint taking {state, params, action} (default: <provider-url>/__control/provider-states)',
    )
    .option(
      '--no-reset',
      'do not POST <provider-url>/__control/reset before each interaction (for providers without a coupon-kit control API)',
    )
    .option('--control-token <token>', "the provider's --control-token")
    .option(
      '--fixtures <file>',
      'no state endpoint: set states up through the public API, from this fixture file (the format of check --fixtures)',
    )
    .option('--api-key <key>', 'Zupy, with --fixtures: the key of the company under test (overrides api_key in the file)')
    .option('--token <token>', 'B2S, with --fixtures: the Bearer token (overrides token in the file)')
    .option('--junit <file>', 'write a JUnit XML report (one test case per interaction)')
    .addHelpText('after', HELP)
    .action(async (o: VerifyCliOptions) => {
      if (o.apiKey !== undefined && o.api !== 'zupy') throw new Error('--api-key is for --api zupy (B2S takes --token)');
      if (o.token !== undefined && o.api !== 'b2s') throw new Error('--token is for --api b2s (Zupy takes --api-key)');
      if (o.fixtures === undefined && (o.apiKey !== undefined || o.token !== undefined))
        throw new Error('--api-key and --token go with --fixtures (otherwise the state endpoint returns the credentials)');
      if (o.fixtures !== undefined && (o.statesUrl !== undefined || o.controlToken !== undefined || !o.reset)) {
        throw new Error('--fixtures sets states up through the public API: it takes no --states-url, --control-token or --no-reset');
      }
      // Pact's report is coloured whatever NO_COLOR says: in a pipe or CI, run through a filter.
      const code = await rerunWithoutAnsi();
      if (code !== undefined) {
        process.exitCode = code;
        return;
      }
      const r = await runVerify({
        api: o.api,
        providerUrl: o.providerUrl,
        pactsDir: o.pacts,
        states:
          o.fixtures !== undefined
            ? {
                kind: 'public-api',
                fixtures: o.fixtures,
                ...(o.apiKey === undefined ? {} : { apiKey: o.apiKey }),
                ...(o.token === undefined ? {} : { token: o.token }),
              }
            : {
                kind: 'endpoint',
                reset: o.reset,
                ...(o.statesUrl === undefined ? {} : { statesUrl: o.statesUrl }),
                ...(o.controlToken ? { controlToken: o.controlToken } : {}),
              },
      });
      if (r.error) console.error(r.error);
      if (o.junit && !r.error) writeJUnit(o.junit, r.suite, r.cases);
      for (const line of r.lines) console.log(line);
      process.exitCode = r.exitCode;
    });
}
