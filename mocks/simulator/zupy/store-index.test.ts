/**
 * The Zupy store's indexes against a full scan: on random stores (coupons across companies,
 * customers and rewards), random transitions (validate, redeem, the no-expiry-check path that
 * re-activates an expired coupon) and random clock moves (forwards and backwards), every list page
 * walked with its cursors, every count and every stats answer equals what a scan of the records
 * gives under the rules restated here as literals (Z-5 expiry, Z-13 newest first, Z-21 stats).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor } from './domain.ts';
import type { ZupyFixtures } from './fixtures.ts';
import { ZupyStore, type CouponFilter } from './store.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STATUSES = ['active', 'used', 'expired', 'cancelled'] as const;
const ORIGINS = ['loyalty_reward', 'marketing'] as const;
const COMPANIES = ['coA', 'coB'];
// Customers and rewards alternate between the two companies; rewards 2 and 3 are marketing ones.
const CUSTOMERS = Array.from({ length: 6 }, (_, i) => ({ id: `cu${i}`, company: COMPANIES[i % 2] as string }));
const REWARDS = Array.from({ length: 4 }, (_, i) => ({
  id: `rw${i}`,
  company: COMPANIES[i % 2] as string,
  origin: i >= 2 ? ('marketing' as const) : ('loyalty_reward' as const),
}));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const couponArb = fc.record({
  customer: fc.nat(CUSTOMERS.length - 1),
  rewardPick: fc.nat(1),
  idRank: fc.nat(999),
  createdHours: fc.nat(72),
  validHours: fc.integer({ min: -72, max: 72 }),
  status: fc.constantFrom(...STATUSES),
  remaining: fc.nat(3),
});

function fixtures(coupons: ReturnType<typeof couponArb.generate>['value'][]): ZupyFixtures {
  return {
    companies: COMPANIES.map((id) => ({ id, name: id })),
    api_keys: [],
    customers: CUSTOMERS.map((c) => ({
      id: c.id,
      company_id: c.company,
      full_name: c.id,
      identifiers: [],
      points_balance: 1_000_000,
      z_balance: '0',
    })),
    rewards: REWARDS.map((r) => ({
      id: r.id,
      company_id: r.company,
      name: r.id,
      points_required: 10,
      validity_days: 1,
      total_usages_allowed: 2,
      origin_type: r.origin,
    })),
    coupons: coupons.map((c, i) => {
      const customer = CUSTOMERS[c.customer] as (typeof CUSTOMERS)[number];
      const reward = REWARDS.filter((r) => r.company === customer.company)[c.rewardPick] as (typeof REWARDS)[number];
      return {
        // Ids share prefixes and created_at values repeat, so ties on created_at are ordered by id.
        id: `2${String(c.idRank).padStart(3, '0')}x${String(i).padStart(3, '0')}`,
        customer_id: customer.id,
        reward_id: reward.id,
        coupon_code: `CZ-T${String(i).padStart(4, '0')}`,
        status: c.status,
        remaining_usages: c.status === 'used' ? 0 : Math.max(c.remaining, 1),
        valid_until: iso(T0 + c.validHours * HOUR),
        created_at: iso(T0 - c.createdHours * HOUR),
      };
    }),
  };
}

const filterArb = fc
  .record({
    customer: fc.option(fc.nat(CUSTOMERS.length - 1), { nil: undefined }),
    reward: fc.option(fc.nat(REWARDS.length - 1), { nil: undefined }),
    origin: fc.option(fc.constantFrom(...ORIGINS), { nil: undefined }),
    status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
    code: fc.option(fc.nat(50), { nil: undefined }),
  })
  .map(({ customer, reward, origin, status, code }) => {
    const f: CouponFilter = {};
    if (customer !== undefined) f.customer_id = (CUSTOMERS[customer] as { id: string }).id;
    if (reward !== undefined) f.reward_id = (REWARDS[reward] as { id: string }).id;
    if (origin !== undefined) f.origin_type = origin;
    if (status !== undefined) f.status = status;
    if (code !== undefined) f.code = `cz-t${String(code).padStart(4, '0')}`;
    return f;
  });

const queryArb = fc.record({ company: fc.constantFrom(...COMPANIES), filter: filterArb, size: fc.integer({ min: 1, max: 7 }) });

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('validate' as const), coupon: fc.nat(60), skipExpiry: fc.boolean() }),
  fc.record({ kind: fc.constant('redeem' as const), customer: fc.nat(CUSTOMERS.length - 1), rewardPick: fc.nat(1) }),
  fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: -48, max: 48 }) }),
);

/** The full-scan oracle: the records as they are, the rules as literals. */
function oracle(store: ZupyStore, now: number, company: string, f: CouponFilter) {
  const effective = (c: { status: string; validUntilMs: number }) => (c.status === 'active' && now > c.validUntilMs ? 'expired' : c.status);
  const rows = [...store.coupons.values()].filter(
    (c) =>
      c.companyId === company &&
      (f.customer_id === undefined || c.customerId === f.customer_id) &&
      (f.reward_id === undefined || c.rewardId === f.reward_id) &&
      (f.origin_type === undefined || c.originType === f.origin_type) &&
      (f.code === undefined || c.code === f.code.toUpperCase()),
  );
  const listed = rows
    .filter((c) => f.status === undefined || effective(c) === f.status)
    .sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : -1));
  const byStatus = { active: 0, used: 0, expired: 0, cancelled: 0 } as Record<string, number>;
  const byOrigin = { loyalty_reward: 0, marketing: 0 } as Record<string, number>;
  for (const c of rows) {
    byStatus[effective(c)] = (byStatus[effective(c)] ?? 0) + 1;
    byOrigin[c.originType] = (byOrigin[c.originType] ?? 0) + 1;
  }
  return { ids: listed.map((c) => c.id), stats: { total: rows.length, byStatus, byOrigin } };
}

