/**
 * The simulator conforms to its own spec: the scripted flows run through `prism proxy --errors`,
 * which checks every request and response against specs/zupy.openapi.yaml. Zero violations allowed.
 * Negative control: a deliberately off-spec response through the same proxy is flagged.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { startPrismProxy, type RunningPrism } from '../../mocks/prism/launch.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { freePort } from '../helpers.ts';

let mock: RunningMock;
let proxy: RunningPrism;

/** A response is a violation when Prism answers with its own problem type or flags it in sl-violations. */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; violations: string | null }> {
  const r = await fetch(`${proxy.url}${path}`, init);
  const text = await r.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  const prismError =
    typeof (body as { type?: unknown })?.type === 'string' && String((body as { type: string }).type).includes('stoplight.io/prism');
  return { status: r.status, body, violations: prismError ? text : r.headers.get('sl-violations') };
}

beforeAll(async () => {
  mock = await startMock({ api: 'zupy', port: 0 });
  proxy = await startPrismProxy({ api: 'zupy', port: await freePort(), upstream: mock.url });
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
});

describe('zupy simulator through prism proxy --errors', () => {
  it('the documented flows produce zero violations', async () => {
    const key = { 'X-API-Key': DEMO.keyReadWrite, 'content-type': 'application/json' };
    const ana = DEMO.customers.ana;
    const seen: { step: string; status: number; violations: string | null }[] = [];
    const step = async (name: string, path: string, init: RequestInit = {}) => {
      const r = await call(path, { ...init, headers: { ...key, ...(init.headers as Record<string, string> | undefined) } });
      seen.push({ step: name, status: r.status, violations: r.violations });
      return r;
    };
    await step('request otp', '/api/v2/auth/request-otp/', { method: 'POST', body: JSON.stringify({ identifier: '+5511987654321' }) });
    const verified = await step('verify otp', '/api/v2/auth/verify-otp/', {
      method: 'POST',
      body: JSON.stringify({ identifier: '+5511987654321', otp_code: DEMO.otpCode }),
    });
    const session = (verified.body as { data: { otp_session: string } }).data.otp_session;
    const otp = { 'X-OTP-Session': session };
    await step('verify otp again (the code was used up)', '/api/v2/auth/verify-otp/', {
      method: 'POST',
      body: JSON.stringify({ identifier: '+5511987654321', otp_code: '000000' }),
    });
    await step('rewards', `/api/v2/rewards/?customer_id=${ana}`);
    await step('redeemable rewards', `/api/v2/rewards/?customer_id=${ana}&redeemable=true`);
    const redeemed = await step('redeem', `/api/v2/customers/${ana}/rewards/${DEMO.rewards.coffee}/redeem/`, {
      method: 'POST',
      headers: otp,
      body: '{}',
    });
    const code = (redeemed.body as { data: { coupon_code: string } }).data.coupon_code;
    await step('redeem without OTP', `/api/v2/customers/${ana}/rewards/${DEMO.rewards.coffee}/redeem/`, { method: 'POST', body: '{}' });
    await step('redeem marketing', `/api/v2/customers/${ana}/rewards/${DEMO.rewards.welcome}/redeem/`, {
      method: 'POST',
      headers: otp,
      body: '{}',
    });
    await step('redeem marketing again', `/api/v2/customers/${ana}/rewards/${DEMO.rewards.welcome}/redeem/`, {
      method: 'POST',
      headers: otp,
      body: '{}',
    });
    await step('redeem with Z$', `/api/v2/customers/${ana}/rewards/${DEMO.rewards.cake}/redeem/`, {
      method: 'POST',
      headers: otp,
      body: '{"use_z_tokens":true}',
    });
    await step('list', `/api/v2/coupons/issued/?customer_id=${ana}&page_size=2`);
    await step('lookup', `/api/v2/coupons/issued/?code=${code.toLowerCase()}`);
    await step('lookup unknown', '/api/v2/coupons/issued/?code=CZ-FFFFFFFF');
    await step('validate', `/api/v2/customers/${ana}/coupons/${code}/validate/`, { method: 'POST', headers: otp });
    await step('validate again', `/api/v2/customers/${ana}/coupons/${code}/validate/`, { method: 'POST', headers: otp });
    for (let i = 0; i < 3; i++)
      await step(`multi-use ${i + 1}`, `/api/v2/customers/${ana}/coupons/${DEMO.coupons.multiUse.id}/validate/`, {
        method: 'POST',
        headers: otp,
      });
    await step('validate expired', `/api/v2/customers/${ana}/coupons/${DEMO.coupons.expired.code}/validate/`, {
      method: 'POST',
      headers: otp,
    });
    await step('validate cancelled', `/api/v2/customers/${ana}/coupons/${DEMO.coupons.cancelled.code}/validate/`, {
      method: 'POST',
      headers: otp,
    });
    await step('validate unknown', `/api/v2/customers/${ana}/coupons/CZ-00000000/validate/`, { method: 'POST', headers: otp });
    await step('stats', '/api/v2/coupons/issued/stats/');
    await step('points', `/api/v2/customers/${ana}/points/`);
    await step('points of a foreign customer', `/api/v2/customers/${DEMO.customers.diego}/points/`);
    await step('read-only write', `/api/v2/customers/${ana}/coupons/${code}/validate/`, {
      method: 'POST',
      headers: { 'X-API-Key': DEMO.keyReadOnly },
    });
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    expect(seen.filter((s) => s.violations)).toEqual([]);
    expect(seen.map((s) => s.status)).toEqual([
      200, 200, 404, 200, 200, 200, 403, 200, 422, 422, 200, 200, 200, 200, 409, 200, 200, 200, 409, 409, 404, 200, 200, 404, 403,
    ]);
  }, 60_000);
});

describe('negative control: an off-spec provider through the same proxy', () => {
  let bad: Server;
  let badProxy: RunningPrism;
  beforeAll(async () => {
    bad = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [{ id: 42, coupon_code: 'nope' }], meta: {} }));
    });
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', () => r()));
    const port = (bad.address() as { port: number }).port;
    badProxy = await startPrismProxy({ api: 'zupy', port: await freePort(), upstream: `http://127.0.0.1:${port}` });
  }, 60_000);
  afterAll(async () => {
    await badProxy?.close();
    bad?.close();
  });

  it('is flagged', async () => {
    const r = await fetch(`${badProxy.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': DEMO.keyReadWrite } });
    const text = await r.text();
    const flagged = text.includes('stoplight.io/prism') || r.headers.get('sl-violations') !== null;
    expect(flagged).toBe(true);
  });
});
