/**
 * The Zupy store's coupon indexes (rule 12: every endpoint costs O(page), not O(store)). The store
 * calls them inside the same synchronous call as the transition they follow:
 * - buckets of coupons per company, per company+customer, per company+reward and per
 *   company+origin, each an array ascending by (created_at, id), so a newest-first page is a walk
 *   from the end and a cursor is a binary search; each bucket keeps counters by (status, origin),
 *   so list counts and stats are O(1);
 * - per company+status lists for the status filter. A coupon that changes status is added to its
 *   new list and left in the old one; a walk skips entries whose status no longer matches, and a
 *   list whose stale entries outnumber its live ones is compacted (amortised O(1) per transition).
 *
 * Expiry by the clock (Z-5: an active coupon past valid_until reads as expired) is settled lazily:
 * active coupons wait in a min-heap by valid_until; every read first moves those whose valid_until
 * the clock has passed into the "expired by clock" state (counters and status lists follow), and a
 * max-heap moves them back when the clock is set backwards. That costs O(k log n) for the k coupons
 * whose effective status changed since the last read, amortised O(log n) per coupon, and the stored
 * status stays `active` (the clock decides). A coupon's `clockExpired` and `statusLists` fields are
 * this module's state.
 */
import { ensureSorted, Heap, insertSorted, lowerBound } from '../sorted.ts';
import { type CouponStatus, type OriginType, COUPON_STATUSES, encodeCursor, ORIGIN_TYPES } from './domain.ts';
import type { Coupon, CouponFilter, CouponStats } from './store.ts';

/** A status's slot in the counters and status lists (the order of COUPON_STATUSES). */
export const STATUS_NO: Record<CouponStatus, number> = { active: 0, used: 1, expired: 2, cancelled: 3 };
const ORIGIN_NO: Record<OriginType, number> = { loyalty_reward: 0, marketing: 1 };

/**
 * Oldest first: (created_at, id) ascending, the reverse of `newestFirst`. Two of its mutants cannot be
 * killed (`a.id > b.id` as `true` or as `>=`): they differ only for equal ids, a coupon compared with
 * itself, which no index does.
 */
const ascending = (a: Coupon, b: Coupon) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Negative when a coupon sorts before a cursor key: lowerBound reads only the sign. */
const beforeCursor = (c: Coupon, k: { createdMs: number; id: string }) => c.createdMs - k.createdMs || (c.id < k.id ? -1 : 0);

/** Coupons of one index key, ascending, with counters by (counted status × origin). */
class Bucket {
  items: Coupon[] = [];
  counts = new Int32Array(8);
  count(status: CouponStatus | undefined, origin: OriginType | undefined): number {
    let n = 0;
    for (let s = 0; s < 4; s++) {
      if (status !== undefined && s !== STATUS_NO[status]) continue;
      for (let o = 0; o < 2; o++) if (origin === undefined || o === ORIGIN_NO[origin]) n += this.counts[s * 2 + o] as number;
    }
    return n;
  }
}

const EMPTY = new Bucket();

interface CompanyIndex {
  all: Bucket;
  customers: Map<string, Bucket>;
  rewards: Map<string, Bucket>;
  origins: [Bucket, Bucket];
  /** Per counted status: coupons ascending, with stale entries (see the header). */
  statuses: Coupon[][];
}

export class CouponIndex {
  /** `byCode`: the coupon of an upper- or lower-case code, of any company (the store's code map). */
  constructor(private readonly byCode: (code: string) => Coupon | undefined) {}

  /** company id → its coupon indexes. */
  #companies = new Map<string, CompanyIndex>();
  /** Active coupons not yet past valid_until at `#settledAt`, soonest first. */
  #pending = new Heap<Coupon>((a, b) => a.validUntilMs - b.validUntilMs);
  /** Active coupons past valid_until at `#settledAt`, latest first (for a clock set backwards). */
  #lapsed = new Heap<Coupon>((a, b) => b.validUntilMs - a.validUntilMs);
  // Stryker disable next-line UnaryOperator: the store's load() always rebuilds (which settles) or the next read settles, before the value is used for a count
  #settledAt = -Infinity;

