/** The `coupon-kit` command: parses flags and calls the modules; it holds no logic of its own. */
import { Command } from 'commander';
import { registerCheck } from './check.ts';
import { applyColourPolicy } from './color.ts';
import { registerLint } from './lint.ts';
import { registerMock } from './mock.ts';
import { registerPacts } from './pacts.ts';
import { registerRace } from './race.ts';
import { registerCrosscheck } from './crosscheck.ts';
import { registerVerify } from './verify.ts';

// Before any command runs: Pact's core and child processes read NO_COLOR when they start.
applyColourPolicy();

const program = new Command()
  .name('coupon-kit')
  .description('Contract tests and mock servers for coupon APIs (Zupy Partner API v2, Experiência B2S / Falaê).')
  .version('0.1.0')
  .showHelpAfterError();

registerLint(program);
registerMock(program);
registerRace(program);
registerCheck(program);
registerVerify(program);
registerCrosscheck(program);
registerPacts(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as Error;
  console.error(`coupon-kit: ${e.message}`);
  process.exitCode = 1;
}
