/** A small typed client for a simulator's control API (/__control/), shared by tests, the CLI and k6 helpers. */
export interface FaultsView {
  latency_ms: number;
  error_rate: number;
  defects: string[];
  available_defects: Record<string, string>;
}

/** One coupon as GET /__control/coupons shows it (fields a provider does not have are null). */
export interface CouponView {
  id: string;
  code: string;
  owner: string;
  status: string;
  uses_left: number | null;
  uses_allowed: number | null;
  valid_until: string | null;
  expires_at: string | null;
  module: string | null;
  company: string | null;
}

/** One journal entry (GET /__control/requests, and the `request` events of GET /__control/events). */
export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  status: number;
  operationId: string | null;
  durationMs: number;
  /** The parsed JSON body, the raw text when it was not JSON, or null. */
  requestBody: unknown;
  /** The JSON sent, or null for no body. */
  responseBody: unknown;
  responseHeaders: Record<string, string>;
}

export interface CouponsPage {
  now: string;
  count: number;
  coupons: CouponView[];
}

export class ControlError extends Error {
  override name = 'ControlError';
  constructor(readonly status: number, readonly body: unknown, path: string) {
    super(`control API ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly fetchImpl: typeof globalThis.fetch = globalThis.fetch,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    // The control API takes state-changing calls only as JSON (a browser cannot send that cross-site without a preflight).
    if (body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
    if (this.token) headers['x-control-token'] = this.token;
    const res = await this.fetchImpl(`${this.baseUrl}/__control${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ControlError(res.status, parsed, path);
    return parsed as T;
  }

  reset() {
    return this.call<{ reset: true }>('POST', '/reset');
  }
  seed(fixtures: unknown, mode: 'replace' | 'merge' = 'replace') {
    return this.call('POST', `/seed?mode=${mode}`, fixtures);
  }
  fixtures<T = Record<string, unknown>>() {
    return this.call<T>('GET', '/fixtures');
  }
  clock() {
    return this.call<{ now: string; frozen: boolean }>('GET', '/clock');
  }
  setClock(now: string | Date, frozen?: boolean) {
    return this.call<{ now: string; frozen: boolean }>('POST', '/clock', { now: typeof now === 'string' ? now : now.toISOString(), frozen });
  }
  /** Seconds, or an ISO 8601 duration such as 'PT3H' or 'P31D'. */
  advanceClock(by: number | string) {
    return this.call<{ now: string; frozen: boolean }>('POST', '/clock', { advance: by });
  }
  otpPolicy(policy: { company_id?: string; require_otp_for_redemption?: boolean; require_otp_for_coupon_usage?: boolean }) {
    return this.call('POST', '/otp-policy', policy);
  }
  faults(patch?: { latency_ms?: number; error_rate?: number; defects?: string[] }) {
    return patch === undefined ? this.call<FaultsView>('GET', '/faults') : this.call<FaultsView>('POST', '/faults', patch);
  }
  requests(filter: { method?: string; path?: string; operation_id?: string } = {}) {
    const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    return this.call<{ count: number; requests: JournalEntry[] }>('GET', `/requests?${q}`);
  }
  /** Every coupon at the simulator's clock, optionally filtered by status and by a code substring. */
  coupons(filter: { status?: string; code?: string } = {}) {
    const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
    return this.call<CouponsPage>('GET', `/coupons${q ? `?${q}` : ''}`);
  }
  clearRequests() {
    return this.call('DELETE', '/requests');
  }
  providerState(state: string, params: Record<string, unknown> = {}) {
    return this.call<Record<string, unknown>>('POST', '/provider-states', { state, params, action: 'setup' });
  }
}
