/**
 * Fixtures and helpers of the Zupy store's rule tests (store-*.test.ts beside it): a company with
 * Ana's and Bia's coupons at T0, a store on a clock the test moves, and a cursor walk over listings.
 */
import type { ZupyFixtures } from './fixtures.ts';
import { ZupyStore, type Coupon } from './store.ts';

export const T0 = Date.parse('2026-03-01T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export type SeedCoupon = ZupyFixtures['coupons'][number];
export const at = (ms: number) => new Date(ms).toISOString();

export function base(coupons: SeedCoupon[] = []): ZupyFixtures {
  return {
    companies: [
      { id: 'co1', name: 'One' },
      { id: 'co2', name: 'Two' },
    ],
    api_keys: [{ key: 'k1', company_id: 'co1', access: 'read-write' }],
    customers: [
      { id: 'cuA', company_id: 'co1', full_name: 'Ana', identifiers: ['ana@example.com'], points_balance: 1000, z_balance: '100' },
      { id: 'cuB', company_id: 'co1', full_name: 'Bia', identifiers: ['+5511987650000'], points_balance: 450, z_balance: '1150' },
      { id: 'cuC', company_id: 'co2', full_name: 'Caio', identifiers: [], points_balance: 0, z_balance: '0' },
    ],
    rewards: [
      {
        id: 'rwL',
        company_id: 'co1',
        name: 'Coffee',
        points_required: 100,
        validity_days: 30,
        total_usages_allowed: 3,
        origin_type: 'loyalty_reward',
      },
      {
        id: 'rwM',
        company_id: 'co1',
        name: 'Welcome',
        points_required: 50,
        validity_days: 7,
        total_usages_allowed: 1,
        origin_type: 'marketing',
      },
      {
        id: 'rwC',
        company_id: 'co2',
        name: 'Other',
        points_required: 10,
        validity_days: 1,
        total_usages_allowed: 1,
        origin_type: 'loyalty_reward',
      },
    ],
    coupons,
  };
}

/** `n` single-use coupons of Ana's, one second apart (c000 oldest), valid until T0 + 1 h. */
export function many(n: number, validUntil = T0 + HOUR): SeedCoupon[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(3, '0')}`,
    customer_id: 'cuA',
    reward_id: 'rwL',
    coupon_code: `CZ-M${String(i).padStart(3, '0')}`,
    status: 'active' as const,
    remaining_usages: 1,
    total_usages_allowed: 1,
    valid_until: at(validUntil),
    created_at: at(T0 - DAY + i * 1000),
  }));
}

export function storeAt(fixtures: ZupyFixtures, start = T0) {
  const clock = { now: start };
  const store = new ZupyStore(() => clock.now);
  store.load(fixtures, true);
  return { store, clock };
}

export const ids = (page: Coupon[]) => page.map((c) => c.id);
/** Every id of a listing, walking the cursors (`size` per page). */
export function walk(store: ZupyStore, companyId: string, filter: Parameters<ZupyStore['listCoupons']>[1], size: number): string[] {
  const out: string[] = [];
  let cursor: { createdMs: number; id: string } | null = null;
  for (let i = 0; i < 500; i++) {
    const r = store.listCoupons(companyId, filter, cursor, size);
    out.push(...ids(r.page));
    const last = r.page[r.page.length - 1];
    if (r.next === null || !last) return out;
    cursor = { createdMs: last.createdMs, id: last.id };
  }
  throw new Error('no end');
}
export const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `c${String(from - i).padStart(3, '0')}`);
