/**
 * A reference POS integration for Zupy, as a partner app writes it: look up a printed code,
 * validate it with the customer's OTP session, redeem a reward, page a customer's coupons, read
 * stats. It goes through the typed client and maps the provider's errors to what a cashier sees.
 */
import { problemSlug, type ZupyClient, type ZupyResult } from '../../clients/zupy.ts';

export type CounterError =
  | 'unauthorized'
  | 'otp-required'
  | 'not-found'
  | 'already-used'
  | 'expired'
  | 'cancelled'
  | 'marketing-already-claimed'
  | 'refused'
  | 'unexpected';

function counterError<T>(r: Extract<ZupyResult<T>, { ok: false }>): CounterError {
  const e = r.error;
  if (!('type' in e)) return 'unexpected';
  const slug = problemSlug(e);
  if (slug === 'authentication-required') return 'unauthorized';
  if (slug === 'otp-required') return 'otp-required';
  if (slug === 'not-found') return 'not-found';
  if (slug === 'conflict') return e.detail === 'Cupom já Used' ? 'already-used' : e.detail === 'Cupom já Expired' ? 'expired' : 'cancelled';
  if (slug === 'validation-error' && e.errors?.some((x) => x.detail === 'Prêmio gratuito já resgatado por este cliente'))
    return 'marketing-already-claimed';
  return 'refused';
}

export class ZupyPos {
  constructor(private readonly client: ZupyClient) {}

  /** The cashier types the printed code: what coupon is it? */
  async lookUp(code: string) {
    const r = await this.client.findCouponByCode(code);
    return r.ok ? { ok: true as const, coupon: r.data } : { ok: false as const, error: counterError(r) };
  }

  /** Use one of the coupon's uses (the customer has verified their OTP). */
  async use(customerId: string, code: string, otpSession?: string) {
    const client = otpSession ? this.client.withOtpSession(otpSession) : this.client;
    const r = await client.validate(customerId, code);
    return r.ok
      ? { ok: true as const, remaining: r.data.remaining_usages }
      : { ok: false as const, error: counterError(r), status: r.status };
  }

  async redeem(customerId: string, rewardId: string, otpSession: string) {
    const r = await this.client.withOtpSession(otpSession).redeem(customerId, rewardId);
    return r.ok
      ? { ok: true as const, code: r.data.coupon_code, balance: r.data.new_balance }
      : { ok: false as const, error: counterError(r), status: r.status };
  }

  /** One page of a customer's coupons; `next` is the provider's cursor for the following page. */
  async couponsPage(customerId: string, pageSize: number, cursor?: string) {
    const r = await this.client.listCoupons({ customer_id: customerId, page_size: pageSize, ...(cursor ? { cursor } : {}) });
    if (!r.ok) return { ok: false as const, error: counterError(r) };
    const next = r.data.meta?.has_next ? (r.data.meta.cursor ?? null) : null;
    return { ok: true as const, codes: r.data.items.map((c) => c.coupon_code), next };
  }

  /** Every coupon of a customer, following the cursor page by page. */
  async customerCoupons(customerId: string, pageSize = 20) {
    const codes: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await this.couponsPage(customerId, pageSize, cursor);
      if (!page.ok) return page;
      codes.push(...page.codes);
      if (page.next === null) break;
      cursor = page.next;
    }
    return { ok: true as const, codes };
  }

  async usageRate() {
    const r = await this.client.stats();
    return r.ok
      ? { ok: true as const, rate: r.data.usage_rate, issued: r.data.total_issued }
      : { ok: false as const, error: counterError(r) };
  }
}
