/**
 * `coupon-kit race --parallel 2`: two k6 processes on complementary execution segments (0:1/2 and
 * 1/2:1), the same coupons, the same START_AT, one final-state read, one verdict. A faithful
 * simulator is safe with both runners winning; racy-validate is caught, and a double-spent coupon
 * was won on both runners (which no runner sees alone).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type DefectName } from '../../mocks/index.ts';
import { RACE_EXIT } from '../../load/lib/verdict.ts';
import { findK6 } from '../../load/node/k6.ts';
import { executionSegment, runParallelRace, type RaceApi } from '../../load/node/race.ts';

const k6 = findK6();
const reports = mkdtempSync(join(tmpdir(), 'coupon-kit-k6-par-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));
const SHAPE = { profile: 'smoke', vus: 8, groups: 2, coupons: 4, uses: 2, waveMs: 300 } as const;

async function parallel(api: RaceApi, defects: DefectName[]) {
  const mock = await startMock({ api, port: 0, defects });
  try {
    return await runParallelRace(
      {
        k6: k6 as string,
        api,
        target: mock.url,
        reportDir: join(reports, `${api}-${defects.join('-') || 'safe'}`),
        timeoutMs: 60_000,
        ...SHAPE,
        env: { LEAD_MS: '300' },
      },
      2,
      3000,
    );
  } finally {
    await mock.close();
  }
}

it('execution segments as k6-operator hands them out', () => {
  expect(executionSegment(0, 2)).toEqual(['--execution-segment', '0:1/2', '--execution-segment-sequence', '0,1/2,1']);
  expect(executionSegment(1, 2)).toEqual(['--execution-segment', '1/2:1', '--execution-segment-sequence', '0,1/2,1']);
  expect(executionSegment(2, 4)).toEqual(['--execution-segment', '2/4:3/4', '--execution-segment-sequence', '0,1/4,2/4,3/4,1']);
});

describe.skipIf(!k6)('race --parallel 2 (two k6 processes, one verdict)', () => {
  describe.each(['zupy', 'b2s'] as const)('%s', (api) => {
    it('faithful simulator → safe; each runner ran half the contenders and had every answer judged', async () => {
      const { exitCode, verdict, runs, setupError } = await parallel(api, []);
      expect(setupError).toBeUndefined();
      expect(runs).toHaveLength(2);
      expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
      expect(runs.map((r) => r.summary?.metrics.vus_max?.values.value)).toEqual([SHAPE.vus / 2, SHAPE.vus / 2]);
      const uses = api === 'zupy' ? SHAPE.uses : 1;
      for (const c of verdict?.coupons ?? []) expect([c.wins, c.consumed]).toEqual([uses, uses]);
      expect(verdict?.counts.successes).toBe(SHAPE.groups * SHAPE.coupons * uses);
      expect(verdict?.counts.refusals).toBe(SHAPE.groups * SHAPE.coupons * (SHAPE.vus - uses));
      for (const run of runs) {
        const answered = (run.summary?.metrics.race_success?.values.count ?? 0) + (run.summary?.metrics.race_refused?.values.count ?? 0);
        expect(answered).toBe(SHAPE.groups * SHAPE.coupons * (SHAPE.vus / 2));
      }
    }, 90_000);

    it('racy-validate → double spend (99) in every run, judged once over both runners; a coupon won on both runners within 3 runs', async () => {
      // Which runner wins is timing; the double spend is caught every time, and the winners land on
      // both runners in (almost) every run: up to 3 runs to see that case.
      let split = 0;
      for (let attempt = 0; attempt < 3 && split === 0; attempt++) {
        const { exitCode, verdict } = await parallel(api, ['racy-validate']);
        expect(exitCode).toBe(RACE_EXIT['double-spend']);
        expect(verdict?.runners).toBe(2);
        for (const c of verdict?.coupons ?? []) expect(c.wins).toBe(c.winsByRunner[0]! + c.winsByRunner[1]!);
        split = verdict?.doubleSpent.filter((c) => c.winsByRunner.every((w) => w > 0)).length ?? 0;
      }
      expect(split).toBeGreaterThan(0);
    }, 150_000);
  });
});
