/**
 * Control calls are all or nothing: a seed (replace or merge) is checked whole before anything
 * changes, partial merges work (a missing fixture array means none), and every refused seed, fault,
 * clock or OTP-policy change is a 400 listing its problem that leaves the state byte-identical.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, loadModule } from '../../mocks/index.ts';
import { buildSimulator, type Simulator } from '../../mocks/simulator/app.ts';
import type { ProviderModule } from '../../mocks/simulator/types.ts';
import type { ApiName } from '../../specs/index.ts';
import { call, controlState, fixturesText } from './inject.ts';

type Fixtures = Record<string, Record<string, unknown>[]>;
const sims = new Map<ApiName, Simulator>();
beforeAll(async () => {
  for (const api of ['zupy', 'b2s'] as const) sims.set(api, await createSimulator({ api }));
});
afterAll(() => Promise.all([...sims.values()].map((s) => s.app.close())));
const sim = (api: ApiName) => sims.get(api) as Simulator;
const seed = (s: Simulator, mode: 'merge' | 'replace', body: unknown) => call(s, 'POST', `/__control/seed?mode=${mode}`, body);

describe('partial merges', () => {
  it('Zupy: only coupons, only a company, or nothing at all', async () => {
    const s = sim('zupy');
    const f = JSON.parse(await fixturesText(s)) as Fixtures;
    const coupon = { ...f.coupons![0], id: '2yyyyyyyyyyyyyyyyyyyyyyyyyy', coupon_code: 'CZ-ABCDEF12' };
    expect((await seed(s, 'merge', { coupons: [coupon] })).status).toBe(200);
    expect((await seed(s, 'merge', {})).status).toBe(200);
    expect((await seed(s, 'merge', { companies: [{ id: 'newco', name: 'New Co' }] })).status).toBe(200);
    const after = JSON.parse(await fixturesText(s)) as Fixtures;
    expect(after.coupons).toHaveLength(f.coupons!.length + 1);
    expect(after.companies!.map((c) => c.id)).toContain('newco');
    await call(s, 'POST', '/__control/reset');
  });

  it('B2S: an empty merge is fine; a company with a bad id is refused whole', async () => {
    const s = sim('b2s');
    const before = await fixturesText(s);
    expect((await seed(s, 'merge', {})).status).toBe(200);
    expect(await fixturesText(s)).toBe(before);
    const r = await seed(s, 'merge', {
      companies: [
        { id: 'b2500000-0000-4000-a000-0000000000ff', name: 'Sul' },
        { id: 'nope', name: 'Bad' },
      ],
    });
    expect(r.status).toBe(400);
    // Problem paths point into the body sent, not into the merged data.
    expect((JSON.parse(r.body) as { problems: string[] }).problems.join('\n')).toMatch(/^\/companies\/1\/id must match format "uuid"/);
    expect(await fixturesText(s)).toBe(before);
  });

  it('Zupy: the company of the issue report, without its name, is refused and not half-added', async () => {
    const s = sim('zupy');
    const before = await fixturesText(s);
    const r = await seed(s, 'merge', { companies: [{ id: 'newco' }] });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'invalid fixtures', problems: [expect.stringMatching(/name/)] });
    expect(await fixturesText(s)).toBe(before);
  });
});

/** A seed that is wrong by construction: one to three mutations of the current fixtures. */
function badSeed(base: Fixtures): fc.Arbitrary<{ mode: 'merge' | 'replace'; body: unknown }> {
  const arrays = Object.keys(base).filter((k) => Array.isArray(base[k]) && base[k].length > 0);
  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('wrong-type' as const),
      key: fc.constantFrom(...arrays),
      value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.string())),
    }),
    fc.record({
      kind: fc.constant('unknown-field' as const),
      key: fc.constantFrom(...arrays),
      index: fc.nat(),
      field: fc.constantFrom('extra', 'constructor', '__proto__x', 'Id'),
    }),
    fc.record({
      kind: fc.constant('drop-required' as const),
      key: fc.constantFrom(...arrays),
      index: fc.nat(),
      field: fc.constantFrom('id', 'company_id', 'name', 'token', 'key', 'code', 'coupon_code', 'status'),
    }),
    fc.record({
      kind: fc.constant('ghost-ref' as const),
      key: fc.constantFrom(...arrays),
      index: fc.nat(),
      ghost: fc.stringMatching(/^ghost[a-z0-9]{1,8}$/),
    }),
    fc.record({ kind: fc.constant('unknown-top' as const), name: fc.constantFrom('vouchers', 'toString', 'hasOwnProperty', 'Coupons') }),
    fc.record({
      kind: fc.constant('field-junk' as const),
      key: fc.constantFrom(...arrays),
      index: fc.nat(),
      value: fc.oneof(
        fc.constant(null),
        fc.constant(-1),
        fc.constant(''),
        fc.constant([]),
        fc.constant({}),
        fc.constant(Number.POSITIVE_INFINITY),
      ),
    }),
  );
  return fc
    .record({
      mode: fc.constantFrom('merge' as const, 'replace' as const),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      partial: fc.boolean(),
    })
    .map(({ mode, mutations, partial }) => {
      const body = structuredClone(base) as Record<string, unknown>;
      const at = (key: string, index: number) => {
        const list = body[key];
        return Array.isArray(list) && list.length ? (list[index % list.length] as Record<string, unknown>) : undefined;
      };
      let certain = false;
      for (const m of mutations) {
        if (m.kind === 'wrong-type') {
          body[m.key] = m.value;
          certain = true;
        }
        if (m.kind === 'unknown-top') {
          body[m.name] = [];
          certain = true;
        }
        const rec = 'index' in m ? at(m.key, m.index) : undefined;
        if (!rec) continue;
        const set = (field: string, value: unknown) => {
          rec[field] = value;
          certain = true;
        };
        if (m.kind === 'unknown-field') set(m.field, 'x');
        if (m.kind === 'drop-required' && m.field in rec && m.field !== 'status') {
          delete rec[m.field];
          certain = true;
        }
        if (m.kind === 'ghost-ref')
          for (const ref of ['company_id', 'customer_id', 'reward_id', 'client_id']) if (typeof rec[ref] === 'string') set(ref, m.ghost);
        if (m.kind === 'field-junk') {
          const field = ['id', 'company_id', 'code', 'coupon_code', 'token', 'key'].find((f) => f in rec);
          if (field) set(field, m.value);
        }
      }
      if (!certain) body.unknown_section = [];
      // A partial merge: only the sections a mutation touched (and the rest missing, which means none).
      if (partial && mode === 'merge')
        for (const k of Object.keys(body)) if (JSON.stringify(body[k]) === JSON.stringify(base[k])) delete body[k];
      return { mode, body };
    });
}

