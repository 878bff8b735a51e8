import type { AsyncCommand } from 'fast-check';
import { controlOf } from '../../targets/target.ts';
import type { ZupyModel, ZupyReal } from './model.ts';

/** Move the provider's clock forward (coupons expire by time, never by sleeping). */
export class AdvanceClockCommand implements AsyncCommand<ZupyModel, ZupyReal> {
  constructor(readonly hours: number) {}

  check(): boolean {
    return true;
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    await controlOf(r.target).advanceClock(this.hours * 3600);
    m.nowMs += this.hours * 3_600_000;
  }

  toString(): string {
    return `advanceClock(${this.hours}h)`;
  }
}
