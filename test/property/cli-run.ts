/** Runs `coupon-kit check` (or a printed replay line) in its own process, asynchronously, so servers in this process keep answering. */
import { spawn } from 'node:child_process';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function collect(child: ReturnType<typeof spawn>, killAfterMs: number): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

export function check(args: string[], killAfterMs = 150_000): Promise<CliResult> {
  return collect(spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }), killAfterMs);
}

/** A printed `replay: coupon-kit check …` line, run as printed (through a shell, quotes and all). */
export function runReplayLine(line: string, killAfterMs = 150_000): Promise<CliResult> {
  const command = line.replace(/^replay:\s*/, '').replace(/^coupon-kit /, `${JSON.stringify(process.execPath)} --import tsx cli/main.ts `);
  return collect(spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] }), killAfterMs);
}

export const replayLineOf = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('replay: '));
export const counterexampleOf = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Counterexample: '));
