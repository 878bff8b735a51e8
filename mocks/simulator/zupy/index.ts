/** The Zupy Partner API v2 simulator module: auth, OTP policy, rate limits, control hooks, banner. */
import type { FastifyRequest } from 'fastify';
import type { ProviderInstance, ProviderModule, ProviderReply, SimContext } from '../types.ts';
import { DETAILS, PROBLEMS, pathOf, problem, validationProblem } from './errors.ts';
import { checkZupyFixtures, type ZupyFixtures } from './fixtures.ts';
import { DEMO, zupyDemoFixtures } from '../../demo/zupy.ts';
import { zupyHandlers } from './handlers.ts';
import { ZupyStore } from './store.ts';
import { zupyProviderState } from './states.ts';
import { zupyBanner } from './banner.ts';

/** Operations that change data: a read-only key gets 403 permission-denied on them. */
const WRITE_OPERATIONS = new Set(['redeemReward', 'validateCoupon', 'requestOtp', 'verifyOtp']);
/** The OTP endpoints report validation errors as 400, everything else as 422 (decision Z-20). */
const OTP_OPERATIONS = new Set(['requestOtp', 'verifyOtp']);
const KEY_PATTERN = /^zupy_pk_[A-Za-z0-9]{32}$/;
const DEFAULT_DISPLAYED_LIMIT = 60;

