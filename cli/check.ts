import type { Command } from 'commander';
import type { RunDetails } from 'fast-check';
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
  junit?: string;
}

const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
  return n;
};

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Property-based conformance: random command sequences against a provider, checked against a lifecycle model.')
    .addOption(new Option('--api <api>', 'which API').choices(['zupy', 'b2s']).makeOptionMandatory())
    .requiredOption('--target <url>', 'base URL of a provider with a coupon-kit control API (e.g. http://127.0.0.1:4010)')
    .option('--runs <n>', 'number of command sequences', positive('--runs'), 200)
    .option('--seed <n>', 'seed, to replay a failure', (v) => Number.parseInt(v, 10))
    .option('--path <path>', 'replay path printed with a failure (with --seed)')
    .option('--control-token <token>', "the target's --control-token")
    .option('--junit <file>', 'write a JUnit XML report')
    .addHelpText('after', '\nThe target must offer the control API (/__control/: reset, fixtures, clock, otp-policy), as `coupon-kit mock` does.\nOn failure it prints the shrunk command sequence, the seed and the path that replay it.')
    .action(async (opts: CheckOptions) => {
      // fast-check and the models load only for this command.
      const [{ default: fc }, { zupyProperty }, { b2sProperty }, { controlOf, urlTarget }] = await Promise.all([
        import('fast-check'), import('../property-tests/zupy.ts'), import('../property-tests/b2s.ts'), import('../property-tests/targets/target.ts'),
      ]);
      const target = urlTarget(opts.api, opts.target.replace(/\/$/, ''), opts.controlToken);
      try {
        await controlOf(target).clock();
      } catch (err) {
        throw new Error(`${opts.target} has no reachable coupon-kit control API (${(err as Error).message})`);
      }
      let done = 0;
      const counted = <P extends { afterEach(hook: () => void): P }>(p: P) => p.afterEach(() => void done++);
      const started = performance.now();
      const tick = setInterval(() => process.stderr.write(`\r  ${done}/${opts.runs} sequences…`), 1000);
      const params = { numRuns: opts.runs, ...(opts.seed === undefined ? {} : { seed: opts.seed }), ...(opts.path === undefined ? {} : { path: opts.path }) };
      const run = async () => {
        if (opts.api === 'zupy') {
          const o = await fc.check(counted(zupyProperty(target)), params);
          return { out: o as RunDetails<unknown>, report: fc.defaultReportMessage(o) };
        }
        const o = await fc.check(counted(b2sProperty(target)), params);
        return { out: o as RunDetails<unknown>, report: fc.defaultReportMessage(o) };
      };
      const { out, report } = await run();
      clearInterval(tick);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write('\r');
      if (opts.junit) writeJUnit(opts.junit, `coupon-kit check ${opts.api}`, [{ classname: `check.${opts.api}`, name: `${opts.runs} lifecycle sequences`, seconds, ...(out.failed ? { failure: `${String(out.errorInstance)}\n${report ?? ''}` } : {}) }]);
      if (out.failed) {
        console.log(`FAIL ${opts.api} conformance after ${out.numRuns} sequence(s): ${String(out.errorInstance)}\n${report ?? ''}`);
        console.log(`replay: coupon-kit check --api ${opts.api} --target ${opts.target} --seed ${out.seed} --path "${out.counterexamplePath ?? ''}"`);
        process.exitCode = 1;
      } else {
        console.log(`ok   ${opts.api} conformance: ${out.numRuns} sequences passed in ${seconds.toFixed(1)} s (seed ${out.seed})`);
      }
    });
}
