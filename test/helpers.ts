import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free loopback port (for child processes such as Prism that need a fixed port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}


const running: ChildProcess[] = [];

/** `coupon-kit mock <api>` in its own process (like a real provider); resolves with its base URL once it is up. */
export async function startMockProcess(api: string, args: string[] = []): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'mock', api, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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
