/**
 * Where a Zupy race gets its coupons and credentials, first match wins:
 *  1. RACE_COUPONS (JSON [{customer_id, code}], e.g. a prepared distributed run) + ZUPY_API_KEY;
 *  2. the simulator's control API: a read-write key of a company whose coupon OTP is off (turned
 *     off through /__control/otp-policy if none is), then fresh customers/reward/coupons merged in;
 *  3. a real provider: ZUPY_API_KEY + ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID → `count` redeems.
 * Nothing here is hard-coded: keys come from the fixtures or the environment.
 */
import http from 'k6/http';
import { ConfigError, json, optional } from './env.ts';
import { asRecord, bodyText, Control, TargetError, type ZupySnapshot } from './http.ts';
import { BASE62, chunk, DAY_MS, HEX, isoSeconds, random } from './ids.ts';
import type { Provisioned } from './race.ts';
import { lookupMany, payload, redeemPath, zupyHeaders, type ZupyAuth, type ZupyCoupon } from './zupy.ts';

/** What a run reads of the simulator's fixtures (the control spec's ZupyFixtures). */
type Snapshot = Pick<ZupySnapshot, 'companies' | 'api_keys'>;

const isArrayOf = (v: unknown, ok: (o: Record<string, unknown>) => boolean) =>
  Array.isArray(v) &&
  v.every((x) => {
    const o = asRecord(x);
    return o !== undefined && ok(o);
  });

/** Why a `GET /__control/fixtures` body is not coupon-kit's Zupy simulator snapshot (undefined = it is). */
export function zupySnapshotProblem(v: unknown): string | undefined {
  const r = asRecord(v);
  if (!r) return 'not a JSON object';
  if (!isArrayOf(r.companies, (c) => typeof c.id === 'string')) return 'no companies[] with string ids';
  if (!isArrayOf(r.api_keys, (k) => typeof k.key === 'string' && typeof k.company_id === 'string' && typeof k.access === 'string'))
    return 'no api_keys[] of {key, company_id, access}';
  return undefined;
}

/** The one-line cause when neither the control API nor the environment gives what a run needs. */
export function noControl(base: string, found: { kind: 'none' } | { kind: 'foreign'; why: string }): string {
  return found.kind === 'foreign'
    ? `${base}/__control/fixtures answers, but not with coupon-kit's simulator fixtures (${found.why}): the target is treated as a provider of its own`
    : `${base} has no coupon-kit control API`;
}

/** Credentials for a plain provider, from the environment. */
export function zupyAuthFromEnv(): ZupyAuth | undefined {
  const apiKey = optional('ZUPY_API_KEY');
  return apiKey ? { apiKey, otpSession: optional('ZUPY_OTP_SESSION') } : undefined;
}

type OtpFlag = 'require_otp_for_coupon_usage' | 'require_otp_for_redemption';

/** A read-write key of a company that needs no OTP for these actions (switched off if need be). */
export function zupyControlAuth(control: Control, snapshot: Snapshot, flags: OtpFlag[]): { auth: ZupyAuth; companyId: string } {
  const writable = snapshot.api_keys.filter((k) => k.access === 'read-write' && !k.revoked);
  const otpOff = (companyId: string) =>
    snapshot.companies.some((c) => c.id === companyId && flags.every((f) => c.otp_policy?.[f] === false));
  const key = writable.find((k) => otpOff(k.company_id)) ?? writable[0];
  if (!key) throw new TargetError('the simulator has no read-write API key; seed one (POST /__control/seed) or pass ZUPY_API_KEY');
  if (!otpOff(key.company_id)) control.otpPolicy({ company_id: key.company_id, ...Object.fromEntries(flags.map((f) => [f, false])) });
  return { auth: { apiKey: key.key }, companyId: key.company_id };
}

export interface Seeded {
  auth: ZupyAuth;
  companyId: string;
  rewardId: string;
  coupons: ZupyCoupon[];
}

