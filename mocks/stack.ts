/**
 * What `coupon-kit mock` starts for one API: the simulator, the simulator behind a validating Prism
 * proxy (`validate`), or Prism's example-driven mock (`engine: 'prism'`). The CLI parses flags and
 * prints; this module starts, wires and stops the servers.
 */
import { API_NAMES, type ApiName } from '../specs/index.ts';
import { DEFAULT_PORTS, FixtureError, readFixtureFile, startMock, type StartMockOptions } from './index.ts';
import { DEFAULT_TIMEOUTS } from './simulator/app.ts';
import { prismBanner } from './prism/banner.ts';
import { startPreferCheckedPrism } from './prism/prefer.ts';
import { inFrontOf } from './prism/front.ts';
import { startValidatingFront } from './prism/validate.ts';

export interface ServeOptions extends Omit<StartMockOptions, 'port' | 'seedFile'> {
  engine: 'stateful' | 'prism';
  /** The advertised port; 0 = any free port (the real one is in `url`). */
  port: number;
  host: string;
  /** Put Prism's proxy in front of the simulator (stateful engine only). */
  validate?: boolean;
  /** Pipe Prism's own output to ours. */
  prismOutput?: boolean;
}

export interface Served {
  api: ApiName;
  url: string;
  /** What is served and how to reach it: credentials, curl lines, the control URL when it is on. */
  banner: string;
  close(): Promise<void>;
}

export async function serve(o: ServeOptions): Promise<Served> {
  if (o.engine === 'prism') {
    const prism = await startPreferCheckedPrism({ api: o.api, host: o.host, port: o.port, inheritOutput: o.prismOutput ?? false });
    return { api: o.api, url: prism.url, banner: prismBanner(o.api, prism.url), close: () => prism.close() };
  }
  const { engine: _engine, validate, prismOutput, ...mockOptions } = o;
  if (!validate) {
    const mock = await startMock(mockOptions);
    return { api: o.api, url: mock.url, banner: mock.banner(), close: () => mock.close() };
  }
  const mock = await startMock({ ...mockOptions, host: '127.0.0.1', port: 0 });
  const front = await inFrontOf(mock, () =>
    startValidatingFront({
      api: o.api,
      host: o.host,
      port: o.port,
      simulator: mock.simulator,
      upstream: mock.url,
      inheritOutput: prismOutput ?? false,
      timeouts: { ...DEFAULT_TIMEOUTS, ...o.timeouts },
    }),
  );
  const note = `  --validate: prism proxy checks every response against specs/${o.api}.openapi.yaml; one that breaks it is answered 502 with the violations (and logged)`;
  return { api: o.api, url: front.url, banner: `${mock.banner(front.url)}\n${note}`, close: () => front.close() };
}

export interface ServeAllOptions extends Omit<ServeOptions, 'api' | 'port' | 'fixtures' | 'fixturesSource'> {
  apis: readonly ApiName[];
  /** None: each API on its default port; 0: any free port; N: the first API on N, the next on N+10, … */
  port?: number;
  /** A `--seed` fixture file (see seedsFor); an API it leaves out serves the demo data. */
  seedFile?: string;
  /** Called as each server comes up, before the next starts. */
  onServed?: (served: Served) => void;
}

/** Starts every API of `apis` in turn; when one fails, stops those already up and throws. */
export async function serveAll(o: ServeAllOptions): Promise<{ servers: Served[]; notes: string[] }> {
  const { apis, port, seedFile, onServed, ...common } = o;
  const seeds = seedFile ? seedsFor(apis, readFixtureFile(seedFile), seedFile) : { fixtures: {}, notes: [] };
  const servers: Served[] = [];
  try {
    for (const [i, api] of apis.entries()) {
      const fixtures = seeds.fixtures[api];
      const served = await serve({
        ...common,
        api,
        port: port === undefined ? DEFAULT_PORTS[api] : port === 0 ? 0 : port + i * 10,
        ...(fixtures === undefined ? {} : { fixtures, fixturesSource: seedFile }),
      });
      servers.push(served);
      onServed?.(served);
    }
  } catch (err) {
    await Promise.allSettled(servers.map((s) => s.close()));
    throw err;
  }
  return { servers, notes: seeds.notes };
}

/**
 * The fixtures each API starts from, given a `--seed` file's content. For one API the file is that
 * API's fixtures (or `{"<api>": …}`); for several it must be `{"zupy"?: …, "b2s"?: …}`, and an API
 * it does not name starts from the demo data, which the returned note says.
 */
export function seedsFor(
  apis: readonly ApiName[],
  seed: unknown,
  source: string,
): { fixtures: Partial<Record<ApiName, unknown>>; notes: string[] } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const wrapped =
    isObject(seed) && Object.keys(seed).length > 0 && Object.keys(seed).every((k) => (API_NAMES as readonly string[]).includes(k));
  if (apis.length === 1) {
    const api = apis[0] as ApiName;
    if (!wrapped) return { fixtures: { [api]: seed }, notes: [] };
    if (!(api in (seed as object))) throw new FixtureError(`${source} has no "${api}" entry (it holds ${Object.keys(seed).join(', ')})`);
    return { fixtures: { [api]: seed[api] }, notes: [] };
  }
  if (!wrapped) {
    throw new FixtureError(
      `${source} is not a seed for several APIs: with "mock all" give {"zupy": …, "b2s": …} (either may be left out), or start one API (coupon-kit mock zupy --seed ${source})`,
    );
  }
  const fixtures: Partial<Record<ApiName, unknown>> = {};
  const notes: string[] = [];
  for (const api of apis) {
    if (api in (seed as object)) fixtures[api] = seed[api];
    else notes.push(`${api}: ${source} has no "${api}" entry, so ${api} serves the demo data`);
  }
  return { fixtures, notes };
}
