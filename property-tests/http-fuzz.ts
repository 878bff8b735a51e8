/**
 * Spec-driven fuzzing over HTTP, run by `coupon-kit check` against the target URL: for every
 * operation of the spec, requests with malformed JSON, a wrong content type, an oversize body, and
 * missing or bad credentials. Every answer must be declared for the operation (a 413 to an oversize
 * body is always accepted: any server or gateway may refuse a body by size), never a 5xx, with a
 * body that matches the spec's schema; a missing or bad credential must be a 401.
 *
 * It changes no state: requests carrying valid credentials to an operation that changes state
 * (validate, redeem, PATCH) address ids that do not exist.
 */
import fc from 'fast-check';
import type { OpenApiDocument } from '../specs/index.ts';
import { InvariantError } from './model/errors.ts';
import { deref, operations, ResponseChecker } from './fuzz.ts';
import type { Target } from './targets/target.ts';
import { TargetSilentError } from './targets/timed-fetch.ts';

export type Malformation = 'malformed JSON' | 'wrong content type' | 'oversize body' | 'missing credentials' | 'bad credentials';
export const MALFORMATIONS: Malformation[] = [
  'malformed JSON',
  'wrong content type',
  'oversize body',
  'missing credentials',
  'bad credentials',
];

export interface HttpFuzzContext {
  /** The valid credential header of the run, e.g. { 'X-API-Key': … } or { Authorization: 'Bearer …' }. */
  auth: Record<string, string>;
  /** Ids the target knows, for path parameters of read-only operations. */
  ids: string[];
  /** Operations the target does not offer (an inferred endpoint that answered 404): not fuzzed. */
  skip?: string[];
}

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string | string[]; enum?: unknown[]; format?: string; minimum?: number; $ref?: string };
  $ref?: string;
}

/** A value the parameter's schema accepts (so that only the malformation is wrong). */
function sample(doc: OpenApiDocument, p: Param, id: string): string {
  const s = deref(doc, p.schema ?? {});
  if (s.enum?.length) return String(s.enum[0]);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('integer') || types.includes('number')) return String(Math.max(s.minimum ?? 1, 1));
  if (types.includes('boolean')) return 'false';
  if (s.format === 'date') return p.name.endsWith('_end') ? '2100-12-31' : '2000-01-01';
  if (s.format === 'email') return 'nobody@example.com';
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  return id;
}

const CHANGES_STATE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const OVERSIZE_BYTES = 2 * 1024 * 1024;

export interface FuzzCase {
  operationId: string;
  malformation: Malformation;
  /** Picks ids, junk and the exact broken body or credential. */
  pick: number;
}

export interface FuzzSent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The request of a fuzz case. */
export function fuzzRequest(doc: OpenApiDocument, ctx: HttpFuzzContext, c: FuzzCase): FuzzSent {
  const o = operations(doc).find((x) => x.op.operationId === c.operationId)!;
  const params = (o.op.parameters ?? []).map((p) => deref(doc, p as Param));
  const valid = c.malformation !== 'missing credentials' && c.malformation !== 'bad credentials';
  const junk = `fuzz${c.pick.toString(36)}x`;
  const id = (i: number) => (CHANGES_STATE.has(o.method) && valid ? junk : ctx.ids.length ? ctx.ids[(c.pick + i) % ctx.ids.length]! : junk);
  const url = o.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(sample(doc, params.find((p) => p.name === name) ?? { name, in: 'path' }, id(name.length))),
  );
  const query = new URLSearchParams(
    params.filter((p) => p.in === 'query' && p.required).map((p): [string, string] => [p.name, sample(doc, p, id(p.name.length))]),
  ).toString();
  const headers: Record<string, string> = {};
  const [authName, authValue] = Object.entries(ctx.auth)[0] ?? ['Authorization', ''];
  if (c.malformation === 'bad credentials') {
    const bad =
      authName.toLowerCase() === 'authorization'
        ? [
            `Bearer not-a-token-${junk}`,
            `Basic ${Buffer.from('user:pass').toString('base64')}`,
            'Bearer',
            authValue.replace(/^Bearer /, ''),
          ]
        : [`zupy_pk_${'Q'.repeat(31)}${c.pick % 10}`, `zupy_sk_${'A'.repeat(32)}`, 'not-a-key', `Bearer ${authValue}`];
    headers[authName] = bad[c.pick % bad.length]!;
  } else if (c.malformation !== 'missing credentials') {
    headers[authName] = authValue;
  }
  let body: string | undefined;
  const hasBody = CHANGES_STATE.has(o.method);
  if (hasBody && c.malformation === 'malformed JSON') {
    body = ['{', '{"use_z_tokens": tru', '[1,', '{"identifier":"+5511987654321",}', '\u0000', 'null null'][c.pick % 6]!;
    headers['content-type'] = 'application/json';
  } else if (hasBody && c.malformation === 'wrong content type') {
    body = '{"identifier":"+5511987654321","use_z_tokens":false}';
    headers['content-type'] = ['text/plain', 'application/xml', 'image/png', 'application/json; charset=ebcdic'][c.pick % 4]!;
  } else if (hasBody && c.malformation === 'oversize body') {
    body = JSON.stringify({ identifier: 'x'.repeat(OVERSIZE_BYTES), use_z_tokens: false });
    headers['content-type'] = 'application/json';
  }
  return { method: o.method, url: query ? `${url}?${query}` : url, headers, ...(body === undefined ? {} : { body }) };
}