export const zupyModule: ProviderModule<ZupyFixtures> = {
  api: 'zupy',
  create(ctx: SimContext, fixtures: ZupyFixtures | undefined): ProviderInstance<ZupyFixtures> {
    const store = new ZupyStore(() => ctx.clock.nowMs());
    const initial = fixtures ?? zupyDemoFixtures(ctx.clock.nowMs());
    store.load(initial, true);
    const windows = new Map<string, { startMs: number; count: number }>();

    const keyOf = (request: FastifyRequest) => {
      const raw = request.headers['x-api-key'];
      if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
        if (ctx.faults.has('lenient-auth') && typeof raw === 'string' && raw.length > 0) return store.keys.get(DEMO.keyReadWrite) ?? [...store.keys.values()][0];
        return undefined;
      }
      const key = store.keys.get(raw);
      if (key && !key.revoked) return key;
      return ctx.faults.has('lenient-auth') ? [...store.keys.values()].find((k) => !k.readOnly) : undefined;
    };

    const rateHeaders = (key: string, count: number, startMs: number) => {
      const limit = ctx.options.rateLimit || DEFAULT_DISPLAYED_LIMIT;
      return {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - count)),
        'x-ratelimit-reset': String(Math.ceil((startMs + 60_000) / 1000)),
        key,
      };
    };
    const windowOf = (key: string, bump: boolean) => {
      const now = ctx.clock.nowMs();
      let w = windows.get(key);
      if (!w || now >= w.startMs + 60_000) {
        w = { startMs: now, count: 0 };
        windows.set(key, w);
      }
      if (bump) w.count++;
      return w;
    };

    const handlers = zupyHandlers({
      store,
      ctx,
      otpGate(request, customerId, flag) {
        const key = request.zupyKey;
        const company = key && store.companies.get(key.companyId);
        if (!company || !company.otpPolicy[flag]) return undefined;
        const session = request.headers['x-otp-session'];
        if (store.sessionValid(typeof session === 'string' ? session : undefined, company.id, customerId)) return undefined;
        return problem(PROBLEMS.otpRequired, DETAILS.otpRequired, pathOf(request));
      },
    });

    return {
      handlers,
      authenticate(request) {
        const key = keyOf(request);
        if (!key) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, pathOf(request));
        request.zupyKey = key;
        const op = request.operationId ?? '';
        if (key.readOnly && WRITE_OPERATIONS.has(op)) return problem(PROBLEMS.permissionDenied, DETAILS.readOnly, pathOf(request));
        return undefined;
      },
      rateLimit(request) {
        const key = request.zupyKey?.key ?? 'anonymous';
        const w = windowOf(key, true);
        if (ctx.options.rateLimit > 0 && w.count > ctx.options.rateLimit) {
          const retry = Math.max(1, Math.ceil((w.startMs + 60_000 - ctx.clock.nowMs()) / 1000));
          const r = problem(PROBLEMS.rateLimited, DETAILS.rateLimited(retry), pathOf(request));
          return { ...r, headers: { 'retry-after': String(retry) } };
        }
        return undefined;
      },
      onResponseHeaders(request) {
        const raw = request.zupyKey?.key ?? (typeof request.headers['x-api-key'] === 'string' ? request.headers['x-api-key'] : 'anonymous');
        const w = windowOf(raw, false);
        const { key: _key, ...headers } = rateHeaders(raw, w.count, w.startMs);
        return headers;
      },
      edgeError(failure, request): ProviderReply {
        const instance = pathOf(request);
        const op = request.operationId ?? '';
        const validationStatus = OTP_OPERATIONS.has(op) ? 400 : 422;
        switch (failure.kind) {
          case 'validation': {
            const detail = failure.message.startsWith('must have required') ? DETAILS.required
              : failure.field === 'identifier' && failure.message.startsWith('must match pattern') ? DETAILS.invalidIdentifier
                : `${failure.field}: ${failure.message}`;
            return validationProblem(instance, [{ field: failure.field, detail }], failure.location === 'body' ? (OTP_OPERATIONS.has(op) ? 400 : 422) : validationStatus);
          }
          case 'malformed-body':
            return validationProblem(instance, [{ field: 'non_field_errors', detail: `JSON parse error - ${failure.message}` }], 400);
          case 'unsupported-media-type':
            return validationProblem(instance, [{ field: 'non_field_errors', detail: `Unsupported media type "${failure.contentType}" in request.` }], 400);
          case 'body-too-large':
            return problem(PROBLEMS.payloadTooLarge, 'Request body too large.', instance);
          case 'method-not-allowed':
            // DRF authenticates before it looks for the method's handler.
            if (!keyOf(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
            return problem(PROBLEMS.methodNotAllowed, DETAILS.methodNotAllowed(request.method), instance);
          case 'forbidden-host':
            return problem(PROBLEMS.permissionDenied, DETAILS.forbiddenHost, instance);
          case 'route-not-found': {
            if (instance.startsWith('/api/v2/')) {
              if (!keyOf(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
              return problem(PROBLEMS.permissionDenied, DETAILS.notPartnerEndpoint, instance);
            }
            return problem(PROBLEMS.notFound, 'Not found.', instance);
          }
          case 'bad-url':
            // A URL the router cannot read names no customer or coupon: 404, as a malformed id (Z-13), after the key check.
            if (!keyOf(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
            return problem(PROBLEMS.notFound, 'Not found.', instance);
          case 'unavailable':
            return problem(PROBLEMS.serviceUnavailable, 'Service temporarily unavailable. Please retry.', instance);
          case 'internal':
            return { status: 500, body: { ...(problem(PROBLEMS.internal, 'Internal server error.', instance).body as object), request_id: request.id } };
        }
      },
      load(f) {
        store.load(f, true);
        windows.clear();
      },
      merge(f) {
        store.load(f, false);
      },
      checkFixtures: checkZupyFixtures,
      initialFixtures: () => initial,
      snapshot: () => store.snapshot(),
      setOtpPolicy(input) {
        const b = input as { company_id?: unknown; require_otp_for_redemption?: unknown; require_otp_for_coupon_usage?: unknown } | null;
        const fields = ['company_id', 'require_otp_for_redemption', 'require_otp_for_coupon_usage'];
        if (!b || typeof b !== 'object' || Array.isArray(b)) return { status: 400, body: { error: 'body must be {"company_id"?, "require_otp_for_redemption"?, "require_otp_for_coupon_usage"?}' } };
        const unknown = Object.keys(b).find((k) => !fields.includes(k));
        if (unknown !== undefined) return { status: 400, body: { error: `unknown field '${unknown}'; known: ${fields.join(', ')}` } };
        for (const f of ['require_otp_for_redemption', 'require_otp_for_coupon_usage'] as const) {
          if (b[f] !== undefined && typeof b[f] !== 'boolean') return { status: 400, body: { error: `${f} must be a boolean` } };
        }
        const targets = b.company_id === undefined ? [...store.companies.values()] : [typeof b.company_id === 'string' ? store.companies.get(b.company_id) : undefined];
        if (targets.some((c) => c === undefined)) return { status: 400, body: { error: `unknown company_id ${JSON.stringify(b.company_id)}; known: ${[...store.companies.keys()].join(', ')}` } };
        for (const c of targets) {
          if (!c) continue;
          if (typeof b.require_otp_for_redemption === 'boolean') c.otpPolicy.require_otp_for_redemption = b.require_otp_for_redemption;
          if (typeof b.require_otp_for_coupon_usage === 'boolean') c.otpPolicy.require_otp_for_coupon_usage = b.require_otp_for_coupon_usage;
        }
        return { status: 200, body: { companies: [...store.companies.values()].map((c) => ({ id: c.id, otp_policy: c.otpPolicy })) } };
      },
      providerState: (state, params) => zupyProviderState(store, ctx, state, params),
      banner: (baseUrl, o) => zupyBanner(baseUrl, initial, fixtures === undefined, (k) => KEY_PATTERN.test(k), o),
    };
  },
};

