/** Pact provider states for B2S, applied through POST /__control/provider-states (additive; the verifier resets first). */
import type { SimContext } from '../types.ts';
import { B2S_DEMO } from './fixtures.ts';
import type { B2sStore } from './store.ts';

type Params = Record<string, unknown>;
const str = (p: Params, k: string, fallback: string) => (typeof p[k] === 'string' ? (p[k]) : fallback);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const B2S_STATES: Record<string, (store: B2sStore, ctx: SimContext, p: Params) => Record<string, unknown>> = {
  'coupon {id} is unused and valid': (store, ctx, p) => {
    const c = store.coupons.get(str(p, 'id', B2S_DEMO.activeCoupon));
    if (!c) throw new Error('unknown coupon');
    Object.assign(c, { status: false, date_of_use: null, expiration_date: day(ctx.clock.nowMs() + 30 * 86_400_000) });
    return { id: c.id };
  },
  'coupon {id} is used': (store, ctx, p) => {
    const c = store.coupons.get(str(p, 'id', B2S_DEMO.usedCoupon));
    if (!c) throw new Error('unknown coupon');
    Object.assign(c, { status: true, date_of_use: day(ctx.clock.nowMs()) });
    return { id: c.id };
  },
  'coupon {id} expires within 3 hours': (store, ctx, p) => {
    const c = store.coupons.get(str(p, 'id', B2S_DEMO.expiredCoupon));
    if (!c) throw new Error('unknown coupon');
    Object.assign(c, { status: false, date_of_use: null, expiration_date: day(ctx.clock.nowMs() - 86_400_000) });
    return { id: c.id };
  },
  'company {companyId} has coupons': () => ({}),
  'client with email {email} has only unused coupons': (store, _ctx, p) => {
    const email = str(p, 'email', 'john@example.com').toLowerCase();
    for (const c of store.coupons.values()) {
      if (store.clients.get(c.client_id)?.email?.toLowerCase() === email) Object.assign(c, { status: false, date_of_use: null });
    }
    return {};
  },
  'no client has email {email}': () => ({}),
};

export function b2sProviderState(store: B2sStore, ctx: SimContext, state: string, params: Record<string, unknown>): Record<string, unknown> {
  const handler = B2S_STATES[state];
  if (!handler) throw new Error(`unknown provider state '${state}'; known: ${Object.keys(B2S_STATES).join(' | ')}`);
  return handler(store, ctx, params);
}
