/**
 * Typed client for a simulator's control API (/__control/): openapi-fetch on the types generated
 * from specs/control.openapi.yaml, shared by tests, the CLI and the programmatic API. It sets
 * X-Control-Token (security headers are not in the generated types) and sends every
 * state-changing call as JSON (the control API refuses anything else); an error answer throws
 * ControlError with the status and the body.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../specs/generated/control.ts';

type Schemas = components['schemas'];
export type FaultsView = Schemas['FaultsView'];
export type ClockState = Schemas['ClockState'];
export type JournalEntry = Schemas['JournalEntry'];
export type JournalPage = Schemas['JournalPage'];
export type CouponView = Schemas['CouponView'];
export type CouponsPage = Schemas['CouponsPage'];
export type ControlErrorBody = Schemas['ControlError'];
export type Fixtures = Schemas['Fixtures'];
export type ZupyFixtures = Schemas['ZupyFixtures'];
export type B2sFixtures = Schemas['B2sFixtures'];
export type RequestsFilter = NonNullable<paths['/__control/requests']['get']['parameters']['query']>;
export type CouponsFilter = NonNullable<paths['/__control/coupons']['get']['parameters']['query']>;

export class ControlError extends Error {
  override name = 'ControlError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    path: string,
  ) {
    super(`control API ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** An openapi-fetch answer: its data, or ControlError for an error status. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, path: string): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ControlError(response.status, error, path);
  return data as T;
}

export class ControlClient {
  readonly #api: Client<paths>;

  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly fetchImpl: typeof globalThis.fetch = globalThis.fetch,
  ) {
    this.#api = createClient<paths>({ baseUrl, fetch: (request) => this.fetchImpl(request) });
    this.#api.use({
      onRequest: ({ request }) => {
        // The control API takes state-changing calls only as JSON (a browser cannot send that cross-site without a preflight).
        if (request.method !== 'GET') request.headers.set('content-type', 'application/json');
        if (this.token) request.headers.set('x-control-token', this.token);
        return request;
      },
    });
  }

  /** Any control call, untyped (a path of a newer simulator than this client). */
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
    if (this.token) headers['x-control-token'] = this.token;
    const res = await this.fetchImpl(`${this.baseUrl}/__control${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ControlError(res.status, parsed, path);
    return parsed as T;
  }

  reset() {
    return answer(this.#api.POST('/__control/reset'), '/reset');
  }
  seed(fixtures: unknown, mode: 'replace' | 'merge' = 'replace') {
    return answer(
      this.#api.POST('/__control/seed', { params: { query: { mode } }, body: fixtures as Schemas['SeedBody'] }),
      `/seed?mode=${mode}`,
    );
  }
  fixtures<T = Record<string, unknown>>() {
    return answer(this.#api.GET('/__control/fixtures'), '/fixtures') as Promise<T>;
  }
  clock() {
    return answer(this.#api.GET('/__control/clock'), '/clock');
  }
  setClock(now: string | Date, frozen?: boolean) {
    return answer(
      this.#api.POST('/__control/clock', { body: { now: typeof now === 'string' ? now : now.toISOString(), frozen } }),
      '/clock',
    );
  }
  /** Seconds, or an ISO 8601 duration such as 'PT3H' or 'P31D'. */
  advanceClock(by: number | string) {
    return answer(this.#api.POST('/__control/clock', { body: { advance: by } }), '/clock');
  }
  otpPolicy(policy: Schemas['OtpPolicyChange']) {
    return answer(this.#api.POST('/__control/otp-policy', { body: policy }), '/otp-policy');
  }
  faults(patch?: Schemas['FaultsChange']): Promise<FaultsView> {
    return patch === undefined
      ? answer(this.#api.GET('/__control/faults'), '/faults')
      : answer(this.#api.POST('/__control/faults', { body: patch }), '/faults');
  }
  /** The journal, oldest first: method, path, status, operation, headers and bodies of each provider API request. */
  requests(filter: RequestsFilter = {}) {
    return answer(this.#api.GET('/__control/requests', { params: { query: filter } }), '/requests');
  }
  clearRequests() {
    return answer(this.#api.DELETE('/__control/requests'), '/requests');
  }
  /** Every coupon as the simulator's clock sees it, optionally by status and a part of its code. */
  coupons(filter: CouponsFilter = {}) {
    return answer(this.#api.GET('/__control/coupons', { params: { query: filter } }), '/coupons');
  }
  providerState(state: string, params: Record<string, unknown> = {}) {
    return answer(this.#api.POST('/__control/provider-states', { body: { state, params, action: 'setup' } }), '/provider-states');
  }
}
