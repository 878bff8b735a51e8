/**
 * Shared load profiles: `PROFILE=smoke|race|load` picks the shape, single env vars override one
 * dimension (VUS=40, GROUPS=3, …). Every script runs as `smoke` in CI.
 */
import { int, oneOf } from './env.ts';
import { k6DurationSeconds } from './parse.ts';

export const PROFILE_NAMES = ['smoke', 'race', 'load'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const profileName = (): ProfileName => oneOf('PROFILE', PROFILE_NAMES, 'race');

/** A race: `groups` waves; in each, every VU fires at every coupon of one group at the same instant. */
export interface RaceShape {
  /** Virtual users across all runners; each is one contender per coupon. */
  vus: number;
  /** Coupon groups, one synchronized wave each. */
  groups: number;
  /** Coupons per group. */
  coupons: number;
  /** Uses per coupon (Zupy multi-use K; B2S is always 1). */
  uses: number;
  /** Time between two waves. */
  waveMs: number;
  /** Delay from setup's end to the first wave, so every VU is parked at the barrier. */
  leadMs: number;
}

const RACE: Record<ProfileName, RaceShape> = {
  smoke: { vus: 8, groups: 2, coupons: 4, uses: 2, waveMs: 400, leadMs: 500 },
  race: { vus: 20, groups: 5, coupons: 10, uses: 3, waveMs: 500, leadMs: 1000 },
  load: { vus: 50, groups: 10, coupons: 20, uses: 5, waveMs: 1000, leadMs: 2000 },
};

export function raceShape(fixedUses?: number): RaceShape {
  const p = RACE[profileName()];
  return {
    vus: int('VUS', p.vus, 2, 500),
    groups: int('GROUPS', p.groups, 1, 100),
    coupons: int('COUPONS', p.coupons, 1, 200),
    uses: fixedUses ?? int('USES', p.uses, 1, 1000),
    waveMs: int('WAVE_MS', p.waveMs, 50, 60_000),
    leadMs: int('LEAD_MS', p.leadMs, 0, 600_000),
  };
}

/** Mixed POS traffic at a constant arrival rate. */
export interface PosShape {
  rate: number;
  duration: string;
  preAllocatedVUs: number;
  maxVUs: number;
  p95Ms: number;
  p99Ms: number;
}

const POS: Record<ProfileName, PosShape> = {
  smoke: { rate: 10, duration: '5s', preAllocatedVUs: 5, maxVUs: 20, p95Ms: 300, p99Ms: 800 },
  race: { rate: 50, duration: '20s', preAllocatedVUs: 20, maxVUs: 60, p95Ms: 200, p99Ms: 500 },
  load: { rate: 200, duration: '60s', preAllocatedVUs: 50, maxVUs: 200, p95Ms: 200, p99Ms: 500 },
};

export function posShape(): PosShape {
  const p = POS[profileName()];
  return {
    ...p,
    rate: int('RATE', p.rate, 1, 10_000),
    duration: __ENV.DURATION || p.duration,
    p95Ms: int('P95_MS', p.p95Ms, 1, 60_000),
    p99Ms: int('P99_MS', p.p99Ms, 1, 60_000),
  };
}

/** Seconds in a k6 duration such as `90s`, `2m` or `1m30s` (0 when it is not one). */
export const durationSeconds = (d: string): number => k6DurationSeconds(d) ?? 0;

/** How many k6 instances share this test (k6-operator `parallelism`); counts are per runner. */
export const runners = (): number => int('RUNNERS', 1, 1, 1000);
