/**
 * The race verdict from k6 summaries built by hand: the cases a live race produces only by luck
 * (a provider whose count goes below zero, winners split over runners, a final state unread).
 */
import { describe, expect, it } from 'vitest';
import type { SummaryData } from '../../load/lib/summary-data.ts';
import { raceVerdict, RACE_EXIT } from '../../load/lib/verdict.ts';

interface Slot {
  wins: number;
  consumed?: number;
}

/** One runner's summary of a 1-group race over `slots.length` coupons with `uses` uses each. */
function summary(slots: Slot[], o: { uses: number; vus?: number; read?: boolean; extra?: Record<string, number> }): SummaryData {
  const metrics: SummaryData['metrics'] = {};
  const counter = (name: string, count: number) => (metrics[name] = { type: 'counter', values: { count } });
  slots.forEach((s, i) => {
    counter(`race_success{slot:1.${i + 1}}`, s.wins);
    metrics[`final_consumed{slot:1.${i + 1}}`] = {
      type: 'gauge',
      values: { value: o.read === false || s.consumed === undefined ? -1 : s.consumed },
    };
  });
  counter(
    'race_success',
    slots.reduce((a, s) => a + s.wins, 0),
  );
  counter('final_read', o.read === false ? 0 : 1);
  for (const [k, v] of Object.entries(o.extra ?? {})) counter(k, v);
  return {
    metrics,
    state: { testRunDurationMs: 1000 },
    setup_data: {
      api: 'zupy',
      source: 'test',
      runners: 1,
      uses: o.uses,
      shape: { vus: o.vus ?? 20, groups: 1, coupons: slots.length },
      groups: [slots.map((_, i) => ({ code: `CZ-0000000${i}` }))],
    },
  };
}

describe('raceVerdict', () => {
  it('every coupon won and consumed exactly its uses → safe', () => {
    const v = raceVerdict([
      summary(
        [
          { wins: 3, consumed: 3 },
          { wins: 3, consumed: 3 },
        ],
        { uses: 3 },
      ),
    ]);
    expect(v.outcome).toBe('safe');
    expect(RACE_EXIT[v.outcome]).toBe(0);
  });

  it('135 successes on coupons of 3 uses whose count went below zero (consumed 135) → double spend, not 0', () => {
    const v = raceVerdict([
      summary(
        [
          { wins: 45, consumed: 45 },
          { wins: 45, consumed: 45 },
          { wins: 45, consumed: 45 },
        ],
        { uses: 3 },
      ),
    ]);
    expect(v.outcome).toBe('double-spend');
    expect(v.doubleSpent).toHaveLength(3);
    expect(v.excessUses).toBe(3 * 42);
    expect(RACE_EXIT[v.outcome]).toBe(99);
  });

  it('a lost update (3 wins, 2 consumed, 3 uses) → double spend of 1', () => {
    const v = raceVerdict([summary([{ wins: 3, consumed: 2 }], { uses: 3 })]);
    expect(v.outcome).toBe('double-spend');
    expect(v.excessUses).toBe(1);
  });

  it('a final state that could not be read (429) is inconclusive, never a double spend', () => {
    const v = raceVerdict([summary([{ wins: 3 }, { wins: 3 }], { uses: 3, extra: { final_unreadable_429: 2, final_reads_429: 6 } })]);
    expect(v.outcome).toBe('inconclusive');
    expect(v.counts.unreadable).toBe(2);
    expect(v.reasons.join('\n')).toContain(
      'the final state of 2 coupon(s) could not be read; 2 still answered 429 after honouring Retry-After (6 429s in all)',
    );
  });

  it('more wins than uses is a double spend even when the final state is unread', () => {
    const v = raceVerdict([summary([{ wins: 4 }], { uses: 3 })]);
    expect(v.outcome).toBe('double-spend');
  });

  it('429s, timeouts and coupons not fully consumed make a run inconclusive, with how many', () => {
    const v = raceVerdict([
      summary(
        [
          { wins: 1, consumed: 1 },
          { wins: 3, consumed: 3 },
        ],
        { uses: 3, extra: { race_429: 17, race_timeout: 2 } },
      ),
    ]);
    expect(v.outcome).toBe('inconclusive');
    expect(v.reasons).toEqual([
      '2 race request(s) timed out: a use may have been granted without anyone seeing it',
      '17 race answer(s) were 429 rate-limit refusals (counted as refusals): fewer contenders reached the provider than the run intended',
      '1 coupon(s) were not fully consumed: nobody raced for their last use',
    ]);
  });

  it('winners split over two runners: each runner alone is within the uses, the sum is not → double spend, with who won', () => {
    const a = summary(
      [
        { wins: 1, consumed: 1 },
        { wins: 1, consumed: 1 },
      ],
      { uses: 1 },
    );
    const b = summary([{ wins: 1 }, { wins: 0 }], { uses: 1, read: false });
    expect(raceVerdict([a]).outcome).toBe('safe');
    const v = raceVerdict([a, b]);
    expect(v.outcome).toBe('double-spend');
    expect(v.doubleSpent.map((c) => [c.code, c.winsByRunner])).toEqual([['CZ-00000000', [1, 1]]]);
    expect(v.coupons[1]?.consumed).toBe(1);
  });
});
