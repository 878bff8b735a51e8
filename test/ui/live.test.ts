/** What the web console reads besides the journal (test/ui/journal.test.ts): GET /__control/coupons, the event stream and the static files. */
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { readEvents, zupyMockForSuite } from './sse.ts';
import { registerEvents } from '../../mocks/simulator/control/events.ts';
import { Journal } from '../../mocks/simulator/journal.ts';
import { corsHeaders, raw } from '../security/raw.ts';

const { mock, zupy, noOtp } = zupyMockForSuite();

describe('GET /__control/coupons', () => {
  it('lists every coupon at the clock, filtered by status and code; the clock expires coupons', async () => {
    await mock().control.reset();
    const all = await mock().control.coupons();
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
    expect((await mock().control.coupons({ status: 'used' })).coupons.map((c) => c.code)).toContain(DEMO.coupons.used.code);
    expect((await mock().control.coupons({ status: 'used' })).coupons.every((c) => c.status === 'used')).toBe(true);
    expect((await mock().control.coupons({ code: 'deadbe' })).coupons.map((c) => c.code)).toEqual([DEMO.coupons.expired.code]);
    await mock().control.advanceClock('P31D');
    const later = await mock().control.coupons({ code: DEMO.coupons.active.code });
    expect(later.coupons[0]?.status).toBe('expired');
    await mock().control.reset();
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
    await mock().control.reset();
    await noOtp();
    const ac = new AbortController();
    const res = await fetch(`${mock().url}/__control/events`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const pending = readEvents(res, (f) => f.some((x) => x.event === 'state' && (x.data as { reason: string }).reason === 'clock'));
    await zupy().validate(DEMO.customers.ana, DEMO.coupons.active.code);
    await mock().control.advanceClock('PT1H');
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
