/**
 * The control API, on each mock's own port under /__control/ (like WireMock's /__admin):
 * reset, seed, fixtures, clock, otp-policy, faults, requests, provider-states.
 *
 * Requests are validated from specs/control.openapi.yaml through the same route generation as the
 * provider APIs (specs/routes.ts: the committed route table and its precompiled validators): every
 * route registered in this scope whose method and URL the spec names gets the spec's schemas. A
 * refused request keeps the control API's format, `{"error": …}` with a 400.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { FastifyValidationResult } from 'fastify/types/schema.js';
import type { components } from '../../../specs/generated/control.ts';
import { routesFor, validatorCompilerFor } from '../../../specs/routes.ts';
import { clockChange } from '../clock.ts';
import { DEFECTS, isDefectName, type DefectName, type FaultConfig } from '../faults.ts';
import type { Journal } from '../journal.ts';
import type { ProviderInstance, ProviderModule, SimContext } from '../types.ts';
import { crossOrigin, isJsonContentType, isLoopback, tokenMatches } from './guard.ts';
import { seed } from './seed.ts';
import { registerCoupons } from './coupons.ts';
import { registerEvents } from './events.ts';
import { registerUi } from './ui.ts';

export { isLoopback } from './guard.ts';

interface ControlDeps {
  module: ProviderModule;
  provider: ProviderInstance<unknown>;
  ctx: SimContext;
  journal: Journal;
  token: string | undefined;
  /** The faults the server started with; reset restores them. */
  initialFaults: FaultConfig;
  /** Whether a Host header names this server (see guard.ts hostPolicy). */
  hostAllowed: (host: string | undefined) => boolean;
}

const bad = (reply: FastifyReply, message: string, extra: Record<string, unknown> = {}) =>
  reply.code(400).send({ error: message, ...extra });

function parseFaults(body: unknown): { ok: Partial<FaultConfig> } | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { error: 'body must be a JSON object: {"latency_ms"?, "error_rate"?, "defects"?}' };
  const b = body as Record<string, unknown>;
  const out: Partial<FaultConfig> = {};
  for (const key of Object.keys(b))
    if (!['latency_ms', 'error_rate', 'defects'].includes(key))
      return { error: `unknown field '${key}'; known: latency_ms, error_rate, defects` };
  if (b.latency_ms !== undefined) {
    if (typeof b.latency_ms !== 'number' || !Number.isInteger(b.latency_ms) || b.latency_ms < 0 || b.latency_ms > 60_000)
      return { error: 'latency_ms must be an integer from 0 to 60000' };
    out.latencyMs = b.latency_ms;
  }
  if (b.error_rate !== undefined) {
    if (typeof b.error_rate !== 'number' || b.error_rate < 0 || b.error_rate > 1)
      return { error: 'error_rate must be a number from 0 to 1' };
    out.errorRate = b.error_rate;
  }
  if (b.defects !== undefined) {
    if (!Array.isArray(b.defects) || !b.defects.every((d): d is string => typeof d === 'string'))
      return { error: 'defects must be an array of defect names' };
    const unknown = b.defects.filter((d) => !isDefectName(d));
    if (unknown.length) return { error: `unknown defect(s) ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}` };
    out.defects = b.defects as DefectName[];
  }
  return { ok: out };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Who may call the control API: a Host that names this server (no DNS rebinding), no other
 * browser origin, the token when one is set (else a loopback caller), and a JSON body type on
 * every state-changing call (a cross-site form or `text/plain` post cannot send one without a
 * CORS preflight, and none is ever granted).
 */
function guard(deps: ControlDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host;
    if (!deps.hostAllowed(host))
      return reply
        .code(403)
        .send({ error: `control API: Host '${host}' is not a loopback name or the --host this mock serves (DNS rebinding protection)` });
    const foreign = crossOrigin(request.headers);
    if (foreign)
      return reply
        .code(403)
        .send({ error: `control API: cross-origin browser requests are refused (${foreign}); use the mock's own origin` });
    if (deps.token !== undefined) {
      if (!tokenMatches(request.headers['x-control-token'], deps.token))
        return reply.code(401).send({ error: 'control API: send the X-Control-Token header given by --control-token' });
    } else if (!isLoopback(request.socket.remoteAddress)) {
      return reply
        .code(403)
        .send({ error: 'control API: loopback callers only (start the mock with --control-token to allow remote control)' });
    }
    if (!SAFE_METHODS.has(request.method) && !isJsonContentType(request.headers['content-type'])) {
      return reply.code(415).send({
        error: `control API: ${request.method} calls need Content-Type: application/json (got ${request.headers['content-type'] ?? 'none'})`,
      });
    }
  };
}

/** The answers are the control spec's types: a spec change that breaks them fails tsc. */
type Answers = components['schemas'];

const faultsView = (c: FaultConfig): Answers['FaultsView'] => ({
  latency_ms: c.latencyMs,
  error_rate: c.errorRate,
  defects: c.defects,
  available_defects: DEFECTS,
});

type Validate = FastifyValidationResult;

/**
 * A body the spec does not require may be left out: only a body that is sent is validated. (An
 * empty body reaches the validator as null, as does a JSON `null`, which the handlers take as none.)
 */
