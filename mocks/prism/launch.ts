/**
 * The Prism engine: `prism mock` serves a spec statelessly from its examples (`Prefer: code=…,
 * example=…`), and `prism proxy --errors` puts spec validation in front of any provider.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { specPath, type ApiName } from '../../specs/index.ts';

const require = createRequire(import.meta.url);

export function prismBin(): string {
  return join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
}

export interface PrismOptions {
  api: ApiName;
  /** 0 = a free port, picked before Prism starts (Prism itself cannot report the port it got). */
  port: number;
  host?: string;
  /** Prism's log level; `warn` doubles its throughput compared to the default. */
  verbosity?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Pipe Prism's output to ours. */
  inheritOutput?: boolean;
}

export interface RunningPrism {
  url: string;
  child: ChildProcess;
  /** Everything Prism printed (kept for error reports, e.g. proxy violations). */
  output(): string;
  close(): Promise<void>;
}

/** A free port on `host` (asked of the OS, then released for Prism to take). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

async function waitForPort(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode}:\n${output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`prism did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

function launch(args: string[], url: string, inherit: boolean): Promise<RunningPrism> {
  const child = spawn(process.execPath, [prismBin(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
    if (inherit) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return waitForPort(url, child, () => out).then(
    () => ({ url, child, output: () => out, close }),
    async (err: unknown) => {
      await close();
      throw err;
    },
  );
}

export async function startPrismMock(o: PrismOptions): Promise<RunningPrism> {
  const host = o.host ?? '127.0.0.1';
  const port = o.port === 0 ? await freePort(host) : o.port;
  const args = ['mock', specPath(o.api), '--port', String(port), '--host', host, '-v', o.verbosity ?? 'warn'];
  return launch(args, urlOf(host, port), o.inheritOutput ?? false);
}

export interface PrismProxyOptions extends PrismOptions {
  upstream: string;
  /**
   * Prism's `--errors`: a response that breaks the spec is replaced by Prism's 500, and a request
   * that breaks it (no credentials, an undocumented path) is answered by Prism (401, 404, 422)
   * instead of the provider. Without it every exchange reaches the provider, and the violations
   * come back in the `sl-violations` header (see ./validate.ts).
   */
  errors?: boolean;
  /** Check requests too (their violations are reported next to the response's). */
  validateRequest?: boolean;
}

/** `prism proxy`: every response (and request) is checked against the spec. */
export async function startPrismProxy(o: PrismProxyOptions): Promise<RunningPrism> {
  const host = o.host ?? '127.0.0.1';
  const port = o.port === 0 ? await freePort(host) : o.port;
  const args = [
    'proxy',
    specPath(o.api),
    o.upstream,
    '--port',
    String(port),
    '--host',
    host,
    '-v',
    o.verbosity ?? 'warn',
    `--errors=${o.errors ?? true}`,
    `--validate-request=${o.validateRequest ?? true}`,
    '--cors=false',
  ];
  return launch(args, urlOf(host, port), o.inheritOutput ?? false);
}
