/** The Zupy conformance property: random command sequences against a target, checked against the model. */
import fc, { type AsyncCommand } from 'fast-check';
import { createZupyClient, isZupyProblem, type CouponInventory } from '../clients/zupy.ts';
import { UnexpectedResponseError } from '../clients/result.ts';
import { Invariants } from './model/invariants.ts';
import type { Tally } from './model/power.ts';
import { sequenceProperty, type PropertyOptions } from './model/sequence.ts';
import { AdvanceClockCommand } from './model/advance-clock.ts';
import { ConcurrentValidateCommand } from './model/zupy/concurrent-validate.ts';
import { ForeignAccessCommand } from './model/zupy/foreign-access.ts';
import { zupyGlobalInvariants } from './model/zupy/global.ts';
import { LookupCommand } from './model/zupy/lookup.ts';
import { effective, listAllCoupons, SetupError, type ZupyModel, type ZupyReal } from './model/zupy/model.ts';
import { RedeemCommand } from './model/zupy/redeem.ts';
import { StatsCommand } from './model/zupy/stats.ts';
import { ValidateCommand } from './model/zupy/validate.ts';
import { WallClock } from './model/wall-clock.ts';
import type { components } from '../specs/generated/control.ts';
import type { ZupySandboxFixtures } from './targets/fixture-file.ts';
import { controlOf, type Target } from './targets/target.ts';

/** What the property reads from a coupon-kit control API's GET /__control/fixtures (Zupy): the control spec's fixture format. */
type ControlFixtures = components['schemas']['ZupyFixtures'];

type ModelCoupon = ZupyModel['coupons'][number];

/** A coupon as the model tracks it, from the control API's fixtures or the provider's own list (the same fields). */
const modelCoupon = (c: {
  id: string;
  coupon_code: string;
  customer_id: string;
  remaining_usages: number;
  status: ModelCoupon['status'];
  valid_until: string;
}): ModelCoupon => ({
  id: c.id,
  code: c.coupon_code,
  customerId: c.customer_id,
  remaining: c.remaining_usages,
  status: c.status,
  validUntilMs: Date.parse(c.valid_until),
});

/** One validate in four is made as another customer: the ownership rule gets a few tries in every dozen sequences. */
const validate = fc
  .tuple(fc.nat(), fc.boolean(), fc.nat(2047), fc.nat(3))
  .map(([i, byCode, mask, other]) => new ValidateCommand(i, byCode, mask, other === 0));
const concurrentValidate = fc.tuple(fc.nat(), fc.integer({ min: 2, max: 8 })).map(([i, n]) => new ConcurrentValidateCommand(i, n));
const advanceClock = fc.integer({ min: 1, max: 24 * 40 }).map((h) => new AdvanceClockCommand<ZupyModel, ZupyReal>(h * 3600, `${h}h`));
const lookup = fc.tuple(fc.nat(), fc.nat(2047)).map(([i, mask]) => new LookupCommand(i, mask));
const stats = fc.constant(new StatsCommand());
const redeem = fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([c, r, z]) => new RedeemCommand(c, r, z));
const foreignAccess = fc.nat().map((i) => new ForeignAccessCommand(i));

type ZupyCommand = AsyncCommand<ZupyModel, ZupyReal>;
const checked = (c: ZupyCommand): ZupyCommand => new Invariants(c, zupyGlobalInvariants);

export const zupyCommands: fc.Arbitrary<ZupyCommand>[] = [
  validate,
  concurrentValidate,
  advanceClock,
  lookup,
  stats,
  redeem,
  foreignAccess,
].map((a: fc.Arbitrary<ZupyCommand>) => a.map(checked));

/** Without a control API: no clock moves, and the model's clock follows the wall clock. */
export const zupySandboxCommands: fc.Arbitrary<ZupyCommand>[] = [validate, concurrentValidate, lookup, stats, redeem, foreignAccess].map(
  (a: fc.Arbitrary<ZupyCommand>) => a.map((c): ZupyCommand => new WallClock(checked(c))),
);

