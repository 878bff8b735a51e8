/**
 * Where a conformance run points: the in-process simulator (Fastify's inject, no sockets — fast)
 * or any base URL with a coupon-kit control API. Both expose the same typed clients.
 */
import type { FastifyInstance } from 'fastify';
import { ControlClient } from '../../clients/control.ts';
import { createSimulator, type StartMockOptions } from '../../mocks/index.ts';
import type { ApiName } from '../../specs/index.ts';

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
  if (!target.control) throw new Error(`${target.baseUrl} is used without a control API: this step needs one (reset, fixtures, clock, otp-policy)`);
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

export function urlTarget(api: ApiName, baseUrl: string, controlToken?: string): Target {
  return { api, baseUrl, fetch: globalThis.fetch, control: new ControlClient(baseUrl, controlToken), close: async () => {} };
}
