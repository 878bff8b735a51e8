/**
 * Black-box tests of the B2S simulator over HTTP (startMock + the typed client + raw fetch):
 * Part D invariants 1–6, EN/PT status filters, paging, ordering, date ranges, search, PATCH and
 * its 3-hour boundary, scope, the bad-input table, and the defects as negative controls.
 *
 * Every test runs on the demo fixtures generated for a fixed, frozen clock (T0), so nothing
 * depends on the time of day the suite runs at. Oracles (derived statuses, ordering, ranges) are
 * written here from api-model.md, not imported from the code under test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createB2sClient, type B2sClient, type ListCouponsQuery } from '../../clients/b2s.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { BONUS_TYPES, checkB2sFixtures, type B2sFixtures } from '../../mocks/simulator/b2s/fixtures.ts';
import { B2S_DEMO as D, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';

type Coupon = B2sFixtures['coupons'][number];
type Query = ListCouponsQuery;
type ErrorBody = { status?: string; message?: string };

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2025-06-15T12:00:00.000Z');
const TODAY = '2025-06-15';
/** api-model B-4/B-6: the end of the expiration day, UTC. */
const expEnd = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY;

let mock: RunningMock;
let api: B2sClient;
let scopedA: B2sClient;
let scopedB: B2sClient;

const base: Query = { date_start: '2000-01-01', date_end: '2100-12-31', limit: 100, offset: 1, order_column: 'created_at', order_type: 'ASC', module: 'falae' };

interface CallOptions {
  token?: string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
async function call(path: string, o: CallOptions = {}): Promise<{ status: number; text: string; body: unknown; type: string | null }> {
  const token = o.token === undefined ? D.franchiseToken : o.token;
  const headers = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...o.headers };
  const r = await fetch(`${mock.url}${path}`, { method: o.method ?? 'GET', headers, body: o.body });
  const text = await r.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: r.status, text, body, type: r.headers.get('content-type') };
}
const listPath = (over: Record<string, string> = {}, drop: string[] = []) => {
  const q: Record<string, string> = { date_start: '2000-01-01', date_end: '2100-12-31', limit: '10', offset: '1', order_column: 'created_at', order_type: 'DESC', module: 'falae', ...over };
  for (const k of drop) delete q[k];
  return `/api/coupons?${new URLSearchParams(q).toString()}`;
};
const patchPath = (id: string) => `/api/coupons/status/${encodeURIComponent(id)}`;

