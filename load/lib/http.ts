/** HTTP helpers shared by the scripts: the setup health probe, JSON decoding, the control API. */
import { sleep } from 'k6';
import http, { type ObjectBatchRequest, type RefinedResponse, type ResponseType } from 'k6/http';
import type { components } from '../../specs/generated/control.ts';
import { optional } from './env.ts';

/** The control API's bodies, as specs/control.openapi.yaml defines them (types only: k6 loads nothing from there). */
type ControlSchemas = components['schemas'];
export type ZupySnapshot = ControlSchemas['ZupyFixtures'];
export type B2sSnapshot = ControlSchemas['B2sFixtures'];
export type SeedBody = ControlSchemas['SeedBody'];
export type OtpPolicyChange = ControlSchemas['OtpPolicyChange'];

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
  const res = http.get(`${base}${path}`, {
    timeout: '5s',
    tags: { phase: 'setup' },
    responseCallback: http.expectedStatuses({ min: 100, max: 499 }),
  });
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

  /**
   * The fixture snapshot when the target is coupon-kit's simulator: `GET /__control/fixtures` answers
   * 200 with JSON that `shape` accepts. A target without that route gives `none`; one that answers
   * something else (another tool's control API, an HTML page) gives `foreign` with what was wrong.
   */
  fixtures<T extends ZupySnapshot | B2sSnapshot>(
    shape: (v: unknown) => string | undefined,
  ): { kind: 'ours'; snapshot: T } | { kind: 'none' } | { kind: 'foreign'; why: string } {
    const res = http.get(`${this.base}/__control/fixtures`, {
      headers: this.#headers,
      tags: { phase: 'setup' },
      responseCallback: http.expectedStatuses({ min: 200, max: 499 }),
    });
    if (res.status !== 200) return { kind: 'none' };
    const body = bodyJson(res);
    if (body === undefined) return { kind: 'foreign', why: 'its body is not JSON' };
    const problem = shape(body);
    return problem === undefined ? { kind: 'ours', snapshot: body as T } : { kind: 'foreign', why: problem };
  }

  call<T>(method: 'GET' | 'POST', path: string, body?: unknown): T {
    const res = http.request(method, `${this.base}/__control${path}`, body === undefined ? null : JSON.stringify(body), {
      headers: this.#headers,
      tags: { phase: 'setup' },
    });
    if (res.status !== 200) throw new TargetError(`control API ${method} ${path} answered ${res.status}: ${bodyText(res, 500)}`);
    return bodyJson(res) as T;
  }

  /** The simulator's clock (it may be set apart from the wall clock), as epoch ms. */
  nowMs(): number {
    const c = this.call<ControlSchemas['ClockState']>('GET', '/clock');
    return Date.parse(c.now);
  }

  seedMerge(fixtures: SeedBody): void {
    this.call('POST', '/seed?mode=merge', fixtures);
  }

  otpPolicy(change: OtpPolicyChange): ControlSchemas['OtpPolicies'] {
    return this.call('POST', '/otp-policy', change);
  }
}

/** Seconds to wait from a 429's Retry-After (delta seconds or an HTTP date); 1 s when absent. */
export function retryAfterMs(res: Res): number {
  const raw = res.headers['Retry-After'] ?? res.headers['retry-after'];
  if (raw === undefined || raw === '') return 1000;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 1000;
}

/**
 * `http.batch` for reads that must get through: requests answered 429 are sent again after the
 * Retry-After they carry, as long as that wait fits in `budgetMs`. Returns the last answer of each
 * request (still 429 when the budget ran out) and how many 429s were seen.
 */
export function batchHonouringRetryAfter(requests: ObjectBatchRequest[], budgetMs: number): { responses: Res[]; throttled: number } {
  const deadline = Date.now() + budgetMs;
  const responses: Res[] = [];
  let pending = requests.map((_, i) => i);
  let throttled = 0;
  for (;;) {
    const answers = http.batch(pending.map((i) => requests[i] as ObjectBatchRequest)) as Res[];
    const again: number[] = [];
    let wait = 0;
    answers.forEach((res, k) => {
      const i = pending[k] as number;
      responses[i] = res;
      if (res.status === 429) {
        again.push(i);
        wait = Math.max(wait, retryAfterMs(res));
      }
    });
    throttled += again.length;
    if (again.length === 0 || Date.now() + wait > deadline) return { responses, throttled };
    sleep(wait / 1000);
    pending = again;
  }
}
