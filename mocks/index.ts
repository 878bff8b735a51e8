/**
 * Programmatic API: run a simulator in-process, e.g. from an integration's own vitest/jest suite.
 *
 *   const mock = await startMock({ api: 'zupy', port: 0 });
 *   const { api_keys } = await mock.control.fixtures<{ api_keys: { key: string }[] }>();
 *   await fetch(`${mock.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': api_keys[0].key } });
 *   await mock.control.advanceClock('P31D');
 *   await mock.close();
 */
import { readFileSync } from 'node:fs';
import { ControlClient } from '../clients/control.ts';
import type { ApiName } from '../specs/index.ts';
import { buildSimulator, type AppOptions, type ServerTimeouts, type Simulator } from './simulator/app.ts';
import type { DefectName } from './simulator/faults.ts';
import type { ProviderModule } from './simulator/types.ts';

export { DEFECT_ALIASES, DEFECTS, defectOf, isDefectName, type Defect, type DefectName } from './simulator/faults.ts';
export { ControlClient } from '../clients/control.ts';
export { DEFAULT_TIMEOUTS, type ServerTimeouts } from './simulator/app.ts';

/** Default ports, documented in the README (`npm start`: Zupy 4010, B2S 4020). */
export const DEFAULT_PORTS: Record<ApiName, number> = { zupy: 4010, b2s: 4020 };

/** Each provider module is loaded on first use, so starting one API does not load the other. */
export async function loadModule(api: ApiName): Promise<ProviderModule> {
  if (api === 'zupy') return (await import('./simulator/zupy/index.ts')).zupyModule;
  return (await import('./simulator/b2s/index.ts')).b2sModule;
}

export interface StartMockOptions {
  api: ApiName;
  /** 0 picks a free port (the default). */
  port?: number;
  host?: string;
  /** Fixture JSON to start from instead of the demo data (a value, or a file path). */
  fixtures?: unknown;
  seedFile?: string;
  /** Where `fixtures` came from, for error messages (e.g. the --seed file). */
  fixturesSource?: string;
  defects?: DefectName[];
  latencyMs?: number;
  errorRate?: number;
  /** Zupy: enforce N requests/minute per key (0 = headers only). */
  rateLimit?: number;
  /** Zupy: the {data, meta} envelope (default true, decision Z-1). */
  envelope?: boolean;
  control?: boolean | { token: string };
  logLevel?: AppOptions['logLevel'];
  /** Header, request and idle keep-alive timeouts in ms (defaults: 10 s, 30 s, 5 s). */
  timeouts?: Partial<ServerTimeouts>;
}

export interface RunningMock {
  api: ApiName;
  url: string;
  port: number;
  control: ControlClient;
  simulator: Simulator;
  /** What is served (credentials, a working curl line) at `url`; pass another URL when a front serves it. */
  banner(url?: string): string;
  close(): Promise<void>;
}

/** A clear error for a fixture file or value that does not fit. */
export class FixtureError extends Error {
  override name = 'FixtureError';
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}:\n  - ${problems.join('\n  - ')}` : message);
  }
}

export function readFixtureFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FixtureError(`cannot read fixture file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FixtureError(`fixture file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Every problem of a fixture document of one API (empty = fine), without building a server: its
 * shape against the control spec's `ZupyFixtures` / `B2sFixtures`, then what a schema cannot say
 * (unique ids, references to known companies, customers, rewards and clients, usage counts).
 */
export async function checkFixtures(api: ApiName, fixtures: unknown): Promise<string[]> {
  return (await loadModule(api)).checkFixtures(fixtures);
}

export async function createSimulator(options: StartMockOptions): Promise<Simulator> {
  let fixtures = options.fixtures;
  if (options.seedFile) fixtures = readFixtureFile(options.seedFile);
  if (fixtures !== undefined) {
    const problems = await checkFixtures(options.api, fixtures);
    const source = options.seedFile ?? options.fixturesSource;
    if (problems.length) throw new FixtureError(`invalid ${options.api} fixtures${source ? ` in ${source}` : ''}`, problems);
  }
  return buildSimulator(await loadModule(options.api), {
    fixtures,
    faults: { defects: options.defects ?? [], latencyMs: options.latencyMs ?? 0, errorRate: options.errorRate ?? 0 },
    simulator: { rateLimit: options.rateLimit ?? 0, envelope: options.envelope ?? true },
    control: options.control ?? true,
    logLevel: options.logLevel ?? 'silent',
    host: options.host ?? '127.0.0.1',
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
}

export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const simulator = await createSimulator(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await simulator.app.listen({ port: options.port ?? 0, host });
  } catch (err) {
    await simulator.app.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE')
      throw new Error(`port ${options.port} on ${host} is already in use (pick another with --port, or 0 for any free port)`);
    throw err;
  }
  const address = simulator.app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const token = typeof options.control === 'object' ? options.control.token : undefined;
  return {
    api: options.api,
    url,
    port,
    simulator,
    control: new ControlClient(url, token),
    banner: (at = url) =>
      simulator.provider.banner(at, { control: options.control === false ? 'off' : token === undefined ? 'loopback' : 'token' }),
    close: () => simulator.app.close(),
  };
}
