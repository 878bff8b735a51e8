/**
 * A web page the developer visits must not drive or read the mock: cross-site posts (text/plain,
 * forms), DNS rebinding (a foreign Host) and CORS preflights are refused and change nothing, while
 * same-origin JSON calls (a console served by the mock itself), curl and the token keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startMock, type RunningMock } from '../../mocks/index.ts';
import { hostPolicy } from '../../mocks/simulator/control/guard.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { corsHeaders, raw } from './raw.ts';

let zupy: RunningMock;
let b2s: RunningMock;
beforeAll(async () => {
  [zupy, b2s] = await Promise.all([startMock({ api: 'zupy', port: 0 }), startMock({ api: 'b2s', port: 0 })]);
});
afterAll(() => Promise.all([zupy.close(), b2s.close()]));

const fixtures = (m: RunningMock) => raw(m.url, '/__control/fixtures').then((r) => r.body);
const JSON_TYPE = { 'content-type': 'application/json' };
/** Moves the clock so a reset that got through would show. */
const mark = (m: RunningMock) => m.control.setClock('2031-05-05T00:00:00Z', true);

describe.each(['zupy', 'b2s'] as const)('%s control API against a browser', (api) => {
  const m = () => (api === 'zupy' ? zupy : b2s);

  it.each([
    ['a cross-origin text/plain POST', { origin: 'http://evil.example', 'content-type': 'text/plain' }, '{}', 403],
    ['a form-encoded POST (no Origin: an old browser)', { 'content-type': 'application/x-www-form-urlencoded' }, 'reset=1', 415],
    ['a cross-origin form POST', { origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, '--x--', 403],
    ['a text/plain POST from no origin at all', { 'content-type': 'text/plain' }, '{}', 415],
    ['an opaque origin (sandboxed iframe, file://)', { origin: 'null', 'content-type': 'application/json' }, '{}', 403],
    ['a JSON POST from another origin', { origin: 'http://evil.example', 'content-type': 'application/json' }, '{}', 403],
    ['a same-site subdomain (Sec-Fetch-Site)', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, '{}', 403],
    ['the same origin on another port', { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' }, '{}', 403],
  ])('%s to /__control/reset is refused and changes nothing', async (_name, headers, body, status) => {
    await mark(m());
    const before = await fixtures(m());
    const r = await raw(m().url, '/__control/reset', { method: 'POST', headers, body });
    expect(r.status).toBe(status);
    expect(corsHeaders(r)).toEqual([]);
    expect((await m().control.clock()).now).toBe('2031-05-05T00:00:00.000Z');
    expect(await fixtures(m())).toBe(before);
    await m().control.reset();
  });

  it('a foreign Host (DNS rebinding) cannot read the fixtures, seed, or reach the provider routes', async () => {
    const port = new URL(m().url).port;
    const evil = { host: `evil.example:${port}` };
    const read = await raw(m().url, '/__control/fixtures', { headers: evil });
    expect(read.status).toBe(403);
    expect(read.body).not.toContain(api === 'zupy' ? DEMO.keyReadWrite : 'b2s_demo');
    expect(
      (await raw(m().url, '/__control/seed?mode=replace', { method: 'POST', headers: { ...evil, ...JSON_TYPE }, body: '{}' })).status,
    ).toBe(403);
    const apiPath = api === 'zupy' ? '/api/v2/coupons/issued/' : '/api/coupons/clients/x?email=john@example.com';
    const auth: Record<string, string> =
      api === 'zupy' ? { 'x-api-key': DEMO.keyReadWrite } : { authorization: 'Bearer b2s_demo_franchise_token_0001' };
    const data = await raw(m().url, apiPath, { headers: { ...evil, ...auth } });
    expect(data.status).toBe(403);
    expect(JSON.parse(data.body)).toMatchObject(
      api === 'zupy'
        ? { type: 'https://docs.zupy.com/errors#permission-denied', status: 403 }
        : { status: 'error', message: 'Host not allowed' },
    );
    expect(await m().control.fixtures<Record<string, unknown[]>>()).toHaveProperty('coupons');
  });

  it("the console's data routes (coupons, the event stream) refuse a foreign Host, Origin or Sec-Fetch-Site", async () => {
    const port = new URL(m().url).port;
    const foreign: Record<string, string>[] = [
      { host: `evil.example:${port}` },
      { origin: 'http://evil.example' },
      { origin: `http://localhost:${Number(port) + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      for (const path of ['/__control/coupons', '/__control/events']) {
        const r = await raw(m().url, path, { headers });
        expect(r.status, `${path} with ${JSON.stringify(headers)}`).toBe(403);
        expect(corsHeaders(r)).toEqual([]);
        expect(r.body).not.toContain('coupons');
      }
    }
    expect((await raw(m().url, '/__control/coupons')).status).toBe(200);
  });

  it('loopback names and addresses are served: localhost, 127.0.0.1, [::1] forms', async () => {
    const port = new URL(m().url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, 'LOCALHOST']) {
      expect((await raw(m().url, '/__control/clock', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('no CORS: a preflight gets 405 with Allow and no Access-Control-* headers', async () => {
    const r = await raw(m().url, '/__control/seed', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(corsHeaders(r)).toEqual([]);
    const fixturesGet = await raw(m().url, '/__control/fixtures', { headers: { origin: m().url } });
    expect(corsHeaders(fixturesGet)).toEqual([]);
  });

  it('same-origin JSON calls work (a console served by the mock), as do curl-style calls with no Origin', async () => {
    const own = { origin: m().url, 'sec-fetch-site': 'same-origin', ...JSON_TYPE };
    expect(
      (await raw(m().url, '/__control/clock', { method: 'POST', headers: own, body: '{"now":"2030-01-01T00:00:00Z","frozen":true}' }))
        .status,
    ).toBe(200);
    expect((await m().control.clock()).now).toBe('2030-01-01T00:00:00.000Z');
    expect((await raw(m().url, '/__control/reset', { method: 'POST', headers: JSON_TYPE })).status).toBe(200);
    expect((await m().control.clock()).frozen).toBe(false);
    expect((await raw(m().url, '/__control/fixtures', { headers: { origin: m().url } })).status).toBe(200);
  });
});

describe('with --control-token', () => {
  it('the token is still required (compared in constant time), and the browser rules still apply', async () => {
    const m = await startMock({ api: 'zupy', port: 0, control: { token: 'tok-123456' } });
    try {
      expect((await raw(m.url, '/__control/clock')).status).toBe(401);
      expect((await raw(m.url, '/__control/clock', { headers: { 'x-control-token': 'tok-12345' } })).status).toBe(401);
      expect((await raw(m.url, '/__control/clock', { headers: { 'x-control-token': 'tok-1234567' } })).status).toBe(401);
      expect((await raw(m.url, '/__control/clock', { headers: { 'x-control-token': 'tok-123456' } })).status).toBe(200);
      const xsite = await raw(m.url, '/__control/reset', {
        method: 'POST',
        headers: { 'x-control-token': 'tok-123456', origin: 'http://evil.example', 'content-type': 'text/plain' },
      });
      expect(xsite.status).toBe(403);
      expect(await m.control.reset()).toMatchObject({ reset: true });
    } finally {
      await m.close();
    }
  });
});

describe('the Host rule', () => {
  it('serves the --host it was started with; on a wildcard bind the control API needs the token for other names', () => {
    const lan = hostPolicy({ bindHost: '192.168.1.5', tokenSet: false });
    expect(lan('192.168.1.5:4010', true)).toBe(true);
    expect(lan('evil.example:4010', false)).toBe(false);
    const any = hostPolicy({ bindHost: '0.0.0.0', tokenSet: false });
    expect(any('mock.internal:4010', false)).toBe(true);
    expect(any('mock.internal:4010', true)).toBe(false);
    expect(hostPolicy({ bindHost: '0.0.0.0', tokenSet: true })('mock.internal:4010', true)).toBe(true);
    expect(any('localhost:4010@evil.example', true)).toBe(false);
  });

  it('negative control: the same request gets through where the policy allows it (a wildcard bind with a token)', async () => {
    // In-process, never listening on a wildcard address: only the Host policy differs.
    const sim = await createSimulator({ api: 'zupy', host: '0.0.0.0', control: { token: 'tok-abcdef' } });
    try {
      const r = await sim.app.inject({
        url: '/__control/fixtures',
        headers: { host: 'evil.example:4010', 'x-control-token': 'tok-abcdef' },
        remoteAddress: '127.0.0.1',
      });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain(DEMO.keyReadWrite);
    } finally {
      await sim.app.close();
    }
  });
});
