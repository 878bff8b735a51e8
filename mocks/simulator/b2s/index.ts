/** The Experiência B2S / Falaê simulator module: Bearer auth with company scope, errors, control hooks, banner. */
import type { FastifyRequest } from 'fastify';
import type { EdgeFailure, ProviderInstance, ProviderModule, ProviderReply, SimContext } from '../types.ts';
import { b2sError, MESSAGES } from './errors.ts';
import { B2S_DEMO, b2sDemoFixtures, checkB2sFixtures, type B2sFixtures } from './fixtures.ts';
import { b2sHandlers } from './handlers.ts';
import { b2sProviderState } from './states.ts';
import { B2sStore } from './store.ts';

function edge(failure: EdgeFailure, request: FastifyRequest): ProviderReply {
  switch (failure.kind) {
    case 'validation': {
      const what = failure.message.startsWith('must have required') ? `${failure.field} is required` : `${failure.field} ${failure.message}`;
      return b2sError(400, `Invalid parameter: ${what}`);
    }
    case 'malformed-body':
    case 'unsupported-media-type':
      return b2sError(400, 'Invalid request body');
    case 'body-too-large':
      return b2sError(413, MESSAGES.tooLarge);
    case 'route-not-found':
    case 'method-not-allowed':
      return b2sError(404, `${MESSAGES.routeNotFound}: ${request.method} ${request.url.split('?')[0] ?? ''}`);
    case 'unavailable':
      return b2sError(503, MESSAGES.unavailable);
    case 'internal':
      return b2sError(500, MESSAGES.internal);
  }
}

export const b2sModule: ProviderModule<B2sFixtures> = {
  api: 'b2s',
  create(ctx: SimContext, fixtures: B2sFixtures | undefined): ProviderInstance<B2sFixtures> {
    const store = new B2sStore(() => ctx.clock.nowMs());
    const initial = fixtures ?? b2sDemoFixtures(ctx.clock.nowMs());
    store.load(initial, true);
    return {
      handlers: b2sHandlers(store, ctx),
      authenticate(request) {
        const header = request.headers.authorization;
        if (typeof header !== 'string' || header.trim() === '') return b2sError(401, MESSAGES.tokenMissing);
        const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
        let scope = m?.[1] ? store.tokens.get(m[1]) : undefined;
        if (!scope && ctx.faults.has('lenient-auth') && m?.[1]) scope = store.tokens.values().next().value;
        if (!scope) return b2sError(401, MESSAGES.tokenInvalid);
        request.b2sScope = scope;
        return undefined;
      },
      edgeError: edge,
      load: (f) => store.load(f, true),
      merge: (f) => store.load(f, false),
      checkFixtures: checkB2sFixtures,
      initialFixtures: () => initial,
      snapshot: () => store.snapshot(),
      providerState: (state, params) => b2sProviderState(store, ctx, state, params),
      banner(baseUrl) {
        const d = B2S_DEMO;
        const today = new Date(ctx.clock.nowMs()).toISOString().slice(0, 10);
        return [
          `Experiência B2S / Falaê simulator on ${baseUrl}  (control API: ${baseUrl}/__control/fixtures)`,
          `  franchise token     ${d.franchiseToken}  (both companies)`,
          `  company token       ${d.companyAToken}  (Falaê Centro only, company ${d.companyA})`,
          `  coupons             ${d.activeCoupon} unused · ${d.usedCoupon} used · ${d.expiredCoupon} expired`,
          `  try:`,
          `    curl -s -H 'Authorization: Bearer ${d.franchiseToken}' '${baseUrl}/api/coupons?date_start=2000-01-01&date_end=${today}&limit=10&offset=1&order_column=created_at&order_type=DESC&module=falae'`,
          `    curl -s -X PATCH -H 'Authorization: Bearer ${d.franchiseToken}' -w '%{http_code}\\n' ${baseUrl}/api/coupons/status/${d.activeCoupon}`,
        ].join('\n');
      },
    };
  },
};
