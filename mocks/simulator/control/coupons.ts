/** `GET /__control/coupons`: every coupon of the current state as the provider sees it at the simulator's clock. */
import type { FastifyInstance } from 'fastify';
import type { CouponView } from '../../../clients/control.ts';
import type { Clock } from '../clock.ts';

export type { CouponView };

export function registerCoupons(scope: FastifyInstance, clock: Clock, coupons: (nowMs: number) => CouponView[]): void {
  scope.get('/coupons', async (request) => {
    const q = request.query as { status?: unknown; code?: unknown; limit?: unknown };
    const nowMs = clock.nowMs();
    const status = typeof q.status === 'string' && q.status !== '' ? q.status : undefined;
    const code = typeof q.code === 'string' && q.code !== '' ? q.code.toUpperCase() : undefined;
    const list = coupons(nowMs).filter((c) => (!status || c.status === status) && (!code || c.code.toUpperCase().includes(code)));
    const limit = q.limit === undefined ? list.length : Number(q.limit);
    return { now: new Date(nowMs).toISOString(), count: list.length, coupons: list.length > limit ? list.slice(0, limit) : list };
  });
}
