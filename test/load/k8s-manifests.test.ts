/**
 * The k6-operator manifests in load/k8s/ against the TestRun CRD's own schema (openAPIV3Schema of
 * testruns.k6.io v1alpha1, load/k8s/schema/), with unknown fields refused as `kubectl apply
 * --validate=strict` refuses them, and the race settings that must agree with the parallelism.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const K8S = join(import.meta.dirname, '../../load/k8s');
const CRD_SCHEMA = JSON.parse(readFileSync(join(K8S, 'schema/testrun.v1alpha1.schema.json'), 'utf8')) as Record<string, unknown>;

/** Every object schema with `properties` and no `additionalProperties` refuses other fields (strict field validation). */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strict(s)])) : strict(v);
  if (out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true)
    out.additionalProperties = false;
  return out;
}

function compile(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  // metadata is ObjectMeta, validated by the API server itself, not by the CRD schema.
  return ajv.compile(strict(CRD_SCHEMA) as object);
}

const validate = compile();
const errors = (doc: unknown) =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

interface TestRun {
  kind: string;
  spec: { parallelism: number; runner?: { env?: { name: string; value?: string }[] } };
}
const testRuns = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(K8S, f), 'utf8'))
      .map((d) => ({ file: f, doc: d.toJS() as TestRun }))
      .filter((d) => d.doc?.kind === 'TestRun'),
  );

describe('load/k8s TestRun manifests', () => {
  it('there is at least one', () => {
    expect(testRuns.length).toBeGreaterThan(0);
  });

  it.each(testRuns)('$file validates against the k6-operator TestRun CRD schema', ({ doc }) => {
    expect(errors(doc)).toEqual([]);
  });

  it.each(testRuns)('$file: RUNNERS equals spec.parallelism, and every runner reads the final state after SETTLE_MS', ({ doc }) => {
    const env = Object.fromEntries((doc.spec.runner?.env ?? []).map((e) => [e.name, e.value]));
    expect(Number(env.RUNNERS)).toBe(doc.spec.parallelism);
    expect(doc.spec.parallelism).toBeGreaterThan(1);
    expect(Number(env.SETTLE_MS)).toBeGreaterThan(0);
  });

  it('the schema check can fail: a misspelt field, a string parallelism, no script', () => {
    const base = testRuns[0]?.doc as unknown as { spec: Record<string, unknown> };
    expect(errors({ ...base, spec: { ...base.spec, paralelism: 4 } }).join('\n')).toContain('paralelism');
    expect(errors({ ...base, spec: { ...base.spec, parallelism: 'four' } }).join('\n')).toContain('/spec/parallelism must be integer');
    const { script: _script, ...noScript } = base.spec;
    expect(errors({ ...base, spec: noScript }).join('\n')).toContain("must have required property 'script'");
  });
});
