/**
 * The Experiência B2S / Falaê simulator module, put together from its parts: auth.ts (Bearer token
 * and company scope), errors.ts (the error format and edge errors), handlers.ts, states.ts (Pact
 * provider states) and banner.ts. B2S has no rate limits and no OTP policy.
 */
import { b2sDemoFixtures } from '../../demo/b2s.ts';
import type { ProviderInstance, ProviderModule, SimContext } from '../types.ts';
import { b2sAuthenticate } from './auth.ts';
import { b2sBanner } from './banner.ts';
import { rulesFromEnv, utcDate, type B2sRules } from './domain.ts';
import { b2sEdgeError } from './errors.ts';
import { checkB2sFixtures, type B2sFixtures } from './fixtures.ts';
import { b2sHandlers } from './handlers.ts';
import { b2sProviderState } from './states.ts';
import { B2sStore } from './store.ts';
import { b2sCouponViews } from './view.ts';

/**
 * The module with explicit rules (B-4 Expiring window, B-6 expiration instant). `b2sModule` reads
 * them from B2S_EXPIRATION_INSTANT / B2S_EXPIRING_DAYS when a simulator is created.
 */
export function createB2sModule(rules?: Partial<B2sRules>): ProviderModule<B2sFixtures> {
  return {
    api: 'b2s',
    checkFixtures: checkB2sFixtures,
    create(ctx: SimContext, fixtures: B2sFixtures | undefined): ProviderInstance<B2sFixtures> {
      const store = new B2sStore(() => ctx.clock.nowMs(), rules ?? rulesFromEnv(process.env));
      const initial = fixtures ?? b2sDemoFixtures(ctx.clock.nowMs());
      store.load(initial, true);
      return {
        // Fixed for the simulator's life.
        handlers: b2sHandlers(store, ctx),
        checkFixtures: checkB2sFixtures,
        initialFixtures: () => initial,
        banner: (baseUrl, options) => b2sBanner(baseUrl, initial, fixtures === undefined, utcDate(ctx.clock.nowMs()), options),
        // Per request.
        authenticate: (request) => b2sAuthenticate(store, ctx.faults, request),
        edgeError: b2sEdgeError,
        // State, through the control API.
        load: (state) => store.load(state, true),
        merge: (state) => store.load(state, false),
        snapshot: () => store.snapshot(),
        coupons: (nowMs) => b2sCouponViews(store, nowMs),
        providerState: (state, params) => b2sProviderState(store, ctx, state, params),
      };
    },
  };
}

export const b2sModule: ProviderModule<B2sFixtures> = createB2sModule();
