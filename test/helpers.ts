import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../mocks/prism/launch.ts';

/** A free loopback port (for child processes such as Prism that need a fixed port). */
export { freePort };

const running: ChildProcess[] = [];

/** `coupon-kit mock <api>` in its own process (like a real provider); resolves with its base URL once it is up. */
export async function startMockProcess(api: string, args: string[] = []): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'mock', api, '--port', String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`mock did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl-C')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  return `http://127.0.0.1:${port}`;
}

/** Stops every mock process started by this test file. */
export function stopMockProcesses(): void {
  for (const c of running.splice(0)) c.kill('SIGTERM');
}

export interface CliRun {
  /** Exit code (null when killed). */
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they arrived. */
  out: string;
}

/** `coupon-kit <args>` from the sources in its own process, asynchronously (servers in this process keep answering); killed after `killAfterMs`. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runCommand(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], options);
}

export interface RunOptions {
  env?: Record<string, string>;
  killAfterMs?: number;
}

/** Any command in its own process, its output collected as it arrives; killed (SIGTERM) after `killAfterMs`. */
export function runCommand(file: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let out = '';
    child.stdout?.on('data', (d: Buffer) => ((stdout += d.toString()), (out += d.toString())));
    child.stderr?.on('data', (d: Buffer) => ((stderr += d.toString()), (out += d.toString())));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.killAfterMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, out });
    });
  });
}
