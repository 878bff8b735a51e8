/** Spec-driven fuzzing of both simulators, in-process; negative control: an off-spec provider is caught. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../mocks/index.ts';
import type { Simulator } from '../../mocks/simulator/app.ts';
import { B2S_DEMO } from '../../mocks/demo/b2s.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { requestArb, ResponseChecker, type FuzzContext, type FuzzRequest } from '../../property-tests/fuzz.ts';
import { loadSpec, type ApiName } from '../../specs/index.ts';

const CONTEXTS: Record<ApiName, FuzzContext> = {
  zupy: {
    auth: [
      { 'X-API-Key': DEMO.keyOtherCompany },
      { 'X-API-Key': DEMO.keyOtherCompany },
      { 'X-API-Key': DEMO.keyReadWrite },
      { 'X-API-Key': DEMO.keyReadOnly },
      {},
      { 'X-API-Key': 'zupy_pk_nope' },
    ],
    ids: [
      DEMO.customers.diego,
      DEMO.customers.ana,
      DEMO.rewards.bread,
      DEMO.rewards.coffee,
      DEMO.coupons.diego.code,
      DEMO.coupons.diego.id,
      DEMO.coupons.active.code.toLowerCase(),
      '+5541999887766',
    ],
  },
  b2s: {
    auth: [
      { Authorization: `Bearer ${B2S_DEMO.franchiseToken}` },
      { Authorization: `Bearer ${B2S_DEMO.franchiseToken}` },
      { Authorization: `Bearer ${B2S_DEMO.companyAToken}` },
      {},
      { Authorization: 'Bearer nope' },
    ],
    ids: [
      B2S_DEMO.companyA,
      B2S_DEMO.companyB,
      B2S_DEMO.activeCoupon,
      B2S_DEMO.usedCoupon,
      'WELCOME2024',
      '5511999999999',
      '123.456.789-09',
    ],
  },
};

async function send(sim: Simulator, r: FuzzRequest) {
  const res = await sim.app.inject({
    method: r.method as 'GET',
    url: r.url,
    headers: r.headers,
    ...(r.body === undefined ? {} : { payload: r.body }),
  });
  return { status: res.statusCode, body: res.body, contentType: res.headers['content-type'] as string | undefined };
}

describe.each(['zupy', 'b2s'] as const)('%s: spec-driven fuzzing', (api) => {
  let sim: Simulator;
  const checker = new ResponseChecker(loadSpec(api));
  beforeAll(async () => {
    sim = await createSimulator({ api });
  });
  afterAll(() => sim.app.close());

  it('every response to 1,500 valid and invalid requests is declared, never 5xx, and matches its schema', async () => {
    const seen = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(requestArb(loadSpec(api), CONTEXTS[api]), async (req) => {
        const r = await send(sim, req);
        const statuses = seen.get(req.operationId) ?? new Set<number>();
        seen.set(req.operationId, statuses.add(r.status));
        const problem = checker.check(req.operationId, r.status, r.body, r.contentType);
        if (problem) throw new Error(`${req.method} ${req.url} ${req.body ?? ''} → ${problem}`);
      }),
      { numRuns: 1500, seed: 424242 },
    );
    // The fuzzer reached every operation, and drew both successes and errors.
    expect(seen.size).toBe(api === 'zupy' ? 8 : 3);
    const all = [...seen.values()].flatMap((s) => [...s]);
    expect(all.some((s) => s < 300) && all.some((s) => s >= 400)).toBe(true);
  }, 120_000);

  it('negative control: a response that breaks the schema is reported', () => {
    const op = api === 'zupy' ? 'listIssuedCoupons' : 'listCoupons';
    expect(checker.check(op, 200, JSON.stringify({ data: [{ id: 42 }], meta: {} }), 'application/json')).toMatch(/breaks the schema/);
    expect(checker.check(op, 418, '{}', 'application/json')).toMatch(/not declared/);
    expect(checker.check(op, 500, '{}', 'application/json')).toMatch(/5xx/);
  });
});
