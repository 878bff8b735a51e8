/**
 * The B2S store's rules pinned with literal expectations (no simulator helper computes an expected
 * value): the 3-hour PATCH margin at its boundaries under both expiration instants, the B-7 order,
 * the per-scope orders merged across companies and refreshed after a PATCH, lookups after direct
 * edits and reindex(), seeding and snapshots.
 */
import { describe, expect, it } from 'vitest';
import type { B2sFixtures } from './fixtures.ts';
import { B2sStore } from './store.ts';

type SeedCoupon = B2sFixtures['coupons'][number];
const T0 = Date.parse('2026-05-10T12:00:00Z');
const H = 3_600_000;

const coupon = (id: string, over: Partial<SeedCoupon> = {}): SeedCoupon => ({
  id,
  company_id: 'ca',
  client_id: 'cl1',
  code: `K-${id}`,
  status: false,
  date_of_use: null,
  expiration_date: '2026-05-20',
  created_at: '2026-05-01T10:00:00Z',
  module: 'falae',
  bonus: { id: 'b', name: 'Bonus', type: 'default' },
  ...over,
});

function fixtures(coupons: SeedCoupon[]): B2sFixtures {
  return {
    companies: [
      { id: 'ca', name: 'A' },
      { id: 'cb', name: 'B' },
      { id: 'cc', name: 'C' },
    ],
    tokens: [
      { token: 'tok-ab', company_ids: ['ca', 'cb'], label: 'both' },
      { token: 'tok-c', company_ids: ['cc'] },
    ],
    clients: [
      { id: 'cl1', company_id: 'ca', name: 'Ana', email: 'Ana@Example.com', phone: '(11) 99999-0001', cpf: '123.456.789-09' },
      { id: 'cl2', company_id: 'cb', name: 'Bia', email: 'bia@example.com', phone: null, cpf: null },
      { id: 'cl3', company_id: 'ca', name: 'Caio', email: null, phone: '5521988880002', cpf: '98765432100' },
    ],
    coupons,
  };
}

function storeAt(coupons: SeedCoupon[], start = T0, rules?: ConstructorParameters<typeof B2sStore>[1]) {
  const clock = { now: start };
  const store = new B2sStore(() => clock.now, rules);
  store.load(fixtures(coupons), true);
  return { store, clock };
}
const AB = new Set(['ca', 'cb']);
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