describe.each(['zupy', 'b2s'] as const)('%s: a refused seed changes nothing', (api) => {
  it('random bad seeds (replace and merge) are 400s listing problems, and GET /__control/fixtures stays byte-identical', async () => {
    const s = sim(api);
    const base = JSON.parse(await fixturesText(s)) as Fixtures;
    const before = await fixturesText(s);
    await fc.assert(
      fc.asyncProperty(badSeed(base), async ({ mode, body }) => {
        const r = await seed(s, mode, body);
        expect(r.status).toBe(400);
        const answer = JSON.parse(r.body) as { problems?: string[] };
        expect(answer.problems?.length).toBeGreaterThan(0);
        expect(await fixturesText(s)).toBe(before);
      }),
      { numRuns: 150, seed: 151515 },
    );
  }, 60_000);

  it('bodies that are not fixture objects are 400s too', async () => {
    const s = sim(api);
    const before = await fixturesText(s);
    for (const body of ['[]', '"x"', '42', 'null', '{', '{"companies": 1}']) {
      const r = await call(s, 'POST', '/__control/seed?mode=merge', body);
      expect(r.status, body).toBe(400);
    }
    expect((await call(s, 'POST', '/__control/seed?mode=upsert', {})).status).toBe(400);
    expect(await fixturesText(s)).toBe(before);
  });

  it('bad fault, clock and OTP-policy changes are refused whole: clock, faults and fixtures unchanged', async () => {
    const s = sim(api);
    await call(s, 'POST', '/__control/clock', { now: '2030-06-01T12:00:00Z', frozen: true });
    const before = await controlState(s);
    const bad: [string, unknown][] = [
      ['/__control/faults', { latency_ms: 100, error_rate: 2 }],
      ['/__control/faults', { error_rate: 0.5, defects: ['racy-validate', 'constructor'] }],
      ['/__control/faults', { latency_ms: 5, colour: 'red' }],
      ['/__control/faults', [1]],
      ['/__control/clock', { reset: true, now: 'yesterday' }],
      ['/__control/clock', { now: '2030-01-01T00:00:00Z', advance: -5 }],
      ['/__control/clock', { frozen: true, advance: 'P99999999D' }],
      ['/__control/clock', { now: '2030-01-01T00:00:00Z', frozen: 'yes' }],
      ['/__control/clock', { now: '2030-01-01T00:00:00Z', speed: 2 }],
      ['/__control/clock', [true]],
      ['/__control/provider-states', { state: 'constructor' }],
      ['/__control/provider-states', { state: 'toString', params: {} }],
      ['/__control/provider-states', { state: '__proto__' }],
      [
        '/__control/provider-states',
        {
          state: api === 'zupy' ? 'coupon {code} is active with {uses} uses left' : 'coupon {id} expires in {hours} hours',
          params: api === 'zupy' ? { code: 'CZ-NEWCODE1', uses: -1 } : { hours: 1e12 },
        },
      ],
      [
        '/__control/provider-states',
        {
          state: api === 'zupy' ? 'coupon {code} is used' : 'company {companyId} has {count} coupons created on {date}',
          params: api === 'zupy' ? { code: 'not a code' } : { date: '2024-02-30' },
        },
      ],
      [
        '/__control/provider-states',
        {
          state: api === 'zupy' ? 'the company requires OTP for {action}' : 'coupon {id} is used',
          params: { action: 'constructor', id: 'toString' },
        },
      ],
    ];
    if (api === 'zupy') {
      bad.push(
        ['/__control/otp-policy', { company_id: 'ghost', require_otp_for_redemption: false }],
        ['/__control/otp-policy', { require_otp_for_redemption: false, require_otp_for_coupon_usage: 'no' }],
        ['/__control/otp-policy', { company_id: 'constructor' }],
        ['/__control/otp-policy', { require_otp_for_redemption: false, trust: true }],
        ['/__control/otp-policy', [{ require_otp_for_redemption: false }]],
      );
    }
    for (const [path, body] of bad) {
      const r = await call(s, 'POST', path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}: ${r.body}`).toBe(400);
      expect((JSON.parse(r.body) as { error?: string }).error, path).toBeTruthy();
      expect(await controlState(s), `${path} ${JSON.stringify(body)}`).toBe(before);
    }
    await call(s, 'POST', '/__control/reset');
  });

  it('unknown provider-state names get a 400 listing the known ones', async () => {
    const r = await call(sim(api), 'POST', '/__control/provider-states', { state: 'constructor' });
    expect(r.status).toBe(400);
    expect((JSON.parse(r.body) as { error: string }).error).toMatch(/unknown provider state 'constructor'; known: coupon /);
  });
});

describe('negative control', () => {
  it('a provider that skips the fixture check gets half-applied merges: the property sees them', async () => {
    const real = await loadModule('zupy');
    const unchecked: ProviderModule = { ...real, create: (ctx, f) => ({ ...real.create(ctx, f), checkFixtures: () => [] }) };
    const s = await buildSimulator(unchecked);
    try {
      const before = await fixturesText(s);
      const r = await seed(s, 'merge', { companies: [{ id: 'newco', name: 'New' }], api_keys: 'oops' });
      // Without the check the store takes what it can: the property's "400 and byte-identical" fails.
      const after = await fixturesText(s);
      expect(r.status === 400 && after === before).toBe(false);
      expect(after).toContain('newco');
    } finally {
      await s.app.close();
    }
  });
});