/** Walks every page with the store's cursors; returns a description of the first disagreement. */
function disagreement(store: ZupyStore, now: number, q: { company: string; filter: CouponFilter; size: number }): string | undefined {
  const want = oracle(store, now, q.company, q.filter);
  const got: string[] = [];
  let cursor: { createdMs: number; id: string } | null = null;
  for (let pages = 0; pages <= want.ids.length + 1; pages++) {
    const r = store.listCoupons(q.company, q.filter, cursor, q.size);
    if (r.count !== want.ids.length) return `count ${r.count} ≠ ${want.ids.length}`;
    if (r.page.length > q.size || (r.next !== null && r.page.length !== q.size)) return `page of ${r.page.length} with size ${q.size}`;
    got.push(...r.page.map((c) => c.id));
    if (r.next === null) break;
    cursor = decodeCursor(r.next);
  }
  if (JSON.stringify(got) !== JSON.stringify(want.ids)) return `pages ${got.join(',')} ≠ ${want.ids.join(',')}`;
  const { status: _ignored, ...statsFilter } = q.filter;
  const stats = store.couponStats(q.company, statsFilter);
  if (JSON.stringify(stats) !== JSON.stringify(oracle(store, now, q.company, statsFilter).stats)) return `stats ${JSON.stringify(stats)}`;
  return undefined;
}

describe('Zupy store indexes agree with a full scan', () => {
  it('on random stores, transitions and clock moves: list pages, cursors, counts, filters and stats', () => {
    fc.assert(
      fc.property(
        fc.array(couponArb, { maxLength: 40 }),
        fc.array(fc.tuple(commandArb, queryArb), { maxLength: 25 }),
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        (coupons, steps, finals) => {
          let now = T0;
          const store = new ZupyStore(() => now);
          store.load(fixtures(coupons), true);
          for (const [cmd, query] of steps) {
            if (cmd.kind === 'clock') now += cmd.hours * HOUR;
            else if (cmd.kind === 'redeem') {
              const customer = CUSTOMERS[cmd.customer] as (typeof CUSTOMERS)[number];
              const reward = REWARDS.filter((r) => r.company === customer.company)[cmd.rewardPick] as (typeof REWARDS)[number];
              store.redeem(customer.company, customer.id, reward.id, false);
            } else {
              const target = [...store.coupons.values()][cmd.coupon];
              if (target) store.validate(target.companyId, target.customerId, target.code, { skipExpiry: cmd.skipExpiry });
            }
            expect(disagreement(store, now, query)).toBeUndefined();
          }
          for (const q of finals) expect(disagreement(store, now, q)).toBeUndefined();
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('negative control: a record changed behind the store’s back is caught', () => {
    let now = T0;
    const store = new ZupyStore(() => now);
    store.load(
      fixtures([{ customer: 0, rewardPick: 0, idRank: 1, createdHours: 1, validHours: 10, status: 'active', remaining: 1 }]),
      true,
    );
    const q = { company: 'coA', filter: { status: 'active' as const }, size: 5 };
    expect(disagreement(store, now, q)).toBeUndefined();
    now += DAY; // past valid_until: the indexes follow the clock on their own
    expect(disagreement(store, now, q)).toBeUndefined();
    const [c] = store.coupons.values();
    if (c) c.status = 'used';
    expect(disagreement(store, now, { ...q, filter: { status: 'used' } })).toMatch(/count 0 ≠ 1/);
    store.reindex();
    expect(disagreement(store, now, { ...q, filter: { status: 'used' } })).toBeUndefined();
  });
});
