import type { Command } from 'commander';
import { Option } from 'commander';
import type { CheckRunOptions } from '../property-tests/run.ts';
import { writeJUnit } from './junit.ts';
import { intOption } from './options.ts';

/** `coupon-kit check` flags: runCheck's options as typed, with times in the units of the flags. */
export interface CheckOptions extends Omit<CheckRunOptions, 'requestTimeoutMs' | 'timeLimitMs' | 'minLiveShare' | 'onProgress'> {
  junit?: string;
  /** ms */
  requestTimeout: number;
  /** s */
  timeLimit: number;
  /** percent */
  minLive: number;
}

const HELP = `
Two modes:
  without --fixtures  the target must offer coupon-kit's control API (/__control/: reset, fixtures,
                      clock, otp-policy), as \`coupon-kit mock\` does. Each sequence starts from a reset,
                      with OTP off and a frozen clock that the sequences move.
  with --fixtures     a target without a control API (e.g. a vendor sandbox); no /__control/ call is made.
                      The file gives credentials and ids only; before every sequence the live state
                      (coupon status, uses left, points; B2S used flags and expirations) is read through
                      the provider's own API. Nothing is reset (earlier sequences consume coupons), the
                      clock is not moved (the model follows the wall clock), and the company must not
                      require OTP: a 403 otp-required fails the run with a message saying so.

Two phases:
  lifecycle  --runs random command sequences checked against a model; global invariants (stats, the
             count of used coupons) are checked after every command.
  HTTP fuzz  --fuzz-runs requests built from the spec with malformed JSON, a wrong content type, an
             oversize body, missing or bad credentials: each answer must be declared, never a 5xx,
             match its schema; bad credentials must be a 401. It changes no state.
Zupy answers are read in either format of decision Z-1 (the {data, meta} envelope, or root objects
and DRF lists), detected from the target; the format seen is printed. The inferred points endpoint
may be missing (404): it is skipped with a note.

Power: at the end, how many validates / redeems / PATCHes changed state out of how many were tried,
and how many sequences changed anything. Below --min-live percent of sequences the run is dry (a
sandbox with nothing left to use): it is reported as inconclusive, with what to seed.

Exit codes:
  0  passed, with power
  1  a rule was broken: the shrunk counterexample and a replay line are printed
  2  the check could not run or finish: a bad option or fixture file, a setup problem, a target
     that stopped answering (--request-timeout), the time limit (--time-limit)
  3  inconclusive: the sandbox ran dry (see Power)

Replay: a failure prints a \`replay:\` line with the seed, the path, the commands' replay path and
every option that changes what is generated; run it as printed. Secrets given as --api-key or
--token appear as <key>/<token>: put them back.

Fixture file (JSON), --api zupy:
  { "api": "zupy",
    "api_key": "zupy_pk_…",           read-write key of the company under test (or --api-key)
    "other_api_key": "zupy_pk_…",     a key of another company
    "customer_ids": ["…"],            customers whose coupons and points the run may use (≥ 1)
    "reward_ids": ["…"],              rewards the run may redeem (may be [])
    "foreign_customer_id": "…" }      a customer of the other company
Fixture file (JSON), --api b2s:
  { "api": "b2s",
    "token": "…",                     Bearer token; every coupon it lists may be PATCHed (or --token)
    "scoped_token": "…",              optional: a token scoped to one company …
    "scoped_company_id": "<uuid>",    … and that company's id (both or neither)
    "expiration_instant": "end_of_day_utc" }   optional (or start_of_day_utc), decision B-6

Examples:
  coupon-kit check --api zupy --target http://127.0.0.1:4010 --runs 500
  coupon-kit check --api zupy --target https://sandbox.example --fixtures zupy-sandbox.json --api-key "$ZUPY_KEY" --runs 50`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'Property-based conformance: random command sequences against a provider, checked against a lifecycle model, and spec-driven HTTP fuzzing.',
    )
    .addOption(new Option('--api <api>', 'which API').choices(['zupy', 'b2s']).makeOptionMandatory())
    .requiredOption('--target <url>', 'base URL of the provider (e.g. http://127.0.0.1:4010)')
    .option('--fixtures <file>', 'run without a control API, from this fixture file (format below)')
    .option('--api-key <key>', 'Zupy, with --fixtures: the key of the company under test (overrides api_key in the file)')
    .option('--token <token>', 'B2S, with --fixtures: the Bearer token (overrides token in the file)')
    .option('--runs <n>', 'number of lifecycle command sequences (0: none)', intOption('--runs', 0), 200)
    .option('--fuzz-runs <n>', 'number of HTTP fuzz requests (0: none)', intOption('--fuzz-runs', 0), 100)
    .option('--seed <n>', 'seed, to replay a failure', intOption('--seed', -(2 ** 31)))
    .option('--path <path>', 'replay path printed with a failure (with --seed)')
    .option('--replay-path <rp>', "the commands' replay path printed with a lifecycle failure (with --path)")
    .option('--request-timeout <ms>', 'deadline of every request, body included', intOption('--request-timeout', 1), 10_000)
    .option('--time-limit <s>', 'time limit of each phase; when it runs out the check stops (exit 2)', intOption('--time-limit', 1), 600)
    .option(
      '--min-live <percent>',
      'the share of sequences that must change state, below which the run is dry (exit 3)',
      intOption('--min-live', 0),
      50,
    )
    .option('--control-token <token>', "the target's --control-token (without --fixtures)")
    .option('--junit <file>', 'write a JUnit XML report')
    .addHelpText('after', HELP)
    // A bad or missing option is exit 2 ("could not run"), never 1, which means a broken rule.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (opts: CheckOptions) => {
      const refuse = (message: string) => {
        console.error(`coupon-kit: ${message}`);
        process.exitCode = 2;
      };
      // --api-key, --token and --control-token that cannot apply are refused by FLAG_RULES.check (cli/flags.ts).
      if (opts.replayPath !== undefined && opts.path === undefined)
        return refuse('--replay-path goes with --seed and --path (as printed on the replay line)');
      if (opts.minLive > 100) return refuse('--min-live is a percentage (0–100)');
      if (opts.runs === 0 && opts.fuzzRuns === 0) return refuse('--runs 0 and --fuzz-runs 0 leave nothing to check');
      // fast-check and the models load only for this command.
      const { runCheck } = await import('../property-tests/run.ts');
      const progress = { phase: 'lifecycle', done: 0, total: opts.runs };
      const tick = setInterval(() => process.stderr.write(`\r  ${progress.phase}: ${progress.done}/${progress.total}…`), 1000);
      tick.unref();
      try {
        const { junit: _junit, requestTimeout, timeLimit, minLive, ...run } = opts;
        const result = await runCheck({
          ...run,
          requestTimeoutMs: requestTimeout,
          timeLimitMs: timeLimit * 1000,
          minLiveShare: minLive / 100,
          onProgress: (phase, done, total) => Object.assign(progress, { phase, done, total }),
        });
        process.stderr.write('\r');
        // A check that could not run says so on stderr; a verdict (pass, fail, dry) goes to stdout.
        for (const line of result.lines) (result.exitCode === 2 ? console.error : console.log)(line);
        if (opts.junit)
          writeJUnit(
            opts.junit,
            `coupon-kit check ${opts.api}`,
            result.cases.map((c) => ({ classname: `check.${opts.api}`, ...c })),
          );
        process.exitCode = result.exitCode;
      } finally {
        clearInterval(tick);
      }
    });
}
