/** The request journal the console reads: bodies and response headers, what it formats and when, and its bounds. */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { readEvents, zupyMockForSuite } from './sse.ts';
import { Journal, type RawEntry } from '../../mocks/simulator/journal.ts';

const { mock, zupy, noOtp } = zupyMockForSuite();

describe('journal entries keep bodies and response headers', () => {
  it('a validate call is journaled with its request body, response body and response headers', async () => {
    await mock().control.reset();
    await noOtp();
    const r = await zupy().validate(DEMO.customers.ana, DEMO.coupons.active.code);
    expect(r.status).toBe(200);
    const [entry] = (await mock().control.requests({ operation_id: 'validateCoupon' })).requests;
    expect(entry?.requestBody).toBeNull();
    expect(entry?.responseBody).toMatchObject({ data: { coupon_code: DEMO.coupons.active.code, remaining_usages: 0 } });
    expect(entry?.responseHeaders['content-type']).toMatch(/^application\/json/);
    expect(entry?.responseHeaders['x-ratelimit-limit']).toBe('60');
  });

  it('a body that is not JSON is kept as its text; a parsed one as JSON', async () => {
    await mock().control.reset();
    await fetch(`${mock().url}/api/v2/auth/request-otp/`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO.keyReadWrite, 'content-type': 'application/json' },
      body: '{"identifier": oops',
    });
    await fetch(`${mock().url}/api/v2/auth/request-otp/`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO.keyReadWrite, 'content-type': 'application/json' },
      body: '{"identifier":"+5511987654321"}',
    });
    const [bad, good] = (await mock().control.requests({ path: '/api/v2/auth/request-otp/' })).requests;
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

describe('the journal and the views stay bounded', () => {
  it('a body over 16 KiB is not kept, only its size; GET /__control/requests?limit=N gives the newest N', async () => {
    await mock().control.reset();
    const key = { 'X-API-Key': DEMO.keyReadWrite, 'content-type': 'application/json' };
    const big = JSON.stringify({ customer_id: 'x'.repeat(20_000) });
    await fetch(`${mock().url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: big });
    for (let i = 0; i < 3; i++) await fetch(`${mock().url}/api/v2/coupons/issued/`, { headers: key });
    const all = await mock().control.requests();
    expect(all.requests.map((e) => e.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
    expect(all.requests[0]?.requestBody).toBe(
      `[not kept: a ${Buffer.byteLength(big)}-byte body; the journal keeps bodies up to 16384 bytes]`,
    );
    const newest = await mock().control.requests({ limit: '2' });
    expect(newest.requests.map((e) => e.seq)).toEqual(all.requests.slice(-2).map((e) => e.seq));
    expect(newest.count).toBe(2);
    const get = await mock().control.requests({ method: 'post', limit: '5' });
    expect(get.requests.map((e) => e.seq)).toEqual([all.requests[0]?.seq]);
    expect((await fetch(`${mock().url}/__control/requests?limit=0`)).status).toBe(400);
  });

  it('GET /__control/coupons?limit=N lists N coupons and still counts every match', async () => {
    await mock().control.reset();
    const every = await mock().control.coupons();
    expect(every.count).toBeGreaterThan(2);
    const two = await mock().control.coupons({ limit: '2' });
    expect(two.count).toBe(every.count);
    expect(two.coupons.map((c) => c.code)).toEqual(every.coupons.slice(0, 2).map((c) => c.code));
  });

  it('HEAD /__control/events is refused (405) instead of holding a stream that never starts', async () => {
    const r = await fetch(`${mock().url}/__control/events`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    expect(r.status).toBe(405);
  });

  it('clearing the journal is a state event (reason journal); a burst of API requests gives at most a few state events', async () => {
    await mock().control.reset();
    const controller = new AbortController();
    const res = await fetch(`${mock().url}/__control/events`, { signal: controller.signal });
    const key = { 'X-API-Key': DEMO.keyReadWrite, 'content-type': 'application/json' };
    const frames = readEvents(res, (f) => f.some((x) => x.event === 'state' && (x.data as { reason: string }).reason === 'journal'));
    // 20 state-changing requests in a burst (refused OTP requests still count as non-GET requests), then a clear.
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${mock().url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: '{}' })),
    );
    await mock().control.clearRequests();
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
    // The oldest entry has passed both cut-offs: an absent body stays absent, not a 'not kept' note.
    const empty = journal.list()[0];
    expect(empty?.requestBody).toBeNull();
    expect(empty?.responseBody).toBeNull();
  });
});
