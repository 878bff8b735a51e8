/**
 * Type-level tests, checked by `tsc` in `npm test`: a wrong path, parameter or body must not compile.
 * Nothing here runs; each `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import { createB2sClient } from './b2s.ts';
import { createZupyClient } from './zupy.ts';

const zupy = createZupyClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'zupy_pk_x' });
const b2s = createB2sClient({ baseUrl: 'http://127.0.0.1:4020', token: 't' });

export async function typeChecks(): Promise<void> {
  // A path the spec does not declare (no trailing slash):
  // @ts-expect-error unknown path
  await zupy.raw.GET('/api/v2/coupons/issued', {});
  // A status value outside the public enum (decision Z-12):
  // @ts-expect-error 'pending' is not a public status
  await zupy.listCoupons({ status: 'pending' });
  // page_size is an integer:
  // @ts-expect-error string page_size
  await zupy.listCoupons({ page_size: '20' });
  // Redeem's body has use_z_tokens only:
  await zupy.raw.POST('/api/v2/customers/{id}/rewards/{reward_id}/redeem/', {
    params: { path: { id: 'c', reward_id: 'r' } },
    // @ts-expect-error unknown body field
    body: { use_points: true },
  });
  // Validate needs both path parameters:
  // @ts-expect-error missing coupon_id
  await zupy.raw.POST('/api/v2/customers/{id}/coupons/{coupon_id}/validate/', { params: { path: { id: 'c' } } });
  // B2S list requires its seven parameters:
  // @ts-expect-error missing required query parameters
  await b2s.listCoupons({ date_start: '2024-01-01', date_end: '2024-12-31' });
  // order_type is ASC | DESC:
  await b2s.listCoupons({
    date_start: '2024-01-01',
    date_end: '2024-12-31',
    limit: 10,
    offset: 1,
    order_column: 'created_at',
    // @ts-expect-error lower-case order_type
    order_type: 'asc',
    module: 'falae',
  });
  // @ts-expect-error PATCH on an undeclared path
  await b2s.raw.PATCH('/api/coupons/{id}', { params: { path: { id: 'x' } } });

  // And the right calls compile, with typed results:
  const r = await zupy.validate('2awTHloSJX7kGGprFerOOsvABcd', 'CZ-914F15F3');
  if (r.ok) {
    const remaining: number = r.data.remaining_usages;
    // @ts-expect-error the response has no `points_used`
    void r.data.points_used;
    void remaining;
  } else if ('type' in r.error) {
    const detail: string = r.error.detail;
    void detail;
  }
  // Narrowing by a status the spec documents gives the provider's error format (README snippet):
  if (!r.ok && r.status === 409) {
    const detail: string = r.error.detail;
    void detail;
  }
  if (!r.ok && r.status === 403) void r.error.type;
  // At a status the spec does not document for the operation, the body may be anything:
  if (!r.ok && r.status === 502) {
    // @ts-expect-error UnexpectedBody has no detail
    void r.error.detail;
    if ('kind' in r.error) void r.error.body;
  }
  // validate documents no 422, redeem does:
  if (!r.ok && r.status === 422) {
    // @ts-expect-error not a documented status of validate
    void r.error.detail;
  }
  const redeemed = await zupy.redeem('c', 'r');
  if (!redeemed.ok && redeemed.status === 422) void redeemed.error.detail;
  const looked = await zupy.findCouponByCode('CZ-914F15F3');
  if (looked.ok) {
    // @ts-expect-error null when no coupon has that code
    void looked.data.coupon_code;
  } else if (looked.status === 401) void looked.error.title;

  const used = await b2s.markUsed('x');
  if (!used.ok && used.status === 400) {
    const message: string = used.error.message;
    void message;
  }
  if (!used.ok && used.status === 500) {
    // @ts-expect-error B2S documents no 500: the body may be anything
    void used.error.message;
  }
  const list = await b2s.listCoupons({
    date_start: '2024-01-01',
    date_end: '2024-12-31',
    limit: 10,
    offset: 1,
    order_column: 'created_at',
    order_type: 'DESC',
    module: 'falae',
  });
  if (list.ok) {
    const used: boolean | undefined = list.data.coupons[0]?.status;
    void used;
  }
}
