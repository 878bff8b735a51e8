import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatVerdict, RACE_EXIT } from '../load/lib/verdict.ts';
import { ensureK6 } from '../load/node/k6.ts';
import { durationOption, intOption } from './options.ts';
import { planRace, RACES, runPlannedRace, type RaceFlags } from '../load/node/race.ts';

/** `coupon-kit race` flags, in one place (load/node/race.ts plans the run from them). */
export type RaceOptions = RaceFlags;

const url = (v: string) => {
  try {
    return new URL(v).toString().replace(/\/+$/, '');
  } catch {
    throw new InvalidArgumentError(`not a URL: ${v}`);
  }
};

/** The RACE_COUPONS JSON from a file, checked to be a non-empty array. */
function readRaceCoupons(file: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InvalidArgumentError(`--race-coupons ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new InvalidArgumentError(`--race-coupons ${file}: expected a non-empty JSON array of coupons`);
  return JSON.stringify(parsed);
}

const HELP = `
Outcomes and exit codes (judged from the provider's final state and the successes observed):
  0   safe          every coupon raced to its last use; per coupon, successes == uses consumed <= uses
  99  double spend  some coupon granted more uses than it has: more successes than uses, more
                    successes than the final state consumed (a lost update), or a final state with
                    more uses consumed than the coupon has. Prints each such coupon (wins vs uses)
  98  inconclusive  no double spend seen, but the run cannot vouch for safety: timeouts, connection
                    errors, 5xx or unclassified answers, 429s during the race (counted as refusals),
                    a final state that could not be read (429s are retried honouring Retry-After
                    within --read-budget), or coupons nobody raced to their last use. Says how many
                    and why
  2   setup error   no race ran: target unreachable, no control API and no credentials, coupons not fresh
Latency is reported (p95, max), never part of the verdict: a slow but safe provider is safe.

Where coupons and credentials come from:
  coupon-kit's simulator: a target whose GET /__control/fixtures answers with the simulator's
    fixtures; the race seeds its own coupons there. A target answering anything else there is
    treated as a provider of its own.
  any other provider, from the environment:
    Zupy: ZUPY_API_KEY + ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID (setup redeems the coupons; the reward's
          uses must equal --uses), or ZUPY_API_KEY + RACE_COUPONS='[{"customer_id","code"}]'
          (or --race-coupons FILE); ZUPY_OTP_SESSION when the company requires OTP
    B2S:  B2S_TOKEN + RACE_COUPONS='[{"id","code","module"}]' (or --race-coupons FILE); B2S has no
          endpoint that creates coupons

--parallel N runs the race as N k6 processes on complementary execution segments (as k6-operator
splits a TestRun over N pods): the coupons are prepared once, every runner fires at the same instant,
runner 1 reads the final state, and the verdict sums every runner's successes per coupon (a double
spend whose winners ran on different runners is caught; the table says which runner won what).

Examples:
  coupon-kit mock zupy --defect racy-use &   # a known-bad provider → exit 99
  coupon-kit race --api zupy --target http://127.0.0.1:4010 --vus 20 --coupons 10 --uses 3 --duration 5s
  coupon-kit race --api zupy --target http://127.0.0.1:4010 --parallel 2
  ZUPY_API_KEY=… ZUPY_CUSTOMER_ID=… ZUPY_REWARD_ID=… coupon-kit race --api zupy --target https://sandbox.example --uses 1
  B2S_TOKEN=… coupon-kit race --api b2s --target https://sandbox.example --race-coupons unused-coupons.json`;

export function registerRace(program: Command): void {
  program
    .command('race')
    .description(
      'Race concurrent validates (Zupy) or PATCHes (B2S) on the same coupons with k6; verdict safe (0), double spend (99) or inconclusive (98).',
    )
    .addOption(new Option('--api <api>', 'which provider API').choices(['zupy', 'b2s']).makeOptionMandatory())
    .requiredOption('--target <url>', 'base URL of the provider (the simulator, or a sandbox with credentials in the environment)', url)
    .option('--vus <n>', 'contenders per coupon (k6 virtual users, over all runners)', intOption('--vus', 2, 500), 20)
    .option('--coupons <n>', 'coupons per group (one group per wave)', intOption('--coupons', 1, 200), 10)
    .option('--uses <k>', 'Zupy: uses per coupon (B2S coupons have one)', intOption('--uses', 1, 1000), 3)
    .option('--duration <d>', 'how long to keep firing waves (one coupon group per wave)', durationOption, 5)
    .option('--wave-ms <ms>', 'time between two waves', intOption('--wave-ms', 50, 60_000), 500)
    .option('--parallel <n>', 'k6 processes on complementary execution segments, judged once', intOption('--parallel', 1, 16), 1)
    .option('--race-coupons <file>', 'the coupons to race on (RACE_COUPONS format, see below), for a provider without a control API')
    .option('--read-budget <d>', 'how long the final-state read may wait out 429s (Retry-After)', durationOption, 90)
    .option(
      '--request-timeout <ms>',
      'a race request without an answer by then counts as a timeout',
      intOption('--request-timeout', 100, 600_000),
      10_000,
    )
    .option('--report <dir>', 'folder for the summary JSON, JUnit XML (and HTML with --html)', 'reports/load')
    .option('--html', "also export k6's web-dashboard HTML report", false)
    .addHelpText('after', HELP)
    .action(async (opts: RaceOptions, command: Command) => {
      if (opts.api === 'b2s' && command.getOptionValueSource('uses') === 'cli')
        throw new InvalidArgumentError('--uses is for Zupy: a B2S coupon has exactly one use');
      const uses = opts.api === 'zupy' ? opts.uses : 1;
      if (opts.vus <= uses) throw new InvalidArgumentError('--vus must exceed the uses per coupon, or nothing races for the last use');
      if (opts.parallel > opts.vus)
        throw new InvalidArgumentError('--parallel must not exceed --vus: every runner needs at least one contender');
      const raceCoupons = opts.raceCoupons === undefined ? undefined : readRaceCoupons(opts.raceCoupons);
      const k6 = await ensureK6((line) => console.error(line));
      const { groups, options } = planRace({ ...opts, ...(raceCoupons === undefined ? {} : { raceCoupons }) }, k6);
      const runners = opts.parallel > 1 ? `, ${opts.parallel} runners` : '';
      console.log(
        `race: ${opts.api} at ${opts.target}: ${groups} group(s) × ${opts.coupons} coupon(s), ${opts.vus} contenders each, ${uses} use(s) per coupon${runners}`,
      );
      const result = await runPlannedRace(options, opts.parallel);
      if (result.verdict) console.log(`\n${formatVerdict(result.verdict, RACES[opts.api].refusalLabel)}`);
      else console.error(`SETUP ERROR (exit ${RACE_EXIT.setup}): no race ran:\n${result.setupError ?? ''}`);
      const seconds = result.runs.reduce((s, r) => Math.max(s, r.seconds), 0);
      console.log(
        `\nreports: ${opts.report}${opts.parallel > 1 ? '/runner-<n>' : ''}/${RACES[opts.api].script}.{summary.json,junit.xml${opts.html ? ',html' : ''}}  (${seconds.toFixed(1)} s)`,
      );
      process.exitCode = result.exitCode;
    });
}
