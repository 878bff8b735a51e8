/**
 * The race verdicts against loopback providers, one outcome per provider kind, for both APIs:
 * faithful → safe (0); racy-validate → double spend (99) with per-coupon counts that agree with the
 * provider's own state; slow → safe; rate-limited (Zupy --rate-limit, B2S behind a stand-in limit)
 * → safe or inconclusive (98), never double spend, while a racy one behind the limit is still caught;
 * final-state reads answered 429 → retried after Retry-After; a foreign /__control/fixtures → a setup
 * error (2) that says what to pass. Skipped only when k6 is absent outside CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type DefectName, type StartMockOptions } from '../../mocks/index.ts';
import { formatVerdict, RACE_EXIT, type RaceVerdict } from '../../load/lib/verdict.ts';
import { findK6 } from '../../load/node/k6.ts';
import { RACES, runRace, type RaceApi, type RaceRunOptions } from '../../load/node/race.ts';
import { startProxy, type ProxyOptions } from './proxy.ts';

const k6 = findK6();
const SKIP = 'k6 is not installed: `bash scripts/k6.sh` installs the pinned version into .tools/bin (required when CI is set)';
const reports = mkdtempSync(join(tmpdir(), 'coupon-kit-k6-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** A few seconds per run: 8 contenders, 2 waves of 4 coupons, 2 uses per Zupy coupon. */
export const SMOKE = { profile: 'smoke', vus: 8, groups: 2, coupons: 4, uses: 2, waveMs: 300 } as const;
let dirs = 0;

type Extra = Partial<Pick<StartMockOptions, 'latencyMs' | 'rateLimit'>> & {
  env?: Record<string, string>;
  proxy?: Omit<ProxyOptions, 'upstream'>;
};

/** One smoke race against a fresh simulator (optionally behind the stand-in proxy). */
export async function race(api: RaceApi, defects: DefectName[] = [], extra: Extra = {}) {
  const mock = await startMock({ api, port: 0, defects, latencyMs: extra.latencyMs, rateLimit: extra.rateLimit });
  const proxy = extra.proxy ? await startProxy({ ...extra.proxy, upstream: mock.url }) : undefined;
  try {
    const options: RaceRunOptions = {
      k6: k6 as string,
      api,
      target: proxy?.url ?? mock.url,
      reportDir: join(reports, String(++dirs)),
      timeoutMs: 60_000,
      ...SMOKE,
      env: { LEAD_MS: '300', ...extra.env },
    };
    return { ...(await runRace(options)), mockUrl: mock.url, proxyThrottled: proxy?.throttled() ?? 0 };
  } finally {
    await proxy?.close();
    await mock.close();
  }
}

/** The table, the count and the per-coupon rows say the same thing. */
export function expectConsistent(v: RaceVerdict, api: RaceApi): void {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(sum(v.groups.map((g) => g.successes))).toBe(v.counts.successes);
  expect(sum(v.coupons.map((c) => c.wins))).toBe(v.counts.successes);
  expect(v.doubleSpent).toEqual(v.coupons.filter((c) => c.excess > 0));
  expect(sum(v.groups.map((g) => g.doubleSpent))).toBe(v.doubleSpent.length);
  expect(v.excessUses).toBe(sum(v.doubleSpent.map((c) => c.excess)));
  const text = formatVerdict(v, RACES[api].refusalLabel);
  if (v.outcome === 'double-spend') {
    expect(text).toContain(`DOUBLE SPEND: ${v.doubleSpent.length} of ${v.coupons.length} coupon(s) granted ${v.excessUses} use(s)`);
    for (const c of v.doubleSpent)
      expect(text).toMatch(
        new RegExp(`^${c.code}\\s+${c.group}\\s+${c.uses}\\s+${c.wins}\\s+${c.consumed ?? 'unread'}\\s+${c.excess}\\b`, 'm'),
      );
  }
}

