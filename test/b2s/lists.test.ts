/**
 * B2S simulator, GET /api/coupons: the demo fixtures, Part D invariants 1 (required parameters and
 * ranges) and 2 (paging), ordering (B-13), date ranges (B-14) and search (B-12).
 */
import { describe, expect, it } from 'vitest';
import { BONUS_TYPES, checkB2sFixtures, type B2sFixtures } from '../../mocks/simulator/b2s/fixtures.ts';
import { B2S_DEMO as D, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';
import {
  useB2sMock,
  DAY,
  T0,
  call,
  couponIn,
  ids,
  list,
  listPath,
  mock,
  scopedA,
  scopedB,
  state,
  type Coupon,
  type Query,
} from './harness.ts';

useB2sMock();

describe('demo fixtures', () => {
  it('pass their own check; the check reports broken references, duplicates and status/date_of_use mismatches', () => {
    expect(checkB2sFixtures(b2sDemoFixtures(Date.now()))).toEqual([]);
    const f = b2sDemoFixtures(T0);
    const broken: B2sFixtures = {
      ...f,
      tokens: [...f.tokens, { token: 'b2s_broken_token_1', company_ids: ['b2500000-0000-4000-a000-0000000000ff'] }],
      coupons: [
        ...f.coupons,
        { ...couponIn(f, D.activeCoupon) },
        { ...couponIn(f, D.usedCoupon), id: 'b2500000-0000-4000-d000-0000000000ff', date_of_use: null },
      ],
    };
    const problems = checkB2sFixtures(broken);
    expect(problems).toContain(`duplicate coupon id '${D.activeCoupon}'`);
    expect(problems.some((p) => p.includes("unknown company_id 'b2500000-0000-4000-a000-0000000000ff'"))).toBe(true);
    expect(problems.some((p) => p.includes('needs a date_of_use'))).toBe(true);
    expect(checkB2sFixtures({ companies: [] })[0]).toMatch(/required property/);
  });

  it('the documented paging example: module falae has 45 coupons for the franchise and the company-A token', async () => {
    expect((await list()).total).toBe(D.paging.total);
    expect((await list({}, scopedA)).total).toBe(45);
    expect((await list({ module: 'premiado' })).total).toBe(17);
  });

  it('cover every derived state in both modules, every bonus type, two companies', async () => {
    for (const module of ['falae', 'premiado'] as const) {
      for (const coupon_status of ['Used', 'Not Used', 'Expired', 'Expiring'] as const) {
        expect((await list({ module, coupon_status })).total, `${module} ${coupon_status}`).toBeGreaterThan(0);
      }
    }
    const all = [...(await list()).coupons, ...(await list({ module: 'premiado' })).coupons];
    expect(new Set(all.map((c) => c.bonus.type))).toEqual(new Set(BONUS_TYPES));
    expect(ids((await list({ module: 'premiado' }, scopedB)).coupons).sort()).toEqual([D.companyBCoupon, D.companyBUsedCoupon].sort());
  });

  it('the server starts from demo data relative to its own clock', async () => {
    await mock.control.reset();
    const f = await state();
    expect(checkB2sFixtures(f)).toEqual([]);
    expect(couponIn(f, D.expiresTodayCoupon).expiration_date).toBe(new Date().toISOString().slice(0, 10));
    expect((await list()).total).toBe(45);
  });
});

describe('invariant 1: required parameters and ranges', () => {
  it.each(['date_start', 'date_end', 'limit', 'offset', 'order_column', 'order_type', 'module'])(
    'leaving out %s → 400 naming it',
    async (param) => {
      const r = await call(listPath({}, [param]));
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ status: 'error', message: `${param} is required` });
    },
  );

  it('limit 0..100 and offset ≥ 1 are accepted; limit 101, limit −1 and offset 0 → 400', async () => {
    for (const [over, status] of [
      [{ limit: '0' }, 200],
      [{ limit: '100' }, 200],
      [{ limit: '101' }, 400],
      [{ limit: '-1' }, 400],
      [{ offset: '0' }, 400],
      [{ offset: '1' }, 200],
    ] as const) {
      const r = await call(listPath(over));
      expect(r.status, JSON.stringify(over)).toBe(status);
    }
    expect((await call(listPath({ limit: '101' }))).body).toEqual({ status: 'error', message: 'limit must be between 0 and 100' });
    expect((await call(listPath({ offset: '0' }))).body).toEqual({ status: 'error', message: 'offset must be >= 1' });
  });
});

describe('invariant 2: offset is a page number; total is independent of paging', () => {
  it('45 coupons, limit 10: pages of 10,10,10,10,5, then 0; disjoint; union = the filtered set in order', async () => {
    const all = await list({ limit: 100 });
    expect(all.total).toBe(45);
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let offset = 1; offset <= 6; offset++) {
      const page = await list({ limit: 10, offset });
      expect(page).toMatchObject({ limit: 10, offset, total: 45 });
      sizes.push(page.coupons.length);
      seen.push(...ids(page.coupons));
    }
    expect(sizes).toEqual([10, 10, 10, 10, 5, 0]);
    expect(new Set(seen).size).toBe(45);
    expect(seen).toEqual(ids(all.coupons));
  });

  it('with a filter, every page reports the same total; limit 0 gives no coupons and the right total; limit/offset are echoed', async () => {
    const used = await list({ coupon_status: 'Used', limit: 100 });
    for (const limit of [1, 3, 7]) {
      const got: string[] = [];
      for (let offset = 1; offset <= Math.ceil(used.total / limit); offset++) {
        const p = await list({ coupon_status: 'Used', limit, offset });
        expect(p.total).toBe(used.total);
        got.push(...ids(p.coupons));
      }
      expect(got).toEqual(ids(used.coupons));
    }
    expect(await list({ limit: 0, offset: 3 })).toEqual({ limit: 0, offset: 3, total: 45, coupons: [] });
    expect((await list({ limit: 10, offset: 1000 })).coupons).toEqual([]);
  });
});

