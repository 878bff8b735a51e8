/**
 * Zupy's in-memory store. Every state transition (redeem, validate, OTP verify) is one synchronous
 * call: there is no `await` between its read and its write, so races are impossible by
 * construction. The one exception is the `racy-use` defect, which exists to be caught.
 *
 * The coupon indexes (lists, counters, lazily settled expiry by the clock) are in coupon-index.ts;
 * every transition here updates them inside its own synchronous call. Records edited directly in
 * the maps (provider states, tests) must be followed by `reindex()`.
 */
import KSUID from 'ksuid';
import { randomBytes } from 'node:crypto';
import { yieldToEventLoop } from '../faults.ts';
import { CouponIndex, STATUS_NO } from './coupon-index.ts';
import {
  type CouponStatus,
  type OriginType,
  classifyIdentifier,
  COUPON_STATUSES,
  effectiveStatus,
  formatZ,
  isCodeReference,
  isoSeconds,
  newestFirst,
  OTP_CODE_TTL_MS,
  OTP_MAX_ATTEMPTS,
  OTP_SESSION_TTL_MS,
  parseZ,
  planPayment,
  validUntil,
} from './domain.ts';
import type { OtpPolicy, ZupyFixtures } from './fixtures.ts';

/** A customer's tier and a reward's type, as the fixture format (the control spec) allows them. */
type Tier = Exclude<ZupyFixtures['customers'][number]['tier'], undefined>;
type RewardType = NonNullable<ZupyFixtures['rewards'][number]['reward_type']>;

export interface Company {
  id: string;
  name: string;
  otpPolicy: OtpPolicy;
}
export interface ApiKey {
  key: string;
  companyId: string;
  readOnly: boolean;
  revoked: boolean;
  label: string;
}
export interface Customer {
  id: string;
  companyId: string;
  fullName: string;
  identifiers: string[];
  points: number;
  z: bigint;
  tier: Tier;
  createdMs: number;
}
export interface Reward {
  id: string;
  companyId: string;
  name: string;
  description: string;
  pointsRequired: number;
  validityDays: number;
  usagesAllowed: number;
  originType: OriginType;
  rewardType: RewardType;
  isActive: boolean;
  isAvailable: boolean;
  quantityAvailable: number | null;
  quantityRedeemed: number;
  startMs: number | null;
  endMs: number | null;
  createdMs: number;
}
export interface Coupon {
  id: string;
  companyId: string;
  customerId: string;
  rewardId: string;
  code: string;
  status: CouponStatus;
  remaining: number;
  total: number;
  validUntilMs: number;
  createdMs: number;
  usageMs: number | null;
  pointsSpent: number;
  originType: OriginType;
  /** Index state: stored `active` but past valid_until at the last settled clock reading. */
  clockExpired: boolean;
  /** Index state: a bit per status list (company+status) the coupon has an entry in. */
  statusLists: number;
}

/** The filters of the coupon list and stats (decision Z-21: stats ignores `status`). */
export interface CouponFilter {
  customer_id?: string;
  reward_id?: string;
  origin_type?: OriginType;
  code?: string;
  status?: CouponStatus;
}
export interface CouponStats {
  total: number;
  byStatus: Record<CouponStatus, number>;
  byOrigin: Record<OriginType, number>;
}

interface PendingOtp {
  code: string;
  expiresMs: number;
  attempts: number;
}
export interface OtpSession {
  token: string;
  customerId: string;
  companyId: string;
  expiresMs: number;
}

const iso = (ms: number) => isoSeconds(ms);

/** `compute`, remembering its last argument and result. */
function lastValueMemo(compute: (s: string) => number): (s: string) => number {
  let key: string | undefined;
  let value = NaN;
  // Stryker disable next-line ConditionalExpression: recomputing instead of reusing the last value gives the same value
  return (s) => (s === key ? value : ((key = s), (value = compute(s))));
}
const parseMs = (s: string) => Date.parse(s);

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };
export type StoreError =
  | { kind: 'not-found'; what: 'customer' | 'reward' | 'coupon' | 'otp' }
  | { kind: 'conflict'; status: Exclude<CouponStatus, 'active'> }
  | { kind: 'validation'; field: string; detail: string }
  | { kind: 'otp-invalid' }
  | { kind: 'otp-locked' };

