/**
 * The simulator's route table: method, URL, operationId and request schemas of every operation,
 * derived from the spec by fastify-openapi-glue.
 *
 * Deriving it costs a YAML parse and glue's check of the whole document against the OpenAPI
 * meta-schema (about half a second together), so `npm run generate` writes it to
 * `specs/generated/<api>.routes.json` with the SHA-256 of the spec it came from. At start the
 * simulator uses that table when the hash still matches the spec on disk, and derives it afresh
 * otherwise (a spec edited without `npm run generate`); the drift test keeps the committed table
 * equal to a fresh derivation.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFile, ROOT, specPath, type ApiName, type OpenApiDocument } from '../../specs/index.ts';

export interface RouteDef {
  method: string;
  url: string;
  operationId: string;
  /** Fastify route schema (params, querystring, headers, body) with $refs resolved. */
  schema: Record<string, unknown>;
  hasBody: boolean;
  bodyRequired: boolean;
}

export interface RouteTable {
  /** `specs/<api>.openapi.yaml` the table was derived from. */
  source: string;
  source_sha256: string;
  routes: RouteDef[];
}

export function routeTablePath(api: ApiName): string {
  return join(ROOT, 'specs', 'generated', `${api}.routes.json`);
}

export function specSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * What the router needs: paths, parameters and request bodies. Responses are left out, since
 * handlers send provider-exact JSON themselves; compiling a serializer per response would only
 * cost start-up time and memory.
 */
function routingSpec(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  for (const item of Object.values(copy.paths)) {
    for (const op of Object.values(item)) {
      if (op && typeof op === 'object' && 'responses' in op) op.responses = { default: { description: 'answered by the provider module' } };
    }
  }
  return copy;
}

function bodyFlags(spec: OpenApiDocument): Map<string, { hasBody: boolean; bodyRequired: boolean }> {
  const ops = new Map<string, { hasBody: boolean; bodyRequired: boolean }>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      const o = op as { operationId?: string; requestBody?: { required?: boolean } };
      if (o?.operationId) ops.set(o.operationId, { hasBody: o.requestBody !== undefined, bodyRequired: o.requestBody?.required === true });
    }
  }
  return ops;
}

/** Runs fastify-openapi-glue on a throwaway Fastify instance and records the routes it registers. */
export async function deriveRoutes(spec: OpenApiDocument): Promise<RouteDef[]> {
  const [{ default: Fastify }, { default: openapiGlue }] = await Promise.all([import('fastify'), import('fastify-openapi-glue')]);
  const flags = bodyFlags(spec);
  const routes: RouteDef[] = [];
  const app = Fastify({ logger: false });
  app.addHook('onRoute', (r) => {
    const operationId = r.config?.operationId;
    if (!operationId) return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    // Fastify adds a HEAD route for each GET by itself; the table keeps only the spec's own.
    for (const method of methods.filter((m) => m !== 'HEAD')) {
      routes.push({ method, url: r.url, operationId, schema: JSON.parse(JSON.stringify(r.schema ?? {})) as Record<string, unknown>, ...(flags.get(operationId) ?? { hasBody: false, bodyRequired: false }) });
    }
  });
  await app.register(openapiGlue, {
    specification: routingSpec(spec),
    operationResolver: (operationId: string) => ({ handler: () => undefined, config: { operationId } }) as never,
  });
  await app.ready();
  await app.close();
  return routes;
}

export async function deriveRouteTable(api: ApiName): Promise<RouteTable> {
  const file = specPath(api);
  return { source: `specs/${api}.openapi.yaml`, source_sha256: specSha256(file), routes: await deriveRoutes(loadSpecFile(file)) };
}

/** The committed table when it matches the spec on disk; a fresh derivation otherwise. */
export async function routesFor(api: ApiName): Promise<RouteDef[]> {
  try {
    const table = JSON.parse(readFileSync(routeTablePath(api), 'utf8')) as RouteTable;
    if (table.source_sha256 === specSha256(specPath(api))) return table.routes;
    process.emitWarning(`specs/${api}.openapi.yaml changed since specs/generated/${api}.routes.json was written; deriving routes at start (run \`npm run generate\`)`);
  } catch {
    // No table (a spec of one's own, or a checkout without generated files): derive it.
  }
  return (await deriveRouteTable(api)).routes;
}