/** Resets the target and builds the model from its fixtures: the company of its first read-write key. */
export async function zupySetup(target: Target, tally: Tally): Promise<{ model: ZupyModel; real: ZupyReal }> {
  const control = controlOf(target);
  await control.reset();
  const { now } = await control.clock();
  await control.setClock(now, true);
  await control.otpPolicy({ require_otp_for_redemption: false, require_otp_for_coupon_usage: false });
  const f = await control.fixtures<ControlFixtures>();
  const key = f.api_keys.find((k) => k.access === 'read-write' && !k.revoked);
  const otherKey = f.api_keys.find((k) => k.access === 'read-write' && !k.revoked && k.company_id !== key?.company_id);
  if (!key || !otherKey) throw new Error('the fixtures need read-write keys of two companies');
  const customers = f.customers.filter((c) => c.company_id === key.company_id);
  const mine = new Set(customers.map((c) => c.id));
  const model: ZupyModel = {
    nowMs: Date.parse(now),
    customers: customers.map((c) => c.id),
    rewards: f.rewards.filter((r) => r.company_id === key.company_id).map((r) => r.id),
    points: Object.fromEntries(customers.map((c) => [c.id, c.points_balance])),
    coupons: f.coupons.filter((c) => mine.has(c.customer_id)).map(modelCoupon),
    untracked: { total: 0, used: 0 },
  };
  const foreignCustomer = f.customers.find((c) => c.company_id === otherKey.company_id)?.id ?? 'unknown-customer';
  const real: ZupyReal = {
    target,
    pos: createZupyClient({ baseUrl: target.baseUrl, apiKey: key.key, fetch: target.fetch }),
    other: createZupyClient({ baseUrl: target.baseUrl, apiKey: otherKey.key, fetch: target.fetch }),
    foreignCustomer,
    pointsEndpoint: true,
    tally,
  };
  return { model, real };
}

/** What a starting state offers to change: uses left on active coupons (a redeem that issues one counts when it happens). */
export const zupyUsable = (m: ZupyModel) =>
  m.coupons.filter((c) => effective(c, m.nowMs) === 'active').reduce((n, c) => n + c.remaining, 0);

export function zupyProperty(target: Target, options: PropertyOptions = {}) {
  return sequenceProperty(zupyCommands, (tally) => zupySetup(target, tally), zupyUsable, { maxCommands: 12, ...options });
}

/** A coupon whose valid_until is this close to the wall clock is left out of the model (it may expire mid-sequence, or clocks may differ). */
export const EXPIRY_MARGIN_MS = 5 * 60_000;

/** The data of an answer, or a SetupError saying which request of which fixture field failed. */
async function must<T>(
  res: Promise<{ ok: true; data: T } | { ok: false; status: number; error: unknown }>,
  what: string,
  hint = '',
): Promise<T> {
  const r = await res;
  if (r.ok) return r.data;
  const detail = isZupyProblem(r.error) ? r.error.detail : JSON.stringify(r.error);
  throw new SetupError(`${what} answered ${r.status} (${detail})${r.status === 401 ? ': the key was rejected' : hint}`);
}

/** What a sandbox run learns once, before its sequences: whether the inferred points endpoint exists. */
export interface ZupySandboxInfo {
  pointsEndpoint: boolean;
}

/**
 * Without a control API: nothing is reset; the model is built from the target's current state, read
 * through its own API (every coupon of the company, and each listed customer's points when the
 * target has the points endpoint).
 */
