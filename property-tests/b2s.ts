/** The B2S conformance property: PATCH races and clock moves across the 3-hour edge, paging invariants, bad tokens. */
import fc, { type AsyncCommand } from 'fast-check';
import { createB2sClient, WHOLE_RANGE, type B2sClient } from '../clients/b2s.ts';
import { AdvanceClockCommand } from './model/advance-clock.ts';
import { BadTokenCommand } from './model/b2s/bad-token.ts';
import { b2sGlobalInvariants } from './model/b2s/global.ts';
import { ListPagesCommand } from './model/b2s/list-pages.ts';
import { expirationEndMs, PATCH_CLOSES_BEFORE_END_MS, patchable, SetupError, type B2sModel, type B2sReal } from './model/b2s/model.ts';
import { PatchCommand } from './model/b2s/patch.ts';
import { Invariants } from './model/invariants.ts';
import type { Tally } from './model/power.ts';
import { sequenceProperty, type PropertyOptions } from './model/sequence.ts';
import { WallClock } from './model/wall-clock.ts';
import type { components } from '../specs/generated/control.ts';
import type { B2sSandboxFixtures } from './targets/fixture-file.ts';
import { controlOf, type Target } from './targets/target.ts';

/** What the property reads from a coupon-kit control API's GET /__control/fixtures (B2S): the control spec's fixture format. */
type ControlFixtures = components['schemas']['B2sFixtures'];

const patch = (scoped: fc.Arbitrary<boolean>) =>
  fc.tuple(fc.nat(), scoped, fc.integer({ min: 1, max: 6 })).map(([i, sc, n]) => new PatchCommand(i, sc, n));
/** Clock steps that straddle the 3-hour edge, and days. */
const advanceClock = fc
  .oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 10 }))
  .map((min) => new AdvanceClockCommand<B2sModel, B2sReal>(min * 60, `${min} min`));
const listPages = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.nat(), fc.boolean(), fc.boolean())
  .map(([l, s, d, p]) => new ListPagesCommand(l, s, d, p));
const badToken = fc.tuple(fc.nat(), fc.boolean()).map(([i, missing]) => new BadTokenCommand(i, missing));

type B2sCommand = AsyncCommand<B2sModel, B2sReal>;
const checked = (c: B2sCommand): B2sCommand => new Invariants(c, b2sGlobalInvariants);

export const b2sCommands: fc.Arbitrary<B2sCommand>[] = [patch(fc.boolean()), advanceClock, listPages, badToken].map(
  (a: fc.Arbitrary<B2sCommand>) => a.map(checked),
);

/** Without a control API: no clock moves, the model's clock follows the wall clock; scoped PATCHes only with a scoped token. */
export function b2sSandboxCommands(withScopedToken: boolean): fc.Arbitrary<B2sCommand>[] {
  return [patch(withScopedToken ? fc.boolean() : fc.constant(false)), listPages, badToken].map((a: fc.Arbitrary<B2sCommand>) =>
    a.map((c): B2sCommand => new WallClock(checked(c))),
  );
}

export async function b2sSetup(target: Target, tally: Tally): Promise<{ model: B2sModel; real: B2sReal }> {
  const control = controlOf(target);
  await control.reset();
  const f = await control.fixtures<ControlFixtures>();
  // Start a few hours before the end of a coupon's expiration day, so runs cross the 3-hour edge.
  const edge =
    f.coupons
      .map((c) => expirationEndMs(c.expiration_date))
      .filter((ms) => ms > Date.now())
      .sort((a, b) => a - b)[0] ?? Date.now();
  const start = edge - 5 * 3_600_000;
  await control.setClock(new Date(start), true);
  const all = f.tokens.reduce((best, t) => (t.company_ids.length > best.company_ids.length ? t : best));
  const scopedToken = f.tokens.find((t) => t.company_ids.length === 1);
  if (!scopedToken) throw new Error('the fixtures need a token scoped to one company');
  const model: B2sModel = {
    nowMs: start,
    coupons: f.coupons.map((c) => ({ id: c.id, companyId: c.company_id, used: c.status, expEndMs: expirationEndMs(c.expiration_date) })),
    modules: Object.fromEntries(f.coupons.map((c) => [c.id, c.module])),
    untrackedUsed: 0,
  };
  const real: B2sReal = {
    target,
    api: createB2sClient({ baseUrl: target.baseUrl, token: all.token, fetch: target.fetch }),
    scoped: createB2sClient({ baseUrl: target.baseUrl, token: scopedToken.token, fetch: target.fetch }),
    scopedCompany: scopedToken.company_ids[0] ?? '',
    tally,
  };
  return { model, real };
}

