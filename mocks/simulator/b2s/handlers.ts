/** B2S HTTP handlers, one per operationId, typed by the types generated from the spec (rule 1). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components, operations } from '../../../specs/generated/b2s.ts';
import { send } from '../app.ts';
import type { Handler, SimContext } from '../types.ts';
import { DATE_RANGES, dateRangeProblem, inDateRange, matchesSearch, matchesStatus, pageBounds, STATUS_FILTERS } from './domain.ts';
import { b2sError, MESSAGES } from './errors.ts';
import type { B2sStore, Coupon } from './store.ts';

type Schemas = components['schemas'];
type ListQuery = operations['listCoupons']['parameters']['query'];
type ClientPath = operations['listClientCoupons']['parameters']['path'];
type ClientQuery = NonNullable<operations['listClientCoupons']['parameters']['query']>;
type PatchPath = operations['markCouponUsed']['parameters']['path'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The companies the Bearer token may see (set by `authenticate`). */
    b2sScope?: Set<string>;
  }
}

function listItem(store: B2sStore, c: Coupon): Schemas['CouponListItem'] {
  const client = store.clients.get(c.client_id);
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    date_of_use: c.date_of_use,
    expiration_date: c.expiration_date,
    created_at: c.created_at,
    bonus: { id: c.bonus.id, name: c.bonus.name, type: c.bonus.type },
    client: { id: c.client_id, name: client?.name ?? '', email: client?.email ?? null, phone: client?.phone ?? null },
  };
}

function clientItem(c: Coupon): Schemas['ClientCoupon'] {
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    expiration_date: c.expiration_date,
    date_of_use: c.date_of_use,
    created_at: c.created_at,
    bonus: { name: c.bonus.name },
  };
}

/** `''` counts as absent: `?phone=&email=x` searches by email only. */
const given = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/**
 * A JSON body that does not parse is a 400 even where no body is expected (an Express
 * `express.json()` backend rejects it before routing). Other media types are ignored.
 */
function rejectMalformedBody(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const error = request.bodyError;
  if (error === undefined || error.startsWith('unsupported-media-type:')) return undefined;
  return send(reply, b2sError(400, MESSAGES.invalidBody));
}

export function b2sHandlers(store: B2sStore, ctx: SimContext): Record<keyof operations, Handler> {
  const scopeOf = (r: FastifyRequest) => r.b2sScope ?? new Set<string>();
  return {
    listCoupons(request, reply) {
      const q = request.query as ListQuery;
      const rangeProblem = dateRangeProblem(q);
      if (rangeProblem) return send(reply, b2sError(400, rangeProblem));
      const now = ctx.clock.nowMs();
      const status = q.coupon_status === undefined ? undefined : STATUS_FILTERS[q.coupon_status];
      const search = given(q.search);
      const window = store.rules.expiringWindowMs;
      const ordered = store.ordered(scopeOf(request), q.module, q.order_column);
      const filtered =
        status !== undefined || search !== undefined || DATE_RANGES.some(([s, e]) => q[s] !== undefined || q[e] !== undefined);
      // Unfiltered: the page is read straight from the ordered index. Filtered: one pass in order.
      const matching = !filtered
        ? ordered
        : ordered.filter((c) => {
            if (!inDateRange(c.created_at, q.date_start, q.date_end)) return false;
            if (!inDateRange(c.date_of_use, q.date_of_use_start, q.date_of_use_end)) return false;
            if (!inDateRange(c.expiration_date, q.expiration_date_start, q.expiration_date_end)) return false;
            if (status !== undefined && !matchesStatus(c.status, store.expEnd(c), now, status, window)) return false;
            if (search === undefined) return true;
            const client = store.clients.get(c.client_id);
            return matchesSearch(search, {
              code: c.code,
              clientName: client?.name ?? '',
              email: client?.email ?? null,
              phone: client?.phone ?? null,
            });
          });
      const { start, end } = pageBounds(q.limit, q.offset);
      const n = matching.length;
      const page: Coupon[] = [];
      // DESC is the ASC order reversed (ties on id reverse too, B-13).
      for (let i = start; i < end && i < n; i++) page.push((q.order_type === 'DESC' ? matching[n - 1 - i] : matching[i]) as Coupon);
      const body: Schemas['CouponListResponse'] = {
        limit: q.limit,
        offset: q.offset,
        total: n,
        coupons: page.map((c) => listItem(store, c)),
      };
      return send(reply, { status: 200, body });
    },

    listClientCoupons(request, reply) {
      const { company_id } = request.params as ClientPath;
      const raw = (request.query ?? {}) as ClientQuery;
      const q = { phone: given(raw.phone), email: given(raw.email), cpf: given(raw.cpf) };
      if (q.phone === undefined && q.email === undefined && q.cpf === undefined) return send(reply, b2sError(400, MESSAGES.noSearch));
      const inScope = scopeOf(request).has(company_id) || ctx.faults.has('use-ignores-owner');
      const client = inScope ? store.findClient(company_id, q) : undefined;
      if (!client) return send(reply, b2sError(404, MESSAGES.clientNotFound));
      // The client index is already in created_at order (ties on id).
      const body: Schemas['ClientCouponList'] = store
        .couponsOf(client.id)
        .filter((c) => c.company_id === company_id)
        .map(clientItem);
      return send(reply, { status: 200, body });
    },

    markCouponUsed(request, reply) {
      const bad = rejectMalformedBody(request, reply);
      if (bad) return bad;
      const { id } = request.params as PatchPath;
      const faults = ctx.faults;
      const opts = {
        ignoreScope: faults.has('use-ignores-owner'),
        skipExpiry: faults.has('no-expiry-check'),
        reuseSucceeds: faults.has('reuse-succeeds'),
      };
      const answer = (r: ReturnType<B2sStore['markUsed']>) => {
        if (r.ok) return send(reply, { status: 204 });
        const message =
          r.reason === 'not-found' ? MESSAGES.couponNotFound : r.reason === 'already-used' ? MESSAGES.alreadyUsed : MESSAGES.expired;
        return send(reply, b2sError(r.status, message));
      };
      // The safe path stays synchronous: no promise between the request and the atomic store call.
      if (faults.has('racy-use')) return store.markUsedRacy(scopeOf(request), id, opts).then(answer);
      return answer(store.markUsed(scopeOf(request), id, opts));
    },
  };
}