  /** Rebuilds every index from `coupons`, settled at `now`: after a seed, or after records were edited in the store's maps directly. */
  rebuild(coupons: Iterable<Coupon>, now: number): void {
    this.#companies.clear();
    this.#settledAt = now;
    const pending: Coupon[] = [];
    const lapsed: Coupon[] = [];
    for (const c of coupons) {
      c.clockExpired = c.status === 'active' && c.validUntilMs < now;
      c.statusLists = 0;
      const ix = this.#companyIndex(c.companyId);
      for (const b of this.#bucketsOf(ix, c)) b.items.push(c);
      this.#count(ix, c, 1);
      const s = STATUS_NO[this.#counted(c)];
      c.statusLists = 1 << s;
      (ix.statuses[s] as Coupon[]).push(c);
      if (c.status === 'active') (c.clockExpired ? lapsed : pending).push(c);
    }
    for (const ix of this.#companies.values()) {
      for (const b of [ix.all, ...ix.origins, ...ix.customers.values(), ...ix.rewards.values()]) ensureSorted(b.items, ascending);
      for (const list of ix.statuses) ensureSorted(list, ascending);
    }
    this.#pending.reset(pending);
    this.#lapsed.reset(lapsed);
  }

  #companyIndex(companyId: string): CompanyIndex {
    let ix = this.#companies.get(companyId);
    if (!ix) {
      ix = {
        all: new Bucket(),
        customers: new Map(),
        rewards: new Map(),
        origins: [new Bucket(), new Bucket()],
        statuses: [[], [], [], []],
      };
      this.#companies.set(companyId, ix);
    }
    return ix;
  }

  #bucketsOf(ix: CompanyIndex, c: Coupon): [Bucket, Bucket, Bucket, Bucket] {
    let byCustomer = ix.customers.get(c.customerId);
    if (!byCustomer) ix.customers.set(c.customerId, (byCustomer = new Bucket()));
    let byReward = ix.rewards.get(c.rewardId);
    if (!byReward) ix.rewards.set(c.rewardId, (byReward = new Bucket()));
    return [ix.all, byCustomer, byReward, ix.origins[ORIGIN_NO[c.originType]] as Bucket];
  }

