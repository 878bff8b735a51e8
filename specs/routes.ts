/**
 * The simulator's route tables: method, URL, operationId and request schemas of every operation,
 * derived from a spec by fastify-openapi-glue (one table per provider API, and one for the control
 * API every simulator serves under /__control/).
 *
 * Deriving it costs a YAML parse and glue's check of the whole document against the OpenAPI
 * meta-schema (about half a second together), so `npm run generate` writes it to
 * `specs/generated/<spec>.routes.json` with the SHA-256 of the spec it came from. At start the
 * simulator uses that table when the hash still matches the spec on disk, and derives it afresh
 * otherwise (a spec edited without `npm run generate`); the drift test keeps the committed table
 * equal to a fresh derivation.
 *
 * The same goes for the request validators: AJV compiling every route's schemas costs about 150 ms
 * at start, so `npm run generate` also writes AJV's standalone code for them
 * (`specs/generated/<spec>.validators.cjs`, through @fastify/ajv-compiler's StandaloneValidator), and
 * the simulator uses it with the committed table. Anything it lacks is compiled as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { join } from 'node:path';
import { loadSpecFile, specPath, type OpenApiDocument, type SpecName } from './index.ts';
import { ROOT } from './root.ts';

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

/** AJV options of the simulator's request validation (query coercion to arrays, defaults applied). */
export const AJV_OPTIONS = { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false } as const;

/**
 * The control API takes its JSON as sent: no type coercion (`"100"` is not a latency, `null` is not
 * 0), no stripped fields (an unknown field is refused, not ignored). Its query strings are strings.
 */
export const CONTROL_AJV_OPTIONS = {
  coerceTypes: false,
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  allowUnionTypes: true,
} as const;

type AjvOptions = typeof AJV_OPTIONS | typeof CONTROL_AJV_OPTIONS;
export const ajvOptionsFor = (spec: SpecName): AjvOptions => (spec === 'control' ? CONTROL_AJV_OPTIONS : AJV_OPTIONS);

export function validatorsPath(spec: SpecName): string {
  return join(ROOT, 'specs', 'generated', `${spec}.validators.cjs`);
}

export function routeTablePath(spec: SpecName): string {
  return join(ROOT, 'specs', 'generated', `${spec}.routes.json`);
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
      routes.push({
        method,
        url: r.url,
        operationId,
        schema: JSON.parse(JSON.stringify(r.schema ?? {})) as Record<string, unknown>,
        ...(flags.get(operationId) ?? { hasBody: false, bodyRequired: false }),
      });
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

export async function deriveRouteTable(spec: SpecName): Promise<RouteTable> {
  const file = specPath(spec);
  return { source: `specs/${spec}.openapi.yaml`, source_sha256: specSha256(file), routes: await deriveRoutes(loadSpecFile(file)) };
}

/** Where Fastify asks for a validator: one part (params, querystring, headers, body) of one route. */
interface ValidatorRequest {
  method: string;
  url: string;
  httpPart: string;
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: unknown };
type BuildValidator = (externalSchemas: unknown, options: unknown) => (opts: ValidatorRequest) => ValidateFn;

const validatorKey = (o: ValidatorRequest) => `${o.method} ${o.url} ${o.httpPart}`;

/** AJV's standalone code for every request validator of these routes, as one CommonJS module. */
export async function generateValidators(spec: SpecName, table: RouteTable): Promise<string> {
  const [
    { default: Fastify },
    {
      default: { StandaloneValidator },
    },
  ] = await Promise.all([import('fastify'), import('@fastify/ajv-compiler')]);
  const parts: string[] = [];
  const buildValidator = (
    StandaloneValidator as unknown as (o: { readMode: false; storeFunction(opts: ValidatorRequest, code: string): void }) => BuildValidator
  )({
    readMode: false,
    storeFunction(opts, code) {
      parts.push(
        `validators[${JSON.stringify(validatorKey(opts))}] = (() => {\n  const module = { exports: {} };\n  ${code}\n  return module.exports;\n})();`,
      );
    },
  });
  const app = Fastify({
    logger: false,
    ajv: { customOptions: ajvOptionsFor(spec) },
    schemaController: { compilersFactory: { buildValidator: buildValidator as never } },
  });
  for (const r of table.routes) app.route({ method: r.method, url: r.url, schema: r.schema, handler: () => undefined });
  await app.ready();
  await app.close();
  return [
    `/* Generated from specs/${spec}.openapi.yaml by \`npm run generate\` (AJV standalone code through @fastify/ajv-compiler). Do not edit. */`,
    "'use strict';",
    'const validators = {};',
    ...parts,
    `module.exports = { source_sha256: ${JSON.stringify(table.source_sha256)}, validators };`,
    '',
  ].join('\n');
}

/**
 * Fastify's validator factory with the precompiled validators in front: a route part the module
 * has is served from it; any other is compiled by @fastify/ajv-compiler as usual.
 */
function precompiledFactory(validators: Record<string, ValidateFn>): BuildValidator {
  const require = createRequire(import.meta.url);
  return (externalSchemas, options) => {
    let compile: ((opts: ValidatorRequest) => ValidateFn) | undefined;
    return (opts) =>
      validators[validatorKey(opts)] ??
      (compile ??= (require('@fastify/ajv-compiler') as () => BuildValidator)()(externalSchemas, options))(opts);
  };
}

export interface SimulatorRoutes {
  routes: RouteDef[];
  /** Fastify's `schemaController.compilersFactory.buildValidator`, when precompiled validators match. */
  buildValidator?: BuildValidator;
}

/** The committed table (and its validators) when it matches the spec on disk; a fresh derivation otherwise. */
export async function routesFor(spec: SpecName): Promise<SimulatorRoutes> {
  try {
    const table = JSON.parse(readFileSync(routeTablePath(spec), 'utf8')) as RouteTable;
    if (table.source_sha256 === specSha256(specPath(spec))) {
      let buildValidator: BuildValidator | undefined;
      try {
        const mod = createRequire(import.meta.url)(validatorsPath(spec)) as {
          source_sha256: string;
          validators: Record<string, ValidateFn>;
        };
        if (mod.source_sha256 === table.source_sha256) buildValidator = precompiledFactory(mod.validators);
      } catch {
        // no precompiled validators: Fastify compiles them
      }
      return { routes: table.routes, ...(buildValidator ? { buildValidator } : {}) };
    }
    process.emitWarning(
      `specs/${spec}.openapi.yaml changed since specs/generated/${spec}.routes.json was written; deriving routes at start (run \`npm run generate\`)`,
    );
  } catch {
    // No table (a spec of one's own, or a checkout without generated files): derive it.
  }
  return { routes: (await deriveRouteTable(spec)).routes };
}

/** A route-level `validatorCompiler`: Fastify passes it the route's method, URL, part and schema. */
export type RouteValidatorCompiler = FastifySchemaCompiler<FastifySchema>;

/**
 * A route-level validator compiler for one spec's routes (the control routes, which live beside a
 * provider's on one Fastify instance but validate with their own AJV options): its precompiled
 * validators when they match, AJV with that spec's options otherwise.
 */
export function validatorCompilerFor(spec: SpecName, routes: SimulatorRoutes): RouteValidatorCompiler {
  const build = routes.buildValidator ?? (createRequire(import.meta.url)('@fastify/ajv-compiler') as () => BuildValidator)();
  return build({}, { customOptions: ajvOptionsFor(spec) }) as RouteValidatorCompiler;
}
