/**
 * Smoke runs of the k6 scripts against the in-process simulator: both races pass against the
 * race-safe simulator and fail with k6's threshold exit code (99) when `racy-validate` is on; the POS
 * mix passes. Skipped only when k6 is absent outside CI (in CI a missing k6 is a failure).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type DefectName } from '../../mocks/index.ts';
import { findK6, K6_EXIT, runK6 } from '../../load/node/k6.ts';
import { runRace, type RaceApi } from '../../load/node/race.ts';

const k6 = findK6();
const SKIP = 'k6 is not installed: `bash scripts/k6.sh` installs the pinned version into .tools/bin (required when CI is set)';
const reports = mkdtempSync(join(tmpdir(), 'coupon-kit-k6-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** A few seconds per run: 8 contenders, 2 waves of 4 coupons, 2 uses per Zupy coupon. */
const SMOKE = { profile: 'smoke', vus: 8, groups: 2, coupons: 4, uses: 2, waveMs: 300, env: { LEAD_MS: '300' } } as const;

async function race(api: RaceApi, defects: DefectName[]) {
  const mock = await startMock({ api, port: 0, defects });
  try {
    return await runRace({ k6: k6 as string, api, target: mock.url, reportDir: join(reports, `${api}-${defects.join('-') || 'safe'}`), timeoutMs: 40_000, ...SMOKE });
  } finally {
    await mock.close();
  }
}

if (!k6 && process.env.CI) {
  it('k6 is installed (required in CI)', () => {
    expect.fail(SKIP);
  });
}

describe.skipIf(!k6)('k6 race scripts (smoke)', () => {
  describe.each(['zupy', 'b2s'] as const)('%s', (api) => {
    it('passes against the race-safe simulator: exactly the expected successes, all consumed', async () => {
      const { run, verdict, passed } = await race(api, []);
      expect(run.exitCode, run.stderr).toBe(K6_EXIT.ok);
      expect(passed).toBe(true);
      expect(verdict?.doubleSpend).toBe(0);
      for (const g of verdict?.groups ?? []) {
        expect(g.successes).toBe(g.expectedSuccesses);
        expect(g.refusals).toBe(g.expectedRefusals);
        expect(g.consumed).toBe(g.expectedSuccesses);
      }
      expect(verdict?.groups).toHaveLength(SMOKE.groups);
    }, 45_000);

    it('fails with exit code 99 against racy-validate: more successes than the final state consumed', async () => {
      const { run, verdict, passed } = await race(api, ['racy-validate']);
      expect(run.exitCode, run.stderr).toBe(K6_EXIT.thresholdsFailed);
      expect(passed).toBe(false);
      expect(verdict?.doubleSpend).toBeGreaterThan(0);
      expect(verdict?.failedThresholds).toContain('double_spend: count==0');
    }, 45_000);
  });

  it('pos-mixed passes its latency and error thresholds against the simulator', async () => {
    const mock = await startMock({ api: 'zupy', port: 0 });
    try {
      const run = await runK6({ k6: k6 as string, script: 'pos-mixed', reportDir: join(reports, 'pos'), timeoutMs: 30_000, env: { BASE_URL: mock.url, PROFILE: 'smoke', DURATION: '3s' } });
      expect(run.exitCode, run.stdout + run.stderr).toBe(K6_EXIT.ok);
      expect(run.summary?.metrics['http_reqs{phase:pos}'] ?? run.summary?.metrics.http_reqs).toBeDefined();
    } finally {
      await mock.close();
    }
  }, 45_000);
});

if (!k6 && !process.env.CI) console.warn(`test/load/k6-race.test.ts skipped: ${SKIP}`);
