/**
 * Zupy rate limits (A.2): a fixed one-minute window per key. Every API response carries the
 * X-RateLimit-* headers; with `--rate-limit N` the request over N in a window gets 429 and Retry-After.
 */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { ProviderReply, SimulatorOptions } from '../types.ts';
import { DETAILS, PROBLEMS, problem, requestPath } from './errors.ts';

const WINDOW_MS = 60_000;
/** The limit shown in the headers when none is enforced. */
const DEFAULT_DISPLAYED_LIMIT = 60;

interface Window {
  startMs: number;
  count: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly options: SimulatorOptions,
  ) {}

  /** Counts the request against its key's window (after auth); a ProviderReply (429) refuses it. */
  admit(request: FastifyRequest): ProviderReply | undefined {
    const window = this.#windowOf(request.zupyKey?.key ?? 'anonymous', true);
    const limit = this.options.rateLimit;
    if (limit > 0 && window.count > limit) {
      const retry = Math.max(1, Math.ceil((window.startMs + WINDOW_MS - this.clock.nowMs()) / 1000));
      const refused = problem(PROBLEMS.rateLimited, DETAILS.rateLimited(retry), requestPath(request));
      return { ...refused, headers: { 'retry-after': String(retry) } };
    }
    return undefined;
  }

  /** The X-RateLimit-* headers of the request's key, whatever answers the request. */
  responseHeaders(request: FastifyRequest): Record<string, string> {
    const sent = request.headers['x-api-key'];
    const window = this.#windowOf(request.zupyKey?.key ?? (typeof sent === 'string' ? sent : 'anonymous'), false);
    const limit = this.options.rateLimit || DEFAULT_DISPLAYED_LIMIT;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.count)),
      'x-ratelimit-reset': String(Math.ceil((window.startMs + WINDOW_MS) / 1000)),
    };
  }

  /** Forgets every window (the state was replaced). */
  clear(): void {
    this.#windows.clear();
  }

  #windowOf(key: string, count: boolean): Window {
    const now = this.clock.nowMs();
    let window = this.#windows.get(key);
    if (!window || now >= window.startMs + WINDOW_MS) {
      window = { startMs: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (count) window.count++;
    return window;
  }
}
