/**
 * The Zupy Partner API v2 simulator module, put together from its parts: auth.ts (API keys),
 * rate-limit.ts, errors.ts (the problem catalogue and edge errors), otp-policy.ts, handlers.ts,
 * states.ts (Pact provider states) and banner.ts.
 */
import type { FastifyRequest } from 'fastify';
import { zupyDemoFixtures } from '../../demo/zupy.ts';
import type { ProviderInstance, ProviderModule, SimContext } from '../types.ts';
import { KEY_PATTERN, zupyAuth } from './auth.ts';
import { zupyBanner } from './banner.ts';
import { zupyEdgeError } from './errors.ts';
import { checkZupyFixtures, type ZupyFixtures } from './fixtures.ts';
import { zupyHandlers } from './handlers.ts';
import { otpGate, setOtpPolicy } from './otp-policy.ts';
import { RateLimiter } from './rate-limit.ts';
import { zupyProviderState } from './states.ts';
import { ZupyStore } from './store.ts';
import { zupyCouponViews } from './view.ts';

export const zupyModule: ProviderModule<ZupyFixtures> = {
  api: 'zupy',
  checkFixtures: checkZupyFixtures,
  create(ctx: SimContext, fixtures: ZupyFixtures | undefined): ProviderInstance<ZupyFixtures> {
    const store = new ZupyStore(() => ctx.clock.nowMs());
    const initial = fixtures ?? zupyDemoFixtures(ctx.clock.nowMs());
    store.load(initial, true);
    const auth = zupyAuth(store, ctx.faults);
    const limiter = new RateLimiter(ctx.clock, ctx.options);
    const authenticated = (request: FastifyRequest) => auth.keyOf(request) !== undefined;

    return {
      // Fixed for the simulator's life.
      handlers: zupyHandlers({ store, ctx, otpGate: (request, customerId, flag) => otpGate(store, request, customerId, flag) }),
      checkFixtures: checkZupyFixtures,
      initialFixtures: () => initial,
      banner: (baseUrl, options) => zupyBanner(baseUrl, initial, fixtures === undefined, (key) => KEY_PATTERN.test(key), options),
      // Per request.
      authenticate: (request) => auth.authenticate(request),
      admit: (request) => limiter.admit(request),
      responseHeaders: (request) => limiter.responseHeaders(request),
      edgeError: (failure, request) => zupyEdgeError(failure, request, authenticated),
      // State, through the control API.
      load(state) {
        store.load(state, true);
        limiter.clear();
      },
      merge: (state) => store.load(state, false),
      snapshot: () => store.snapshot(),
      coupons: (nowMs) => zupyCouponViews(store, nowMs),
      setOtpPolicy: (input) => setOtpPolicy(store, input),
      providerState: (state, params) => zupyProviderState(store, ctx, state, params),
    };
  },
};