/** What a starting state offers to change: coupons a PATCH can still mark used (B-5). */
export const b2sUsable = (m: B2sModel) => m.coupons.filter((c) => patchable(c, m.nowMs)).length;

export function b2sProperty(target: Target, options: PropertyOptions = {}) {
  return sequenceProperty(b2sCommands, (tally) => b2sSetup(target, tally), b2sUsable, { maxCommands: 10, ...options });
}

/** A coupon whose PATCH edge (exp_end − 3 h) is this close to the wall clock is left out of the model. */
export const PATCH_EDGE_MARGIN_MS = 5 * 60_000;

type ListedCoupon = { id: string; status: boolean; expiration_date: string; module: 'premiado' | 'falae' };

/** Every coupon a token lists, in both modules, every page (100 a page). */
async function listAll(client: B2sClient, who: string): Promise<ListedCoupon[]> {
  const out: ListedCoupon[] = [];
  for (const module of ['falae', 'premiado'] as const) {
    for (let offset = 1; offset <= 10_000; offset++) {
      const res = await client.listCoupons({
        ...WHOLE_RANGE,
        limit: 100,
        offset,
        order_column: 'created_at',
        order_type: 'ASC',
        module,
      });
      if (!res.ok)
        throw new SetupError(
          `${who}: GET /api/coupons answered ${res.status}${res.status === 401 ? ' (the token was rejected)' : ''}: ${JSON.stringify(res.error)}`,
        );
      out.push(...res.data.coupons.map((c) => ({ id: c.id, status: c.status, expiration_date: c.expiration_date, module })));
      if (res.data.coupons.length < 100) break;
    }
  }
  return out;
}

/**
 * Without a control API: nothing is reset; the model is built from what the token lists now. Which
 * coupons belong to the scoped company is read by listing with the scoped token.
 */
export async function b2sSandboxSetup(target: Target, f: B2sSandboxFixtures, tally: Tally): Promise<{ model: B2sModel; real: B2sReal }> {
  const api = createB2sClient({ baseUrl: target.baseUrl, token: f.token, fetch: target.fetch });
  const scoped =
    f.scoped_token === undefined ? undefined : createB2sClient({ baseUrl: target.baseUrl, token: f.scoped_token, fetch: target.fetch });
  const nowMs = Date.now();
  const coupons = await listAll(api, 'token');
  const inScope = new Set(scoped ? (await listAll(scoped, 'scoped_token')).map((c) => c.id) : []);
  const scopedCompany = f.scoped_company_id ?? '';
  const instant = f.expiration_instant ?? 'end_of_day_utc';
  const all = coupons.map((c) => ({
    id: c.id,
    companyId: inScope.has(c.id) ? scopedCompany : 'another company',
    used: c.status,
    expEndMs: expirationEndMs(c.expiration_date, instant),
  }));
  const tracked = (c: (typeof all)[number]) => Math.abs(c.expEndMs - PATCH_CLOSES_BEFORE_END_MS - nowMs) > PATCH_EDGE_MARGIN_MS;
  const model: B2sModel = {
    nowMs,
    coupons: all.filter(tracked),
    modules: Object.fromEntries(coupons.map((c) => [c.id, c.module])),
    untrackedUsed: all.filter((c) => !tracked(c) && c.used).length,
  };
  return { model, real: { target, api, ...(scoped ? { scoped } : {}), scopedCompany, tally } };
}

/** What a sandbox offers the run: coupons that a PATCH can still mark used. */
export async function b2sSandboxPreflight(
  target: Target,
  f: B2sSandboxFixtures,
  tally: Tally,
): Promise<{ patchable: number; total: number }> {
  const { model } = await b2sSandboxSetup(target, f, tally);
  return { patchable: b2sUsable(model), total: model.coupons.length };
}

/** The B2S property against a target without a control API, from a fixture file. */
export function b2sSandboxProperty(target: Target, fixtures: B2sSandboxFixtures, options: PropertyOptions = {}) {
  return sequenceProperty(
    b2sSandboxCommands(fixtures.scoped_token !== undefined),
    (tally) => b2sSandboxSetup(target, fixtures, tally),
    b2sUsable,
    { maxCommands: 10, ...options },
  );
}
