/**
 * The control client is openapi-fetch over the control spec's types: what it sends (paths, query,
 * JSON content type, token) and what it returns, with a stand-in fetch playing the simulator.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ControlClient, ControlError, type CouponView, type JournalEntry } from './control.ts';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function standIn(status: number, body: unknown): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const f = (async (input: Request | string | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    seen.push({
      method: req.method,
      url: req.url,
      headers: Object.fromEntries(req.headers.entries()),
      body: req.body ? await req.text() : '',
    });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: f, seen };
}

const COUPON: CouponView = {
  id: 'c1',
  code: 'CZ-914F15F3',
  owner: 'ana',
  status: 'used',
  uses_left: 0,
  uses_allowed: 1,
  valid_until: '2026-02-09T12:00:00Z',
  expires_at: null,
  module: null,
  company: 'cafe_aurora',
};

describe('control client', () => {
  it('coupons(filter) asks GET /__control/coupons with the filter and returns typed coupons', async () => {
    const s = standIn(200, { now: '2026-01-15T12:00:00.000Z', count: 1, coupons: [COUPON] });
    const page = await new ControlClient('http://sim.test', 'tok', s.fetch).coupons({ status: 'used', code: '914' });
    expect(s.seen[0]).toMatchObject({
      method: 'GET',
      url: 'http://sim.test/__control/coupons?status=used&code=914',
      headers: { 'x-control-token': 'tok' },
    });
    expect(page.coupons[0]?.code).toBe('CZ-914F15F3');
    expectTypeOf(page.coupons).toEqualTypeOf<CouponView[]>();
  });

  it('requests(filter) returns journal entries with the body fields', async () => {
    const entry: JournalEntry = {
      seq: 1,
      at: '2026-01-15T12:00:00.000Z',
      method: 'POST',
      path: '/x',
      query: {},
      headers: {},
      status: 409,
      operationId: 'validateCoupon',
      durationMs: 0.5,
      requestBody: null,
      responseBody: { detail: 'Cupom já Used' },
      responseHeaders: { 'content-type': 'application/problem+json' },
    };
    const s = standIn(200, { count: 1, requests: [entry] });
    const page = await new ControlClient('http://sim.test', undefined, s.fetch).requests({ operation_id: 'validateCoupon' });
    expect(s.seen[0]?.url).toBe('http://sim.test/__control/requests?operation_id=validateCoupon');
    expect(page.requests[0]?.responseBody).toEqual({ detail: 'Cupom já Used' });
    // A type check only (never called).
    // @ts-expect-error: not a filter of the journal
    const wrongFilter = () => new ControlClient('http://sim.test').requests({ company: 'x' });
    expectTypeOf(wrongFilter).toBeFunction();
  });

  it('state-changing calls are JSON, with or without a body; an error answer throws ControlError with the body', async () => {
    const ok = standIn(200, { reset: true, clock: { now: '2026-01-15T12:00:00.000Z', frozen: false } });
    await new ControlClient('http://sim.test', undefined, ok.fetch).reset();
    expect(ok.seen[0]).toMatchObject({
      method: 'POST',
      url: 'http://sim.test/__control/reset',
      headers: { 'content-type': 'application/json' },
    });
    const bad = standIn(400, { error: 'invalid fixtures', problems: ['/companies must be array'] });
    const err = await new ControlClient('http://sim.test', undefined, bad.fetch).seed({ companies: 1 }, 'merge').catch((e: unknown) => e);
    expect(bad.seen[0]).toMatchObject({ url: 'http://sim.test/__control/seed?mode=merge', body: '{"companies":1}' });
    expect(err).toBeInstanceOf(ControlError);
    expect(err).toMatchObject({ status: 400, body: { error: 'invalid fixtures', problems: ['/companies must be array'] } });
  });
});
