import type { Command } from 'commander';
import type { IAsyncPropertyWithHooks, RunDetails } from 'fast-check';
import { InvalidArgumentError, Option } from 'commander';
import type { ApiName } from '../specs/index.ts';
import { writeJUnit } from './junit.ts';

export interface CheckOptions {
  api: ApiName;
  target: string;
  runs: number;
  seed?: number;
  path?: string;
  controlToken?: string;
  fixtures?: string;
  apiKey?: string;
  token?: string;
  junit?: string;
}

const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
  return n;
};

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

On failure it prints the shrunk command sequence, the seed and the path that replay it.

Examples:
  coupon-kit check --api zupy --target http://127.0.0.1:4010 --runs 500
  coupon-kit check --api zupy --target https://sandbox.example --fixtures zupy-sandbox.json --api-key "$ZUPY_KEY" --runs 50`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Property-based conformance: random command sequences against a provider, checked against a lifecycle model.')
    .addOption(new Option('--api <api>', 'which API').choices(['zupy', 'b2s']).makeOptionMandatory())
    .requiredOption('--target <url>', 'base URL of the provider (e.g. http://127.0.0.1:4010)')
    .option('--fixtures <file>', 'run without a control API, from this fixture file (format below)')
    .option('--api-key <key>', 'Zupy, with --fixtures: the key of the company under test (overrides api_key in the file)')
    .option('--token <token>', 'B2S, with --fixtures: the Bearer token (overrides token in the file)')
    .option('--runs <n>', 'number of command sequences', positive('--runs'), 200)
    .option('--seed <n>', 'seed, to replay a failure', (v) => Number.parseInt(v, 10))
    .option('--path <path>', 'replay path printed with a failure (with --seed)')
    .option('--control-token <token>', "the target's --control-token (without --fixtures)")
    .option('--junit <file>', 'write a JUnit XML report')
    .addHelpText('after', HELP)
    .action(async (opts: CheckOptions) => {
      if (opts.apiKey !== undefined && opts.api !== 'zupy') throw new Error('--api-key is for --api zupy (B2S takes --token)');
      if (opts.token !== undefined && opts.api !== 'b2s') throw new Error('--token is for --api b2s (Zupy takes --api-key)');
      if (opts.fixtures === undefined && (opts.apiKey !== undefined || opts.token !== undefined)) throw new Error('--api-key and --token go with --fixtures (with a control API the credentials come from GET /__control/fixtures)');
      if (opts.fixtures !== undefined && opts.controlToken !== undefined) throw new Error('--control-token is for targets with a control API; --fixtures makes no /__control/ call');
      // fast-check and the models load only for this command.
      const [{ default: fc }, zupy, b2s, { controlOf, urlTarget, sandboxTarget }, { loadFixtureFile }, { SetupError }] = await Promise.all([
        import('fast-check'), import('../property-tests/zupy.ts'), import('../property-tests/b2s.ts'), import('../property-tests/targets/target.ts'),
        import('../property-tests/targets/fixture-file.ts'), import('../property-tests/model/errors.ts'),
      ]);
      const url = opts.target.replace(/\/$/, '');
      const overrides = { ...(opts.apiKey === undefined ? {} : { apiKey: opts.apiKey }), ...(opts.token === undefined ? {} : { token: opts.token }) };
      let done = 0;
      const params = { numRuns: opts.runs, ...(opts.seed === undefined ? {} : { seed: opts.seed }), ...(opts.path === undefined ? {} : { path: opts.path }) };
      const checkProperty = async <T extends unknown[]>(p: IAsyncPropertyWithHooks<T>) => {
        const o = await fc.check(p.afterEach(() => void done++), params);
        return { out: o as RunDetails<unknown>, report: fc.defaultReportMessage(o) };
      };
      let run: () => ReturnType<typeof checkProperty>;
      if (opts.fixtures === undefined) {
        const target = urlTarget(opts.api, url, opts.controlToken);
        try {
          await controlOf(target).clock();
        } catch (err) {
          throw new Error(`${opts.target} has no reachable coupon-kit control API (${(err as Error).message}); for a target without one, give --fixtures FILE (see --help)`);
        }
        run = () => (opts.api === 'zupy' ? checkProperty(zupy.zupyProperty(target)) : checkProperty(b2s.b2sProperty(target)));
      } else if (opts.api === 'zupy') {
        const target = sandboxTarget(opts.api, url);
        const f = loadFixtureFile(opts.fixtures, 'zupy', overrides);
        await zupy.zupySandboxPreflight(target, f);
        run = () => checkProperty(zupy.zupySandboxProperty(target, f));
      } else {
        const target = sandboxTarget(opts.api, url);
        const f = loadFixtureFile(opts.fixtures, 'b2s', overrides);
        await b2s.b2sSandboxPreflight(target, f);
        run = () => checkProperty(b2s.b2sSandboxProperty(target, f));
      }
      const started = performance.now();
      const tick = setInterval(() => process.stderr.write(`\r  ${done}/${opts.runs} sequences…`), 1000);
      const { out, report } = await run();
      clearInterval(tick);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write('\r');
      const setupProblem = out.failed && out.errorInstance instanceof SetupError ? out.errorInstance : undefined;
      const failure = setupProblem ? `the run does not fit this target: ${setupProblem.message}` : out.failed ? `${String(out.errorInstance)}\n${report ?? ''}` : undefined;
      if (opts.junit) writeJUnit(opts.junit, `coupon-kit check ${opts.api}`, [{ classname: `check.${opts.api}`, name: `${opts.runs} lifecycle sequences`, seconds, ...(failure === undefined ? {} : { failure }) }]);
      const mode = opts.fixtures === undefined ? '' : `; no control API, live state read with ${opts.fixtures}`;
      if (setupProblem) {
        console.log(`FAIL ${opts.api} check could not run against ${opts.target}: ${setupProblem.message}`);
        process.exitCode = 1;
      } else if (out.failed) {
        console.log(`FAIL ${opts.api} conformance after ${out.numRuns} sequence(s)${mode}: ${String(out.errorInstance)}\n${report ?? ''}`);
        const credentials = `${opts.apiKey === undefined ? '' : ' --api-key <key>'}${opts.token === undefined ? '' : ' --token <token>'}`;
        const fixtures = opts.fixtures === undefined ? '' : ` --fixtures ${opts.fixtures}${credentials}`;
        console.log(`replay: coupon-kit check --api ${opts.api} --target ${opts.target}${fixtures} --seed ${out.seed} --path "${out.counterexamplePath ?? ''}"`);
        if (opts.fixtures !== undefined) console.log('        (the target was not reset: a replay runs the same commands against its state as it is now)');
        process.exitCode = 1;
      } else {
        console.log(`ok   ${opts.api} conformance: ${out.numRuns} sequences passed in ${seconds.toFixed(1)} s (seed ${out.seed}${mode})`);
      }
    });
}