const fail = <T>(error: StoreError): StoreResult<T> => ({ ok: false, error });

export interface ValidateResult {
  coupon: Coupon;
  customer: Customer;
  validatedMs: number;
}
export interface RedeemResult {
  coupon: Coupon;
  customer: Customer;
  pointsUsed: number;
  zUsed: bigint;
}

export class ZupyStore {
  companies = new Map<string, Company>();
  keys = new Map<string, ApiKey>();
  customers = new Map<string, Customer>();
  rewards = new Map<string, Reward>();
  coupons = new Map<string, Coupon>();
  /** Upper-case code → coupon id. */
  codes = new Map<string, string>();
  /** `${companyId}|${identifier key}` → customer id. */
  identifiers = new Map<string, string>();
  pendingOtp = new Map<string, PendingOtp>();
  sessions = new Map<string, OtpSession>();
  fixedOtpCode = '123456';

  constructor(private readonly now: () => number) {}

  load(fixtures: ZupyFixtures, replace: boolean): void {
    // Records are copied field by field below (nothing of the caller's is kept), so a seed of a
    // million coupons is not cloned twice.
    if (replace) {
      for (const m of [
        this.companies,
        this.keys,
        this.customers,
        this.rewards,
        this.coupons,
        this.codes,
        this.identifiers,
        this.pendingOtp,
        this.sessions,
      ])
        m.clear();
    }
    if (fixtures.otp?.fixed_code) this.fixedOtpCode = fixtures.otp.fixed_code;
    const now = this.now();
    for (const c of fixtures.companies) {
      this.companies.set(c.id, {
        id: c.id,
        name: c.name,
        otpPolicy: c.otp_policy ? { ...c.otp_policy } : { require_otp_for_redemption: true, require_otp_for_coupon_usage: true },
      });
    }
    for (const k of fixtures.api_keys) {
      this.keys.set(k.key, {
        key: k.key,
        companyId: k.company_id,
        readOnly: k.access === 'read-only',
        revoked: k.revoked ?? false,
        label: k.label ?? '',
      });
    }
    for (const c of fixtures.customers) {
      const z = parseZ(c.z_balance) ?? 0n;
      this.customers.set(c.id, {
        id: c.id,
        companyId: c.company_id,
        fullName: c.full_name,
        identifiers: [...c.identifiers],
        points: c.points_balance,
        z,
        tier: c.tier ?? null,
        createdMs: now,
      });
      for (const raw of c.identifiers) {
        const id = classifyIdentifier(raw);
        if (id) this.identifiers.set(`${c.company_id}|${id.key}`, c.id);
      }
    }
    for (const r of fixtures.rewards) {
      this.rewards.set(r.id, {
        id: r.id,
        companyId: r.company_id,
        name: r.name,
        description: r.description ?? '',
        pointsRequired: r.points_required,
        validityDays: r.validity_days,
        usagesAllowed: r.total_usages_allowed,
        originType: r.origin_type,
        rewardType: r.reward_type ?? 'generic',
        isActive: r.is_active ?? true,
        isAvailable: r.is_available ?? true,
        quantityAvailable: r.quantity_available ?? null,
        quantityRedeemed: r.quantity_redeemed ?? 0,
        startMs: r.start_date ? parseMs(r.start_date) : null,
        endMs: r.end_date ? parseMs(r.end_date) : null,
        createdMs: r.created_at ? parseMs(r.created_at) : now,
      });
    }
    // A merge of new coupons only indexes them; a replace, or a merge that overwrites, rebuilds.
    let rebuild = replace;
    // Seeds repeat dates (a batch shares valid_until, created_at advances slowly): parse each run once.
    const validUntilOf = lastValueMemo(parseMs);
    const createdOf = lastValueMemo(parseMs);
    const added: Coupon[] = [];
    for (const c of fixtures.coupons) {
      const reward = this.rewards.get(c.reward_id);
      const customer = this.customers.get(c.customer_id);
      const code = c.coupon_code.toUpperCase();
      const coupon: Coupon = {
        // Ids and the status are taken from the customer and reward records and the status list, so a
        // million coupons share a few strings instead of holding a copy each (a parsed seed file has copies).
        id: c.id,
        companyId: customer?.companyId ?? reward?.companyId ?? '',
        customerId: customer?.id ?? c.customer_id,
        rewardId: reward?.id ?? c.reward_id,
        code,
        status: COUPON_STATUSES[STATUS_NO[c.status]] ?? c.status,
        remaining: c.remaining_usages,
        total: c.total_usages_allowed ?? reward?.usagesAllowed ?? 1,
        validUntilMs: validUntilOf(c.valid_until),
        createdMs: createdOf(c.created_at),
        usageMs: c.usage_date ? parseMs(c.usage_date) : null,
        pointsSpent: c.points_spent ?? reward?.pointsRequired ?? 0,
        originType: reward?.originType ?? 'loyalty_reward',
        // Stryker disable next-line BooleanLiteral: the index (rebuild or insert) sets clockExpired before it is read
        clockExpired: false,
        statusLists: 0,
      };
      // A size that does not grow means an id or a code was already there (two map operations, not four).
      // Stryker disable next-line ArithmeticOperator: these mutants only rebuild more often; a rebuild gives the same indexes as an insert
      const sizes = this.coupons.size + this.codes.size;
      this.coupons.set(c.id, coupon);
      this.codes.set(code, c.id);
      // Stryker disable next-line ArithmeticOperator: these mutants only rebuild more often; a rebuild gives the same indexes as an insert
      if (this.coupons.size + this.codes.size !== sizes + 2) rebuild = true;
      added.push(coupon);
    }
    // Stryker disable next-line ConditionalExpression: rebuilding always gives the same indexes as inserting the new coupons
    if (rebuild) this.reindex();
    else for (const c of added) this.#index.insert(c);
  }

