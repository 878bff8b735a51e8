import type { AsyncCommand } from 'fast-check';
import { controlOf, type Target } from '../targets/target.ts';

/** Move the provider's clock forward through its control API, and the model's with it (coupons expire by time, never by sleeping). */
export class AdvanceClockCommand<M extends { nowMs: number }, R extends { target: Target }> implements AsyncCommand<M, R> {
  /** `label`: the step as the counterexample prints it, e.g. `5h` or `30 min`. */
  constructor(
    readonly seconds: number,
    readonly label: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: M, r: R): Promise<void> {
    await controlOf(r.target).advanceClock(this.seconds);
    m.nowMs += this.seconds * 1000;
  }

  toString(): string {
    return `advanceClock(${this.label})`;
  }
}