async function list(q: Partial<Query> = {}, client = api) {
  const r = await client.listCoupons({ ...base, ...q });
  if (!r.ok) throw new Error(`list answered ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const state = () => mock.control.fixtures<B2sFixtures>();
const freeze = (ms: number) => mock.control.setClock(new Date(ms), true);
const couponIn = (f: B2sFixtures, id: string): Coupon => {
  const c = f.coupons.find((x) => x.id === id);
  if (!c) throw new Error(`no coupon ${id}`);
  return c;
};

beforeAll(async () => {
  mock = await startMock({ api: 'b2s', port: 0 });
  api = createB2sClient({ baseUrl: mock.url, token: D.franchiseToken });
  scopedA = createB2sClient({ baseUrl: mock.url, token: D.companyAToken });
  scopedB = createB2sClient({ baseUrl: mock.url, token: D.companyBToken });
});
afterAll(() => mock.close());
beforeEach(async () => {
  await mock.control.reset();
  await freeze(T0);
  await mock.control.seed(b2sDemoFixtures(T0));
});

describe('demo fixtures', () => {
  it('pass their own check; the check reports broken references, duplicates and status/date_of_use mismatches', () => {
    expect(checkB2sFixtures(b2sDemoFixtures(Date.now()))).toEqual([]);
    const f = b2sDemoFixtures(T0);
    const broken: B2sFixtures = {
      ...f,
      tokens: [...f.tokens, { token: 'b2s_broken_token_1', company_ids: ['b2500000-0000-4000-a000-0000000000ff'] }],
      coupons: [...f.coupons, { ...couponIn(f, D.activeCoupon) }, { ...couponIn(f, D.usedCoupon), id: 'b2500000-0000-4000-d000-0000000000ff', date_of_use: null }],
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
  it.each(['date_start', 'date_end', 'limit', 'offset', 'order_column', 'order_type', 'module'])('leaving out %s → 400 naming it', async (param) => {
    const r = await call(listPath({}, [param]));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: `${param} is required` });
  });

  it('limit 0..100 and offset ≥ 1 are accepted; limit 101, limit −1 and offset 0 → 400', async () => {
    for (const [over, status] of [[{ limit: '0' }, 200], [{ limit: '100' }, 200], [{ limit: '101' }, 400], [{ limit: '-1' }, 400], [{ offset: '0' }, 400], [{ offset: '1' }, 200]] as const) {
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
    const key = (c: (typeof asc)[number]) => { const v = c[column]; return v === null ? '' : String(v); };
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
      [{ date_of_use_start: day(-3), date_of_use_end: day(-1) }, (c) => c.date_of_use !== null && c.date_of_use >= day(-3) && c.date_of_use <= day(-1)],
      [{ date_of_use_start: '2000-01-01' }, (c) => c.date_of_use !== null],
      [{ date_of_use_end: '2100-01-01' }, (c) => c.date_of_use !== null],
      [{ expiration_date_start: day(1), expiration_date_end: day(6) }, (c) => c.expiration_date >= day(1) && c.expiration_date <= day(6)],
      [{ expiration_date_end: day(-1) }, (c) => c.expiration_date <= day(-1)],
    ];
    for (const [q, pred] of cases) {
      const got = await list(q);
      const want = f.filter(pred).map((c) => c.id).sort();
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
  const codes = async (search: string, module: 'falae' | 'premiado' = 'falae') => (await list({ search, module })).coupons.map((c) => c.code);
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

describe('invariant 3: coupon_status agrees with B-4; EN and PT select the same sets', () => {
  const pairs = [['Used', 'Utilizado'], ['Not Used', 'Não Utilizado'], ['Expired', 'Vencido'], ['Expiring', 'Vencendo']] as const;
  const oracle = (c: Coupon, now: number, s: (typeof pairs)[number][0]) => {
    const end = expEnd(c.expiration_date);
    if (s === 'Used') return c.status;
    if (s === 'Expired') return !c.status && now >= end;
    if (s === 'Not Used') return !c.status && now < end;
    return !c.status && now < end && end <= now + 7 * DAY;
  };

  for (const at of [0, 2 * DAY, 10 * DAY]) {
    it(`at T0 + ${at / DAY} days`, async () => {
      const now = T0 + at;
      await freeze(now);
      const f = (await state()).coupons;
      const sets: Record<string, string[]> = {};
      for (const module of ['falae', 'premiado'] as const) {
        for (const [en, pt] of pairs) {
          const a = await list({ module, coupon_status: en });
          const b = await list({ module, coupon_status: pt });
          expect(ids(b.coupons), `${en} = ${pt}`).toEqual(ids(a.coupons));
          expect(b.total).toBe(a.total);
          const want = f.filter((c) => c.module === module && oracle(c, now, en)).map((c) => c.id).sort();
          expect(ids(a.coupons).sort(), `${module} ${en}`).toEqual(want);
          sets[`${module} ${en}`] = ids(a.coupons);
        }
        // Used, Expired and Not Used partition the module; Expiring ⊂ Not Used.
        const total = (await list({ module })).total;
        expect((sets[`${module} Used`]?.length ?? 0) + (sets[`${module} Expired`]?.length ?? 0) + (sets[`${module} Not Used`]?.length ?? 0)).toBe(total);
        for (const id of sets[`${module} Expiring`] ?? []) expect(sets[`${module} Not Used`]).toContain(id);
      }
    });
  }

  it('a value in the wrong case or language mix → 400 listing the allowed values', async () => {
    for (const v of ['used', 'NOT USED', 'nao utilizado', 'Não utilizado', 'Vencida', '']) {
      const r = await call(listPath({ coupon_status: v }));
      expect(r.status, v).toBe(400);
      expect((r.body as ErrorBody).message).toMatch(/^coupon_status must be one of .*Used.*Utilizado.*Vencendo/);
    }
  });
});

describe('invariant 4: PATCH /api/coupons/status/{id}', () => {
  it('unused and valid → 204 with no body; the list shows status true and date_of_use today (UTC); again → 400 "Coupon already used", nothing changes', async () => {
    await freeze(Date.parse(`${TODAY}T23:30:00Z`));
    const r = await call(patchPath(D.activeCoupon), { method: 'PATCH' });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const [item] = (await list({ search: 'WELCOME2024' })).coupons;
    expect(item).toMatchObject({ id: D.activeCoupon, status: true, date_of_use: TODAY });
    const mine = await api.clientCoupons(D.companyA, { email: D.john.email });
    expect(mine.ok && mine.data.find((c) => c.id === D.activeCoupon)).toMatchObject({ status: true, date_of_use: TODAY });

    await mock.control.advanceClock('P2D');
    const before = await state();
    const again = await call(patchPath(D.activeCoupon), { method: 'PATCH' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ status: 'error', message: 'Coupon already used' });
    expect(await state()).toEqual(before);
  });

  it('the check order (B-7): unknown → 404; used (even past expiry) → already used; expired → "Coupon expired"', async () => {
    const before = await state();
    const cases: [string, number, string][] = [
      ['b2500000-0000-4000-d000-0000000000ff', 404, 'Coupon not found'],
      ['abc123-coupon-id', 404, 'Coupon not found'],
      ['WELCOME2024', 404, 'Coupon not found'],
      [D.usedCoupon, 400, 'Coupon already used'],
      [D.usedAndExpiredCoupon, 400, 'Coupon already used'],
      [D.expiredCoupon, 400, 'Coupon expired'],
    ];
    for (const [id, status, message] of cases) {
      const r = await call(patchPath(id), { method: 'PATCH' });
      expect(r.status, id).toBe(status);
      expect(r.body, id).toEqual({ status: 'error', message });
    }
    expect(await state()).toEqual(before);
  });

  it('the 3-hour boundary exactly (B-5): exp_end − 3 h → 400 "Coupon expired"; exp_end − 3 h − 1 s → 204', async () => {
    const end = expEnd(couponIn(await state(), D.expiringCoupon).expiration_date);
    await freeze(end - 3 * H);
    expect((await call(patchPath(D.expiringCoupon), { method: 'PATCH' })).body).toEqual({ status: 'error', message: 'Coupon expired' });
    await freeze(end - 3 * H - 1000);
    expect((await call(patchPath(D.expiringCoupon), { method: 'PATCH' })).status).toBe(204);
  });

  it('inside the 3-hour margin a coupon still lists as Not Used / Expiring, yet PATCH refuses it; at exp_end it lists as Expired', async () => {
    const end = expEnd(TODAY);
    await freeze(end - 2 * H);
    expect(ids((await list({ coupon_status: 'Não Utilizado' })).coupons)).toContain(D.expiresTodayCoupon);
    expect(ids((await list({ coupon_status: 'Expiring' })).coupons)).toContain(D.expiresTodayCoupon);
    expect((await call(patchPath(D.expiresTodayCoupon), { method: 'PATCH' })).body).toEqual({ status: 'error', message: 'Coupon expired' });
    await freeze(end - 1);
    expect(ids((await list({ coupon_status: 'Expired' })).coupons)).not.toContain(D.expiresTodayCoupon);
    await freeze(end);
    expect(ids((await list({ coupon_status: 'Vencido' })).coupons)).toContain(D.expiresTodayCoupon);
  });

  it('scope: a token for one company gets 404 on the other company\'s coupon (nothing changes); the franchise token reaches both', async () => {
    const before = await state();
    const r = await scopedA.markUsed(D.companyBCoupon);
    expect(r.status).toBe(404);
    expect(!r.ok && r.error).toEqual({ status: 'error', message: 'Coupon not found' });
    expect((await scopedB.markUsed(D.activeCoupon)).status).toBe(404);
    expect(await state()).toEqual(before);
    expect((await api.markUsed(D.companyBCoupon)).status).toBe(204);
    expect((await scopedA.markUsed(D.activeCoupon)).status).toBe(204);
  });

  it('concurrent PATCHes of one coupon: exactly one 204, the rest "Coupon already used"', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call(patchPath(D.activeCoupon), { method: 'PATCH' })));
    expect(results.filter((r) => r.status === 204)).toHaveLength(1);
    expect(results.filter((r) => (r.body as ErrorBody | undefined)?.message === 'Coupon already used')).toHaveLength(19);
  });
});

describe('invariant 5: GET /api/coupons/clients/{company_id}', () => {
  it('finds the client by phone (any format), email (any case) or CPF (masked or not); a bare array of the documented items, created_at ascending', async () => {
    const f = await state();
    const want = f.coupons.filter((c) => c.client_id === D.clients.john).sort((a, b) => a.created_at.localeCompare(b.created_at)).map((c) => c.id);
    expect(want.length).toBeGreaterThan(10);
    const searches: Record<string, string>[] = [{ phone: '5511999999999' }, { phone: '11999999999' }, { phone: '+55 (11) 99999-9999' }, { phone: '(11) 99999-9999' }, { email: 'JOHN@example.com' }, { cpf: '12345678909' }, { cpf: '123.456.789-09' }, { cpf: '123.456.789-09', email: 'john@example.com', phone: '5511999999999' }];
    for (const q of searches) {
      const r = await call(`/api/coupons/clients/${D.companyA}?${new URLSearchParams(q).toString()}`);
      expect(r.status, JSON.stringify(q)).toBe(200);
      const items = r.body as Record<string, unknown>[];
      expect(Array.isArray(items)).toBe(true);
      expect(items.map((c) => c.id), JSON.stringify(q)).toEqual(want);
      for (const c of items) {
        expect(Object.keys(c).sort()).toEqual(['bonus', 'code', 'created_at', 'date_of_use', 'expiration_date', 'id', 'status']);
        expect(Object.keys(c.bonus as object)).toEqual(['name']);
      }
    }
    const items = (await call(`/api/coupons/clients/${D.companyA}?email=john@example.com`)).body as { status: boolean }[];
    expect(new Set(items.map((c) => c.status))).toEqual(new Set([true, false]));
  });

  it('no search parameter (or only empty ones) → 400; unknown client, mismatched identifiers, unknown or out-of-scope company → 404 "Client not found"; no coupons → []', async () => {
    for (const q of ['', '?phone=', '?phone=&cpf=', '?phone=&email=&cpf=']) {
      const r = await call(`/api/coupons/clients/${D.companyA}${q}`);
      expect(r.status, q).toBe(400);
      expect((r.body as ErrorBody).status).toBe('error');
      // An empty email is also not an email: either message names the parameters.
      expect((r.body as ErrorBody).message, q).toMatch(q.includes('email') ? /^email / : /phone.*email.*cpf/);
    }
    const notFound = [
      `/api/coupons/clients/${D.companyA}?email=nobody@example.com`,
      `/api/coupons/clients/${D.companyA}?phone=5511888888888`,
      `/api/coupons/clients/${D.companyA}?cpf=000.000.000-00`,
      `/api/coupons/clients/${D.companyA}?email=john@example.com&cpf=987.654.321-00`,
      `/api/coupons/clients/${D.companyB}?email=john@example.com`,
      `/api/coupons/clients/b2500000-0000-4000-a000-0000000000ff?email=john@example.com`,
    ];
    for (const path of notFound) {
      const r = await call(path);
      expect(r.status, path).toBe(404);
      expect(r.body).toEqual({ status: 'error', message: 'Client not found' });
    }
    const scoped = await scopedA.clientCoupons(D.companyB, { email: 'bea@example.com' });
    expect(scoped.status).toBe(404);
    expect(!scoped.ok && scoped.error).toEqual({ status: 'error', message: 'Client not found' });
    expect((await api.clientCoupons(D.companyB, { email: 'bea@example.com' })).status).toBe(200);
    const none = await api.clientCoupons(D.companyA, { email: 'ana.sem@example.com' });
    expect(none.ok && none.data).toEqual([]);
  });
});

describe('invariant 6: a missing or bad Bearer token → 401 on all three endpoints', () => {
  const endpoints: [string, string][] = [
    ['GET', listPath()],
    ['GET', `/api/coupons/clients/${D.companyA}?email=john@example.com`],
    ['PATCH', patchPath(D.activeCoupon)],
  ];
  const auth: [string, Record<string, string>, string][] = [
    ['no header', {}, 'Token not provided'],
    ['an empty header', { Authorization: '' }, 'Token not provided'],
    ['"Bearer" alone', { Authorization: 'Bearer' }, 'Token not provided'],
    ['an unknown token', { Authorization: 'Bearer not-a-real-token' }, 'Invalid token'],
    ['another scheme', { Authorization: `Basic ${D.franchiseToken}` }, 'Invalid token'],
    ['two tokens', { Authorization: `Bearer ${D.franchiseToken} ${D.franchiseToken}` }, 'Invalid token'],
  ];
  for (const [method, path] of endpoints) {
    it.each(auth)(`${method} ${path.split('?')[0] ?? ''} with %s`, async (_name, headers, message) => {
      const before = await state();
      const r = await call(path, { method, token: null, headers });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ status: 'error', message });
      expect(await state()).toEqual(before);
    });
  }

  it('the scheme is case-insensitive and every demo token works', async () => {
    expect((await call(listPath(), { token: null, headers: { Authorization: `bearer ${D.companyAToken}` } })).status).toBe(200);
    expect((await call(listPath(), { token: D.companyBToken })).status).toBe(200);
  });
});

describe('bad input: the documented error in the {"status":"error"} format, never 5xx, state unchanged', () => {
  const big = 'x'.repeat(10 * 1024);
  const clients = (q: string) => `/api/coupons/clients/${D.companyA}?${q}`;
  const cases: [string, string, CallOptions, number][] = [
    ['a malformed integer limit', listPath({ limit: 'ten' }), {}, 400],
    ['a fractional limit', listPath({ limit: '1.5' }), {}, 400],
    ['limit given twice', `${listPath()}&limit=20`, {}, 400],
    ['limit in Arabic-Indic digits', listPath({ limit: '١٠' }), {}, 400],
    ['limit 101', listPath({ limit: '101' }), {}, 400],
    ['offset 0', listPath({ offset: '0' }), {}, 400],
    ['a negative offset', listPath({ offset: '-3' }), {}, 400],
    ['a date in another format', listPath({ date_start: '01/02/2024' }), {}, 400],
    ['a date that does not exist', listPath({ date_end: '2025-02-30' }), {}, 400],
    ['a date-time instead of a date', listPath({ date_end: '2025-02-01T00:00:00Z' }), {}, 400],
    ['a non-ASCII date', listPath({ date_start: '２０２５-01-01' }), {}, 400],
    ['date_start after date_end', listPath({ date_start: '2025-01-02', date_end: '2025-01-01' }), {}, 400],
    ['an unknown order_column', listPath({ order_column: 'client' }), {}, 400],
    ['a non-ASCII order_column', listPath({ order_column: 'código' }), {}, 400],
    ['a lower-case order_type', listPath({ order_type: 'desc' }), {}, 400],
    ['an unknown module', listPath({ module: 'outro' }), {}, 400],
    ['a 10 kB search', listPath({ search: big }), {}, 400],
    ['a 10 kB coupon_status', listPath({ coupon_status: big }), {}, 400],
    ['a 10 kB date', listPath({ date_start: big }), {}, 400],
    ['a 10 kB order_column', listPath({ order_column: big }), {}, 400],
    ['a short non-ASCII search', listPath({ search: 'ção😀' }), {}, 200],
    ['a search of only emoji (≤ 200 chars)', listPath({ search: '😀'.repeat(50) }), {}, 200],
    ['a search with broken percent-encoding', `${listPath()}&search=%E0%A4%A`, {}, 200],
    ['clients without a search parameter', `/api/coupons/clients/${D.companyA}`, {}, 400],
    ['clients with a company id that is not a UUID', '/api/coupons/clients/not-a-uuid?email=john@example.com', {}, 400],
    ['clients with a 10 kB phone', clients(`phone=${'9'.repeat(10 * 1024)}`), {}, 400],
    ['clients with a 10 kB email', clients(`email=${big}@example.com`), {}, 400],
    ['clients with a 10 kB cpf', clients(`cpf=${big}`), {}, 400],
    ['clients with a malformed email', clients('email=not-an-email'), {}, 400],
    ['clients with a non-ASCII phone', clients(`phone=${encodeURIComponent('٥٥١١٩٩٩٩٩٩٩٩٩')}`), {}, 404],
    ['clients with the phone given twice', clients('phone=1&phone=2'), {}, 400],
    ['PATCH with a malformed JSON body (an unused coupon)', patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' }, 400],
    ['PATCH with a truncated JSON body', patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status": tr' }, 400],
    ['PATCH with a body over the limit', patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) }, 413],
    ['PATCH a non-ASCII id', patchPath('cupão-😀'), { method: 'PATCH' }, 404],
    ['PATCH a 500-character id', patchPath('a'.repeat(500)), { method: 'PATCH' }, 404],
    ['PATCH a code instead of an id (B-9)', patchPath('WELCOME2024'), { method: 'PATCH' }, 404],
    ['PATCH without an id', '/api/coupons/status/', { method: 'PATCH' }, 404],
    ['GET on the PATCH route (405, Allow: PATCH)', patchPath(D.activeCoupon), {}, 405],
    ['POST on the list (405, Allow: GET, HEAD)', '/api/coupons', { method: 'POST' }, 405],
    ['DELETE a coupon (405)', patchPath(D.activeCoupon), { method: 'DELETE' }, 405],
    ['an unknown route', '/api/nothing', {}, 404],
    ['an unknown route without a token', '/api/nothing', { token: null }, 404],
  ];
  it.each(cases)('%s', async (_name, path, options, status) => {
    const before = await state();
    const r = await call(path, options);
    expect(r.status).toBe(status);
    if (status >= 400) {
      expect(r.type).toMatch(/^application\/json/);
      const body = r.body as ErrorBody;
      expect(Object.keys(body).sort()).toEqual(['message', 'status']);
      expect(body.status).toBe('error');
      expect(body.message?.length).toBeGreaterThan(0);
    }
    expect(await state()).toEqual(before);
  });

  it('validation messages name the parameter; routes not found say so', async () => {
    expect((await call(listPath({ date_end: '2025-02-30' }))).body).toEqual({ status: 'error', message: 'date_end must be a valid date in the format YYYY-MM-DD' });
    expect((await call(listPath({ order_column: 'client' }))).body).toEqual({ status: 'error', message: 'order_column must be one of created_at, expiration_date, date_of_use, code, status' });
    expect((await call(listPath({ module: 'outro' }))).body).toEqual({ status: 'error', message: 'module must be one of premiado, falae' });
    expect((await call(listPath({ limit: 'ten' }))).body).toEqual({ status: 'error', message: 'limit must be an integer' });
    expect((await call('/api/coupons/clients/not-a-uuid?email=a@b.co')).body).toEqual({ status: 'error', message: 'company_id must be a UUID' });
    expect((await call('/api/nothing')).body).toEqual({ status: 'error', message: 'Route not found' });
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{oops' })).body).toEqual({ status: 'error', message: 'Invalid JSON body' });
  });

  it('PATCH ignores a well-formed or non-JSON body (the endpoint takes none)', async () => {
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status": false}' })).status).toBe(204);
    expect((await call(patchPath(D.expiringCoupon), { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: 'hello' })).status).toBe(204);
  });

  // Malformed URLs are rejected by Fastify's router before any hook runs; frameworkErrors in
  // mocks/simulator/app.ts answers them in the provider's format.
  it('a path with broken percent-encoding → 400 in the B2S format', async () => {
    const r = await call('/api/coupons/status/%E0%A4%A', { method: 'PATCH' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: 'Malformed URL' });
  });
  it('a 10 kB path parameter → 400 in the B2S format', async () => {
    const r = await call(patchPath('a'.repeat(10 * 1024)), { method: 'PATCH' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 'error', message: 'URL too long' });
  });
  it('…and they are never 5xx nor change state meanwhile', async () => {
    const before = await state();
    for (const r of [await call('/api/coupons/status/%E0%A4%A', { method: 'PATCH' }), await call(patchPath('a'.repeat(10 * 1024)), { method: 'PATCH' })]) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await state()).toEqual(before);
  });

  it('the unavailable fault answers 503 in the B2S format and changes nothing; the control API keeps working', async () => {
    await mock.control.faults({ error_rate: 1 });
    const before = await state();
    for (const [path, method] of [[listPath(), 'GET'], [patchPath(D.activeCoupon), 'PATCH']] as const) {
      const r = await call(path, { method });
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ status: 'error', message: 'Service unavailable' });
    }
    expect(await state()).toEqual(before);
  });
});

describe('configurable rules (B-4 window, B-6 expiration instant)', () => {
  let other: RunningMock;
  afterAll(async () => other?.close());

  it('B2S_EXPIRATION_INSTANT=start_of_day_utc and B2S_EXPIRING_DAYS=2 change the derived statuses and the PATCH rule', async () => {
    process.env.B2S_EXPIRATION_INSTANT = 'start_of_day_utc';
    process.env.B2S_EXPIRING_DAYS = '2';
    try {
      other = await startMock({ api: 'b2s', port: 0 });
    } finally {
      delete process.env.B2S_EXPIRATION_INSTANT;
      delete process.env.B2S_EXPIRING_DAYS;
    }
    await other.control.setClock(new Date(T0), true);
    await other.control.seed(b2sDemoFixtures(T0));
    const c = createB2sClient({ baseUrl: other.url, token: D.franchiseToken });
    const expired = await c.listCoupons({ ...base, coupon_status: 'Expired' });
    expect(expired.ok && ids(expired.data.coupons)).toContain(D.expiresTodayCoupon);
    expect((await c.markUsed(D.expiresTodayCoupon)).status).toBe(400);
    const expiring = await c.listCoupons({ ...base, coupon_status: 'Expiring' });
    if (!expiring.ok) throw new Error('list');
    // With the 2-day window, only coupons whose expiration day starts within 2 days are Expiring.
    for (const x of expiring.data.coupons) expect(Date.parse(`${x.expiration_date}T00:00:00Z`)).toBeLessThanOrEqual(T0 + 2 * DAY);
    expect(ids(expiring.data.coupons)).not.toContain(D.expiringCoupon);
    // The default module (this suite's mock) sees the same coupon as unused and PATCHable.
    expect((await api.markUsed(D.expiresTodayCoupon)).status).toBe(204);
  });

  it('a bad B2S_EXPIRATION_INSTANT fails the start with a clear error', async () => {
    process.env.B2S_EXPIRATION_INSTANT = 'noon';
    try {
      await expect(startMock({ api: 'b2s', port: 0 })).rejects.toThrow(/B2S_EXPIRATION_INSTANT must be end_of_day_utc or start_of_day_utc/);
    } finally {
      delete process.env.B2S_EXPIRATION_INSTANT;
    }
  });
});

describe('defects are caught (negative controls): each check passes on the simulator and fails with its defect', () => {
  const burst = (id: string, n = 20) => Promise.all(Array.from({ length: n }, () => call(patchPath(id), { method: 'PATCH' })));
  /** The expectations the suite above makes, packaged so they can be run with a defect on. */
  const checks: Record<string, () => Promise<void>> = {
    'one PATCH wins a race': async () => {
      const rs = await burst(D.activeCoupon);
      expect(rs.filter((r) => r.status === 204)).toHaveLength(1);
    },
    'a used coupon is refused': async () => {
      const r = await call(patchPath(D.usedCoupon), { method: 'PATCH' });
      expect(r.body).toEqual({ status: 'error', message: 'Coupon already used' });
    },
    'a coupon inside the 3-hour margin is refused': async () => {
      await freeze(expEnd(TODAY) - 2 * H);
      const r = await call(patchPath(D.expiresTodayCoupon), { method: 'PATCH' });
      expect(r.body).toEqual({ status: 'error', message: 'Coupon expired' });
    },
    "a token cannot PATCH another company's coupon": async () => {
      expect((await scopedA.markUsed(D.companyBCoupon)).status).toBe(404);
    },
    'an unknown token is refused': async () => {
      expect((await call(listPath(), { token: 'whatever-token' })).status).toBe(401);
    },
  };
  const defects: [string, string][] = [
    ['racy-validate', 'one PATCH wins a race'],
    ['reuse-returns-200', 'a used coupon is refused'],
    ['no-expiry-check', 'a coupon inside the 3-hour margin is refused'],
    ['validate-ignores-customer', "a token cannot PATCH another company's coupon"],
    ['lenient-auth', 'an unknown token is refused'],
  ];

  it.each(Object.keys(checks))('without defects: %s', async (name) => {
    await checks[name]?.();
  });

  it.each(defects)('with %s: "%s" fails', async (defect, name) => {
    await mock.control.faults({ defects: [defect] });
    const check = checks[name];
    if (!check) throw new Error(name);
    await expect(check()).rejects.toThrow();
  });

  it('racy-validate double-spends: more than one 204 for one coupon', async () => {
    await mock.control.faults({ defects: ['racy-validate'] });
    const rs = await burst(D.activeCoupon);
    expect(rs.filter((r) => r.status === 204).length).toBeGreaterThan(1);
  });

  it('reuse-returns-200: the second PATCH is 204 and changes nothing', async () => {
    await mock.control.faults({ defects: ['reuse-returns-200'] });
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH' })).status).toBe(204);
    const before = await state();
    await mock.control.advanceClock('P1D');
    expect((await call(patchPath(D.activeCoupon), { method: 'PATCH' })).status).toBe(204);
    expect(await state()).toEqual(before);
  });

  it('no-expiry-check: an expired coupon PATCHes too', async () => {
    await mock.control.faults({ defects: ['no-expiry-check'] });
    expect((await call(patchPath(D.expiredCoupon), { method: 'PATCH' })).status).toBe(204);
  });

  it("validate-ignores-customer: a scoped token reaches another company's coupon and client", async () => {
    await mock.control.faults({ defects: ['validate-ignores-customer'] });
    expect((await scopedA.markUsed(D.companyBCoupon)).status).toBe(204);
    expect((await scopedA.clientCoupons(D.companyB, { email: 'bea@example.com' })).status).toBe(200);
  });

  it('lenient-auth: any non-empty Bearer token acts as the franchise token; a missing one is still 401', async () => {
    await mock.control.faults({ defects: ['lenient-auth'] });
    expect((await call(listPath({ module: 'premiado' }), { token: 'whatever-token' })).body).toMatchObject({ total: 17 });
    expect((await call(listPath(), { token: null })).status).toBe(401);
  });
});
