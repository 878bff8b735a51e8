import type { AsyncCommand } from 'fast-check';
import { controlOf } from '../../targets/target.ts';
import type { B2sModel, B2sReal } from './model.ts';

/** Move the clock, in steps that straddle the 3-hour edge. */
export class AdvanceClockCommand implements AsyncCommand<B2sModel, B2sReal> {
  constructor(readonly minutes: number) {}

  check(): boolean {
    return true;
  }

  async run(m: B2sModel, r: B2sReal): Promise<void> {
    await controlOf(r.target).advanceClock(this.minutes * 60);
    m.nowMs += this.minutes * 60_000;
  }

  toString(): string {
    return `advanceClock(${this.minutes} min)`;
  }
}