/** `count` fresh coupons of `uses` uses, one new customer each (with `points` to redeem), one new reward. */
export function seedZupy(
  control: Control,
  snapshot: Snapshot,
  o: { count: number; uses: number; points: number; flags: OtpFlag[] },
): Seeded {
  const { auth, companyId } = zupyControlAuth(control, snapshot, o.flags);
  const now = control.nowMs();
  const run = random(BASE62, 10);
  const tag = random(HEX, 4).toUpperCase();
  const ksuid = (kind: string, i: number) => `${run}${kind}${String(i).padStart(16, '0')}`;
  const rewardId = ksuid('R', 0);
  const coupons = Array.from({ length: o.count }, (_, i) => ({
    customer_id: `race_${run}_${i}`,
    code: `CZ-${tag}${i.toString(16).toUpperCase().padStart(4, '0')}`,
  }));
  // A merge is checked against the data already loaded: send only what is new.
  control.seedMerge({
    companies: [],
    api_keys: [],
    customers: coupons.map((c) => ({
      id: c.customer_id,
      company_id: companyId,
      full_name: `Load ${run}`,
      identifiers: [],
      points_balance: o.points,
      z_balance: '0.000000',
    })),
    rewards: [
      {
        id: rewardId,
        company_id: companyId,
        name: `Load ${run}: ${o.uses} use(s)`,
        points_required: o.points > 0 ? 1 : 0,
        validity_days: 30,
        total_usages_allowed: o.uses,
        origin_type: 'loyalty_reward',
      },
    ],
    coupons: coupons.map((c, i) => ({
      id: ksuid('C', i),
      customer_id: c.customer_id,
      reward_id: rewardId,
      coupon_code: c.code,
      status: 'active',
      remaining_usages: o.uses,
      total_usages_allowed: o.uses,
      valid_until: isoSeconds(now + 30 * DAY_MS),
      created_at: isoSeconds(now),
      points_spent: 0,
    })),
  });
  return { auth, companyId, rewardId, coupons };
}

interface Redeemed {
  coupons: ZupyCoupon[];
  /** The customer's points after the last redeem, and what one redeem cost (from the redeem answers). */
  balance: number;
  cost: number;
}

function redeemCoupons(base: string, auth: ZupyAuth, customerId: string, rewardId: string, count: number): Redeemed {
  const params = { headers: { ...zupyHeaders(auth), 'Content-Type': 'application/json' }, tags: { phase: 'setup' } };
  const out: Redeemed = { coupons: [], balance: Number.POSITIVE_INFINITY, cost: 0 };
  for (const part of chunk(
    Array.from({ length: count }, (_, i) => i),
    10,
  )) {
    for (const res of http.batch(
      part.map(() => ({ method: 'POST', url: `${base}${redeemPath(customerId, rewardId)}`, body: '{}', params })),
    )) {
      const d = asRecord(payload(res));
      const code = d?.coupon_code;
      if (res.status !== 200 || typeof code !== 'string')
        throw new TargetError(`redeem ${rewardId} for ${customerId} answered ${res.status}: ${bodyText(res)}`);
      out.coupons.push({ customer_id: customerId, code });
      if (typeof d?.new_balance === 'number') out.balance = Math.min(out.balance, d.new_balance);
      if (typeof d?.points_used === 'number') out.cost = Math.max(out.cost, d.points_used);
    }
  }
  return out;
}

/** Every coupon fresh (active, nothing used) and with the same number of uses; returns that number. */
function usesOf(base: string, auth: ZupyAuth, coupons: ZupyCoupon[]): number {
  const states = chunk(coupons, 20).flatMap((part) =>
    lookupMany(
      base,
      zupyHeaders(auth),
      part.map((c) => c.code),
    ),
  );
  const totals = new Set<number>();
  states.forEach((s, i) => {
    const code = coupons[i]?.code;
    if (!s) throw new TargetError(`coupon ${code} is not found by the code lookup`);
    if (s.status !== 'active' || s.remaining_usages !== s.total_usages_allowed)
      throw new TargetError(`coupon ${code} is not fresh (${s.status}, ${s.remaining_usages}/${s.total_usages_allowed} left)`);
    totals.add(s.total_usages_allowed);
  });
  if (totals.size !== 1) throw new TargetError(`the coupons do not all have the same number of uses (${[...totals].join(', ')})`);
  return [...totals][0] as number;
}

