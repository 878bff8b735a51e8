/** B2S HTTP handlers, one per operationId, typed by the types generated from the spec. */
import type { FastifyRequest } from 'fastify';
import type { components, operations } from '../../../specs/generated/b2s.ts';
import { send } from '../app.ts';
import type { Handler, SimContext } from '../types.ts';
import { compareBy, matchesSearch, matchesStatus, pageBounds, STATUS_FILTERS } from './domain.ts';
import { b2sError, MESSAGES } from './errors.ts';
import type { B2sStore, Coupon } from './store.ts';

type Schemas = components['schemas'];
type ListQuery = operations['listCoupons']['parameters']['query'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The companies the Bearer token may see. */
    b2sScope?: Set<string>;
  }
}

const inRange = (value: string | null, start?: string, end?: string) =>
  (start === undefined && end === undefined) || (value !== null && (start === undefined || value.slice(0, 10) >= start) && (end === undefined || value.slice(0, 10) <= end));

function listItem(store: B2sStore, c: Coupon): Schemas['CouponListItem'] {
  const client = store.clients.get(c.client_id);
  return {
    id: c.id, code: c.code, status: c.status, date_of_use: c.date_of_use, expiration_date: c.expiration_date, created_at: c.created_at,
    bonus: { ...c.bonus },
    client: { id: c.client_id, name: client?.name ?? '', email: client?.email ?? null, phone: client?.phone ?? null },
  };
}

export function b2sHandlers(store: B2sStore, ctx: SimContext): Record<keyof operations, Handler> {
  const scopeOf = (r: FastifyRequest) => r.b2sScope ?? new Set<string>();
  return {
    listCoupons(request, reply) {
      const q = request.query as ListQuery;
      for (const [s, e, name] of [[q.date_start, q.date_end, 'date'], [q.date_of_use_start, q.date_of_use_end, 'date_of_use'], [q.expiration_date_start, q.expiration_date_end, 'expiration_date']] as const) {
        if (s !== undefined && e !== undefined && s > e) return send(reply, b2sError(400, `${name}_start must not be after ${name}_end`));
      }
      const now = ctx.clock.nowMs();
      const status = q.coupon_status === undefined ? undefined : STATUS_FILTERS[q.coupon_status];
      const matching = store.couponsIn(scopeOf(request)).filter((c) => {
        const client = store.clients.get(c.client_id);
        return c.module === q.module
          && inRange(c.created_at, q.date_start, q.date_end)
          && inRange(c.date_of_use, q.date_of_use_start, q.date_of_use_end)
          && inRange(c.expiration_date, q.expiration_date_start, q.expiration_date_end)
          && (status === undefined || matchesStatus(c.status, store.expEnd(c), now, status))
          && (q.search === undefined || q.search === '' || matchesSearch(q.search, { code: c.code, clientName: client?.name ?? '', email: client?.email ?? null, phone: client?.phone ?? null }));
      });
      const column = q.order_column;
      const sign = q.order_type === 'DESC' ? -1 : 1;
      matching.sort((a, b) => sign * compareBy(column, a, b));
      const { start, end } = pageBounds(q.limit, q.offset);
      const body: Schemas['CouponListResponse'] = { limit: q.limit, offset: q.offset, total: matching.length, coupons: matching.slice(start, end).map((c) => listItem(store, c)) };
      return send(reply, { status: 200, body });
    },

    listClientCoupons(request, reply) {
      const { company_id } = request.params as operations['listClientCoupons']['parameters']['path'];
      const q = (request.query ?? {}) as NonNullable<operations['listClientCoupons']['parameters']['query']>;
      if (!q.phone && !q.email && !q.cpf) return send(reply, b2sError(400, MESSAGES.noSearch));
      const inScope = scopeOf(request).has(company_id) || ctx.faults.has('validate-ignores-customer');
      const client = inScope ? store.findClient(company_id, { phone: q.phone || undefined, email: q.email || undefined, cpf: q.cpf || undefined }) : undefined;
      if (!client) return send(reply, b2sError(404, MESSAGES.clientNotFound));
      const body: Schemas['ClientCouponList'] = [...store.coupons.values()]
        .filter((c) => c.client_id === client.id && c.company_id === company_id)
        .sort((a, b) => compareBy('created_at', a as never, b as never))
        .map((c) => ({ id: c.id, code: c.code, status: c.status, expiration_date: c.expiration_date, date_of_use: c.date_of_use, created_at: c.created_at, bonus: { name: c.bonus.name } }));
      return send(reply, { status: 200, body });
    },

    async markCouponUsed(request, reply) {
      const { id } = request.params as operations['markCouponUsed']['parameters']['path'];
      const f = ctx.faults;
      const opts = { ignoreScope: f.has('validate-ignores-customer'), skipExpiry: f.has('no-expiry-check'), reuseSucceeds: f.has('reuse-returns-200') };
      const r = f.has('racy-validate') ? await store.markUsedRacy(scopeOf(request), id, opts) : store.markUsed(scopeOf(request), id, opts);
      if (r.ok) return send(reply, { status: 204 });
      const message = r.reason === 'not-found' ? MESSAGES.couponNotFound : r.reason === 'already-used' ? MESSAGES.alreadyUsed : MESSAGES.expired;
      return send(reply, b2sError(r.status, message));
    },
  };
}