describe('ordering (B-13)', () => {
  const columns = ['created_at', 'expiration_date', 'date_of_use', 'code', 'status'] as const;
  it.each(columns)('order_column %s: ASC by the column with ties on id, DESC is its reverse', async (column) => {
    const asc = (await list({ order_column: column, order_type: 'ASC' })).coupons;
    const desc = (await list({ order_column: column, order_type: 'DESC' })).coupons;
    const key = (c: (typeof asc)[number]) => {
      const v = c[column];
      return v === null ? '' : String(v);
    };
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1], asc[i]];
      if (!a || !b) throw new Error('index');
      expect(key(a) < key(b) || (key(a) === key(b) && a.id < b.id), `${column} #${i}`).toBe(true);
    }
    expect(ids(desc)).toEqual(ids(asc).reverse());
  });
});

describe('date ranges (B-14): inclusive UTC days; date_of_use ranges drop unused coupons', () => {
  it('creation, usage and expiration ranges match the fixtures', async () => {
    const f = (await state()).coupons.filter((c) => c.module === 'falae');
    const day = (offset: number) => new Date(T0 + offset * DAY).toISOString().slice(0, 10);
    const cases: [Partial<Query>, (c: Coupon) => boolean][] = [
      [{ date_start: day(-20), date_end: day(-10) }, (c) => c.created_at.slice(0, 10) >= day(-20) && c.created_at.slice(0, 10) <= day(-10)],
      [{ date_start: day(-12), date_end: day(-12) }, (c) => c.created_at.slice(0, 10) === day(-12)],
      [
        { date_of_use_start: day(-3), date_of_use_end: day(-1) },
        (c) => c.date_of_use !== null && c.date_of_use >= day(-3) && c.date_of_use <= day(-1),
      ],
      [{ date_of_use_start: '2000-01-01' }, (c) => c.date_of_use !== null],
      [{ date_of_use_end: '2100-01-01' }, (c) => c.date_of_use !== null],
      [{ expiration_date_start: day(1), expiration_date_end: day(6) }, (c) => c.expiration_date >= day(1) && c.expiration_date <= day(6)],
      [{ expiration_date_end: day(-1) }, (c) => c.expiration_date <= day(-1)],
    ];
    for (const [q, pred] of cases) {
      const got = await list(q);
      const want = f
        .filter(pred)
        .map((c) => c.id)
        .sort();
      expect(want.length, JSON.stringify(q)).toBeGreaterThan(0);
      expect(ids(got.coupons).sort(), JSON.stringify(q)).toEqual(want);
      expect(got.total).toBe(want.length);
    }
  });

  it.each([
    ['date_start', 'date_end'],
    ['date_of_use_start', 'date_of_use_end'],
    ['expiration_date_start', 'expiration_date_end'],
  ])('%s after %s → 400 naming both; equal days are fine', async (start, end) => {
    const r = await call(listPath({ [start]: '2025-02-02', [end]: '2025-02-01' }));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: `${start} must not be after ${end}` });
    expect((await call(listPath({ [start]: '2025-02-01', [end]: '2025-02-01' }))).status).toBe(200);
  });
});

describe('search (B-12)', () => {
  const codes = async (search: string, module: 'falae' | 'premiado' = 'falae') =>
    (await list({ search, module })).coupons.map((c) => c.code);
  const clientNames = async (search: string) => new Set((await list({ search })).coupons.map((c) => c.client.name));

  it('matches the code case-insensitively', async () => {
    expect(await codes('welcome2024')).toEqual(['WELCOME2024']);
    expect(await codes('falae0012')).toEqual(['FALAE0012']);
  });

  it('matches the client name, email and phone (as displayed, as digits, with the country code)', async () => {
    const f = await state();
    const johns = f.coupons.filter((c) => c.client_id === D.clients.john && c.module === 'falae').length;
    for (const term of ['JOHN SMITH', 'john@EXAMPLE', '99999-9999', '11 99999 9999', '5511999999999', '+55 (11) 99999-9999']) {
      expect(await clientNames(term), term).toEqual(new Set(['John Smith']));
      expect((await list({ search: term })).total, term).toBe(johns);
    }
    expect(await clientNames('joão')).toEqual(new Set(['João Pereira']));
    expect(await clientNames('OLIVEIRA')).toEqual(new Set(['Maria Oliveira']));
  });

  it('a term that is not phone-like does not match on phone digits; nothing matches → total 0', async () => {
    expect(await codes('x9999')).toEqual([]);
    expect(await list({ search: 'nobody-at-all' })).toMatchObject({ total: 0, coupons: [] });
    expect((await list({ search: '' })).total).toBe(45);
  });
});
