/** Runs `coupon-kit check` (or a printed replay line) in its own process, asynchronously, so servers in this process keep answering. */
import { runCli, runCommand, type CliRun } from '../helpers.ts';

export function check(args: string[], killAfterMs = 150_000): Promise<CliRun> {
  return runCli(['check', ...args], { killAfterMs });
}

/** A printed `replay: coupon-kit check …` line, run as printed (through a shell, quotes and all). */
export function runReplayLine(line: string, killAfterMs = 150_000): Promise<CliRun> {
  const command = line.replace(/^replay:\s*/, '').replace(/^coupon-kit /, `${JSON.stringify(process.execPath)} --import tsx cli/main.ts `);
  return runCommand('sh', ['-c', command], { killAfterMs });
}

export const replayLineOf = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('replay: '));
export const counterexampleOf = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Counterexample: '));
