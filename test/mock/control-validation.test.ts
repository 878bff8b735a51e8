/**
 * Control requests are validated from specs/control.openapi.yaml through the committed route table
 * and its precompiled validators, and refused in the control API's own format ({"error"} with 400).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../mocks/index.ts';
import type { Simulator } from '../../mocks/simulator/app.ts';
import { routesFor, validatorCompilerFor, validatorsPath } from '../../specs/routes.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ api: 'zupy' });
});
afterAll(() => sim.app.close());

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (url: string, payload: string) => sim.app.inject({ method: 'POST', url, headers: JSON_TYPE, payload });

describe('control API: requests validated from the control spec', () => {
  it.each([
    ['/__control/faults', '{"latency_ms":"100"}', 'body/latency_ms must be integer'],
    ['/__control/faults', '{"error_rate":2}', 'body/error_rate must be <= 1'],
    ['/__control/clock', '{"now":"2030-01-01T00:00:00Z","speed":2}', 'body must NOT have additional properties'],
    ['/__control/clock', '{"frozen":"true"}', 'body/frozen must be boolean'],
    ['/__control/otp-policy', '{"require_otp_for_redemption":1}', 'body/require_otp_for_redemption must be boolean'],
    ['/__control/provider-states', '{"state":"coupon {code} is used","params":[1]}', 'body/params must be object,null'],
  ])('POST %s %s → 400 %s, as sent (no coercion), state unchanged', async (url, body, message) => {
    const before = (await sim.app.inject({ url: '/__control/faults' })).body;
    const r = await post(url, body);
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ error: message });
    expect((await sim.app.inject({ url: '/__control/faults' })).body).toBe(before);
  });

  it('a query parameter given twice is a 400, not a 500', async () => {
    const r = await sim.app.inject({ url: '/__control/requests?method=get&method=post' });
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ error: 'querystring/method must be string' });
  });

  it('a body the spec does not require may be left out; the seed keeps listing every problem', async () => {
    expect((await sim.app.inject({ method: 'POST', url: '/__control/clock', headers: JSON_TYPE })).statusCode).toBe(200);
    const r = await post('/__control/seed?mode=merge', '{"companies":[{"id":"x y"}],"api_keys":1}');
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      error: 'invalid fixtures',
      problems: [
        "/companies/0 must have required property 'name'",
        '/companies/0/id must match pattern "^[0-9A-Za-z_]+$"',
        '/api_keys must be array',
      ],
    });
  });

  it('the control routes take the precompiled validators of specs/generated/control.validators.cjs', async () => {
    const compile = validatorCompilerFor('control', await routesFor('control'));
    const committed = createRequire(import.meta.url)(validatorsPath('control')) as { validators: Record<string, unknown> };
    const validate = compile({ method: 'POST', url: '/__control/faults', httpPart: 'body', schema: {} });
    expect(validate).toBe(committed.validators['POST /__control/faults body']);
  });

  it('negative control: without the spec, a fresh compile of a route with no schema accepts what the spec refuses', async () => {
    const compile = validatorCompilerFor('control', { routes: [] });
    const anything = compile({ method: 'POST', url: '/__control/faults', httpPart: 'body', schema: { type: 'object' } as never });
    expect(anything({ latency_ms: '100' })).toBe(true);
    const fromSpec = validatorCompilerFor(
      'control',
      await routesFor('control'),
    )({ method: 'POST', url: '/__control/faults', httpPart: 'body', schema: {} });
    expect(fromSpec({ latency_ms: '100' })).toBe(false);
  });
});
