/**
 * The control spec's fixture schemas are the fixture format: its named examples are the demo data
 * and pass the whole check (shape and semantics), and the check needs no server.
 */
import { describe, expect, it } from 'vitest';
import { checkFixtures } from '../../mocks/index.ts';
import { b2sDemoFixtures } from '../../mocks/demo/b2s.ts';
import { zupyDemoFixtures } from '../../mocks/demo/zupy.ts';
import { loadSpec } from '../../specs/index.ts';
import { schemaProblems } from '../../specs/schemas.ts';

const spec = loadSpec('control');
const examples = spec.components?.examples as Record<string, { value: Record<string, unknown[]> }>;
const AT = Date.parse('2026-01-15T12:00:00Z');

describe('control spec: fixture examples', () => {
  it('ZupyDemo is the Zupy demo data, and passes the whole fixture check', async () => {
    expect(examples.ZupyDemo?.value).toEqual(zupyDemoFixtures(AT));
    expect(await checkFixtures('zupy', examples.ZupyDemo?.value)).toEqual([]);
  });

  it('B2sDemo is the B2S demo data (its first coupons), and passes the whole fixture check', async () => {
    const demo = b2sDemoFixtures(AT);
    expect(examples.B2sDemo?.value).toEqual({ ...demo, coupons: demo.coupons.slice(0, examples.B2sDemo?.value.coupons?.length) });
    expect(await checkFixtures('b2s', examples.B2sDemo?.value)).toEqual([]);
  });

  it("a fixture document is one provider's: each demo fits its own schema and not the other's", () => {
    expect(schemaProblems('control', 'Fixtures', examples.ZupyDemo?.value)).toEqual([]);
    expect(schemaProblems('control', 'B2sFixtures', examples.ZupyDemo?.value).length).toBeGreaterThan(0);
    expect(schemaProblems('control', 'ZupyFixtures', examples.B2sDemo?.value).length).toBeGreaterThan(0);
    expect(schemaProblems('control', 'SeedBody', {})).toEqual([]);
  });

  it('checkFixtures lists shape problems from the spec and semantic problems from code, with their messages', async () => {
    const bad = structuredClone(examples.ZupyDemo?.value) as { api_keys: Record<string, unknown>[]; coupons: Record<string, unknown>[] };
    bad.api_keys[0]!.access = 'admin';
    expect(await checkFixtures('zupy', bad)).toEqual(['/api_keys/0/access must be equal to one of the allowed values']);
    bad.api_keys[0]!.access = 'read-only';
    bad.coupons[1]!.customer_id = 'ghost';
    bad.coupons.push({ ...bad.coupons[0] });
    expect(await checkFixtures('zupy', bad)).toEqual([
      "duplicate coupon id '16a33f27fbbc1801d63d56d2027'",
      "duplicate coupon code 'CZ-914F15F3'",
      "/coupons/1: unknown customer_id 'ghost'",
    ]);
    expect(await checkFixtures('b2s', { companies: [{ id: 'nope', name: 'x' }], tokens: [], clients: [], coupons: [] })).toEqual([
      '/companies/0/id must match format "uuid"',
    ]);
  });
});
