/** The random steps of the round-trip property (round-trip.property.test.ts): API and control calls for each simulator, and the runner. */
import fc from 'fast-check';
import type { Simulator } from '../../mocks/simulator/app.ts';
import { call, fixturesText, roundTrip, type Answer } from './inject.ts';

export type Fixtures = Record<string, Record<string, unknown>[]>;
export type Step = { name: string; run: (sim: Simulator, f: Fixtures) => Promise<Answer> };
/** A string field of a fixture row, or a fallback. */
const str = (v: unknown): string => (typeof v === 'string' ? v : 'x');
const pick = <T>(list: T[] | undefined, i: number): T | undefined => (list && list.length ? list[i % list.length] : undefined);

export const ZUPY_KEYS = [
  'zupy_pk_DemoAuroraReadWrite0000000000000',
  'zupy_pk_DemoBoaVistaReadWrite00000000000',
  'zupy_pk_DemoAuroraReadOnly00000000000000',
];
const identifier = fc.oneof(
  fc.constantFrom('+5511987654321', 'ana@example.com', '+5541999887766', '123.456.789-09', ' +5521998765432 ', '00'),
  fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+55119${n}`),
  fc.nat(999).map((n) => `guest${n}@example.com`),
);
const controlSteps: fc.Arbitrary<Step>[] = [
  fc
    .integer({ min: 0, max: 40 * 86_400 })
    .map((s): Step => ({ name: `advance ${s}s`, run: (sim) => call(sim, 'POST', '/__control/clock', { advance: s }) })),
  fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d): Step => ({
    name: `clock ${d.toISOString()}`,
    run: (sim) => call(sim, 'POST', '/__control/clock', { now: d.toISOString(), frozen: true }),
  })),
  fc
    .subarray(['racy-validate', 'no-expiry-check', 'validate-ignores-customer', 'reuse-returns-200', 'lenient-auth'])
    .map((defects): Step => ({ name: `defects ${defects.join(',')}`, run: (sim) => call(sim, 'POST', '/__control/faults', { defects }) })),
  fc.constant({ name: 'reset', run: (sim: Simulator) => call(sim, 'POST', '/__control/reset') }),
];

export function zupySteps(): fc.Arbitrary<Step> {
  const params = fc.record({
    code: fc.oneof(fc.constantFrom('CZ-914F15F3', 'CZ-NEW00001', 'cz-abcdef12', 'bad code'), fc.stringMatching(/^CZ-[0-9A-F]{8}$/)),
    uses: fc.integer({ min: -1, max: 5 }),
    points: fc.integer({ min: 0, max: 5000 }),
    count: fc.integer({ min: 0, max: 5 }),
    action: fc.constantFrom('coupon usage', 'redemption', 'everything', 'constructor'),
    ci: fc.nat(),
    ri: fc.nat(),
  });
  return fc.oneof(
    fc.tuple(identifier, fc.nat()).map(([id, k]): Step => ({
      name: `request-otp ${id}`,
      run: (sim) => call(sim, 'POST', '/api/v2/auth/request-otp/', { identifier: id }, { 'x-api-key': ZUPY_KEYS[k % 2] as string }),
    })),
    fc.tuple(identifier, fc.nat(), fc.constantFrom('123456', '000000')).map(([id, k, code]): Step => ({
      name: `verify-otp ${id} ${code}`,
      run: (sim) =>
        call(sim, 'POST', '/api/v2/auth/verify-otp/', { identifier: id, otp_code: code }, { 'x-api-key': ZUPY_KEYS[k % 2] as string }),
    })),
    // The flows an integrator runs, with the company's own read-write key: these create data.
    fc.tuple(identifier, fc.nat()).map(([id, k]): Step => ({
      name: `verify-otp after request-otp ${id}`,
      run: async (sim) => {
        const key = { 'x-api-key': ZUPY_KEYS[k % 2] as string };
        await call(sim, 'POST', '/api/v2/auth/request-otp/', { identifier: id }, key);
        return call(sim, 'POST', '/api/v2/auth/verify-otp/', { identifier: id, otp_code: '123456' }, key);
      },
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([c, r, z]): Step => ({
      name: 'redeem with the company key, OTP off',
      run: async (sim, f) => {
        const customer = pick(f.customers, c);
        const reward = pick(
          f.rewards?.filter((x) => x.company_id === customer?.company_id),
          r,
        );
        const key = f.api_keys?.find((k) => k.company_id === customer?.company_id && k.access === 'read-write' && !k.revoked);
        await call(sim, 'POST', '/__control/otp-policy', { require_otp_for_redemption: false, require_otp_for_coupon_usage: false });
        return call(
          sim,
          'POST',
          `/api/v2/customers/${str(customer?.id ?? 'x')}/rewards/${str(reward?.id ?? 'x')}/redeem/`,
          { use_z_tokens: z },
          { 'x-api-key': str(key?.key ?? 'none') },
        );
      },
    })),
    fc.tuple(fc.nat(), fc.constantFrom('id', 'code')).map(([c, how]): Step => ({
      name: `validate with the company key, OTP off, by ${how}`,
      run: async (sim, f) => {
        const coupon = pick(f.coupons, c);
        const customer = f.customers?.find((x) => x.id === coupon?.customer_id);
        const key = f.api_keys?.find((k) => k.company_id === customer?.company_id && k.access === 'read-write' && !k.revoked);
        await call(sim, 'POST', '/__control/otp-policy', { require_otp_for_coupon_usage: false });
        return call(
          sim,
          'POST',
          `/api/v2/customers/${str(coupon?.customer_id ?? 'x')}/coupons/${str(how === 'id' ? coupon?.id : coupon?.coupon_code)}/validate/`,
          undefined,
          { 'x-api-key': str(key?.key ?? 'none') },
        );
      },
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()).map(([c, r, k, z]): Step => ({
      name: 'redeem',
      run: (sim, f) =>
        call(
          sim,
          'POST',
          `/api/v2/customers/${str(pick(f.customers, c)?.id ?? 'x')}/rewards/${str(pick(f.rewards, r)?.id ?? 'x')}/redeem/`,
          { use_z_tokens: z },
          { 'x-api-key': ZUPY_KEYS[k % 3] as string },
        ),
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('id', 'code', 'lower'), fc.nat()).map(([c, _k, how, key]): Step => ({
      name: `validate by ${how}`,
      run: (sim, f) => {
        const coupon = pick(f.coupons, c);
        const ref = !coupon
          ? 'x'
          : how === 'id'
            ? str(coupon.id)
            : how === 'code'
              ? str(coupon.coupon_code)
              : str(coupon.coupon_code).toLowerCase();
        return call(sim, 'POST', `/api/v2/customers/${str(coupon?.customer_id ?? 'x')}/coupons/${ref}/validate/`, undefined, {
          'x-api-key': ZUPY_KEYS[key % 3] as string,
        });
      },
    })),
    fc
      .constantFrom('/api/v2/coupons/issued/?page_size=5', '/api/v2/coupons/issued/stats/', '/api/v2/rewards/?page_size=3')
      .map((path): Step => ({
        name: `GET ${path}`,
        run: (sim: Simulator) => call(sim, 'GET', path, undefined, { 'x-api-key': ZUPY_KEYS[0] as string }),
      })),
    fc.record({ r: fc.boolean(), u: fc.boolean(), k: fc.nat() }).map(({ r, u, k }): Step => ({
      name: 'otp-policy',
      run: (sim, f) =>
        call(sim, 'POST', '/__control/otp-policy', {
          company_id: pick(f.companies, k)?.id,
          require_otp_for_redemption: r,
          require_otp_for_coupon_usage: u,
        }),
    })),
    fc
      .tuple(
        fc.constantFrom(
          'coupon {code} is active with {uses} uses left',
          'coupon {code} is used',
          'coupon {code} is expired',
          'coupon {code} belongs to customer {customerId}',
          'no coupon has code {code}',
          'customer {customerId} has an OTP session',
          'the company requires OTP for {action}',
          'customer {customerId} has {points} points',
          'customer {customerId} already claimed marketing reward {rewardId}',
          'customer {customerId} has {count} coupons',
        ),
        params,
      )
      .map(([state, p]): Step => ({
        name: `state ${state}`,
        run: (sim, f) =>
          call(sim, 'POST', '/__control/provider-states', {
            state,
            params: { ...p, customerId: pick(f.customers, p.ci)?.id, rewardId: pick(f.rewards, p.ri)?.id },
            action: 'setup',
          }),
      })),
    fc.tuple(fc.nat(), fc.stringMatching(/^[0-9A-Za-z]{27}$/), fc.stringMatching(/^CZ-[0-9A-Z]{8}$/)).map(([c, id, code]): Step => ({
      name: 'merge a coupon',
      run: (sim, f) => {
        const base = pick(f.coupons, c);
        return call(sim, 'POST', '/__control/seed?mode=merge', { coupons: base ? [{ ...base, id, coupon_code: code }] : [] });
      },
    })),
    ...controlSteps,
  );
}

const B2S_TOKENS = ['b2s_demo_franchise_token_0001', 'b2s_demo_company_a_token_0001', 'b2s_demo_company_b_token_0001'];
export function b2sSteps(): fc.Arbitrary<Step> {
  const auth = (k: number) => ({ authorization: `Bearer ${B2S_TOKENS[k % 3] as string}` });
  return fc.oneof(
    fc.tuple(fc.nat(), fc.nat()).map(([c, k]): Step => ({
      name: 'PATCH',
      run: (sim, f) => call(sim, 'PATCH', `/api/coupons/status/${str(pick(f.coupons, c)?.id ?? 'x')}`, undefined, auth(k)),
    })),
    fc.nat().map((c): Step => ({
      name: 'PATCH an unused coupon with the franchise token',
      run: (sim: Simulator, f: Fixtures) =>
        call(
          sim,
          'PATCH',
          `/api/coupons/status/${str(
            pick(
              f.coupons?.filter((x) => x.status === false),
              c,
            )?.id ?? 'x',
          )}`,
          undefined,
          auth(0),
        ),
    })),
    fc
      .tuple(fc.constantFrom('falae', 'premiado'), fc.constantFrom('Used', 'Vencendo', 'Não Utilizado', undefined), fc.nat())
      .map(([module, status, k]): Step => ({
        name: `list ${module} ${status ?? ''}`,
        run: (sim) =>
          call(
            sim,
            'GET',
            `/api/coupons?date_start=1970-01-01&date_end=2999-12-31&limit=10&offset=1&order_column=created_at&order_type=DESC&module=${module}${status ? `&coupon_status=${encodeURIComponent(status)}` : ''}`,
            undefined,
            auth(k),
          ),
      })),
    fc.tuple(fc.nat(), fc.nat()).map(([c, k]): Step => ({
      name: 'clients',
      run: (sim, f) =>
        call(
          sim,
          'GET',
          `/api/coupons/clients/${str(pick(f.clients, c)?.company_id ?? 'x')}?email=${encodeURIComponent(str(pick(f.clients, c)?.email ?? 'john@example.com'))}`,
          undefined,
          auth(k),
        ),
    })),
    fc
      .tuple(
        fc.constantFrom(
          'coupon {id} is unused and valid',
          'coupon {id} is used',
          'coupon {id} expires in {hours} hours',
          'no coupon has id {id}',
          'company {companyId} has {count} coupons created on {date}',
          'client with email {email} has only unused coupons',
          'no client has email {email}',
        ),
        fc.nat(),
        fc.integer({ min: -1, max: 48 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('2024-12-31', '2025-02-30', '2026-01-15', 'today'),
      )
      .map(([state, i, hours, count, date]): Step => ({
        name: `state ${state}`,
        run: (sim, f) =>
          call(sim, 'POST', '/__control/provider-states', {
            state,
            params: {
              id: pick(f.coupons, i)?.id,
              hours,
              count,
              date,
              companyId: pick(f.companies, i)?.id,
              email: pick(f.clients, i)?.email ?? 'x@example.com',
            },
          }),
      })),
    fc.tuple(fc.nat(), fc.uuid({ version: 4 }), fc.uuid({ version: 4 })).map(([i, clientId, couponId]): Step => ({
      name: 'merge a client and a coupon',
      run: (sim, f) => {
        const client = pick(f.clients, i);
        const coupon = pick(f.coupons, i);
        if (!client || !coupon) return call(sim, 'POST', '/__control/seed?mode=merge', {});
        return call(sim, 'POST', '/__control/seed?mode=merge', {
          clients: [{ ...client, id: clientId }],
          coupons: [{ ...coupon, id: couponId, client_id: clientId, company_id: client.company_id }],
        });
      },
    })),
    ...controlSteps,
  );
}

/** Runs the steps; returns the first problem (a 5xx, or a failed round trip), or null. */
export async function run(sim: Simulator, scratch: Simulator, steps: Step[], created = { count: 0 }): Promise<string | null> {
  await call(sim, 'POST', '/__control/reset');
  for (const [i, step] of steps.entries()) {
    const f = JSON.parse(await fixturesText(sim)) as Fixtures;
    const r = await step.run(sim, f);
    if (r.status >= 500) return `step ${i} (${step.name}): ${r.status} ${r.body}`;
    if (r.status < 300 && /^(verify-otp|redeem|validate|PATCH)/.test(step.name) && !/GET/.test(step.name)) created.count++;
    const trip = await roundTrip(sim, scratch);
    if (trip) return `after step ${i} (${step.name}): ${trip}`;
  }
  return null;
}
