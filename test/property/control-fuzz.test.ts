/**
 * The running simulator's control API against specs/control.openapi.yaml: spec-driven requests
 * (the fuzzer's valid and invalid values, plus every request example of the spec) to an in-process
 * simulator with a control token; every answer must be declared, never a 5xx, with a body that
 * matches its schema. Negative control: a control API that answers off-spec is caught.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../mocks/index.ts';
import type { Simulator } from '../../mocks/simulator/app.ts';
import { deref, operations, requestArb, ResponseChecker, type FuzzContext, type FuzzRequest } from '../../property-tests/fuzz.ts';
import { loadSpec, type OpenApiDocument } from '../../specs/index.ts';

const TOKEN = 'fuzz-control-token';
/** Not JSON answers: the event stream stays open, the console is HTML (the browser tests cover it). */
const NOT_FUZZED = new Set(['streamEvents', 'getConsole', 'getConsoleAsset']);
const spec = loadSpec('control');
const fuzzed: OpenApiDocument = {
  ...spec,
  paths: Object.fromEntries(
    Object.entries(spec.paths).filter(
      ([, item]) => !Object.values(item).some((op) => NOT_FUZZED.has((op as { operationId?: string }).operationId ?? '')),
    ),
  ),
};

const CONTEXT: FuzzContext = {
  auth: [{ 'X-Control-Token': TOKEN }, { 'X-Control-Token': TOKEN }, { 'X-Control-Token': TOKEN }, {}, { 'X-Control-Token': 'nope' }],
  ids: ['replace', 'merge', 'GET', 'POST', '/api/v2/coupons/issued/', 'validateCoupon', 'active', 'used', 'CZ-', 'WELCOME'],
};

/** Every request example of the spec, sent as it stands (valid bodies reach the handlers). */
function exampleRequests(doc: OpenApiDocument): fc.Arbitrary<FuzzRequest> {
  const out: FuzzRequest[] = [];
  for (const { path, method, op } of operations(doc)) {
    const content = (deref(doc, op.requestBody ?? {}) as { content?: Record<string, { examples?: Record<string, unknown> }> }).content;
    for (const ex of Object.values(content?.['application/json']?.examples ?? {})) {
      const value = (deref(doc, ex) as { value: unknown }).value;
      for (const mode of ['', '?mode=merge']) {
        if (mode && op.operationId !== 'seed') continue;
        out.push({
          operationId: op.operationId,
          method,
          url: `${path}${mode}`,
          headers: { 'X-Control-Token': TOKEN, 'content-type': 'application/json' },
          body: JSON.stringify(value),
        });
      }
    }
  }
  return fc.constantFrom(...out);
}

type Tamper = (r: { status: number; body: string; contentType: string | undefined }) => {
  status: number;
  body: string;
  contentType: string | undefined;
};

async function send(sim: Simulator, r: FuzzRequest, tamper: Tamper = (x) => x) {
  const res = await sim.app.inject({
    method: r.method as 'GET',
    url: r.url,
    headers: r.headers,
    remoteAddress: '127.0.0.1',
    ...(r.body === undefined ? {} : { payload: r.body }),
  });
  return tamper({ status: res.statusCode, body: res.body, contentType: res.headers['content-type'] as string | undefined });
}

const checker = new ResponseChecker(spec);
const requests = fc.oneof({ weight: 3, arbitrary: requestArb(fuzzed, CONTEXT) }, { weight: 1, arbitrary: exampleRequests(fuzzed) });

async function fuzz(sim: Simulator, runs: number, seen: Map<string, Set<number>>, tamper?: Tamper) {
  await fc.assert(
    fc.asyncProperty(requests, async (req) => {
      const r = await send(sim, req, tamper);
      seen.set(req.operationId, (seen.get(req.operationId) ?? new Set<number>()).add(r.status));
      const problem = checker.check(req.operationId, r.status, r.body, r.contentType);
      if (problem) throw new Error(`${req.method} ${req.url} ${req.body?.slice(0, 200) ?? ''} → ${problem}`);
    }),
    { numRuns: runs, seed: 131313 },
  );
}

/** The check that failed a run (fast-check keeps it as the cause of its report). */
const failure = (run: Promise<void>) =>
  run.then(
    () => 'no failure',
    (err: Error) => String((err.cause as Error | undefined)?.message ?? err.message),
  );

describe.each(['zupy', 'b2s'] as const)('%s simulator: the control API against specs/control.openapi.yaml', (api) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ api, control: { token: TOKEN } });
  });
  afterAll(() => sim.app.close());

  it('every answer to 2,000 spec-driven requests is declared, never 5xx, and matches its schema', async () => {
    const seen = new Map<string, Set<number>>();
    await fuzz(sim, 2000, seen);
    // Every fuzzed operation was reached, with successes and refusals among the answers.
    const fuzzedOps = operations(fuzzed).map((o) => o.op.operationId);
    expect([...seen.keys()].sort()).toEqual([...fuzzedOps].sort());
    const all = [...seen.values()].flatMap((s) => [...s]);
    for (const status of [200, 400, 401, 415]) expect(all, String(status)).toContain(status);
    expect([...(seen.get('seed') ?? [])]).toContain(200);
  }, 180_000);

  it('negative control: a control API whose errors leave the spec ({"message"} instead of {"error"}) is caught', async () => {
    const offSpec: Tamper = (r) => (r.status >= 400 ? { ...r, body: r.body.replace('"error"', '"message"') } : r);
    expect(await failure(fuzz(sim, 100, new Map(), offSpec))).toMatch(
      /415 body breaks the schema: data must have required property 'error'/,
    );
  }, 60_000);

  it('negative control: an answer the spec does not declare is caught', async () => {
    expect(await failure(fuzz(sim, 100, new Map(), (r) => (r.status === 200 ? { ...r, status: 202 } : r)))).toMatch(
      /status 202 is not declared/,
    );
  }, 60_000);
});
