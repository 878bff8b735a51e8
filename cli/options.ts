/** Value parsers of the CLI flags, one per kind of value; a bad value is a one-line usage error. */
import { InvalidArgumentError } from 'commander';
import { integerIn, k6DurationSeconds } from '../load/lib/parse.ts';

/** An integer flag from `min` to `max` (no `max`: at least `min`). */
export const intOption =
  (name: string, min: number, max = Number.POSITIVE_INFINITY) =>
  (v: string): number => {
    const n = integerIn(v, min, max);
    if (n === undefined)
      throw new InvalidArgumentError(
        max === Number.POSITIVE_INFINITY ? `${name} must be an integer ≥ ${min}` : `${name} must be an integer from ${min} to ${max}`,
      );
    return n;
  };

/** A k6 duration flag (`30s`, `2m`, `1m30s`, or plain seconds) → seconds, more than 0. */
export function durationOption(v: string): number {
  const seconds = k6DurationSeconds(v);
  if (seconds === undefined || !(seconds > 0)) throw new InvalidArgumentError('duration must look like 10s, 2m or 1m30s');
  return seconds;
}