export function provisionZupy(base: string, groupSize: number, count: number, uses: number): Provisioned<ZupyCoupon> {
  const given = json<ZupyCoupon[]>('RACE_COUPONS');
  const envAuth = zupyAuthFromEnv();
  if (given) {
    if (!envAuth) throw new ConfigError('RACE_COUPONS needs ZUPY_API_KEY');
    if (given.length < count) throw new ConfigError(`RACE_COUPONS has ${given.length} coupons; this shape needs ${count}`);
    const coupons = given.slice(0, count);
    return {
      headers: zupyHeaders(envAuth),
      groups: chunk(coupons, groupSize),
      uses: usesOf(base, envAuth, coupons),
      source: 'RACE_COUPONS',
    };
  }
  const control = new Control(base);
  const found = envAuth ? ({ kind: 'none' } as const) : control.fixtures<ZupySnapshot>(zupySnapshotProblem);
  if (found.kind === 'ours') {
    const seeded = seedZupy(control, found.snapshot, { count, uses, points: 0, flags: ['require_otp_for_coupon_usage'] });
    return {
      headers: zupyHeaders(seeded.auth),
      groups: chunk(seeded.coupons, groupSize),
      uses,
      source: `control API seed (company ${seeded.companyId})`,
    };
  }
  const customerId = optional('ZUPY_CUSTOMER_ID');
  const rewardId = optional('ZUPY_REWARD_ID');
  if (envAuth && customerId && rewardId) {
    const { coupons } = redeemCoupons(base, envAuth, customerId, rewardId, count);
    return {
      headers: zupyHeaders(envAuth),
      groups: chunk(coupons, groupSize),
      uses: usesOf(base, envAuth, coupons),
      source: `redeemed ${count} × reward ${rewardId}`,
    };
  }
  const how = 'pass RACE_COUPONS + ZUPY_API_KEY, or ZUPY_API_KEY + ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID (a reward with USES uses)';
  if (envAuth)
    throw new ConfigError(
      `ZUPY_API_KEY is set, so ${base} is raced as a provider of its own (no control API call), but ZUPY_CUSTOMER_ID and ZUPY_REWARD_ID are not: ${how}`,
    );
  throw new ConfigError(`${noControl(base, found)}, and ZUPY_API_KEY is not set: ${how}`);
}

/** What mixed POS traffic needs: coupons to look up and validate, customers and a reward to redeem. */
export interface PosPool {
  headers: Record<string, string>;
  coupons: ZupyCoupon[];
  rewardId?: string;
  /** False on a real provider without ZUPY_CUSTOMER_ID/ZUPY_REWARD_ID: reads only. */
  writable: boolean;
  source: string;
  /** What the run knows of the provider's state, so a 409 or a 422 is judged, not just accepted. */
  model: PosModel;
}

/** Uses per coupon, points per customer and the reward's cost at the start of the run. */
export interface PosModel {
  couponUses: number;
  points: number;
  cost: number;
  /** Every coupon belongs to the same customer (the redeem path), so redeems share one balance. */
  oneCustomer: boolean;
}

/** Simulator: seeded coupons with uses to spare and customers with points. Real provider: from env. */
export function provisionZupyPos(base: string, size: number): PosPool {
  const envAuth = zupyAuthFromEnv();
  if (!envAuth) {
    const control = new Control(base);
    const found = control.fixtures<ZupySnapshot>(zupySnapshotProblem);
    if (found.kind !== 'ours')
      throw new ConfigError(
        `${noControl(base, found)}, and ZUPY_API_KEY is not set: pass ZUPY_API_KEY (and ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID to validate and redeem)`,
      );
    const model: PosModel = { couponUses: 1_000_000, points: 1_000_000_000, cost: 1, oneCustomer: false };
    const s = seedZupy(control, found.snapshot, {
      count: size,
      uses: model.couponUses,
      points: model.points,
      flags: ['require_otp_for_coupon_usage', 'require_otp_for_redemption'],
    });
    return {
      headers: zupyHeaders(s.auth),
      coupons: s.coupons,
      rewardId: s.rewardId,
      writable: true,
      source: `control API seed (company ${s.companyId})`,
      model,
    };
  }
  const customerId = optional('ZUPY_CUSTOMER_ID');
  const rewardId = optional('ZUPY_REWARD_ID');
  if (customerId && rewardId) {
    const r = redeemCoupons(base, envAuth, customerId, rewardId, size);
    const couponUses = usesOf(base, envAuth, r.coupons);
    return {
      headers: zupyHeaders(envAuth),
      coupons: r.coupons,
      rewardId,
      writable: true,
      source: `redeemed ${size} × reward ${rewardId}`,
      model: { couponUses, points: r.balance, cost: r.cost, oneCustomer: true },
    };
  }
  const res = http.get(`${base}/api/v2/coupons/issued/?page_size=${Math.min(size, 100)}`, {
    headers: zupyHeaders(envAuth),
    tags: { phase: 'setup' },
  });
  const list = payload(res);
  if (res.status !== 200 || !Array.isArray(list) || list.length === 0)
    throw new TargetError(`the coupon list answered ${res.status} with no coupons to look up`);
  const coupons = (list as { customer_id: string; coupon_code: string }[]).map((c) => ({
    customer_id: c.customer_id,
    code: c.coupon_code,
  }));
  return {
    headers: zupyHeaders(envAuth),
    coupons,
    writable: false,
    source: 'existing coupons (read-only mix)',
    model: { couponUses: 0, points: 0, cost: 0, oneCustomer: true },
  };
}
