/** The Experiência B2S / Falaê simulator module: Bearer auth with company scope, errors, control hooks, banner. */
import type { FastifyRequest } from 'fastify';
import type { EdgeFailure, ProviderInstance, ProviderModule, ProviderReply, SimContext } from '../types.ts';
import { rulesFromEnv, utcDate, type B2sRules } from './domain.ts';
import { b2sError, MESSAGES, validationMessage } from './errors.ts';
import { checkB2sFixtures, type B2sFixtures } from './fixtures.ts';
import { B2S_DEMO, b2sDemoFixtures } from '../../demo/b2s.ts';
import { b2sHandlers } from './handlers.ts';
import { b2sProviderState } from './states.ts';
import { B2sStore } from './store.ts';
import { b2sBanner } from './banner.ts';
import { b2sCouponViews } from './view.ts';

const BEARER = /^Bearer(?:\s+(\S*))?\s*$/i;

/** The enum of a query or path parameter, from the route's schema (compiled from the spec). */
function enumOf(request: FastifyRequest, location: string, field: string): readonly unknown[] | undefined {
  if (location !== 'querystring' && location !== 'params') return undefined;
  const schema = request.routeOptions.schema as Record<string, { properties?: Record<string, { enum?: unknown[] }> } | undefined> | undefined;
  return schema?.[location]?.properties?.[field]?.enum;
}

/** Every failure found at the edge, in B2S's `{"status":"error","message"}` format (B-8). */
export function b2sEdgeError(failure: EdgeFailure, request: FastifyRequest): ProviderReply {
  switch (failure.kind) {
    case 'validation':
      return b2sError(400, validationMessage(failure.field, failure.message, enumOf(request, failure.location, failure.field)));
    case 'malformed-body':
    case 'unsupported-media-type':
      return b2sError(400, MESSAGES.invalidBody);
    case 'body-too-large':
      return b2sError(413, MESSAGES.tooLarge);
    case 'bad-url':
      return b2sError(400, failure.reason === 'encoding' ? MESSAGES.badUrl : MESSAGES.urlTooLong);
    case 'route-not-found':
      return b2sError(404, MESSAGES.routeNotFound);
    case 'method-not-allowed':
      return b2sError(405, MESSAGES.methodNotAllowed(request.method));
    case 'forbidden-host':
      return b2sError(403, MESSAGES.forbiddenHost);
    case 'unavailable':
      return b2sError(503, MESSAGES.unavailable);
    case 'internal':
      return { status: 500, body: { status: 'error', message: MESSAGES.internal, request_id: request.id } };
  }
}

/**
 * The module with explicit rules (B-4 Expiring window, B-6 expiration instant). `b2sModule` reads
 * them from B2S_EXPIRATION_INSTANT / B2S_EXPIRING_DAYS when a simulator is created.
 */
export function createB2sModule(rules?: Partial<B2sRules>): ProviderModule<B2sFixtures> {
  return {
    api: 'b2s',
    create(ctx: SimContext, fixtures: B2sFixtures | undefined): ProviderInstance<B2sFixtures> {
      const store = new B2sStore(() => ctx.clock.nowMs(), rules ?? rulesFromEnv(process.env));
      const initial = fixtures ?? b2sDemoFixtures(ctx.clock.nowMs());
      store.load(initial, true);
      return {
        handlers: b2sHandlers(store, ctx),
        authenticate(request) {
          const header = request.headers.authorization;
          const m = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
          if (typeof header !== 'string' || header.trim() === '' || (m && !m[1])) return b2sError(401, MESSAGES.tokenMissing);
          const token = m?.[1];
          let scope = token ? store.tokens.get(token) : undefined;
          // Defect: any non-empty Bearer token acts as the demo franchise token (or the first one loaded).
          if (!scope && token && ctx.faults.has('lenient-auth')) scope = store.tokens.get(B2S_DEMO.franchiseToken) ?? store.tokens.values().next().value;
          if (!scope) return b2sError(401, MESSAGES.tokenInvalid);
          request.b2sScope = scope;
          return undefined;
        },
        edgeError: b2sEdgeError,
        load: (f) => store.load(f, true),
        merge: (f) => store.load(f, false),
        checkFixtures: checkB2sFixtures,
        initialFixtures: () => initial,
        snapshot: () => store.snapshot(),
        coupons: (nowMs) => b2sCouponViews(store, nowMs),
        providerState: (state, params) => b2sProviderState(store, ctx, state, params),
        banner: (baseUrl, o) => b2sBanner(baseUrl, initial, fixtures === undefined, utcDate(ctx.clock.nowMs()), o),
      };
    },
  };
}

export const b2sModule: ProviderModule<B2sFixtures> = createB2sModule();
