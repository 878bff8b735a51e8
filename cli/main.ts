/** The `coupon-kit` command: parses flags and calls the modules; it holds no logic of its own. */
import { Command, CommanderError } from 'commander';
import { registerCheck } from './check.ts';
import { applyColourPolicy } from './color.ts';
import { checkFlags, UsageError } from './flags.ts';
import { registerLint } from './lint.ts';
import { registerMock } from './mock.ts';
import { registerPacts } from './pacts.ts';
import { registerRace } from './race.ts';
import { registerCrosscheck } from './crosscheck.ts';
import { registerVerify } from './verify.ts';

// Before any command runs: Pact's core and child processes read NO_COLOR when they start.
applyColourPolicy();
/** Exit code of a usage mistake (a bad value, a missing or unknown flag, a flag that cannot apply). */
const USAGE = 2;

const program = new Command()
  .name('coupon-kit')
  .description('Contract tests and mock servers for coupon APIs (Zupy Partner API v2, Experiência B2S / Falaê).')
  .version('0.1.0')
  .showHelpAfterError("see 'coupon-kit --help'")
  .exitOverride();

registerLint(program);
registerMock(program);
registerRace(program);
registerCheck(program);
registerVerify(program);
registerCrosscheck(program);
registerPacts(program);

// A mistake prints its one line and where to read more, never the whole help.
for (const cmd of program.commands) cmd.showHelpAfterError(`see 'coupon-kit ${cmd.name()} --help'`);
program.hook('preAction', (_program, action) => checkFlags(action));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander has printed the message (or the help / version) already.
    process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? err.exitCode : USAGE;
  } else if (err instanceof UsageError) {
    console.error(`coupon-kit ${err.command}: ${err.message}`);
    process.exitCode = USAGE;
  } else {
    console.error(`coupon-kit: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
