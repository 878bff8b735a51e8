/**
 * The control API, on each mock's own port under /__control/ (like WireMock's /__admin):
 * reset, seed, fixtures, clock, otp-policy, faults, requests, provider-states.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDuration } from '../clock.ts';
import { DEFECTS, isDefectName, type DefectName, type FaultConfig } from '../faults.ts';
import type { Journal } from '../journal.ts';
import type { ProviderInstance, ProviderModule, SimContext } from '../types.ts';

interface ControlDeps {
  module: ProviderModule;
  provider: ProviderInstance<unknown>;
  ctx: SimContext;
  journal: Journal;
  token: string | undefined;
  /** The faults the server started with; reset restores them. */
  initialFaults: FaultConfig;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

const bad = (reply: FastifyReply, message: string, extra: Record<string, unknown> = {}) => reply.code(400).send({ error: message, ...extra });

function parseFaults(body: unknown): { ok: Partial<FaultConfig> } | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'body must be a JSON object: {"latency_ms"?, "error_rate"?, "defects"?}' };
  const b = body as Record<string, unknown>;
  const out: Partial<FaultConfig> = {};
  for (const key of Object.keys(b)) if (!['latency_ms', 'error_rate', 'defects'].includes(key)) return { error: `unknown field '${key}'` };
  if (b.latency_ms !== undefined) {
    if (typeof b.latency_ms !== 'number' || !Number.isInteger(b.latency_ms) || b.latency_ms < 0 || b.latency_ms > 60_000) return { error: 'latency_ms must be an integer from 0 to 60000' };
    out.latencyMs = b.latency_ms;
  }
  if (b.error_rate !== undefined) {
    if (typeof b.error_rate !== 'number' || b.error_rate < 0 || b.error_rate > 1) return { error: 'error_rate must be a number from 0 to 1' };
    out.errorRate = b.error_rate;
  }
  if (b.defects !== undefined) {
    if (!Array.isArray(b.defects) || !b.defects.every((d): d is string => typeof d === 'string')) return { error: 'defects must be an array of defect names' };
    const unknown = b.defects.filter((d) => !isDefectName(d));
    if (unknown.length) return { error: `unknown defect(s) ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}` };
    out.defects = b.defects as DefectName[];
  }
  return { ok: out };
}

/** Fixture documents are objects of arrays: a merge concatenates each array. */
function mergeFixtures(base: unknown, extra: unknown): unknown {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra as Record<string, unknown>)) {
    const prev = out[key];
    out[key] = Array.isArray(prev) && Array.isArray(value) ? [...(prev as unknown[]), ...(value as unknown[])] : value;
  }
  return out;
}

const faultsView = (c: FaultConfig) => ({ latency_ms: c.latencyMs, error_rate: c.errorRate, defects: c.defects, available_defects: DEFECTS });

export function registerControl(app: FastifyInstance, deps: ControlDeps): void {
  const { provider, ctx, journal, token } = deps;

  void app.register(
    (scope, _opts, done) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (token !== undefined) {
          if (request.headers['x-control-token'] !== token) return reply.code(401).send({ error: 'control API: send the X-Control-Token header given by --control-token' });
        } else if (!isLoopback(request.socket.remoteAddress)) {
          return reply.code(403).send({ error: 'control API: loopback callers only (start the mock with --control-token to allow remote control)' });
        }
      });

      scope.post('/reset', async () => {
        provider.load(provider.initialFixtures());
        ctx.clock.reset();
        ctx.faults.update(deps.initialFaults);
        journal.clear();
        return { reset: true, clock: ctx.clock.state() };
      });

      scope.post('/seed', async (request, reply) => {
        const mode = (request.query as { mode?: string }).mode ?? 'replace';
        if (mode !== 'replace' && mode !== 'merge') return bad(reply, "mode must be 'replace' or 'merge'");
        if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) return bad(reply, 'body must be a fixture JSON object');
        // A merge must fit the data already loaded (references, unique ids and codes): check the union.
        const problems = provider.checkFixtures(mode === 'merge' ? mergeFixtures(provider.snapshot(), request.body) : request.body);
        if (problems.length) return bad(reply, 'invalid fixtures', { problems });
        if (mode === 'merge') provider.merge(request.body);
        else provider.load(request.body);
        return { seeded: true, mode };
      });

      scope.get('/fixtures', async () => provider.snapshot());

      scope.get('/clock', async () => ctx.clock.state());
      scope.post('/clock', async (request, reply) => {
        const b = (request.body ?? {}) as { now?: unknown; advance?: unknown; frozen?: unknown; reset?: unknown };
        if (typeof b !== 'object' || Array.isArray(b)) return bad(reply, 'body must be a JSON object');
        if (b.reset === true) ctx.clock.reset();
        if (b.now !== undefined) {
          const at = typeof b.now === 'string' ? new Date(b.now) : null;
          if (!at || Number.isNaN(at.getTime())) return bad(reply, 'now must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z');
          ctx.clock.set(at, typeof b.frozen === 'boolean' ? b.frozen : undefined);
        } else if (typeof b.frozen === 'boolean') {
          ctx.clock.set(ctx.clock.now(), b.frozen);
        }
        if (b.advance !== undefined) {
          const ms = typeof b.advance === 'number' ? b.advance * 1000 : typeof b.advance === 'string' ? parseDuration(b.advance) : null;
          if (ms === null || !Number.isFinite(ms) || ms < 0) return bad(reply, 'advance must be seconds (number ≥ 0) or an ISO 8601 duration such as PT3H or P30D');
          ctx.clock.advance(ms);
        }
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

      scope.get('/requests', async (request) => {
        const q = request.query as { method?: string; path?: string; operation_id?: string };
        const requests = journal.list({ method: q.method, path: q.path, operationId: q.operation_id });
        return { count: requests.length, requests };
      });
      scope.delete('/requests', async () => {
        journal.clear();
        return { cleared: true };
      });

      // Pact's provider-state set-up call: {consumer?, state, params?, action?: 'setup' | 'teardown'}.
      scope.post('/provider-states', async (request, reply) => {
        const b = (request.body ?? {}) as { state?: unknown; params?: unknown; action?: unknown };
        if (b.action === 'teardown') return {};
        // An interaction without a state: verifiers that post to the state URL for every interaction
        // (pact_verifier_cli, pact-jvm) send an empty or missing state, which sets nothing up.
        if (b.state === undefined || b.state === null || b.state === '') return {};
        if (typeof b.state !== 'string') return bad(reply, 'state must be a string');
        if (!provider.providerState) return reply.code(404).send({ error: `${deps.module.api} defines no provider states` });
        try {
          return provider.providerState(b.state, (b.params ?? {}) as Record<string, unknown>);
        } catch (err) {
          return bad(reply, (err as Error).message);
        }
      });
      done();
    },
    { prefix: '/__control' },
  );
}
