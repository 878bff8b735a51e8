import { isB2sError } from '../../../clients/b2s.ts';
import { check, type B2sModel, type B2sReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** B2S Part D 6: a missing or bad Bearer token is a 401 on all three endpoints, and a PATCH with one changes nothing. */
export class BadTokenCommand extends CouponCommand<B2sModel, B2sReal> {
  constructor(
    index: number,
    readonly missing: boolean,
  ) {
    super(index);
  }

  async run(m: B2sModel, r: B2sReal): Promise<void> {
    const c = this.couponOf(m);
    const headers: Record<string, string> = this.missing ? {} : { Authorization: `Bearer not-a-real-token-${this.index}` };
    const call = (method: string, path: string) => r.target.fetch(`${r.target.baseUrl}${path}`, { method, headers });
    const q = 'date_start=2000-01-01&date_end=2100-12-31&limit=10&offset=1&order_column=created_at&order_type=ASC&module=falae';
    const requests: [string, string][] = [
      ['GET', `/api/coupons?${q}`],
      ['GET', `/api/coupons/clients/${encodeURIComponent(r.scopedCompany || c.companyId)}?phone=5511999999999`],
      ['PATCH', `/api/coupons/status/${encodeURIComponent(c.id)}`],
    ];
    for (const [method, path] of requests) {
      const res = await call(method, path);
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      check(res.status === 401, `a ${this.missing ? 'missing' : 'bad'} Bearer token is a 401 (${method} ${path.split('?')[0]})`, {
        status: res.status,
        body,
      });
      check(isB2sError(body) && body.message.length > 0, 'the 401 is {"status":"error","message":…}', body);
    }
  }

  toString(): string {
    return `${this.missing ? 'missingToken' : 'badToken'}(#${this.index})`;
  }
}