/** Uses consumed per coupon code, read straight from the provider (not through k6). */
async function consumedOnProvider(
  api: RaceApi,
  url: string,
  v: RaceVerdict,
  headers: Record<string, string>,
  coupons: { code: string; id?: string; module?: string }[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of coupons) {
    if (api === 'zupy') {
      const body = (await (await fetch(`${url}/api/v2/coupons/issued/?code=${c.code}`, { headers })).json()) as {
        data: { total_usages_allowed: number; remaining_usages: number }[];
      };
      const s = body.data[0];
      if (s) out.set(c.code, s.total_usages_allowed - s.remaining_usages);
    } else {
      const q = `date_start=2000-01-01&date_end=2100-12-31&limit=10&offset=1&order_column=created_at&order_type=ASC&module=${c.module}&search=${c.code}`;
      const body = (await (await fetch(`${url}/api/coupons?${q}`, { headers })).json()) as { coupons: { id: string; status: boolean }[] };
      out.set(c.code, body.coupons.find((x) => x.id === c.id)?.status ? 1 : 0);
    }
  }
  expect(out.size).toBe(v.coupons.length);
  return out;
}

if (!k6 && process.env.CI) {
  it('k6 is installed (required in CI)', () => {
    expect.fail(SKIP);
  });
}

describe.skipIf(!k6)('race verdicts (k6 smoke runs on loopback)', () => {
  describe.each(['zupy', 'b2s'] as const)('%s', (api) => {
    it('faithful simulator → safe (exit 0): every coupon won exactly as often as it was consumed, to its last use', async () => {
      const { exitCode, verdict, setupError } = await race(api);
      expect(setupError).toBeUndefined();
      expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
      expect(verdict?.outcome).toBe('safe');
      const uses = api === 'zupy' ? SMOKE.uses : 1;
      expect(verdict?.coupons).toHaveLength(SMOKE.groups * SMOKE.coupons);
      for (const c of verdict?.coupons ?? []) expect([c.wins, c.consumed]).toEqual([uses, uses]);
      expect(verdict?.counts.refusals).toBe(SMOKE.groups * SMOKE.coupons * (SMOKE.vus - uses));
      expectConsistent(verdict as RaceVerdict, api);
    }, 60_000);

    it("racy-validate → double spend (exit 99); the per-coupon wins, the count and the provider's own state agree", async () => {
      const mock = await startMock({ api, port: 0, defects: ['racy-validate'] });
      try {
        const { exitCode, verdict, runs } = await runRace({
          k6: k6 as string,
          api,
          target: mock.url,
          reportDir: join(reports, String(++dirs)),
          timeoutMs: 60_000,
          ...SMOKE,
          env: { LEAD_MS: '300' },
        });
        expect(exitCode).toBe(RACE_EXIT['double-spend']);
        const v = verdict as RaceVerdict;
        expect(v.outcome).toBe('double-spend');
        expect(v.doubleSpent.length).toBeGreaterThan(0);
        expect(v.counts.successes).toBeGreaterThan(v.coupons.reduce((s, c) => s + (c.consumed ?? 0), 0));
        expectConsistent(v, api);
        const plan = runs[0]?.summary?.setup_data as {
          headers: Record<string, string>;
          groups: { code: string; id?: string; module?: string }[][];
        };
        const state = await consumedOnProvider(api, mock.url, v, plan.headers, plan.groups.flat());
        for (const c of v.coupons) expect(c.consumed, c.code).toBe(state.get(c.code));
      } finally {
        await mock.close();
      }
    }, 60_000);

    it('reuse-returns-200 (a used coupon answers success again) → double spend (99): more wins than uses', async () => {
      const { exitCode, verdict } = await race(api, ['reuse-returns-200']);
      expect(exitCode).toBe(RACE_EXIT['double-spend']);
      const uses = api === 'zupy' ? SMOKE.uses : 1;
      for (const c of verdict?.coupons ?? []) expect([c.wins, c.consumed, c.excess]).toEqual([SMOKE.vus, uses, SMOKE.vus - uses]);
      expectConsistent(verdict as RaceVerdict, api);
    }, 60_000);

    it('a slow provider (250 ms per answer) is safe: latency is reported, not judged', async () => {
      const { exitCode, verdict } = await race(api, [], { latencyMs: 250 });
      expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
      expect(verdict?.latency.p95Ms).toBeGreaterThanOrEqual(250);
    }, 60_000);

    it('final-state reads answered 429 are retried after their Retry-After (safe)', async () => {
      const { exitCode, verdict, proxyThrottled } = await race(api, [], { proxy: { throttleFirstRead: 1 } });
      expect(proxyThrottled).toBe(SMOKE.groups * SMOKE.coupons);
      expect(verdict?.counts.readsThrottled).toBe(SMOKE.groups * SMOKE.coupons);
      expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
    }, 60_000);

    it('final-state reads still 429 when the read budget runs out → inconclusive (98), not double spend', async () => {
      const { exitCode, verdict } = await race(api, [], { proxy: { throttleFirstRead: 30 }, env: { READ_BUDGET_MS: '1000' } });
      expect(exitCode).toBe(RACE_EXIT.inconclusive);
      expect(verdict?.counts.unreadable).toBe(SMOKE.groups * SMOKE.coupons);
      expect(verdict?.counts.unreadable429).toBe(SMOKE.groups * SMOKE.coupons);
      expect(verdict?.reasons.join('\n')).toMatch(
        /final state of 8 coupon\(s\) could not be read; 8 still answered 429 after honouring Retry-After/,
      );
    }, 60_000);

    it("a target whose /__control/fixtures is not the simulator's → setup error (exit 2) naming the credentials, no TypeError", async () => {
      const proxy = await startProxy({ foreignFixtures: { status: 'ok', data: [{ name: 'wiremock mapping' }] } });
      try {
        const { exitCode, setupError, verdict } = await runRace({
          k6: k6 as string,
          api,
          target: proxy.url,
          reportDir: join(reports, String(++dirs)),
          timeoutMs: 60_000,
          ...SMOKE,
          env: { LEAD_MS: '300' },
        });
        expect(verdict).toBeUndefined();
        expect(exitCode).toBe(RACE_EXIT.setup);
        expect(setupError).toContain(
          "/__control/fixtures answers, but not with coupon-kit's simulator fixtures (no companies[] with string ids)",
        );
        expect(setupError).toContain(api === 'zupy' ? 'ZUPY_API_KEY' : 'B2S_TOKEN');
        expect(setupError).not.toMatch(/TypeError/);
      } finally {
        await proxy.close();
      }
    }, 60_000);
  });

  it('b2s behind a stand-in rate limit (30/min) → safe or inconclusive, never double spend', async () => {
    const { exitCode, verdict, proxyThrottled } = await race('b2s', [], { proxy: { rateLimit: 30 }, env: { READ_BUDGET_MS: '1000' } });
    expect(proxyThrottled).toBeGreaterThan(0);
    expect([RACE_EXIT.safe, RACE_EXIT.inconclusive]).toContain(exitCode);
    expect(verdict?.doubleSpent).toEqual([]);
    expect(verdict?.reasons.join('\n')).toMatch(/429 rate-limit refusals/);
  }, 60_000);

  it('zupy with its documented rate limit on (30/min) → safe or inconclusive, never double spend', async () => {
    const { exitCode, verdict } = await race('zupy', [], { rateLimit: 30, env: { READ_BUDGET_MS: '1000' } });
    expect([RACE_EXIT.safe, RACE_EXIT.inconclusive]).toContain(exitCode);
    expect(verdict?.doubleSpent).toEqual([]);
    expect(verdict?.counts.throttled).toBeGreaterThan(0);
    expect(verdict?.reasons.join('\n')).toMatch(/429 rate-limit refusals/);
  }, 60_000);

  it('zupy rate-limited (30/min) and racy: the answers that got through still prove the double spend (99)', async () => {
    const { exitCode, verdict } = await race('zupy', ['racy-validate'], { rateLimit: 30, env: { READ_BUDGET_MS: '1000' } });
    expect(exitCode).toBe(RACE_EXIT['double-spend']);
    expect(verdict?.counts.throttled).toBeGreaterThan(0);
    expectConsistent(verdict as RaceVerdict, 'zupy');
  }, 60_000);
});

if (!k6 && !process.env.CI) console.warn(`test/load/k6-race.test.ts skipped: ${SKIP}`);