  // ---- indexes -----------------------------------------------------------------------------

  /** The coupon indexes (coupon-index.ts); codes resolve through the code map. */
  #index = new CouponIndex((code) => {
    const id = this.codes.get(code.toUpperCase());
    return id === undefined ? undefined : this.coupons.get(id);
  });

  /** Rebuilds every index from the maps: after a seed, or after records were edited in the maps directly. */
  reindex(): void {
    this.#index.rebuild(this.coupons.values(), this.now());
  }

  /**
   * The issued-coupon list (Z-13): newest first, filtered, the page after `cursor`, and the number
   * of matches. O(page) plus O(log n) for the cursor; with both customer_id and reward_id the count
   * scans the customer's coupons.
   */
  listCoupons(
    companyId: string,
    filter: CouponFilter,
    cursor: { createdMs: number; id: string } | null,
    size: number,
  ): { page: Coupon[]; next: string | null; count: number } {
    return this.#index.list(this.now(), companyId, filter, cursor, size);
  }

  /** Stats (Z-21, `status` ignored): O(1) from the counters, except customer_id with reward_id (the customer's coupons). */
  couponStats(companyId: string, filter: CouponFilter): CouponStats {
    return this.#index.stats(this.now(), companyId, filter);
  }

  snapshot(): ZupyFixtures {
    return {
      otp: { fixed_code: this.fixedOtpCode },
      companies: [...this.companies.values()].map((c) => ({ id: c.id, name: c.name, otp_policy: { ...c.otpPolicy } })),
      api_keys: [...this.keys.values()].map((k) => ({
        key: k.key,
        company_id: k.companyId,
        access: k.readOnly ? 'read-only' : 'read-write',
        label: k.label,
        revoked: k.revoked,
      })),
      customers: [...this.customers.values()].map((c) => ({
        id: c.id,
        company_id: c.companyId,
        full_name: c.fullName,
        identifiers: [...c.identifiers],
        points_balance: c.points,
        z_balance: formatZ(c.z),
        tier: c.tier,
      })),
      rewards: [...this.rewards.values()].map((r) => ({
        id: r.id,
        company_id: r.companyId,
        name: r.name,
        description: r.description,
        points_required: r.pointsRequired,
        validity_days: r.validityDays,
        total_usages_allowed: r.usagesAllowed,
        origin_type: r.originType,
        reward_type: r.rewardType,
        is_active: r.isActive,
        is_available: r.isAvailable,
        quantity_available: r.quantityAvailable,
        quantity_redeemed: r.quantityRedeemed,
        start_date: r.startMs === null ? null : iso(r.startMs),
        end_date: r.endMs === null ? null : iso(r.endMs),
        created_at: iso(r.createdMs),
      })),
      coupons: [...this.coupons.values()].map((c) => ({
        id: c.id,
        customer_id: c.customerId,
        reward_id: c.rewardId,
        coupon_code: c.code,
        status: c.status,
        remaining_usages: c.remaining,
        total_usages_allowed: c.total,
        valid_until: iso(c.validUntilMs),
        created_at: iso(c.createdMs),
        usage_date: c.usageMs === null ? null : iso(c.usageMs),
        points_spent: c.pointsSpent,
      })),
    };
  }

  // ---- reads -------------------------------------------------------------------------------

  customerOf(companyId: string, id: string): Customer | undefined {
    const c = this.customers.get(id);
    return c && c.companyId === companyId ? c : undefined;
  }

  /** The coupon as seen now: an active coupon past valid_until reads as expired (Z-5). */
  statusOf(c: Coupon, nowMs = this.now()): CouponStatus {
    return effectiveStatus(c.status, c.validUntilMs, nowMs);
  }

  /** Decision Z-2: by code (case-insensitive, with a dash) or by KSUID (exact). */
  findCoupon(companyId: string, ref: string): Coupon | undefined {
    const id = isCodeReference(ref) ? this.codes.get(ref.toUpperCase()) : ref;
    const c = id === undefined ? undefined : this.coupons.get(id);
    return c && c.companyId === companyId ? c : undefined;
  }

  /** Every coupon of a company, newest first (a copy; O(company), for provider states). */
  couponsOf(companyId: string): Coupon[] {
    return [...this.#index.companyCoupons(companyId)].reverse();
  }

  rewardsOf(companyId: string): Reward[] {
    const out: Reward[] = [];
    for (const r of this.rewards.values()) if (r.companyId === companyId) out.push(r);
    return out.sort(newestFirst);
  }

  /** O(min(customer's coupons, reward's coupons)). */
  hasRedeemed(customerId: string, rewardId: string): boolean {
    const customer = this.customers.get(customerId);
    return customer !== undefined && this.#index.hasCouponOf(customer.companyId, customerId, rewardId);
  }

  /** Not inactive, not unavailable, in stock and inside its date window (Z-16, Z-17). */
  rewardAvailable(r: Reward, nowMs = this.now()): boolean {
    return (
      r.isActive &&
      r.isAvailable &&
      (r.quantityAvailable === null || r.quantityRedeemed < r.quantityAvailable) &&
      (r.startMs === null || nowMs >= r.startMs) &&
      (r.endMs === null || nowMs <= r.endMs)
    );
  }

  // ---- OTP ---------------------------------------------------------------------------------

  requestOtp(companyId: string, identifier: string): StoreResult<{ channel: 'whatsapp' | 'email'; expiresIn: number }> {
    const id = classifyIdentifier(identifier);
    if (!id) return fail({ kind: 'validation', field: 'identifier', detail: 'Informe um telefone (+55…), e-mail ou CPF válido.' });
    this.pendingOtp.set(`${companyId}|${id.key}`, { code: this.fixedOtpCode, expiresMs: this.now() + OTP_CODE_TTL_MS, attempts: 0 });
    return { ok: true, value: { channel: id.kind === 'email' ? 'email' : 'whatsapp', expiresIn: OTP_CODE_TTL_MS / 1000 } };
  }

  /** One atomic step: check the code, create the customer if new, open a 30-minute session. */
  verifyOtp(companyId: string, identifier: string, code: string): StoreResult<{ customer: Customer; isNew: boolean; session: OtpSession }> {
    const id = classifyIdentifier(identifier);
    if (!id) return fail({ kind: 'validation', field: 'identifier', detail: 'Informe um telefone (+55…), e-mail ou CPF válido.' });
    const key = `${companyId}|${id.key}`;
    const pending = this.pendingOtp.get(key);
    const now = this.now();
    if (!pending) return fail({ kind: 'not-found', what: 'otp' });
    if (pending.attempts >= OTP_MAX_ATTEMPTS) return fail({ kind: 'otp-locked' });
    if (now > pending.expiresMs) return fail({ kind: 'otp-invalid' });
    if (pending.code !== code) {
      pending.attempts++;
      return fail(pending.attempts >= OTP_MAX_ATTEMPTS ? { kind: 'otp-locked' } : { kind: 'otp-invalid' });
    }
    this.pendingOtp.delete(key);
    let customerId = this.identifiers.get(key);
    let isNew = false;
    if (customerId === undefined || !this.customers.has(customerId)) {
      customerId = KSUID.randomSync().string;
      isNew = true;
      this.customers.set(customerId, {
        id: customerId,
        companyId,
        fullName: '',
        identifiers: [identifier],
        points: 0,
        z: 0n,
        tier: null,
        createdMs: now,
      });
      this.identifiers.set(key, customerId);
    }
    const customer = this.customers.get(customerId) as Customer;
    const session: OtpSession = {
      token: randomBytes(24).toString('base64url'),
      customerId,
      companyId,
      expiresMs: now + OTP_SESSION_TTL_MS,
    };
    this.sessions.set(session.token, session);
    return { ok: true, value: { customer, isNew, session } };
  }

  /** Decision Z-18: a session is bound to its customer and company and lives 30 minutes. */
  sessionValid(token: string | undefined, companyId: string, customerId: string): boolean {
    // Stryker disable next-line ConditionalExpression: an empty or missing token is not a key of the sessions map either
    if (!token) return false;
    const s = this.sessions.get(token);
    return s !== undefined && s.companyId === companyId && s.customerId === customerId && this.now() <= s.expiresMs;
  }

  // ---- transitions -------------------------------------------------------------------------

  #newCode(): string {
    for (;;) {
      const code = `CZ-${randomBytes(4).toString('hex').toUpperCase()}`;
      // Stryker disable next-line ConditionalExpression: the retry guards a 1-in-4-billion collision of random codes
      if (!this.codes.has(code)) return code;
    }
  }

  /** Redeem: checks (Z-7 order after OTP), payment and coupon creation in one synchronous step. */
  redeem(companyId: string, customerId: string, rewardId: string, useZ: boolean): StoreResult<RedeemResult> {
    const customer = this.customerOf(companyId, customerId);
    if (!customer) return fail({ kind: 'not-found', what: 'customer' });
    const reward = this.rewards.get(rewardId);
    if (!reward || reward.companyId !== companyId) return fail({ kind: 'not-found', what: 'reward' });
    const now = this.now();
    const marketing = reward.originType === 'marketing';
    if (marketing && this.hasRedeemed(customer.id, reward.id))
      return fail({ kind: 'validation', field: 'non_field_errors', detail: 'Prêmio gratuito já resgatado por este cliente' });
    if (!this.rewardAvailable(reward, now))
      return fail({ kind: 'validation', field: 'reward_id', detail: 'Recompensa indisponível para resgate.' });
    const plan = planPayment(marketing ? 0 : reward.pointsRequired, customer.points, customer.z, useZ);
    if (!plan.ok) return fail({ kind: 'validation', field: plan.field, detail: plan.detail });
    customer.points -= plan.pointsUsed;
    customer.z -= plan.zUsed;
    reward.quantityRedeemed++;
    const createdMs = Math.floor(now / 1000) * 1000;
    const coupon: Coupon = {
      id: KSUID.randomSync().string,
      companyId,
      customerId: customer.id,
      rewardId: reward.id,
      code: this.#newCode(),
      status: 'active',
      remaining: reward.usagesAllowed,
      total: reward.usagesAllowed,
      validUntilMs: validUntil(createdMs, reward.validityDays),
      createdMs,
      usageMs: null,
      pointsSpent: plan.pointsUsed,
      originType: reward.originType,
      // Stryker disable next-line BooleanLiteral: the index's insert sets clockExpired before it is read
      clockExpired: false,
      statusLists: 0,
    };
    this.coupons.set(coupon.id, coupon);
    this.codes.set(coupon.code, coupon.id);
    this.#index.insert(coupon);
    return { ok: true, value: { coupon, customer, pointsUsed: plan.pointsUsed, zUsed: plan.zUsed } };
  }

  /** Validate: resolve, check, decrement, in one synchronous step (rule 3). */
  validate(companyId: string, customerId: string, ref: string, opts: ValidateOptions = {}): StoreResult<ValidateResult> {
    const found = this.#resolveForValidate(companyId, customerId, ref, opts);
    if (!found.ok) return found;
    const { coupon, customer } = found.value;
    const blocked = this.#blocked(coupon, opts);
    if (blocked) return blocked;
    return { ok: true, value: this.#consume(coupon, customer, coupon.remaining) };
  }

  /** The `racy-use` defect: the same steps with a yield between the read and the write. */
  async validateRacy(
    companyId: string,
    customerId: string,
    ref: string,
    opts: ValidateOptions = {},
    gap: () => Promise<void> = yieldToEventLoop,
  ): Promise<StoreResult<ValidateResult>> {
    const found = this.#resolveForValidate(companyId, customerId, ref, opts);
    if (!found.ok) return found;
    const { coupon, customer } = found.value;
    const blocked = this.#blocked(coupon, opts);
    if (blocked) return blocked;
    const remainingRead = coupon.remaining;
    await gap();
    return { ok: true, value: this.#consume(coupon, customer, remainingRead) };
  }

  #resolveForValidate(
    companyId: string,
    customerId: string,
    ref: string,
    opts: ValidateOptions,
  ): StoreResult<{ coupon: Coupon; customer: Customer }> {
    const coupon = this.findCoupon(companyId, ref);
    if (!coupon || (!opts.ignoreCustomer && coupon.customerId !== customerId)) return fail({ kind: 'not-found', what: 'coupon' });
    const customer = this.customers.get(coupon.customerId);
    if (!customer) return fail({ kind: 'not-found', what: 'coupon' });
    return { ok: true, value: { coupon, customer } };
  }

  #blocked(coupon: Coupon, opts: ValidateOptions): StoreResult<never> | undefined {
    const now = this.now();
    // Stryker disable next-line ConditionalExpression,LogicalOperator: statusOf is expired only for an active coupon; with skipExpiry the expired-then-revived path ends in the same state
    if (coupon.status === 'active' && !opts.skipExpiry && this.statusOf(coupon, now) === 'expired')
      this.#index.transition(coupon, () => {
        coupon.status = 'expired';
      });
    if (coupon.status === 'active' || (opts.skipExpiry && coupon.status === 'expired' && coupon.remaining > 0)) return undefined;
    if (coupon.status === 'used' && opts.reuseReturns200) return undefined;
    return fail({ kind: 'conflict', status: coupon.status });
  }

  #consume(coupon: Coupon, customer: Customer, remainingRead: number): ValidateResult {
    const now = this.now();
    if (remainingRead > 0) {
      const remaining = remainingRead - 1;
      if (remaining === 0) {
        this.#index.transition(coupon, () => {
          coupon.remaining = 0;
          coupon.status = 'used';
          coupon.usageMs = Math.floor(now / 1000) * 1000;
        });
        // Stryker disable next-line ConditionalExpression: an active → active transition changes no index
      } else if (coupon.status === 'expired') {
        this.#index.transition(coupon, () => {
          coupon.remaining = remaining;
          coupon.status = 'active';
        });
      } else {
        coupon.remaining = remaining;
      }
    }
    return { coupon, customer, validatedMs: now };
  }
}

export interface ValidateOptions {
  /** Defect `use-ignores-owner`. */
  ignoreCustomer?: boolean;
  /** Defect `no-expiry-check`. */
  skipExpiry?: boolean;
  /** Defect `reuse-succeeds`. */
  reuseReturns200?: boolean;
}
