/**
 * Named schemas of a spec (`#/components/schemas/<name>`) compiled by AJV (JSON Schema 2020-12,
 * every error reported): what is checked outside a route, such as a fixture file before a
 * simulator starts. The spec is parsed and compiled on first use.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSpec, type SpecName } from './index.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
let ajv: Ajv2020 | undefined;
const loaded = new Set<SpecName>();

export function schemaValidator(spec: SpecName, name: string): ValidateFunction {
  ajv ??= addFormats(new Ajv2020({ allErrors: true, strict: false }));
  if (!loaded.has(spec)) {
    ajv.addSchema(loadSpec(spec), spec);
    loaded.add(spec);
  }
  const validate = ajv.getSchema(`${spec}#/components/schemas/${name}`);
  if (!validate) throw new Error(`specs/${spec}.openapi.yaml has no schema ${name}`);
  return validate;
}

/** The problems AJV finds, one line each (`/coupons/2/code must match pattern …`), at most `max`. */
export function schemaProblems(spec: SpecName, name: string, input: unknown, max = 20): string[] {
  const validate = schemaValidator(spec, name);
  return validate(input)
    ? []
    : (validate.errors ?? []).slice(0, max).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}
