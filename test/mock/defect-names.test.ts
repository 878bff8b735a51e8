/**
 * Defect names are API-neutral; the earlier Zupy-worded names stay accepted as aliases. An alias
 * and the new name turn on the same behaviour (each observed against the faithful simulator as
 * the negative control), through the control API and the in-process options; unknown names are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B2S_DEMO } from '../../mocks/demo/b2s.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { DEFECT_ALIASES, DEFECTS, defectOf, isDefectName, loadModule } from '../../mocks/index.ts';
import { buildSimulator, type Simulator } from '../../mocks/simulator/app.ts';
import type { ApiName } from '../../specs/index.ts';
import { call } from '../security/inject.ts';

const RENAMED = [
  ['racy-validate', 'racy-use'],
  ['validate-ignores-customer', 'use-ignores-owner'],
  ['reuse-returns-200', 'reuse-succeeds'],
] as const;

const zupyValidate = (sim: Simulator, key: string, customer: string, coupon: string) =>
  call(sim, 'POST', `/api/v2/customers/${customer}/coupons/${coupon}/validate/`, undefined, { 'x-api-key': key });
const b2sPatch = (sim: Simulator, token: string, coupon: string) =>
  call(sim, 'PATCH', `/api/coupons/status/${coupon}`, undefined, { authorization: `Bearer ${token}` });

/** What each defect changes, as an observation of the simulator's answers (literal expectations below). */
const OBSERVE: Record<ApiName, Record<(typeof RENAMED)[number][1], (sim: Simulator) => Promise<unknown>>> = {
  zupy: {
    'racy-use': async (sim) => {
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => zupyValidate(sim, DEMO.keyReadWrite, DEMO.customers.ana, DEMO.coupons.active.code)),
      );
      return burst.filter((r) => r.status === 200).length > 1 ? 'double spend' : 'one winner';
    },
    'use-ignores-owner': async (sim) => (await zupyValidate(sim, DEMO.keyReadWrite, DEMO.customers.bruno, DEMO.coupons.active.code)).status,
    'reuse-succeeds': async (sim) => {
      const use = () => zupyValidate(sim, DEMO.keyOtherCompany, DEMO.customers.diego, DEMO.coupons.diego.code);
      return [(await use()).status, (await use()).status];
    },
  },
  b2s: {
    'racy-use': async (sim) => {
      const burst = await Promise.all(Array.from({ length: 20 }, () => b2sPatch(sim, B2S_DEMO.franchiseToken, B2S_DEMO.activeCoupon)));
      return burst.filter((r) => r.status === 204).length > 1 ? 'double spend' : 'one winner';
    },
    'use-ignores-owner': async (sim) => (await b2sPatch(sim, B2S_DEMO.companyAToken, B2S_DEMO.companyBCoupon)).status,
    'reuse-succeeds': async (sim) => {
      const use = () => b2sPatch(sim, B2S_DEMO.franchiseToken, B2S_DEMO.activeCoupon);
      return [(await use()).status, (await use()).status];
    },
  },
};

const FAITHFUL: Record<ApiName, Record<(typeof RENAMED)[number][1], unknown>> = {
  zupy: { 'racy-use': 'one winner', 'use-ignores-owner': 404, 'reuse-succeeds': [200, 409] },
  b2s: { 'racy-use': 'one winner', 'use-ignores-owner': 404, 'reuse-succeeds': [204, 400] },
};
const DEFECTIVE: Record<ApiName, Record<(typeof RENAMED)[number][1], unknown>> = {
  zupy: { 'racy-use': 'double spend', 'use-ignores-owner': 200, 'reuse-succeeds': [200, 200] },
  b2s: { 'racy-use': 'double spend', 'use-ignores-owner': 204, 'reuse-succeeds': [204, 204] },
};

describe('defect names', () => {
  it('every alias names a defect; new names and aliases are accepted, anything else is not', () => {
    for (const [alias, name] of RENAMED) {
      expect(DEFECT_ALIASES[alias]).toBe(name);
      expect(Object.keys(DEFECTS)).toContain(name);
      expect([isDefectName(alias), isDefectName(name)]).toEqual([true, true]);
      expect(defectOf(alias)).toBe(name);
    }
    for (const unknown of ['nope', 'constructor', '__proto__', 'RACY-USE', '']) expect(isDefectName(unknown)).toBe(false);
  });
});

describe.each(['zupy', 'b2s'] as const)('%s: an alias and the new name behave the same', (api) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await buildSimulator(await loadModule(api));
  });
  afterAll(() => sim.app.close());

  /** Fresh demo state, OTP off (Zupy), these defects on through the control API; then the observation. */
  const observeWith = async (defects: string[], name: (typeof RENAMED)[number][1]) => {
    expect((await call(sim, 'POST', '/__control/reset')).status).toBe(200);
    if (api === 'zupy')
      expect((await call(sim, 'POST', '/__control/otp-policy', { require_otp_for_coupon_usage: false })).status).toBe(200);
    expect((await call(sim, 'POST', '/__control/faults', { defects })).status).toBe(200);
    return OBSERVE[api][name](sim);
  };

  it.each(RENAMED)('%s ≡ %s (control API), and neither is the faithful answer', async (alias, name) => {
    const faithful = await observeWith([], name);
    const byName = await observeWith([name], name);
    const byAlias = await observeWith([alias], name);
    expect(faithful).toEqual(FAITHFUL[api][name]);
    expect(byName).toEqual(DEFECTIVE[api][name]);
    expect(byAlias).toEqual(byName);
  });

  it('an alias is read back under the new name; an unknown name is refused and changes nothing', async () => {
    await call(sim, 'POST', '/__control/faults', { defects: RENAMED.map(([alias]) => alias) });
    const faults = JSON.parse((await call(sim, 'GET', '/__control/faults')).body) as { defects: string[] };
    expect(faults.defects.sort()).toEqual(RENAMED.map(([, name]) => name).sort());
    const refused = await call(sim, 'POST', '/__control/faults', { defects: ['reuse-succeeds', 'reuse-returns-201'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/unknown defect\(s\) reuse-returns-201/);
    expect((JSON.parse((await call(sim, 'GET', '/__control/faults')).body) as { defects: string[] }).defects.sort()).toEqual(
      faults.defects,
    );
  });

  it('an alias given as a simulator option turns its defect on', async () => {
    const aliased = await buildSimulator(await loadModule(api), { faults: { defects: ['reuse-returns-200'] } });
    try {
      if (api === 'zupy') await call(aliased, 'POST', '/__control/otp-policy', { require_otp_for_coupon_usage: false });
      expect(await OBSERVE[api]['reuse-succeeds'](aliased)).toEqual(DEFECTIVE[api]['reuse-succeeds']);
    } finally {
      await aliased.app.close();
    }
  });
});
