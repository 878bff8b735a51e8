/** The named examples of a spec, by operation and status: what `Prefer: code=…, example=…` can pick. */
import { loadSpec, type ApiName, type OpenApiDocument } from '../../specs/index.ts';

export interface OperationExamples {
  method: string;
  path: string;
  operationId: string;
  match: RegExp;
  /** Status → the named examples of its response (all media types). */
  statuses: Map<number, string[]>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function deref(doc: OpenApiDocument, value: unknown): Record<string, unknown> {
  let v = value as Record<string, unknown> | undefined;
  for (let i = 0; i < 5 && v && typeof v.$ref === 'string'; i++) {
    v = v.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc) as Record<string, unknown> | undefined;
  }
  return v ?? {};
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

export function exampleIndex(api: ApiName): OperationExamples[] {
  const doc = loadSpec(api);
  const out: OperationExamples[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string; responses?: Record<string, unknown> } | undefined;
      if (!op) continue;
      const statuses = new Map<number, string[]>();
      for (const [code, raw] of Object.entries(op.responses ?? {})) {
        const content = (deref(doc, raw).content ?? {}) as Record<string, { examples?: Record<string, unknown> }>;
        statuses.set(
          Number(code),
          Object.values(content).flatMap((m) => Object.keys(m.examples ?? {})),
        );
      }
      const pattern = path
        .split(/\{[^}]+\}/)
        .map(escape)
        .join('[^/]+');
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        match: new RegExp(`^${pattern}$`),
        statuses,
      });
    }
  }
  return out;
}

/** `code=409, example=alreadyUsed` (or `;`-separated) → its parts. */
export function parsePrefer(header: string): { code?: string; example?: string } {
  const out: Record<string, string> = {};
  for (const part of header.split(/[,;]/)) {
    const m = /^\s*([\w-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (m?.[1] && m[2] !== undefined) out[m[1].toLowerCase()] = m[2];
  }
  return { ...(out.code === undefined ? {} : { code: out.code }), ...(out.example === undefined ? {} : { example: out.example }) };
}

/**
 * Why Prism would not serve this preference as asked (an undocumented status, an example that does
 * not exist, or one that belongs to another status: Prism would fall back to another response
 * without a word), or undefined when it is fine or not ours to judge.
 */
export function preferProblem(
  index: OperationExamples[],
  method: string,
  path: string,
  prefer: { code?: string; example?: string },
): string | undefined {
  if (prefer.code === undefined && prefer.example === undefined) return undefined;
  const op = index.find((o) => o.method === method.toUpperCase() && o.match.test(path));
  if (!op) return undefined;
  const known = [...op.statuses].flatMap(([status, names]) => names.map((n) => `${n} (${status})`));
  const list = known.length ? known.join(', ') : 'none';
  const where = `${op.method} ${op.path} (${op.operationId})`;
  if (prefer.code !== undefined && !op.statuses.has(Number(prefer.code))) {
    return `status ${prefer.code} is not documented for ${where}; documented: ${[...op.statuses.keys()].join(', ')}`;
  }
  if (prefer.example === undefined) return undefined;
  const status = prefer.code === undefined ? Math.min(...[...op.statuses.keys()].filter((s) => s >= 200 && s < 300)) : Number(prefer.code);
  if (op.statuses.get(status)?.includes(prefer.example)) return undefined;
  const owner = [...op.statuses].find(([, names]) => names.includes(prefer.example as string));
  if (owner)
    return `example '${prefer.example}' of ${where} belongs to status ${owner[0]}: send 'Prefer: code=${owner[0]}, example=${prefer.example}'`;
  return `no example '${prefer.example}' for ${where}; known examples: ${list}`;
}