export async function zupySandboxSetup(
  target: Target,
  f: ZupySandboxFixtures,
  tally: Tally,
  info: ZupySandboxInfo,
): Promise<{ model: ZupyModel; real: ZupyReal }> {
  const pos = createZupyClient({ baseUrl: target.baseUrl, apiKey: f.api_key, fetch: target.fetch });
  const other = createZupyClient({ baseUrl: target.baseUrl, apiKey: f.other_api_key, fetch: target.fetch });
  const nowMs = Date.now();
  const all = await listAllCoupons(pos);
  const listed = new Set(f.customer_ids);
  const tracked = (c: CouponInventory) => listed.has(c.customer_id) && Math.abs(Date.parse(c.valid_until) - nowMs) > EXPIRY_MARGIN_MS;
  const points: Record<string, number> = {};
  if (info.pointsEndpoint) {
    for (const [i, id] of f.customer_ids.entries()) {
      points[id] = (
        await must(
          pos.points(id),
          `customer_ids[${i}] '${id}': GET /api/v2/customers/{id}/points/ with api_key`,
          ": is it a customer of api_key's company?",
        )
      ).points_balance;
    }
  }
  const untracked = all.filter((c) => !tracked(c));
  const model: ZupyModel = {
    nowMs,
    customers: [...f.customer_ids],
    rewards: [...f.reward_ids],
    points,
    coupons: all.filter(tracked).map(modelCoupon),
    untracked: { total: untracked.length, used: untracked.filter((c) => c.status === 'used').length },
  };
  return { model, real: { target, pos, other, foreignCustomer: f.foreign_customer_id, pointsEndpoint: info.pointsEndpoint, tally } };
}

/** Keys, ids and catalog checked once before a run without a control API (read-only); returns what the run can use and notes for the user. */
export async function zupySandboxPreflight(
  target: Target,
  f: ZupySandboxFixtures,
  tally: Tally,
): Promise<{ info: ZupySandboxInfo; notes: string[]; validatable: number; total: number }> {
  const client = (apiKey: string) => createZupyClient({ baseUrl: target.baseUrl, apiKey, fetch: target.fetch });
  await must(client(f.api_key).listCoupons({ page_size: 1 }), 'api_key: GET /api/v2/coupons/issued/');
  await must(client(f.other_api_key).listCoupons({ page_size: 1 }), 'other_api_key: GET /api/v2/coupons/issued/');
  const notes: string[] = [];
  // The points endpoint is inferred (x-inferred in the spec): a target without it is not wrong. It is
  // taken as absent when it answers 404 for every customer, the foreign one included.
  // A router's 404 (a body that is not the provider's problem format) is a 404 all the same here.
  const statusOf = async (answer: Promise<{ status: number }>) => {
    try {
      return (await answer).status;
    } catch (err) {
      if (err instanceof UnexpectedResponseError) return err.status;
      throw err;
    }
  };
  const answers = await Promise.all([
    ...f.customer_ids.map((id) => statusOf(client(f.api_key).points(id))),
    statusOf(client(f.other_api_key).points(f.foreign_customer_id)),
  ]);
  const info: ZupySandboxInfo = { pointsEndpoint: answers.some((status) => status !== 404) };
  if (!info.pointsEndpoint)
    notes.push(
      'note: GET /api/v2/customers/{id}/points/ (inferred, x-inferred in the spec) answered 404 for every customer: skipped; balances are learned from redeem and validate answers',
    );
  const { model, real } = await zupySandboxSetup(target, f, tally, info);
  if (info.pointsEndpoint) {
    await must(
      real.other.points(f.foreign_customer_id),
      `foreign_customer_id '${f.foreign_customer_id}': GET /api/v2/customers/{id}/points/ with other_api_key`,
      ": is it a customer of other_api_key's company?",
    );
  }
  const catalog = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await real.pos.listRewards({ page_size: 100, ...(cursor === undefined ? {} : { cursor }) });
    if (!res.ok) throw new SetupError(`api_key: GET /api/v2/rewards/ answered ${res.status}`);
    for (const r of res.data.items) catalog.add(r.id);
    if (!res.data.meta?.has_next || !res.data.meta.cursor) break;
    cursor = res.data.meta.cursor;
  }
  f.reward_ids.forEach((id, i) => {
    if (!catalog.has(id)) throw new SetupError(`reward_ids[${i}] '${id}' is not in the reward catalog of api_key's company`);
  });
  return { info, notes, validatable: zupyUsable(model), total: model.coupons.length };
}

/** The Zupy property against a target without a control API, from a fixture file. */
export function zupySandboxProperty(target: Target, fixtures: ZupySandboxFixtures, info: ZupySandboxInfo, options: PropertyOptions = {}) {
  return sequenceProperty(zupySandboxCommands, (tally) => zupySandboxSetup(target, fixtures, tally, info), zupyUsable, {
    maxCommands: 12,
    ...options,
  });
}