/** The fuzz cases of a spec: every operation with every malformation that applies to it. */
export function fuzzCaseArb(doc: OpenApiDocument, skip: string[] = []): fc.Arbitrary<FuzzCase> {
  const cases = operations(doc)
    .filter(({ op }) => !skip.includes(op.operationId))
    .flatMap(({ method, op }) =>
      MALFORMATIONS.filter((m) => CHANGES_STATE.has(method) || m.endsWith('credentials')).map((m) => [op.operationId, m] as const),
    );
  return fc
    .tuple(fc.constantFrom(...cases), fc.nat(1_000_000))
    .map(([[operationId, malformation], pick]) => ({ operationId, malformation, pick }));
}

/** Sends one case and judges the answer; throws an InvariantError naming the request. */
export async function runFuzzCase(
  target: Target,
  doc: OpenApiDocument,
  checker: ResponseChecker,
  ctx: HttpFuzzContext,
  c: FuzzCase,
): Promise<number> {
  const r = fuzzRequest(doc, ctx, c);
  let res: Response;
  try {
    res = await target.fetch(`${target.baseUrl}${r.url}`, {
      method: r.method,
      headers: r.headers,
      ...(r.body === undefined ? {} : { body: r.body }),
    });
  } catch (err) {
    // A server may answer 413 and close the connection while an oversize body is still being sent.
    if (c.malformation === 'oversize body' && err instanceof TargetSilentError && (err.code === 'EPIPE' || err.code === 'ECONNRESET'))
      return 413;
    throw err;
  }
  const text = await res.text();
  const shown = `${r.method} ${r.url} with ${c.malformation}${r.body === undefined ? '' : ` (${r.body.length > 60 ? `${r.body.length} bytes` : JSON.stringify(r.body)}, content-type ${r.headers['content-type']})`}`;
  if (c.malformation.endsWith('credentials') && res.status !== 401)
    throw new InvariantError(`${shown} → ${res.status}: ${c.malformation} must be a 401`);
  if (c.malformation === 'oversize body' && res.status === 413) return res.status;
  const problem = checker.check(c.operationId, res.status, text, res.headers.get('content-type') ?? undefined);
  if (problem) throw new InvariantError(`${shown} → ${problem}`);
  return res.status;
}

/** The property: every case the run draws is answered as declared. */
export function httpFuzzProperty(target: Target, doc: OpenApiDocument, ctx: HttpFuzzContext) {
  const checker = new ResponseChecker(doc);
  return fc.asyncProperty(fuzzCaseArb(doc, ctx.skip), async (c) => {
    await runFuzzCase(target, doc, checker, ctx, c);
  });
}
