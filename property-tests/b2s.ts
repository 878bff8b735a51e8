/** The B2S conformance property: PATCH races and clock moves across the 3-hour edge, paging invariants. */
import fc from 'fast-check';
import { createB2sClient } from '../clients/b2s.ts';
import { expirationEnd } from '../mocks/simulator/b2s/domain.ts';
import type { B2sFixtures } from '../mocks/simulator/b2s/fixtures.ts';
import { AdvanceClockCommand } from './model/b2s/advance-clock.ts';
import { ListPagesCommand } from './model/b2s/list-pages.ts';
import type { B2sModel, B2sReal } from './model/b2s/model.ts';
import { PatchCommand } from './model/b2s/patch.ts';
import { controlOf, type Target } from './targets/target.ts';

export const b2sCommands = [
  fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 6 })).map(([i, scoped, n]) => new PatchCommand(i, scoped, n)),
  fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 10 })).map((min) => new AdvanceClockCommand(min)),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.nat(), fc.boolean(), fc.boolean()).map(([l, s, d, p]) => new ListPagesCommand(l, s, d, p)),
];

export async function b2sSetup(target: Target): Promise<{ model: B2sModel; real: B2sReal }> {
  const control = controlOf(target);
  await control.reset();
  const f = await control.fixtures<B2sFixtures>();
  // Start a few hours before the end of a coupon's expiration day, so runs cross the 3-hour edge.
  const edge = f.coupons.map((c) => expirationEnd(c.expiration_date)).filter((ms) => ms > Date.now()).sort((a, b) => a - b)[0] ?? Date.now();
  const start = edge - 5 * 3_600_000;
  await control.setClock(new Date(start), true);
  const all = f.tokens.reduce((best, t) => (t.company_ids.length > best.company_ids.length ? t : best));
  const scopedToken = f.tokens.find((t) => t.company_ids.length === 1);
  if (!scopedToken) throw new Error('the fixtures need a token scoped to one company');
  const model: B2sModel = {
    nowMs: start,
    coupons: f.coupons.map((c) => ({ id: c.id, companyId: c.company_id, used: c.status, expEndMs: expirationEnd(c.expiration_date) })),
    modules: Object.fromEntries(f.coupons.map((c) => [c.id, c.module])),
  };
  const real: B2sReal = {
    target,
    api: createB2sClient({ baseUrl: target.baseUrl, token: all.token, fetch: target.fetch }),
    scoped: createB2sClient({ baseUrl: target.baseUrl, token: scopedToken.token, fetch: target.fetch }),
    scopedCompany: scopedToken.company_ids[0] ?? '',
  };
  return { model, real };
}

export function b2sProperty(target: Target, maxCommands = 10) {
  return fc.asyncProperty(fc.commands(b2sCommands, { maxCommands }), async (cmds) => {
    const setup = await b2sSetup(target);
    await fc.asyncModelRun(() => setup, cmds);
  });
}
