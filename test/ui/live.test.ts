/** What the web console reads: journal bodies and headers, GET /__control/coupons, the event stream and the static files. */
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZupyClient } from '../../clients/zupy.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { registerEvents } from '../../mocks/simulator/control/events.ts';
import { Journal, type RawEntry } from '../../mocks/simulator/journal.ts';
import { corsHeaders, raw } from '../security/raw.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ api: 'zupy', port: 0 });
});
afterAll(() => mock.close());

const zupy = () => createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadWrite });
const noOtp = () => mock.control.otpPolicy({ require_otp_for_coupon_usage: false, require_otp_for_redemption: false });

/** Reads server-sent events from a fetch body until `until` holds for the frames so far. */
async function readEvents(
  res: Response,
  until: (frames: { event: string; data: unknown }[]) => boolean,
): Promise<{ event: string; data: unknown }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const frames: { event: string; data: unknown }[] = [];
  let buffered = '';
  while (!until(frames)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += new TextDecoder().decode(value);
    let end: number;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) frames.push({ event, data: JSON.parse(data) });
    }
  }
  return frames;
}

describe('journal entries keep bodies and response headers', () => {
  it('a validate call is journaled with its request body, response body and response headers', async () => {
    await mock.control.reset();
    await noOtp();
    const r = await zupy().validate(DEMO.customers.ana, DEMO.coupons.active.code);
    expect(r.status).toBe(200);
    const [entry] = (await mock.control.requests({ operation_id: 'validateCoupon' })).requests;
    expect(entry?.requestBody).toBeNull();
    expect(entry?.responseBody).toMatchObject({ data: { coupon_code: DEMO.coupons.active.code, remaining_usages: 0 } });
    expect(entry?.responseHeaders['content-type']).toMatch(/^application\/json/);
    expect(entry?.responseHeaders['x-ratelimit-limit']).toBe('60');
  });

  it('a body that is not JSON is kept as its text; a parsed one as JSON', async () => {
    await mock.control.reset();
    await fetch(`${mock.url}/api/v2/auth/request-otp/`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO.keyReadWrite, 'content-type': 'application/json' },
      body: '{"identifier": oops',
    });
    await fetch(`${mock.url}/api/v2/auth/request-otp/`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO.keyReadWrite, 'content-type': 'application/json' },
      body: '{"identifier":"+5511987654321"}',
    });
    const [bad, good] = (await mock.control.requests({ path: '/api/v2/auth/request-otp/' })).requests;
    expect(bad?.requestBody).toBe('{"identifier": oops');
    expect(bad?.status).toBe(400);
    expect(good?.requestBody).toEqual({ identifier: '+5511987654321' });
  });

  it('nothing is formatted on add while nobody listens, nor for a listener that does not read the entry', () => {
    let reads = 0;
    const headers = new Proxy({}, { get: () => (reads++, undefined) });
    const journal = new Journal(4);
    const raw = (): RawEntry => ({
      atMs: 0,
      method: 'POST',
      url: '/x',
      query: {},
      headers,
      status: 200,
      operationId: 'op',
      elapsedMs: 1,
      requestBody: undefined,
      responsePayload: '{}',
      responseHeaders: {},
    });
    journal.add(raw());
    const stop = journal.subscribe(() => undefined);
    journal.add(raw());
    expect(reads).toBe(0);
    stop();
    expect(journal.list()).toHaveLength(2);
    expect(reads).toBeGreaterThan(0);
  });
});

describe('GET /__control/coupons', () => {
  it('lists every coupon at the clock, filtered by status and code; the clock expires coupons', async () => {
    await mock.control.reset();
    const all = await mock.control.coupons();
    expect(all.count).toBe(all.coupons.length);
    const active = all.coupons.find((c) => c.code === DEMO.coupons.active.code);
    expect(active).toMatchObject({
      id: DEMO.coupons.active.id,
      owner: DEMO.customers.ana,
      status: 'active',
      uses_left: 1,
      uses_allowed: 1,
      company: DEMO.companyA,
      module: null,
      expires_at: null,
    });
    expect((await mock.control.coupons({ status: 'used' })).coupons.map((c) => c.code)).toContain(DEMO.coupons.used.code);
    expect((await mock.control.coupons({ status: 'used' })).coupons.every((c) => c.status === 'used')).toBe(true);
    expect((await mock.control.coupons({ code: 'deadbe' })).coupons.map((c) => c.code)).toEqual([DEMO.coupons.expired.code]);
    await mock.control.advanceClock('P31D');
    const later = await mock.control.coupons({ code: DEMO.coupons.active.code });
    expect(later.coupons[0]?.status).toBe('expired');
    await mock.control.reset();
  });

  it('B2S coupons are available, used or expired, with their module and expiry instant', async () => {
    const b2s = await startMock({ api: 'b2s', port: 0 });
    try {
      const { coupons } = await b2s.control.coupons();
      expect(coupons.length).toBeGreaterThan(0);
      for (const c of coupons) {
        expect(['available', 'used', 'expired']).toContain(c.status);
        expect(['premiado', 'falae']).toContain(c.module);
        expect(c.expires_at).toMatch(/T00:00:00\.000Z$/);
        expect(c.valid_until).toBeNull();
      }
    } finally {
      await b2s.close();
    }
  });
});

