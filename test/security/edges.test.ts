/**
 * The edges of each provider's format: an internal error (a handler that throws) is a 500 in the
 * provider's format carrying the request id, logged to stderr at every log level with its stack;
 * a known path asked with another method is a 405 with Allow; raw non-ASCII bytes in a URL get the
 * provider's answer for an unreadable URL, not the framework's body.
 */
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModule, startMock, type RunningMock } from '../../mocks/index.ts';
import { buildSimulator } from '../../mocks/simulator/app.ts';
import type { ProviderModule } from '../../mocks/simulator/types.ts';
import type { ApiName } from '../../specs/index.ts';

const KEY = 'zupy_pk_DemoAuroraReadWrite0000000000000';
const AUTH: Record<ApiName, Record<string, string>> = {
  zupy: { 'x-api-key': KEY },
  b2s: { authorization: 'Bearer b2s_demo_franchise_token_0001' },
};
const LIST: Record<ApiName, { op: string; url: string }> = {
  zupy: { op: 'listIssuedCoupons', url: '/api/v2/coupons/issued/' },
  b2s: { op: 'listClientCoupons', url: '/api/coupons/clients/b2500000-0000-4000-a000-000000000001?email=john@example.com' },
};

/** The real provider with one handler replaced by one that throws: an internal error, in process. */
async function throwing(api: ApiName) {
  const real = await loadModule(api);
  const module: ProviderModule = {
    ...real,
    create: (ctx, f) => {
      const p = real.create(ctx, f);
      return {
        ...p,
        handlers: {
          ...p.handlers,
          [LIST[api].op]: () => {
            throw new Error('store exploded');
          },
        },
      };
    },
  };
  return module;
}

describe.each(['zupy', 'b2s'] as const)('%s: an internal error', (api) => {
  const stderr: string[] = [];
  beforeAll(() => {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  });
  afterEach(() => void stderr.splice(0));
  afterAll(() => vi.restoreAllMocks());

  it.each(['silent', 'error', 'info'] as const)(
    'at log level %s: 500 in the provider format with the request id; stack and id on stderr',
    async (logLevel) => {
      const sim = await buildSimulator(await throwing(api), { logLevel });
      try {
        const r = await sim.app.inject({ url: LIST[api].url, headers: AUTH[api] });
        expect(r.statusCode).toBe(500);
        const body = r.json<Record<string, unknown>>();
        const id = body.request_id;
        expect(typeof id === 'string' && id.length > 0).toBe(true);
        expect(r.headers['x-request-id']).toBe(id);
        if (api === 'zupy')
          expect(body).toMatchObject({
            type: 'https://docs.zupy.com/errors#internal-error',
            status: 500,
            instance: '/api/v2/coupons/issued/',
          });
        else expect(body).toMatchObject({ status: 'error', message: 'Internal server error' });
        const log = stderr.join('');
        expect(log).toContain(`request id ${String(id)}`);
        expect(log).toContain('Error: store exploded');
        expect(log).toMatch(/\n\s+at /);
      } finally {
        await sim.app.close();
      }
    },
  );

  it('negative control: a request that does not fail logs nothing and carries no request id', async () => {
    const sim = await buildSimulator(await loadModule(api));
    try {
      const r = await sim.app.inject({ url: LIST[api].url, headers: AUTH[api] });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('request_id');
      expect(stderr.join('')).toBe('');
    } finally {
      await sim.app.close();
    }
  });
});

/** A request with raw bytes in its request line, as a broken client sends it. */
function rawRequest(port: number, line: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (d: Buffer) => (out += d.toString('utf8')));
    s.on('error', reject);
    s.on('close', () => resolve({ status: Number(out.split(' ')[1]), body: out.slice(out.indexOf('\r\n\r\n') + 4) }));
    const head = Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    s.write(Buffer.concat([Buffer.from(`${line} HTTP/1.1\r\n`, 'latin1'), Buffer.from(`${head}\r\n`)]));
  });
}

describe('unreadable request lines and other methods', () => {
  let zupy: RunningMock;
  let b2s: RunningMock;
  beforeAll(async () => {
    [zupy, b2s] = await Promise.all([startMock({ api: 'zupy', port: 0 }), startMock({ api: 'b2s', port: 0 })]);
  });
  afterAll(() => Promise.all([zupy.close(), b2s.close()]));

  it('Zupy: raw non-ASCII bytes in a query get a problem (401 without a key, 404 with one), not the framework body', async () => {
    const line = 'GET /api/v2/coupons/issued/?code=CZ-\xC3\xA7\xFF';
    const anon = await rawRequest(zupy.port, line, {});
    expect(anon.status).toBe(401);
    expect(JSON.parse(anon.body)).toMatchObject({
      type: 'https://docs.zupy.com/errors#authentication-required',
      instance: '/api/v2/coupons/issued/',
    });
    const keyed = await rawRequest(zupy.port, line, { 'x-api-key': KEY });
    expect(keyed.status).toBe(404);
    expect(JSON.parse(keyed.body)).toMatchObject({ type: 'https://docs.zupy.com/errors#not-found', status: 404 });
    expect(keyed.body).not.toContain('Client Error');
  });

  it('B2S: raw bytes in a query get {"status":"error","message":"Malformed URL"}', async () => {
    const r = await rawRequest(b2s.port, 'GET /api/coupons/clients/b2500000-0000-4000-a000-000000000001?email=\xC3\xA7@x.com', AUTH.b2s);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ status: 'error', message: 'Malformed URL' });
  });

  it.each([
    ['zupy', 'GET', '/api/v2/customers/2awTHloSJX7kGGprFerOOsvABcd/coupons/CZ-914F15F3/validate/', 'POST'],
    ['zupy', 'DELETE', '/api/v2/coupons/issued/', 'GET, HEAD'],
    ['zupy', 'PUT', '/api/v2/auth/request-otp/', 'POST'],
    ['b2s', 'GET', '/api/coupons/status/b2500000-0000-4000-d000-000000000001', 'PATCH'],
    ['b2s', 'POST', '/api/coupons', 'GET, HEAD'],
  ] as const)('%s: %s %s → 405, Allow: %s, in the provider format', async (api, method, path, allow) => {
    const m = api === 'zupy' ? zupy : b2s;
    const r = await fetch(`${m.url}${path}`, { method, headers: AUTH[api] });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe(allow);
    const body = (await r.json()) as Record<string, unknown>;
    if (api === 'zupy')
      expect(body).toMatchObject({
        type: 'https://docs.zupy.com/errors#method-not-allowed',
        status: 405,
        detail: `Method "${method}" not allowed.`,
      });
    else expect(body).toEqual({ status: 'error', message: `Method ${method} not allowed` });
  });

  it('Zupy authenticates before it says 405 (as DRF); an unknown path is still 403/404', async () => {
    expect((await fetch(`${zupy.url}/api/v2/coupons/issued/`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${zupy.url}/api/v2/nothing/`, { headers: AUTH.zupy })).status).toBe(403);
    expect((await fetch(`${b2s.url}/api/nothing`)).status).toBe(404);
  });
});
