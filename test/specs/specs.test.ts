import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkExamples } from '../../specs/examples.ts';
import { generatedPath, generateRouting, generateTypes } from '../../specs/generate.ts';
import { routesFor, routeTablePath, validatorsPath } from '../../specs/routes.ts';
import { API_NAMES, loadSpec, loadSpecFile, SPEC_NAMES } from '../../specs/index.ts';
import { lintSpec } from '../../specs/lint.ts';

const BROKEN = fileURLToPath(new URL('./fixtures/broken-example.openapi.yaml', import.meta.url));

describe.each(SPEC_NAMES)('spec %s', (api) => {
  it('every example validates against its schema (AJV 2020-12)', () => {
    const { checked, failures } = checkExamples(loadSpec(api));
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('passes Spectral with the project ruleset', () => {
    const r = lintSpec(`specs/${api}.openapi.yaml`);
    expect(r.spectralOutput).not.toMatch(/\d+ errors?/);
    expect(r.ok).toBe(true);
  }, 60_000);

  it('generated types do not drift from the spec (run `npm run generate`)', async () => {
    expect(await generateTypes(api)).toBe(readFileSync(generatedPath(api), 'utf8'));
  });

  it("the simulator's route table and precompiled validators do not drift from the spec (run `npm run generate`)", async () => {
    const fresh = await generateRouting(api);
    expect(fresh.table).toBe(readFileSync(routeTablePath(api), 'utf8'));
    expect(fresh.validators).toBe(readFileSync(validatorsPath(api), 'utf8'));
    const table = JSON.parse(fresh.table) as { routes: { operationId: string }[] };
    const operations = Object.values(loadSpec(api).paths)
      .flatMap((item) => Object.values(item))
      .map((op) => (op as { operationId?: string }).operationId)
      .filter(Boolean);
    expect(table.routes.map((r) => r.operationId).sort()).toEqual(operations.sort());
  });
});

describe.each(API_NAMES)('provider spec %s', (api) => {
  it('marks inferred elements, each with a reason naming its decision', () => {
    const inferred: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      if ((node as Record<string, unknown>)['x-inferred'] === true) inferred.push(node as Record<string, unknown>);
      Object.values(node).forEach(walk);
    };
    walk(loadSpec(api));
    expect(inferred.length).toBeGreaterThan(5);
    for (const n of inferred) expect(String(n['x-inferred-reason'])).toMatch(/[ZB]-\d+|fault injection|not documented|inferred|simulator/i);
  });
});

describe('the simulator starts from the committed routing', () => {
  it('uses the precompiled validators, which reject what the spec forbids', async () => {
    const { routes, buildValidator } = await routesFor('zupy');
    expect(buildValidator).toBeDefined();
    const list = routes.find((r) => r.operationId === 'listIssuedCoupons');
    expect(list).toBeDefined();
    const validate = buildValidator!({}, {})({ method: 'GET', url: list!.url, httpPart: 'querystring' });
    expect(validate({ status: 'active' })).toBe(true);
    expect(validate({ status: 'pending' })).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(/allowed values/);
  });
});

describe('negative control: a spec with a broken example', () => {
  it('is rejected by the example check, which names the example and both faults', () => {
    const { failures } = checkExamples(loadSpecFile(BROKEN));
    expect(failures).toHaveLength(1);
    expect(failures[0]?.at).toBe('#/paths/~1coupons~1{id}/get/responses/200/content/application~1json/examples/broken');
    expect(failures[0]?.message).toMatch(/\/code must match pattern/);
    expect(failures[0]?.message).toMatch(/\/remaining_usages must be >= 0/);
  });

  it('fails `coupon-kit lint`', () => {
    const r = lintSpec(BROKEN);
    expect(r.ok).toBe(false);
    expect(r.exampleFailures).toHaveLength(1);
  }, 60_000);
});