function absentBodyPasses(validate: Validate): Validate {
  const check: Validate = (data: unknown) => {
    const ok = data === undefined || data === null || Boolean(validate(data));
    check.errors = ok ? null : validate.errors;
    return ok;
  };
  return check;
}

/** An `onRoute` hook giving each control route the request schemas the control spec declares for it. */
async function specValidation(): Promise<(route: RouteOptions) => void> {
  const table = await routesFor('control');
  const compile = validatorCompilerFor('control', table);
  const byRoute = new Map(table.routes.map((r) => [`${r.method} ${r.url}`, r]));
  return (route) => {
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
    const def = byRoute.get(`${method} ${route.url}`);
    if (!def) return;
    route.schema = { ...def.schema, ...route.schema };
    route.validatorCompiler = def.bodyRequired
      ? compile
      : (req) => (req.httpPart === 'body' ? absentBodyPasses(compile(req)) : compile(req));
  };
}

export function registerControl(app: FastifyInstance, deps: ControlDeps): void {
  const { provider, ctx, journal } = deps;

  void app.register(
    async (scope) => {
      scope.addHook('onRoute', await specValidation());
      scope.addHook('onRequest', guard(deps));
      registerEvents(scope, { api: deps.module.api, journal });
      registerCoupons(scope, ctx.clock, (nowMs) => provider.coupons(nowMs));

      scope.post('/reset', async (): Promise<Answers['ResetResult']> => {
        provider.load(provider.initialFixtures());
        ctx.clock.reset();
        ctx.faults.update(deps.initialFaults);
        journal.clear();
        return { reset: true, clock: ctx.clock.state() };
      });

      // The seed lists every problem of its body (the provider's whole fixture check), not the first schema error.
      scope.post('/seed', { attachValidation: true }, async (request, reply) => {
        const mode = (request.query as { mode?: unknown }).mode ?? 'replace';
        if (request.validationError?.validationContext === 'querystring' || (mode !== 'replace' && mode !== 'merge'))
          return bad(reply, "mode must be 'replace' or 'merge'");
        if (request.bodyError) return bad(reply, 'invalid fixtures', { problems: [`body is not JSON: ${request.bodyError}`] });
        const r = seed(provider, mode, request.body);
        if (!r.ok) return bad(reply, 'invalid fixtures', { problems: r.problems });
        return { seeded: true, mode };
      });

      scope.get('/fixtures', async () => provider.snapshot());

      scope.get('/clock', async (): Promise<Answers['ClockState']> => ctx.clock.state());
      scope.post('/clock', async (request, reply) => {
        const change = clockChange(request.body, ctx.clock);
        if ('error' in change) return bad(reply, change.error);
        change.apply();
        return ctx.clock.state();
      });

      scope.post('/otp-policy', async (request, reply) => {
        if (!provider.setOtpPolicy) return reply.code(404).send({ error: `${deps.module.api} has no OTP policy` });
        const r = provider.setOtpPolicy(request.body);
        return reply.code(r.status).send(r.body);
      });

      scope.get('/faults', async () => faultsView(ctx.faults.config));
      scope.post('/faults', async (request, reply) => {
        const parsed = parseFaults(request.body);
        if ('error' in parsed) return bad(reply, parsed.error);
        return faultsView(ctx.faults.update(parsed.ok));
      });

      scope.get('/requests', async (request): Promise<Answers['JournalPage']> => {
        const q = request.query as { method?: string; path?: string; operation_id?: string; limit?: string };
        const requests = journal.list({
          method: q.method,
          path: q.path,
          operationId: q.operation_id,
          ...(q.limit === undefined ? {} : { limit: Number(q.limit) }),
        });
        return { count: requests.length, requests };
      });
      scope.delete('/requests', async (): Promise<Answers['ClearResult']> => {
        journal.clear();
        return { cleared: true };
      });

      // Pact's provider-state set-up call: {consumer?, state, params?, action?: 'setup' | 'teardown'}.
      scope.post('/provider-states', async (request, reply) => {
        const b = (request.body ?? {}) as { state?: unknown; params?: unknown; action?: unknown };
        if (typeof b !== 'object' || Array.isArray(b)) return bad(reply, 'body must be {"state", "params"?, "action"?}');
        if (b.action === 'teardown') return {};
        // An interaction without a state: verifiers that post to the state URL for every interaction
        // (pact_verifier_cli, pact-jvm) send an empty or missing state, which sets nothing up.
        if (b.state === undefined || b.state === null || b.state === '') return {};
        if (typeof b.state !== 'string') return bad(reply, 'state must be a string');
        if (!provider.providerState) return reply.code(404).send({ error: `${deps.module.api} defines no provider states` });
        const params = b.params ?? {};
        if (typeof params !== 'object' || params === null || Array.isArray(params)) return bad(reply, 'params must be a JSON object');
        // A state that is refused half-way (a bad parameter found late) changes nothing either.
        const before = JSON.stringify(provider.snapshot());
        try {
          return provider.providerState(b.state, params as Record<string, unknown>);
        } catch (err) {
          if (JSON.stringify(provider.snapshot()) !== before) provider.load(JSON.parse(before));
          return bad(reply, (err as Error).message);
        }
      });
    },
    { prefix: '/__control' },
  );
  registerUi(app, deps.hostAllowed);
}
