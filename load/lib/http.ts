/** HTTP helpers shared by the scripts: the setup health probe, JSON decoding, the control API. */
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { optional } from './env.ts';

export class TargetError extends Error {
  override name = 'TargetError';
}

type Res = RefinedResponse<ResponseType | undefined>;

/** Parsed JSON body, or undefined (empty body, not JSON). Never throws. */
export function bodyJson(res: Res): unknown {
  if (typeof res.body !== 'string' || res.body.length === 0) return undefined;
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return undefined;
  }
}

/** The start of a text body, for error messages. */
export const bodyText = (res: Res, max = 300): string => (typeof res.body === 'string' ? res.body.slice(0, max) : '');

export const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Throws unless the target answers at all (any status below 500) within a few seconds. */
export function healthProbe(base: string, path: string): void {
  const res = http.get(`${base}${path}`, { timeout: '5s', tags: { phase: 'setup' }, responseCallback: http.expectedStatuses({ min: 100, max: 499 }) });
  if (res.status === 0) throw new TargetError(`${base} is not reachable (${res.error}); start it with \`coupon-kit mock\` or set BASE_URL`);
  if (res.status >= 500) throw new TargetError(`${base}${path} answered ${res.status}; the target is unhealthy, not starting the race`);
}

/** The simulator's /__control/ API, when the target has one (loopback, or X-Control-Token). */
export class Control {
  readonly #headers: Record<string, string>;

  constructor(private readonly base: string) {
    const token = optional('CONTROL_TOKEN');
    this.#headers = { 'Content-Type': 'application/json', ...(token ? { 'X-Control-Token': token } : {}) };
  }

  /** Fixture snapshot, or undefined when the target has no (reachable) control API. */
  fixtures<T>(): T | undefined {
    const res = http.get(`${this.base}/__control/fixtures`, { headers: this.#headers, tags: { phase: 'setup' }, responseCallback: http.expectedStatuses({ min: 200, max: 499 }) });
    return res.status === 200 ? (bodyJson(res) as T) : undefined;
  }

  call<T>(method: 'GET' | 'POST', path: string, body?: unknown): T {
    const res = http.request(method, `${this.base}/__control${path}`, body === undefined ? null : JSON.stringify(body), { headers: this.#headers, tags: { phase: 'setup' } });
    if (res.status !== 200) throw new TargetError(`control API ${method} ${path} answered ${res.status}: ${bodyText(res, 500)}`);
    return bodyJson(res) as T;
  }

  /** The simulator's clock (it may be set apart from the wall clock), as epoch ms. */
  nowMs(): number {
    const c = this.call<{ now: string }>('GET', '/clock');
    return Date.parse(c.now);
  }

  seedMerge(fixtures: unknown): void {
    this.call('POST', '/seed?mode=merge', fixtures);
  }
}
