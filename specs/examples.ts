/**
 * Validates every example of a spec against its schema with AJV (JSON Schema 2020-12).
 * Linters stop at the first error; this reports them all, with a JSON pointer to each.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './index.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface ExampleFailure {
  /** JSON pointer of the example in the spec. */
  at: string;
  message: string;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

interface CheckedExample {
  schemaPointer: string;
  examplePointer: string;
  value: unknown;
}

/** Collects (schema, example) pairs from media types, parameters, headers and schemas. */
function collect(doc: OpenApiDocument): CheckedExample[] {
  const targets: CheckedExample[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if ('schema' in obj && obj.schema && typeof obj.schema === 'object') {
      const schemaPointer = `${pointer}/schema`;
      if ('example' in obj) targets.push({ schemaPointer, examplePointer: `${pointer}/example`, value: obj.example });
      if (obj.examples && typeof obj.examples === 'object') {
        for (const [name, ex] of Object.entries(obj.examples as Record<string, unknown>)) {
          const resolved = (ex as { $ref?: string }).$ref ? resolvePointer(doc, (ex as { $ref: string }).$ref) : ex;
          const value = (resolved as { value?: unknown } | undefined)?.value;
          if (resolved && typeof resolved === 'object' && 'value' in resolved) {
            targets.push({ schemaPointer, examplePointer: `${pointer}/examples/${escape(name)}`, value });
          }
        }
      }
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key === 'examples' || key === 'example') continue;
      visit(child, `${pointer}/${escape(key)}`);
    }
  };
  visit(doc.paths, '#/paths');
  visit(doc.components, '#/components');
  // JSON Schema `examples` arrays inside component schemas.
  const schemas = doc.components?.schemas ?? {};
  const visitSchema = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (Array.isArray(obj.examples)) {
      obj.examples.forEach((value, i) => targets.push({ schemaPointer: pointer, examplePointer: `${pointer}/examples/${i}`, value }));
    }
    for (const [key, child] of Object.entries(obj)) if (key !== 'examples') visitSchema(child, `${pointer}/${escape(key)}`);
  };
  for (const [name, schema] of Object.entries(schemas)) visitSchema(schema, `#/components/schemas/${escape(name)}`);
  return targets;
}

export function checkExamples(doc: OpenApiDocument): { checked: number; failures: ExampleFailure[] } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'spec');
  const failures: ExampleFailure[] = [];
  const targets = collect(doc);
  for (const t of targets) {
    let validate;
    try {
      validate = ajv.compile({ $ref: `spec${t.schemaPointer}` });
    } catch (err) {
      failures.push({ at: t.examplePointer, message: `schema does not compile: ${(err as Error).message}` });
      continue;
    }
    if (!validate(t.value)) {
      const msg = (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ');
      failures.push({ at: t.examplePointer, message: msg });
    }
  }
  return { checked: targets.length, failures };
}
