/**
 * Spec-driven fuzzing: arbitraries derived from each operation's parameters and request body
 * generate valid and invalid requests; every response must be a declared status (never a 5xx)
 * whose body validates against the spec's schema for that status.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { OpenApiDocument } from '../specs/index.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
}
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Schema;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzContext {
  /** Credentials: valid ones mostly, sometimes missing or wrong. */
  auth: Record<string, string>[];
  /** Known ids to mix into path and query strings (so some requests hit real resources). */
  ids: string[];
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows local `$ref`s (`#/components/…`) to the node they name. */
export function deref<T>(doc: OpenApiDocument, node: T): T {
  let n = node as { $ref?: string };
  while (n && typeof n === 'object' && typeof n.$ref === 'string') {
    let cur: unknown = doc;
    for (const seg of n.$ref.slice(2).split('/')) cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    n = cur as { $ref?: string };
  }
  return n as T;
}

/** Values a schema accepts, plus values it rejects. */
function valueArb(doc: OpenApiDocument, raw: Schema | undefined, ctx: FuzzContext): fc.Arbitrary<string> {
  const s = deref(doc, raw ?? {});
  const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '-1', '0', 'null', '%', 'ção😀', 'x'.repeat(300), '2024-13-45'));
  const valid: fc.Arbitrary<string>[] = [];
  if (s.enum) valid.push(fc.constantFrom(...s.enum.map(String)));
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('integer')) valid.push(fc.integer({ min: s.minimum ?? -5, max: s.maximum ?? 200 }).map(String));
  if (types.includes('boolean')) valid.push(fc.constantFrom('true', 'false'));
  if (s.format === 'date')
    valid.push(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
  if (s.format === 'email') valid.push(fc.constantFrom('john@example.com', 'nobody@example.com'));
  if (types.includes('string') && !s.enum && !s.format) valid.push(fc.constantFrom(...ctx.ids), fc.string({ maxLength: 20 }));
  if (s.format === 'uuid') valid.push(fc.constantFrom(...ctx.ids), fc.uuid());
  return valid.length ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...valid) }, { weight: 1, arbitrary: junk }) : junk;
}

export function operations(doc: OpenApiDocument): { path: string; method: string; op: Operation }[] {
  const out: { path: string; method: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item))
      if ((op as Operation).operationId) out.push({ path, method: method.toUpperCase(), op: op as Operation });
  }
  return out;
}

export function requestArb(doc: OpenApiDocument, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const ops = operations(doc).map(({ path, method, op }) => {
    const params = (op.parameters ?? []).map((p) => deref(doc, p));
    const pathParams = params.filter((p) => p.in === 'path');
    const query = params.filter((p) => p.in === 'query');
    const headerParams = params.filter((p) => p.in === 'header');
    const record = (list: Parameter[], optional: boolean) =>
      fc.record(
        Object.fromEntries(
          list.map((p) => [
            p.name,
            optional && !p.required ? fc.option(valueArb(doc, p.schema, ctx), { nil: undefined, freq: 3 }) : valueArb(doc, p.schema, ctx),
          ]),
        ),
      );
    const body = op.requestBody
      ? fc.option(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.constantFrom(
              '{',
              '{"use_z_tokens":true}',
              '{"identifier":"+5511987654321"}',
              '{"identifier":"+5511987654321","otp_code":"123456"}',
            ),
          ),
          { nil: undefined },
        )
      : fc.constant(undefined);
    return fc
      .tuple(record(pathParams, false), record(query, true), record(headerParams, true), body, fc.constantFrom(...ctx.auth))
      .map(([pp, qp, hp, b, auth]) => {
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(pp[name] ?? 'x') || 'x'));
        const qs = new URLSearchParams(Object.entries(qp).filter((e): e is [string, string] => e[1] !== undefined)).toString();
        const headers: Record<string, string> = { ...auth };
        for (const [k, v] of Object.entries(hp)) if (typeof v === 'string' && /^[\x20-\x7e]*$/.test(v)) headers[k] = v;
        if (b !== undefined) headers['content-type'] = 'application/json';
        return { operationId: op.operationId, method, url: qs ? `${url}?${qs}` : url, headers, ...(b === undefined ? {} : { body: b }) };
      });
  });
  return fc.oneof(...ops);
}

/** Checks one response against the operation's declared responses. Returns a problem, or null. */
export class ResponseChecker {
  readonly #ajv = new Ajv2020({ strict: false, allErrors: false });
  readonly #cache = new Map<string, ValidateFunction | null>();
  readonly #ops: Map<string, { path: string; method: string; op: Operation }>;

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.#ajv);
    this.#ajv.addSchema(doc, 'spec');
    this.#ops = new Map(operations(doc).map((o) => [o.op.operationId, o]));
  }

  check(operationId: string, status: number, body: string, contentType: string | undefined): string | null {
    if (status >= 500) return `${operationId}: ${status} (a 5xx)`;
    const o = this.#ops.get(operationId);
    if (!o) return `unknown operation ${operationId}`;
    const declared = o.op.responses[String(status)];
    if (!declared) return `${operationId}: status ${status} is not declared (declared: ${Object.keys(o.op.responses).join(', ')})`;
    const response = deref(this.doc, declared) as { content?: Record<string, unknown> };
    if (!response.content) return body.length === 0 ? null : `${operationId}: ${status} should have no body`;
    if (!contentType?.includes('json')) return `${operationId}: ${status} is not JSON (${contentType ?? 'no content type'})`;
    const key = `${operationId}:${status}`;
    if (!this.#cache.has(key)) {
      const ref =
        declared && (declared as { $ref?: string }).$ref
          ? `${(declared as { $ref: string }).$ref}/content/application~1json/schema`
          : `#/paths/${escape(o.path)}/${o.method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
      this.#cache.set(key, this.#ajv.compile({ $ref: `spec${ref}` }));
    }
    const validate = this.#cache.get(key);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `${operationId}: ${status} body is not JSON`;
    }
    if (validate && !validate(parsed)) return `${operationId}: ${status} body breaks the schema: ${this.#ajv.errorsText(validate.errors)}`;
    return null;
  }
}
