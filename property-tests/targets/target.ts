/**
 * Where a conformance run points: the in-process simulator (Fastify's inject, no sockets — fast),
 * any base URL with a coupon-kit control API, or any base URL without one (a vendor sandbox, run
 * from a fixture file). All expose the same typed clients.
 */
import type { FastifyInstance } from 'fastify';
import { ControlClient } from '../../clients/control.ts';
import { createSimulator, type StartMockOptions } from '../../mocks/index.ts';
import type { ApiName } from '../../specs/index.ts';
import { SetupError } from '../model/errors.ts';
import { timedFetch } from './timed-fetch.ts';
import { zupyFormatFetch, type ZupyFormatSeen } from './zupy-format.ts';

export interface Target {
  api: ApiName;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** The coupon-kit control API (/__control/); absent for a target without one. */
  control?: ControlClient;
  close(): Promise<void>;
}

/** The target's control API, or a clear error for a target that has none. */
export function controlOf(target: Target): ControlClient {
  if (!target.control)
    throw new Error(`${target.baseUrl} is used without a control API: this step needs one (reset, fixtures, clock, otp-policy)`);
  return target.control;
}

/** A fetch that hands each request to Fastify's inject (same routing, validation and handlers). */
export function injectFetch(app: FastifyInstance): typeof globalThis.fetch {
  return async (input: string | URL | Request, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    const payload = req.body ? await req.text() : undefined;
    const res = await app.inject({
      method: req.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(req.headers.entries()),
      ...(payload === undefined ? {} : { payload }),
      remoteAddress: '127.0.0.1',
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
  };
}

export async function inProcessTarget(api: ApiName, options: Omit<StartMockOptions, 'api'> = {}): Promise<Target> {
  const sim = await createSimulator({ api, ...options });
  const baseUrl = 'http://simulator.local';
  const fetch = injectFetch(sim.app);
  return { api, baseUrl, fetch, control: new ControlClient(baseUrl, undefined, fetch), close: () => sim.app.close() };
}

export interface HttpTargetOptions {
  /** The target's --control-token (targets with a control API). */
  controlToken?: string;
  /** Deadline of every request, body included (default 10 s). */
  requestTimeoutMs?: number;
  /** Collects the Zupy response formats met (decision Z-1). */
  zupyFormats?: Set<ZupyFormatSeen>;
  fetch?: typeof globalThis.fetch;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The fetch of a target over HTTP: a deadline on every request; for Zupy, both response formats read as the envelope. */
function httpFetch(api: ApiName, o: HttpTargetOptions): typeof globalThis.fetch {
  const timed = timedFetch(o.fetch ?? globalThis.fetch, o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  return api === 'zupy' ? zupyFormatFetch(timed, o.zupyFormats ?? new Set()) : timed;
}

export function urlTarget(api: ApiName, baseUrl: string, options: HttpTargetOptions = {}): Target {
  const fetch = httpFetch(api, options);
  return { api, baseUrl, fetch, control: new ControlClient(baseUrl, options.controlToken, fetch), close: async () => {} };
}

/**
 * A base URL without a control API: nothing but the provider's own API is ever called. A 429 ends
 * the run with a setup problem rather than a false conformance failure.
 */
export function sandboxTarget(api: ApiName, baseUrl: string, options: HttpTargetOptions = {}): Target {
  const fetchImpl = httpFetch(api, options);
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const res = await fetchImpl(input, init);
    if (res.status === 429) {
      const retry = res.headers.get('retry-after');
      throw new SetupError(
        `the target rate-limited the run (429${retry ? `, Retry-After ${retry} s` : ''}): lower --runs, or use a key with a higher limit`,
      );
    }
    return res;
  };
  return { api, baseUrl, fetch, close: async () => {} };
}

/**
 * Wraps the body of a property so that after the first SetupError every later run (shrinking
 * included) fails at once with it, without calling the target again.
 */
export function failFastOnSetupError(): (body: () => Promise<void>) => Promise<void> {
  let problem: SetupError | undefined;
  return async (body) => {
    if (problem) throw problem;
    try {
      await body();
    } catch (err) {
      if (err instanceof SetupError) problem = err;
      throw err;
    }
  };
}