describe('B2S store: the 3-hour rule (B-5) at its boundaries', () => {
  // expiration_date 2026-05-20 ends at 2026-05-21T00:00:00Z (end of day, UTC) by default.
  const END = Date.parse('2026-05-21T00:00:00Z');

  it.each([
    [END - 3 * H - 1, { ok: true }],
    [END - 3 * H, { ok: false, status: 400, reason: 'expired' }],
    [END - 3 * H + 1, { ok: false, status: 400, reason: 'expired' }],
    [END, { ok: false, status: 400, reason: 'expired' }],
    [END + 5 * H, { ok: false, status: 400, reason: 'expired' }],
  ])('end of day: PATCH at %i → %o', (now, expected) => {
    const { store } = storeAt([coupon('u1')], now);
    expect(store.markUsed(AB, 'u1')).toEqual(expected);
    expect(store.coupons.get('u1')?.status).toBe(expected.ok);
  });

  it.each([
    [Date.parse('2026-05-19T20:59:59.999Z'), true],
    [Date.parse('2026-05-19T21:00:00.000Z'), false],
    [Date.parse('2026-05-19T21:00:00.001Z'), false],
  ])('start of day: the end is 2026-05-20T00:00Z; PATCH at %i allowed = %s', (now, allowed) => {
    const { store } = storeAt([coupon('u1')], now, { expirationInstant: 'start_of_day_utc' });
    expect(store.expEnd(store.coupons.get('u1')!)).toBe(Date.parse('2026-05-20T00:00:00Z'));
    expect(store.markUsed(AB, 'u1').ok).toBe(allowed);
  });

  it('expEnd reads the expiration date at the end of its UTC day; rules merge over the defaults', () => {
    const { store } = storeAt([coupon('u1', { expiration_date: '2026-12-31' })]);
    expect(store.expEnd(store.coupons.get('u1')!)).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(store.rules).toEqual({ expirationInstant: 'end_of_day_utc', expiringWindowMs: 7 * 24 * H });
    expect(new B2sStore(() => T0, { expiringWindowMs: H }).rules).toEqual({ expirationInstant: 'end_of_day_utc', expiringWindowMs: H });
  });

  it('a successful PATCH writes status and the UTC date of the clock, in B-7 order', () => {
    const late = Date.parse('2026-05-10T23:30:00-03:00'); // 2026-05-11 in UTC
    const { store, clock } = storeAt(
      [
        coupon('u1'),
        coupon('u2', { status: true, date_of_use: '2026-05-02', expiration_date: '2026-01-01' }),
        coupon('u3', { expiration_date: '2026-01-01' }),
        coupon('c1', { company_id: 'cc' }),
      ],
      late,
    );
    expect(store.markUsed(AB, 'nope')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(store.markUsed(AB, 'c1')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(store.markUsed(AB, 'u2')).toEqual({ ok: false, status: 400, reason: 'already-used' });
    expect(store.markUsed(AB, 'u3')).toEqual({ ok: false, status: 400, reason: 'expired' });
    expect(store.markUsed(AB, 'u1')).toEqual({ ok: true });
    expect(store.coupons.get('u1')).toMatchObject({ status: true, date_of_use: '2026-05-11' });
    clock.now = T0 + 48 * H;
    expect(store.markUsed(AB, 'u1')).toEqual({ ok: false, status: 400, reason: 'already-used' });
    expect(store.coupons.get('u1')?.date_of_use).toBe('2026-05-11');
    // The defect options, each skipping its own check only.
    expect(store.markUsed(AB, 'u3', { skipExpiry: true })).toEqual({ ok: true });
    expect(store.markUsed(AB, 'u2', { reuseSucceeds: true })).toEqual({ ok: true });
    expect(store.coupons.get('u2')?.date_of_use).toBe('2026-05-02');
    expect(store.markUsed(AB, 'c1', { ignoreScope: true })).toEqual({ ok: true });
    expect(store.coupons.get('c1')?.date_of_use).toBe('2026-05-12');
  });

  it('the racy variant runs the same checks before its gap', async () => {
    const { store } = storeAt([coupon('u1'), coupon('u3', { expiration_date: '2026-01-01' })]);
    expect(await store.markUsedRacy(AB, 'u3')).toEqual({ ok: false, status: 400, reason: 'expired' });
    expect(await store.markUsedRacy(new Set(['cc']), 'u1')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    let gaps = 0;
    expect(
      await store.markUsedRacy(AB, 'u1', {}, async () => {
        gaps++;
      }),
    ).toEqual({ ok: true });
    expect(gaps).toBe(1);
    expect(store.coupons.get('u1')).toMatchObject({ status: true, date_of_use: '2026-05-10' });
  });
});

describe('B2S store: orders per token scope', () => {
  const seeds = [
    coupon('a1', { created_at: '2026-05-03T00:00:00Z', code: 'M', expiration_date: '2026-06-01' }),
    coupon('b1', { company_id: 'cb', client_id: 'cl2', created_at: '2026-05-02T00:00:00Z', code: 'Z', expiration_date: '2026-05-15' }),
    coupon('a2', { created_at: '2026-05-01T00:00:00Z', code: 'A', expiration_date: '2026-05-30' }),
    coupon('b2', { company_id: 'cb', client_id: 'cl2', created_at: '2026-05-04T00:00:00Z', code: 'C', expiration_date: '2026-05-15' }),
    coupon('a3', { created_at: '2026-05-02T00:00:00Z', code: 'B', module: 'premiado' }),
    coupon('c1', { company_id: 'cc', client_id: 'cl9', created_at: '2026-05-01T00:00:00Z' }),
    coupon('a0', { created_at: '2026-05-03T00:00:00Z', code: 'M', expiration_date: '2026-06-01' }),
  ];

  it('created_at merges both companies ascending, ties on id; other columns sort with ties on id', () => {
    const { store } = storeAt(seeds);
    expect(ids(store.ordered(AB, 'falae', 'created_at'))).toEqual(['a2', 'b1', 'a0', 'a1', 'b2']);
    expect(ids(store.ordered(new Set(['cb', 'ca']), 'falae', 'created_at'))).toEqual(['a2', 'b1', 'a0', 'a1', 'b2']);
    expect(ids(store.ordered(new Set(['cb']), 'falae', 'created_at'))).toEqual(['b1', 'b2']);
    expect(ids(store.ordered(new Set(['ca']), 'falae', 'created_at'))).toEqual(['a2', 'a0', 'a1']);
    expect(ids(store.ordered(AB, 'premiado', 'created_at'))).toEqual(['a3']);
    expect(ids(store.ordered(new Set(['cc', 'zz']), 'falae', 'created_at'))).toEqual(['c1']);
    expect(ids(store.ordered(new Set(['zz']), 'falae', 'created_at'))).toEqual([]);
    expect(ids(store.ordered(AB, 'falae', 'code'))).toEqual(['a2', 'b2', 'a0', 'a1', 'b1']);
    expect(ids(store.ordered(AB, 'falae', 'expiration_date'))).toEqual(['b1', 'b2', 'a2', 'a0', 'a1']);
  });

  it('status and date_of_use orders follow a PATCH; the created_at order is kept', () => {
    const { store, clock } = storeAt(seeds);
    const scope = new Set(['ca', 'cb']);
    expect(ids(store.ordered(scope, 'falae', 'status'))).toEqual(['a0', 'a1', 'a2', 'b1', 'b2']);
    expect(ids(store.ordered(scope, 'falae', 'date_of_use'))).toEqual(['a0', 'a1', 'a2', 'b1', 'b2']);
    const created = store.ordered(scope, 'falae', 'created_at');
    expect(store.markUsed(scope, 'a0')).toEqual({ ok: true });
    expect(ids(store.ordered(scope, 'falae', 'status'))).toEqual(['a1', 'a2', 'b1', 'b2', 'a0']);
    expect(ids(store.ordered(scope, 'falae', 'date_of_use'))).toEqual(['a1', 'a2', 'b1', 'b2', 'a0']);
    clock.now = T0 - 24 * H;
    expect(store.markUsed(scope, 'b2')).toEqual({ ok: true });
    expect(ids(store.ordered(scope, 'falae', 'date_of_use'))).toEqual(['a1', 'a2', 'b1', 'b2', 'a0']);
    expect(ids(store.ordered(scope, 'falae', 'status'))).toEqual(['a1', 'a2', 'b1', 'a0', 'b2']);
    expect(store.ordered(scope, 'falae', 'created_at')).toBe(created);
    // A second read without a PATCH in between returns the same order.
    expect(store.ordered(scope, 'falae', 'status')).toBe(store.ordered(scope, 'falae', 'status'));
  });

  it('coupons deleted or moved in the maps drop out of the orders after reindex(); new ones come in', () => {
    const { store } = storeAt(seeds);
    expect(ids(store.ordered(AB, 'falae', 'created_at'))).toHaveLength(5);
    store.coupons.delete('a1');
    const b1 = store.coupons.get('b1')!;
    b1.module = 'premiado';
    store.coupons.set('n1', coupon('n1', { created_at: '2026-05-05T00:00:00Z' }));
    store.reindex();
    expect(ids(store.ordered(AB, 'falae', 'created_at'))).toEqual(['a2', 'a0', 'b2', 'n1']);
    expect(ids(store.ordered(AB, 'premiado', 'created_at'))).toEqual(['a3', 'b1']);
    expect(ids(store.couponsOf('cl1'))).toEqual(['a2', 'a3', 'a0', 'n1']);
  });

  it('a record replaced or moved without reindex() is not served from the stale index', () => {
    const { store } = storeAt(seeds);
    store.ordered(AB, 'falae', 'created_at');
    store.coupons.set('a2', coupon('a2', { company_id: 'cc', client_id: 'cl9' }));
    const scope = new Set(['ca', 'cb']);
    expect(ids(store.ordered(scope, 'falae', 'created_at'))).toEqual(['b1', 'a0', 'a1', 'b2']);
    expect(ids(store.couponsOf('cl1'))).toEqual(['a3', 'a0', 'a1']);
    const a3 = store.coupons.get('a3')!;
    a3.client_id = 'cl3';
    expect(ids(store.couponsOf('cl1'))).toEqual(['a0', 'a1']);
    const a1 = store.coupons.get('a1')!;
    a1.company_id = 'cb';
    expect(ids(store.ordered(new Set(['ca']), 'falae', 'created_at'))).toEqual(['a0']);
    store.coupons.get('a0')!.module = 'premiado';
    expect(ids(store.ordered(new Set(['ca']), 'falae', 'created_at'))).toEqual([]);
  });

  it('a client’s coupons ascending by created_at, ties on id', () => {
    const { store } = storeAt(seeds);
    expect(ids(store.couponsOf('cl1'))).toEqual(['a2', 'a3', 'a0', 'a1']);
    expect(ids(store.couponsOf('cl2'))).toEqual(['b1', 'b2']);
    expect(store.couponsOf('nobody')).toEqual([]);
  });
});

describe('B2S store: client look-up (B-10)', () => {
  it('every given identifier must name the same client of that company', () => {
    const { store } = storeAt([]);
    expect(store.findClient('ca', { phone: '+55 11 99999-0001' })?.id).toBe('cl1');
    expect(store.findClient('ca', { phone: '11999990001' })?.id).toBe('cl1');
    expect(store.findClient('ca', { email: ' ANA@example.com' })?.id).toBe('cl1');
    expect(store.findClient('ca', { cpf: '12345678909' })?.id).toBe('cl1');
    expect(store.findClient('ca', { phone: '(11) 99999-0001', email: 'ana@example.com', cpf: '123.456.789-09' })?.id).toBe('cl1');
    expect(store.findClient('ca', { phone: '(11) 99999-0001', email: 'bia@example.com' })).toBeUndefined();
    expect(store.findClient('ca', { phone: '(11) 99999-0001', cpf: '98765432100' })).toBeUndefined();
    expect(store.findClient('ca', { email: 'ana@example.com', cpf: '98765432100' })).toBeUndefined();
    expect(store.findClient('ca', { email: 'ana@example.com', phone: '(21) 98888-0002' })).toBeUndefined();
    expect(store.findClient('ca', { cpf: '987.654.321-00', phone: '21988880002' })?.id).toBe('cl3');
    expect(store.findClient('ca', { cpf: '98765432100', email: 'x@example.com' })).toBeUndefined();
    expect(store.findClient('cb', { phone: '(11) 99999-0001' })).toBeUndefined();
    expect(store.findClient('cb', { email: 'bia@example.com' })?.id).toBe('cl2');
    expect(store.findClient('cb', { email: 'bia@example.com', phone: '11999990001' })).toBeUndefined();
    expect(store.findClient('cb', { email: 'bia@example.com', cpf: '12345678909' })).toBeUndefined();
    expect(store.findClient('ca', {})).toBeUndefined();
  });

  it('a client moved to another company by hand is not found under the old one, even before reindex()', () => {
    const { store } = storeAt([]);
    store.clients.get('cl1')!.company_id = 'cb';
    expect(store.findClient('ca', { email: 'ana@example.com' })).toBeUndefined();
    store.reindex();
    expect(store.findClient('cb', { email: 'ana@example.com' })?.id).toBe('cl1');
    // An identifier removed by hand no longer matches, before or after reindex().
    store.clients.get('cl1')!.phone = null;
    expect(store.findClient('cb', { phone: '11999990001' })).toBeUndefined();
    store.clients.get('cl1')!.phone = '(11) 98888-7777';
    expect(store.findClient('cb', { phone: '11999990001' })).toBeUndefined();
    store.clients.get('cl1')!.cpf = '111.111.111-11';
    expect(store.findClient('cb', { cpf: '12345678909' })).toBeUndefined();
    store.clients.get('cl1')!.email = 'other@example.com';
    expect(store.findClient('cb', { email: 'ana@example.com' })).toBeUndefined();
    store.clients.get('cl1')!.email = 'ana@example.com';
    store.clients.get('cl1')!.cpf = null;
    expect(store.findClient('cb', { email: 'ana@example.com', cpf: '12345678909' })).toBeUndefined();
    store.clients.get('cl1')!.email = null;
    expect(store.findClient('cb', { email: 'ana@example.com' })).toBeUndefined();
  });
});

describe('B2S store: seeding and snapshots', () => {
  it('replace clears, merge adds, the caller’s fixtures are never aliased', () => {
    const seed = fixtures([coupon('u1')]);
    const store = new B2sStore(() => T0);
    store.load(seed, true);
    seed.coupons[0]!.status = true;
    expect(store.coupons.get('u1')?.status).toBe(false);
    store.load(
      { companies: [], tokens: [{ token: 'tok-new', company_ids: ['cc'] }], clients: [], coupons: [coupon('u2', { company_id: 'cc' })] },
      false,
    );
    expect([...store.coupons.keys()]).toEqual(['u1', 'u2']);
    expect(store.tokens.get('tok-new')).toEqual(new Set(['cc']));
    expect(store.tokens.get('tok-ab')).toEqual(new Set(['ca', 'cb']));
    const snap = store.snapshot();
    expect(snap.tokens).toEqual([
      { token: 'tok-ab', company_ids: ['ca', 'cb'], label: 'both' },
      { token: 'tok-c', company_ids: ['cc'] },
      { token: 'tok-new', company_ids: ['cc'] },
    ]);
    snap.coupons[0]!.status = true;
    expect(store.coupons.get('u1')?.status).toBe(false);
    expect(snap.clients).toHaveLength(3);
    store.load({ companies: [{ id: 'cz', name: 'Z' }], tokens: [], clients: [], coupons: [] }, true);
    expect([store.companies.size, store.tokens.size, store.clients.size, store.coupons.size]).toEqual([1, 0, 0, 0]);
    expect(store.snapshot()).toEqual({ companies: [{ id: 'cz', name: 'Z' }], tokens: [], clients: [], coupons: [] });
    expect(store.couponsOf('cl1')).toEqual([]);
    expect(store.findClient('ca', { email: 'ana@example.com' })).toBeUndefined();
  });
});