  /** The status the counters and status lists hold the coupon under. */
  #counted(c: Coupon): CouponStatus {
    return c.status === 'active' && c.clockExpired ? 'expired' : c.status;
  }

  #count(ix: CompanyIndex, c: Coupon, delta: number, status = this.#counted(c)): void {
    const k = STATUS_NO[status] * 2 + ORIGIN_NO[c.originType];
    for (const b of this.#bucketsOf(ix, c)) (b.counts[k] as number) += delta;
  }

  /** A new coupon (redeem, seed): into every bucket, the counters, its status list and the expiry heap. */
  insert(c: Coupon): void {
    const ix = this.#companyIndex(c.companyId);
    for (const b of this.#bucketsOf(ix, c)) insertSorted(b.items, c, ascending);
    c.clockExpired = c.status === 'active' && c.validUntilMs < this.#settledAt;
    if (c.status === 'active') (c.clockExpired ? this.#lapsed : this.#pending).push(c);
    this.#count(ix, c, 1);
    this.#enlist(ix, c);
  }

  #enlist(ix: CompanyIndex, c: Coupon): void {
    const s = STATUS_NO[this.#counted(c)];
    if (c.statusLists & (1 << s)) return;
    c.statusLists |= 1 << s;
    insertSorted(ix.statuses[s] as Coupon[], c, ascending);
  }

  /** After a coupon's counted status moved from `before`: counters, status lists, compaction. */
  #recount(c: Coupon, before: CouponStatus): void {
    const after = this.#counted(c);
    // Stryker disable next-line ConditionalExpression: moving a coupon from a status to the same status changes nothing
    if (after === before) return;
    const ix = this.#companyIndex(c.companyId);
    this.#count(ix, c, -1, before);
    this.#count(ix, c, 1, after);
    this.#enlist(ix, c);
    const s = STATUS_NO[before];
    const list = ix.statuses[s] as Coupon[];
    // Stryker disable next-line all: the threshold only decides when stale entries are dropped; walks skip them, so any threshold (or none) lists the same coupons
    if (list.length > 2 * ix.all.count(before, undefined) + 64) {
      // Stryker disable next-line MethodExpression: keeping stale entries is what happens without compaction; walks skip them
      ix.statuses[s] = list.filter((x) => {
        // Stryker disable next-line ConditionalExpression: keeping stale entries is what happens without compaction; walks skip them
        const keep = this.#counted(x) === before;
        if (!keep) x.statusLists &= ~(1 << s);
        return keep;
      });
    }
  }

  /** Applies a change to a coupon's stored fields and keeps the indexes in step (same synchronous call). */
  transition(c: Coupon, change: () => void): void {
    const before = this.#counted(c);
    // Stryker disable next-line ConditionalExpression,StringLiteral: only a revival (expired → active) reaches transition() with an active result, and it was not active
    const wasActive = c.status === 'active';
    change();
    // Stryker disable next-line ConditionalExpression: heap entries of non-active coupons are skipped, and clockExpired of non-active coupons is never read
    const isActive = c.status === 'active';
    // Stryker disable next-line ConditionalExpression,LogicalOperator: heap entries of non-active coupons are skipped, and clockExpired of non-active coupons is never read
    if (isActive && !wasActive) {
      c.clockExpired = c.validUntilMs < this.#settledAt;
      (c.clockExpired ? this.#lapsed : this.#pending).push(c);
    } else if (!isActive) {
      c.clockExpired = false;
    }
    this.#recount(c, before);
  }

  /** Brings the clock-dependent part of the indexes to `now`: O(coupons whose expiry changed). */
  #settle(now: number): void {
    // Stryker disable next-line ConditionalExpression: settling at the instant already settled moves nothing
    if (now === this.#settledAt) return;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: over-eager lapsing is undone by the loop below in the same call
    for (let c = this.#pending.peek(); c !== undefined && c.validUntilMs < now; c = this.#pending.peek()) {
      this.#pending.pop();
      if (c.status !== 'active' || c.clockExpired) continue;
      c.clockExpired = true;
      this.#lapsed.push(c);
      this.#recount(c, 'active');
    }
    for (let c = this.#lapsed.peek(); c !== undefined && c.validUntilMs >= now; c = this.#lapsed.peek()) {
      this.#lapsed.pop();
      if (c.status !== 'active' || !c.clockExpired) continue;
      c.clockExpired = false;
      this.#pending.push(c);
      this.#recount(c, 'expired');
    }
    this.#settledAt = now;
  }

  /**
   * Which index answers a filter: the customer's or the reward's bucket, else the status list,
   * else the origin bucket, else the company's. `exact`: the bucket's counters give the count.
   */
  #plan(companyId: string, filter: CouponFilter): { items: readonly Coupon[]; bucket: Bucket; exact: boolean } {
    const ix = this.#companies.get(companyId);
    if (!ix) return { items: EMPTY.items, bucket: EMPTY, exact: true };
    // Stryker disable BooleanLiteral: `exact` only prefers the counters to a scan of the same items; both give the same count
    if (filter.customer_id !== undefined) {
      const bucket = ix.customers.get(filter.customer_id) ?? EMPTY;
      // Stryker disable next-line ConditionalExpression: `exact` false only scans the same items instead of reading the counters
      return { items: bucket.items, bucket, exact: filter.reward_id === undefined };
    }
    if (filter.reward_id !== undefined) {
      const bucket = ix.rewards.get(filter.reward_id) ?? EMPTY;
      return { items: bucket.items, bucket, exact: true };
    }
    // Stryker disable next-line ConditionalExpression: without the status list the company's bucket is walked with the same matcher and counters
    if (filter.status !== undefined) return { items: ix.statuses[STATUS_NO[filter.status]] as Coupon[], bucket: ix.all, exact: true };
    // Stryker disable next-line ConditionalExpression,BlockStatement: without the origin bucket the company's bucket is walked with the same matcher and counters
    if (filter.origin_type !== undefined) {
      const bucket = ix.origins[ORIGIN_NO[filter.origin_type]] as Bucket;
      return { items: bucket.items, bucket, exact: true };
    }
    return { items: ix.all.items, bucket: ix.all, exact: true };
  }
  // Stryker restore BooleanLiteral

  #matcher(companyId: string, filter: CouponFilter): (c: Coupon) => boolean {
    return (c) =>
      c.companyId === companyId &&
      (filter.customer_id === undefined || c.customerId === filter.customer_id) &&
      (filter.reward_id === undefined || c.rewardId === filter.reward_id) &&
      (filter.origin_type === undefined || c.originType === filter.origin_type) &&
      (filter.status === undefined || this.#counted(c) === filter.status);
  }

  #byCode(companyId: string, filter: CouponFilter, code: string): Coupon[] {
    const c = this.byCode(code);
    // Stryker disable next-line ArrayDeclaration: a junk entry is rejected by the matcher like any other coupon of no company
    return c && this.#matcher(companyId, filter)(c) ? [c] : [];
  }

  /**
   * The issued-coupon list (Z-13): newest first, filtered, the page after `cursor`, and the number
   * of matches. O(page) plus O(log n) for the cursor; with both customer_id and reward_id the count
   * scans the customer's coupons. The clock-dependent part is first settled at `now`.
   */
  list(
    now: number,
    companyId: string,
    filter: CouponFilter,
    cursor: { createdMs: number; id: string } | null,
    size: number,
  ): { page: Coupon[]; next: string | null; count: number } {
    this.#settle(now);
    const match = this.#matcher(companyId, filter);
    const { items, bucket, exact } =
      filter.code === undefined
        ? this.#plan(companyId, filter)
        : { items: this.#byCode(companyId, filter, filter.code), bucket: EMPTY, exact: false };
    const page: Coupon[] = [];
    let more = false;
    for (let i = cursor ? lowerBound(items, cursor, beforeCursor) : items.length; i-- > 0;) {
      const c = items[i] as Coupon;
      if (!match(c)) continue;
      if (page.length === size) {
        more = true;
        break;
      }
      page.push(c);
    }
    const last = page[page.length - 1];
    const count = exact ? bucket.count(filter.status, filter.origin_type) : items.reduce((n, c) => (match(c) ? n + 1 : n), 0);
    return { page, next: more && last ? encodeCursor(last.createdMs, last.id) : null, count };
  }

  /** Stats (Z-21, `status` ignored): O(1) from the counters, except customer_id with reward_id (the customer's coupons). */
  stats(now: number, companyId: string, filter: CouponFilter): CouponStats {
    this.#settle(now);
    const anyStatus = { ...filter, status: undefined };
    const byStatus = Object.fromEntries(COUPON_STATUSES.map((s) => [s, 0])) as Record<CouponStatus, number>;
    const byOrigin = Object.fromEntries(ORIGIN_TYPES.map((o) => [o, 0])) as Record<OriginType, number>;
    const { items, bucket, exact } =
      anyStatus.code === undefined
        ? this.#plan(companyId, anyStatus)
        : { items: this.#byCode(companyId, anyStatus, anyStatus.code), bucket: EMPTY, exact: false };
    // Stryker disable next-line ConditionalExpression: a scan with the matcher gives the counters' numbers
    if (exact) {
      for (const s of COUPON_STATUSES) byStatus[s] = bucket.count(s, anyStatus.origin_type);
      for (const o of ORIGIN_TYPES)
        byOrigin[o] = anyStatus.origin_type === undefined || anyStatus.origin_type === o ? bucket.count(undefined, o) : 0;
    } else {
      const match = this.#matcher(companyId, anyStatus);
      for (const c of items) {
        if (!match(c)) continue;
        byStatus[this.#counted(c)]++;
        byOrigin[c.originType]++;
      }
    }
    return { total: Object.values(byOrigin).reduce((a, b) => a + b, 0), byStatus, byOrigin };
  }

  /** Every coupon of a company, oldest first (the index's own array: do not change it). */
  companyCoupons(companyId: string): readonly Coupon[] {
    return this.#companies.get(companyId)?.all.items ?? EMPTY.items;
  }

  /** Whether the customer holds a coupon of the reward: O(min(customer's coupons, reward's coupons)). */
  hasCouponOf(companyId: string, customerId: string, rewardId: string): boolean {
    const ix = this.#companies.get(companyId);
    const mine = ix?.customers.get(customerId);
    const theirs = ix?.rewards.get(rewardId);
    if (!mine || !theirs) return false;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: either walk gives the same answer; the comparison only picks the shorter one
    return mine.items.length <= theirs.items.length
      ? mine.items.some((c) => c.rewardId === rewardId)
      : theirs.items.some((c) => c.customerId === customerId);
  }
}
