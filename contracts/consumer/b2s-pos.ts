/** A reference B2S integration: the day's coupons, a client's coupons, mark one used. */
import type { B2sClient, B2sResult } from '../../clients/b2s.ts';

export type B2sCounterError = 'unauthorized' | 'already-used' | 'expired' | 'not-found' | 'client-not-found' | 'refused';

/** What the cashier sees. Only the two documented messages are read verbatim (B-8); a 404 means what the call looked up. */
function counterError<T>(r: Extract<B2sResult<T>, { ok: false }>, notFound: B2sCounterError = 'not-found'): B2sCounterError {
  const message = 'message' in r.error ? r.error.message : '';
  if (r.status === 401) return 'unauthorized';
  if (r.status === 404) return notFound;
  if (message === 'Coupon already used') return 'already-used';
  if (message === 'Coupon expired') return 'expired';
  return 'refused';
}

export class B2sPos {
  constructor(private readonly client: B2sClient) {}

  async couponsCreatedOn(date: string, module: 'falae' | 'premiado') {
    const r = await this.client.listCoupons({
      date_start: date,
      date_end: date,
      limit: 100,
      offset: 1,
      order_column: 'created_at',
      order_type: 'ASC',
      module,
    });
    return r.ok
      ? { ok: true as const, total: r.data.total, codes: r.data.coupons.map((c) => c.code) }
      : { ok: false as const, error: counterError(r) };
  }

  async clientCoupons(companyId: string, email: string) {
    const r = await this.client.clientCoupons(companyId, { email });
    return r.ok
      ? {
          ok: true as const,
          unused: r.data.filter((c) => !c.status).map((c) => ({ id: c.id, code: c.code, bonus: c.bonus.name, expires: c.expiration_date })),
        }
      : { ok: false as const, error: counterError(r, 'client-not-found') };
  }

  async markUsed(couponId: string) {
    const r = await this.client.markUsed(couponId);
    return r.ok ? { ok: true as const } : { ok: false as const, error: counterError(r) };
  }
}