describe('GET /__control/events', () => {
  it('sends ready, then request and state events; the state events follow control calls', async () => {
    await mock.control.reset();
    await noOtp();
    const ac = new AbortController();
    const res = await fetch(`${mock.url}/__control/events`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const pending = readEvents(res, (f) => f.some((x) => x.event === 'state' && (x.data as { reason: string }).reason === 'clock'));
    await zupy().validate(DEMO.customers.ana, DEMO.coupons.active.code);
    await mock.control.advanceClock('PT1H');
    const frames = await pending;
    ac.abort();
    expect(frames[0]).toEqual({ event: 'ready', data: { api: 'zupy', seq: expect.any(Number) as number } });
    const request = frames.find((f) => f.event === 'request')?.data as { operationId: string; status: number; responseBody: unknown };
    expect(request.operationId).toBe('validateCoupon');
    expect(request.status).toBe(200);
    expect(frames.map((f) => (f.event === 'state' ? (f.data as { reason: string }).reason : f.event))).toEqual([
      'ready',
      'request',
      'request',
      'clock',
    ]);
  });

  it('follows the access rule: with a control token, no stream without the header', async () => {
    const guarded = await startMock({ api: 'zupy', port: 0, control: { token: 'secret-token' } });
    try {
      expect((await fetch(`${guarded.url}/__control/events`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/__control/coupons`)).status).toBe(401);
      const ac = new AbortController();
      const ok = await fetch(`${guarded.url}/__control/events`, { headers: { 'x-control-token': 'secret-token' }, signal: ac.signal });
      expect(ok.status).toBe(200);
      ac.abort();
    } finally {
      await guarded.close();
    }
  });

  it('pings idle streams, and stops formatting entries once the last client has gone', async () => {
    const journal = new Journal(8);
    const app = Fastify();
    registerEvents(app, { api: 'zupy', journal, pingMs: 20 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      // node:http, not fetch: fetch opens a spare connection that would keep the server's close() waiting.
      const { port } = app.server.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        const req = get({ host: '127.0.0.1', port, path: '/events', agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            body += d;
            if (!body.includes(': ping')) return;
            req.destroy();
            resolve(body);
          });
        });
        req.on('error', reject);
      });
      expect(text).toMatch(/^event: ready\ndata: \{"api":"zupy","seq":0\}\n\n/);
      let reads = 0;
      const headers = new Proxy({}, { get: () => (reads++, undefined) });
      const add = () =>
        journal.add({
          atMs: 0,
          method: 'GET',
          url: '/x',
          query: {},
          headers,
          status: 200,
          operationId: null,
          elapsedMs: 0,
          requestBody: undefined,
          responsePayload: undefined,
          responseHeaders: {},
        });
      await expect.poll(() => ((reads = 0), add(), reads)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('closing the server ends open streams (close() finishes) and the client sees the end', async () => {
    const other = await startMock({ api: 'b2s', port: 0 });
    const res = await fetch(`${other.url}/__control/events`);
    const frames = readEvents(res, () => false);
    await other.close();
    expect((await frames).map((f) => f.event)).toEqual(['ready']);
  });
});

describe('GET /__control/ui/', () => {
  it('serves the console under the Host check only, with CSP and nosniff and no CORS headers', async () => {
    const guarded = await startMock({ api: 'zupy', port: 0, control: { token: 'secret-token' } });
    try {
      const page = await fetch(`${guarded.url}/__control/ui/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect([...page.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
      const html = await page.text();
      expect(html).not.toMatch(/<script>/);
      for (const asset of html.match(/(?:src|href)="([^"]+)"/g) ?? []) {
        const name = /"([^"]+)"/.exec(asset)?.[1] ?? '';
        expect((await fetch(new URL(name, `${guarded.url}/__control/ui/`))).status).toBe(200);
      }
      // fetch() would normalise `..` away: the raw request tries to climb out of dist/ui/.
      expect((await raw(guarded.url, '/__control/ui/..%2F..%2Fpackage.json')).status).toBe(404);
      expect((await raw(guarded.url, '/__control/ui/..%2Fui%2Findex.html')).status).toBe(404);
      expect((await fetch(`${guarded.url}/__control/ui/nope.js`)).status).toBe(404);
      expect((await raw(guarded.url, '/__control/ui/', { headers: { host: 'evil.example' } })).status).toBe(403);
      const preflight = await raw(guarded.url, '/__control/ui/console.js', {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(corsHeaders(preflight)).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});

describe('the journal and the views stay bounded', () => {
  it('a body over 16 KiB is not kept, only its size; GET /__control/requests?limit=N gives the newest N', async () => {
    await mock.control.reset();
    const key = { 'X-API-Key': DEMO.keyReadWrite, 'content-type': 'application/json' };
    const big = JSON.stringify({ customer_id: 'x'.repeat(20_000) });
    await fetch(`${mock.url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: big });
    for (let i = 0; i < 3; i++) await fetch(`${mock.url}/api/v2/coupons/issued/`, { headers: key });
    const all = await mock.control.requests();
    expect(all.requests.map((e) => e.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
    expect(all.requests[0]?.requestBody).toBe(
      `[not kept: a ${Buffer.byteLength(big)}-byte body; the journal keeps bodies up to 16384 bytes]`,
    );
    const newest = await mock.control.requests({ limit: '2' });
    expect(newest.requests.map((e) => e.seq)).toEqual(all.requests.slice(-2).map((e) => e.seq));
    expect(newest.count).toBe(2);
    const get = await mock.control.requests({ method: 'post', limit: '5' });
    expect(get.requests.map((e) => e.seq)).toEqual([all.requests[0]?.seq]);
    expect((await fetch(`${mock.url}/__control/requests?limit=0`)).status).toBe(400);
  });

  it('GET /__control/coupons?limit=N lists N coupons and still counts every match', async () => {
    await mock.control.reset();
    const every = await mock.control.coupons();
    expect(every.count).toBeGreaterThan(2);
    const two = await mock.control.coupons({ limit: '2' });
    expect(two.count).toBe(every.count);
    expect(two.coupons.map((c) => c.code)).toEqual(every.coupons.slice(0, 2).map((c) => c.code));
  });

  it('HEAD /__control/events is refused (405) instead of holding a stream that never starts', async () => {
    const r = await fetch(`${mock.url}/__control/events`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    expect(r.status).toBe(405);
  });

  it('clearing the journal is a state event (reason journal); a burst of API requests gives at most a few state events', async () => {
    await mock.control.reset();
    const controller = new AbortController();
    const res = await fetch(`${mock.url}/__control/events`, { signal: controller.signal });
    const key = { 'X-API-Key': DEMO.keyReadWrite, 'content-type': 'application/json' };
    const frames = readEvents(res, (f) => f.some((x) => x.event === 'state' && (x.data as { reason: string }).reason === 'journal'));
    // 20 state-changing requests in a burst (refused OTP requests still count as non-GET requests), then a clear.
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${mock.url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: '{}' })),
    );
    await mock.control.clearRequests();
    const seen = await frames;
    controller.abort();
    expect(seen.filter((f) => f.event === 'request')).toHaveLength(20);
    const requestStates = seen.filter((f) => f.event === 'state' && (f.data as { reason: string }).reason === 'request');
    expect(requestStates.length).toBeGreaterThanOrEqual(1);
    expect(requestStates.length).toBeLessThan(20);
  });
});

describe('journal memory', () => {
  it('only the newest 500 entries keep their request bodies and the newest 100 their response bodies; older ones say so', () => {
    const journal = new Journal(5000);
    for (let i = 0; i < 501; i++)
      journal.add({
        atMs: 0,
        method: 'POST',
        url: `/x/${i}`,
        query: {},
        headers: {},
        status: 200,
        operationId: 'op',
        elapsedMs: 1,
        requestBody: { n: i },
        responsePayload: `{"n":${i}}`,
        responseHeaders: {},
      });
    const entries = journal.list();
    expect(entries).toHaveLength(501);
    expect(entries[0]?.requestBody).toBe('[not kept: only the newest 500 journal entries keep this body]');
    expect(entries[1]?.requestBody).toEqual({ n: 1 });
    expect(entries[400]?.responseBody).toBe('[not kept: only the newest 100 journal entries keep this body]');
    expect(entries[401]?.responseBody).toEqual({ n: 401 });
    expect(entries[500]?.responseBody).toEqual({ n: 500 });
    // Entries without a body keep saying so.
    journal.clear();
    for (let i = 0; i < 600; i++)
      journal.add({
        atMs: 0,
        method: 'GET',
        url: '/y',
        query: {},
        headers: {},
        status: 204,
        operationId: 'op',
        elapsedMs: 1,
        requestBody: undefined,
        responsePayload: undefined,
        responseHeaders: {},
      });
    const empty = journal.list({ limit: 1 })[0];
    expect(empty?.requestBody).toBeNull();
    expect(empty?.responseBody).toBeNull();
  });
});
