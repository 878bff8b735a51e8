/** The B2S store on its own: the B-7 check order, one synchronous mark-used, the racy variant, lookups that follow direct edits. */
import { describe, expect, it } from 'vitest';
import { B2S_DEMO as D, b2sDemoFixtures } from '../../demo/b2s.ts';
import { B2sStore } from './store.ts';

const T0 = Date.parse('2025-06-15T12:00:00.000Z');
const H = 3_600_000;

function demoStore(now = () => T0) {
  const store = new B2sStore(now);
  store.load(b2sDemoFixtures(T0), true);
  return store;
}
const all = new Set([D.companyA, D.companyB]);

describe('B2sStore.markUsed', () => {
  it('follows B-7: not found (or out of scope) → already used → expired → written with today (UTC)', () => {
    const store = demoStore();
    expect(store.markUsed(all, 'nope')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(store.markUsed(new Set([D.companyB]), D.activeCoupon)).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(store.markUsed(all, D.usedAndExpiredCoupon)).toEqual({ ok: false, status: 400, reason: 'already-used' });
    expect(store.markUsed(all, D.expiredCoupon)).toEqual({ ok: false, status: 400, reason: 'expired' });
    expect(store.markUsed(all, D.activeCoupon)).toEqual({ ok: true });
    expect(store.coupons.get(D.activeCoupon)).toMatchObject({ status: true, date_of_use: '2025-06-15' });
    expect(store.markUsed(all, D.activeCoupon)).toEqual({ ok: false, status: 400, reason: 'already-used' });
  });

  it('returns its outcome synchronously (no promise between the check and the write)', () => {
    const r = demoStore().markUsed(all, D.activeCoupon);
    expect(r).not.toBeInstanceOf(Promise);
    expect(r).toEqual({ ok: true });
  });

  it('the defect options skip exactly their own check', () => {
    const store = demoStore();
    expect(store.markUsed(all, D.expiredCoupon, { skipExpiry: true })).toEqual({ ok: true });
    const before = structuredClone(store.coupons.get(D.usedCoupon));
    expect(store.markUsed(all, D.usedCoupon, { reuseSucceeds: true })).toEqual({ ok: true });
    expect(store.coupons.get(D.usedCoupon)).toEqual(before);
    expect(store.markUsed(new Set([D.companyA]), D.companyBCoupon, { ignoreScope: true })).toEqual({ ok: true });
  });

  it('the 3-hour rule reads the injected clock', () => {
    let now = T0;
    const store = demoStore(() => now);
    const end = store.expEnd(
      store.coupons.get(D.expiresTodayCoupon) ??
        (() => {
          throw new Error('fixture');
        })(),
    );
    now = end - 3 * H;
    expect(store.markUsed(all, D.expiresTodayCoupon)).toMatchObject({ reason: 'expired' });
    now = end - 3 * H - 1;
    expect(store.markUsed(all, D.expiresTodayCoupon)).toEqual({ ok: true });
  });

  it('start_of_day_utc moves the end of every coupon 24 h earlier', () => {
    const store = new B2sStore(() => T0, { expirationInstant: 'start_of_day_utc' });
    store.load(b2sDemoFixtures(T0), true);
    expect(store.markUsed(all, D.expiresTodayCoupon)).toMatchObject({ reason: 'expired' });
  });

  it('racy variant: two interleaved calls both succeed (the defect); the safe one cannot interleave', async () => {
    const store = demoStore();
    const [a, b] = await Promise.all([store.markUsedRacy(all, D.activeCoupon), store.markUsedRacy(all, D.activeCoupon)]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
  });
});

describe('B2sStore lookups', () => {
  it('finds a client by any identifier (AND), and follows records edited or deleted in the maps directly after reindex()', () => {
    const store = demoStore();
    expect(store.findClient(D.companyA, { phone: '+55 11 99999-9999', cpf: '12345678909' })?.id).toBe(D.clients.john);
    expect(store.findClient(D.companyA, { email: 'john@example.com', cpf: '987.654.321-00' })).toBeUndefined();
    expect(store.findClient(D.companyB, { email: 'john@example.com' })).toBeUndefined();
    expect(store.findClient(D.companyA, {})).toBeUndefined();
    const john = store.clients.get(D.clients.john);
    if (!john) throw new Error('fixture');
    john.email = 'johnny@example.com';
    store.reindex();
    expect(store.findClient(D.companyA, { email: 'john@example.com' })).toBeUndefined();
    expect(store.findClient(D.companyA, { email: 'JOHNNY@example.com' })?.id).toBe(D.clients.john);
    const n = store.couponsOf(D.clients.john).length;
    store.coupons.delete(D.activeCoupon);
    expect(store.couponsOf(D.clients.john)).toHaveLength(n - 1);
    store.clients.delete(D.clients.john);
    expect(store.findClient(D.companyA, { email: 'johnny@example.com' })).toBeUndefined();
  });

  it('a merge indexes the new records; two clients sharing an identifier match neither', () => {
    const store = demoStore();
    store.load(
      {
        companies: [],
        tokens: [],
        clients: [{ id: 'twin', company_id: D.companyA, name: 'Twin', email: 'john@example.com', phone: null, cpf: null }],
        coupons: [],
      },
      false,
    );
    expect(store.findClient(D.companyA, { email: 'john@example.com' })).toBeUndefined();
    expect(store.findClient(D.companyA, { email: 'john@example.com', cpf: '123.456.789-09' })?.id).toBe(D.clients.john);
  });
});
