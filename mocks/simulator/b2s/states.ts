/**
 * Pact provider states for B2S, applied through POST /__control/provider-states. States are
 * additive (the verifier resets the simulator before each interaction) and move the simulator's
 * clock when a rule depends on the time of day (the 3-hour rule, B-5). They return the values the
 * pact's requests read from the state (`token` comes with every state: the demo franchise token).
 */
import { int, str, type Params } from '../state-params.ts';
import type { SimContext } from '../types.ts';
import { DAY_MS, HOUR_MS, utcDate } from './domain.ts';
import { B2S_DEMO } from '../../demo/b2s.ts';
import type { B2sStore, Coupon } from './store.ts';

type StateHandler = (store: B2sStore, ctx: SimContext, p: Params) => Record<string, unknown>;

function coupon(store: B2sStore, p: Params, fallback: string): Coupon {
  const id = str(p, 'id', fallback);
  const c = store.coupons.get(id);
  if (!c) throw new Error(`unknown coupon '${id}'`);
  return c;
}

export const B2S_STATES: Record<string, StateHandler> = {
  'coupon {id} is unused and valid': (store, ctx, p) => {
    const c = coupon(store, p, B2S_DEMO.activeCoupon);
    Object.assign(c, { status: false, date_of_use: null, expiration_date: utcDate(ctx.clock.nowMs() + 30 * DAY_MS) });
    return { id: c.id };
  },
  'coupon {id} is used': (store, ctx, p) => {
    const c = coupon(store, p, B2S_DEMO.usedCoupon);
    Object.assign(c, {
      status: true,
      date_of_use: utcDate(ctx.clock.nowMs() - DAY_MS),
      expiration_date: utcDate(ctx.clock.nowMs() + 30 * DAY_MS),
    });
    return { id: c.id };
  },
  /** Unused, and its expiration instant is {hours} hours away: PATCH refuses it below 3 h (B-5). */
  'coupon {id} expires in {hours} hours': (store, ctx, p) => {
    const hours = int(p, 'hours', 2, 24 * 366);
    const c = coupon(store, p, B2S_DEMO.expiringCoupon);
    Object.assign(c, { status: false, date_of_use: null, expiration_date: utcDate(ctx.clock.nowMs() + hours * HOUR_MS) });
    // expiration_date is a date: move the clock so the expiration instant is exactly {hours} away.
    ctx.clock.set(new Date(store.expEnd(c) - hours * HOUR_MS));
    return { id: c.id, now: ctx.clock.now().toISOString() };
  },
  'no coupon has id {id}': (store, _ctx, p) => {
    const id = str(p, 'id', '00000000-0000-4000-8000-000000000000');
    store.coupons.delete(id);
    return { id };
  },
  /** Exactly {count} unused coupons of {module} created on {date} (in any company the token sees). */
  'company {companyId} has {count} coupons created on {date}': (store, _ctx, p) => {
    const companyId = str(p, 'companyId', B2S_DEMO.companyA);
    const date = str(p, 'date', '2024-12-31');
    const module = str(p, 'module', 'falae');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      utcDate(Date.parse(`${date}T00:00:00Z`)) !== date
    )
      throw new Error(`date must be YYYY-MM-DD, got '${date}'`);
    if (module !== 'falae' && module !== 'premiado') throw new Error(`module must be 'falae' or 'premiado', got '${module}'`);
    const count = int(p, 'count', 2, 1000);
    const client = [...store.clients.values()].find((c) => c.company_id === companyId);
    if (!client) throw new Error(`company '${companyId}' has no client to own coupons`);
    for (const c of [...store.coupons.values()]) if (c.created_at.startsWith(date)) store.coupons.delete(c.id);
    const expires = utcDate(Date.parse(`${date}T00:00:00Z`) + 30 * DAY_MS);
    const coupons: Coupon[] = Array.from({ length: count }, (_, i) => ({
      id: `b25da700-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      company_id: companyId,
      client_id: client.id,
      code: `DAY${date.replace(/-/g, '')}${i + 1}`,
      status: false,
      date_of_use: null,
      expiration_date: expires,
      created_at: `${date}T${String(10 + (i % 12)).padStart(2, '0')}:00:00.000Z`,
      module,
      bonus: { id: 'b25db000-0000-4000-8000-000000000001', name: 'Free coffee', type: 'answer' },
    }));
    store.load({ companies: [], tokens: [], clients: [], coupons }, false);
    return { count, date, codes: coupons.map((c) => c.code) };
  },
  /** Every coupon of the client made unused and valid (so at least one is). */
  'client with email {email} has unused coupons': (store, ctx, p) => {
    const email = str(p, 'email', 'john@example.com').toLowerCase();
    let n = 0;
    let companyId: string | undefined;
    for (const c of store.coupons.values()) {
      if (store.clients.get(c.client_id)?.email?.toLowerCase() !== email) continue;
      Object.assign(c, { status: false, date_of_use: null, expiration_date: utcDate(ctx.clock.nowMs() + 30 * DAY_MS) });
      companyId = c.company_id;
      n++;
    }
    if (n === 0) throw new Error(`no coupon belongs to a client with email '${email}'`);
    return { count: n, email, companyId };
  },
  'no client has email {email}': (store, _ctx, p) => {
    const email = str(p, 'email', 'nobody@example.com').toLowerCase();
    for (const c of store.clients.values()) if (c.email?.toLowerCase() === email) c.email = null;
    return { companyId: str(p, 'companyId', B2S_DEMO.companyA) };
  },
};

export function b2sProviderState(
  store: B2sStore,
  ctx: SimContext,
  state: string,
  params: Record<string, unknown>,
): Record<string, unknown> {
  const handler = Object.hasOwn(B2S_STATES, state) ? B2S_STATES[state] : undefined;
  if (!handler) throw new Error(`unknown provider state '${state}'; known: ${Object.keys(B2S_STATES).join(' | ')}`);
  // States edit records in the maps directly: the indexes are rebuilt after each one.
  const out = handler(store, ctx, params);
  store.reindex();
  return { token: B2S_DEMO.franchiseToken, ...out };
}
