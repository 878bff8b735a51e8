/** The control API: reset, seed (validated), fixtures, clock, faults, journal, access rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlError } from '../../clients/control.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { isLoopback } from '../../mocks/simulator/control/routes.ts';
import { type ZupyFixtures } from '../../mocks/simulator/zupy/fixtures.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ api: 'zupy', port: 0 });
});
afterAll(() => mock.close());

const list = (key: string = DEMO.keyReadWrite) => fetch(`${mock.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': key } });

describe('control API', () => {
  it('fixtures lists the demo keys and ids', async () => {
    const f = await mock.control.fixtures<ZupyFixtures>();
    expect(f.api_keys.map((k) => k.key)).toEqual([DEMO.keyReadWrite, DEMO.keyReadOnly, DEMO.keyOtherCompany]);
    expect(f.coupons.map((c) => c.coupon_code)).toContain(DEMO.coupons.active.code);
  });

  it('seed rejects bad fixtures with every problem listed, and changes nothing', async () => {
    const before = await mock.control.fixtures();
    const err = await mock.control
      .seed({ companies: [], api_keys: [{ key: 'nope', company_id: 'x', access: 'admin' }], customers: [], rewards: [], coupons: [] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ControlError);
    expect((err as ControlError).status).toBe(400);
    expect(JSON.stringify((err as ControlError).body)).toMatch(/key must match pattern/);
    expect(JSON.stringify((err as ControlError).body)).toMatch(/access must be equal to one of the allowed values/);
    const dangling = structuredClone(before) as unknown as ZupyFixtures;
    dangling.coupons.push({ ...dangling.coupons[0]!, id: '2zzzzzzzzzzzzzzzzzzzzzzzzzz', coupon_code: 'CZ-12345678', customer_id: 'ghost' });
    const err2 = await mock.control.seed(dangling).catch((e: unknown) => e);
    expect(JSON.stringify((err2 as ControlError).body)).toMatch(/unknown customer_id 'ghost'/);
    expect(await mock.control.fixtures()).toEqual(before);
  });

  it('seed merge adds coupons; reset restores the start state', async () => {
    const f = await mock.control.fixtures<ZupyFixtures>();
    const extra = {
      companies: [],
      api_keys: [],
      customers: [],
      rewards: [],
      coupons: [{ ...f.coupons[0]!, id: '2yyyyyyyyyyyyyyyyyyyyyyyyyy', coupon_code: 'CZ-ABCDEF12' }],
    };
    await mock.control.seed(extra, 'merge');
    expect((await mock.control.fixtures<ZupyFixtures>()).coupons).toHaveLength(f.coupons.length + 1);
    await mock.control.reset();
    expect((await mock.control.fixtures<ZupyFixtures>()).coupons).toHaveLength(f.coupons.length);
  });

  it('clock: set frozen, advance by duration or seconds, bad input is a 400', async () => {
    const set = await mock.control.setClock('2030-01-01T00:00:00Z', true);
    expect(set).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true });
    expect((await mock.control.advanceClock('PT3H')).now).toBe('2030-01-01T03:00:00.000Z');
    expect((await mock.control.advanceClock(60)).now).toBe('2030-01-01T03:01:00.000Z');
    await expect(mock.control.advanceClock('3 hours')).rejects.toThrow(/ISO 8601 duration/);
    await expect(mock.control.setClock('yesterday')).rejects.toThrow(/ISO 8601/);
    await mock.control.reset();
  });

  it('faults: unknown defects are refused; latency and error rate apply to API calls only', async () => {
    await expect(mock.control.faults({ defects: ['nope'] })).rejects.toThrow(/unknown defect/);
    await mock.control.faults({ error_rate: 1 });
    const r = await list();
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ type: 'https://docs.zupy.com/errors#service-unavailable', status: 503 });
    expect((await mock.control.faults()).error_rate).toBe(1);
    await mock.control.faults({ error_rate: 0, latency_ms: 50 });
    const t0 = performance.now();
    await list();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    await mock.control.reset();
    expect((await mock.control.faults()).latency_ms).toBe(0);
  });

  it('the journal records API calls with method, path, status and OTP header', async () => {
    await mock.control.clearRequests();
    await list();
    await fetch(`${mock.url}/api/v2/customers/${DEMO.customers.ana}/coupons/${DEMO.coupons.active.code}/validate/`, {
      method: 'POST',
      headers: { 'X-API-Key': DEMO.keyReadWrite, 'X-OTP-Session': 'abc' },
    });
    const v = await mock.control.requests({ operation_id: 'validateCoupon' });
    expect(v.count).toBe(1);
    expect(v.requests[0]).toMatchObject({ method: 'POST', status: 403, headers: { 'x-otp-session': 'abc' } });
    expect((await mock.control.requests({ method: 'get', path: '/api/v2/coupons/issued/' })).count).toBe(1);
  });

  it('accepts loopback callers only (unless a control token is set)', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.8')).toBe(false);
    expect(isLoopback('::ffff:192.168.1.2')).toBe(false);
  });
});

describe('control API options', () => {
  it('--control-token: calls without the token get 401, with it 200', async () => {
    const m = await startMock({ api: 'zupy', port: 0, control: { token: 's3cret' } });
    try {
      expect((await fetch(`${m.url}/__control/fixtures`)).status).toBe(401);
      expect((await fetch(`${m.url}/__control/fixtures`, { headers: { 'x-control-token': 's3cret' } })).status).toBe(200);
      expect(await m.control.clock()).toHaveProperty('now');
    } finally {
      await m.close();
    }
  });

  it('--no-control: the control API is gone and the path is an ordinary unknown route', async () => {
    const m = await startMock({ api: 'zupy', port: 0, control: false });
    try {
      const r = await fetch(`${m.url}/__control/fixtures`);
      expect(r.status).toBe(404);
    } finally {
      await m.close();
    }
  });

  it('--rate-limit N: the N+1th request in a minute is a 429 with Retry-After', async () => {
    const m = await startMock({ api: 'zupy', port: 0, rateLimit: 3 });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await fetch(`${m.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': DEMO.keyReadWrite } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await last?.json()).toMatchObject({ type: 'https://docs.zupy.com/errors#rate-limit-exceeded' });
    } finally {
      await m.close();
    }
  });

  it('a bad fixture value fails startMock with a clear FixtureError', async () => {
    await expect(startMock({ api: 'zupy', port: 0, fixtures: { companies: 'x' } })).rejects.toThrow(/invalid zupy fixtures/);
  });
});
