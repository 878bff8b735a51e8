import type { AsyncCommand } from 'fast-check';

/**
 * For a target whose clock cannot be set (no control API): before each command the model's clock
 * is set to the wall clock, so expiry rules are judged at the time the request is sent.
 * It is not a command of its own: check, run and the printed name are the wrapped command's.
 */
export class WallClock<M extends { nowMs: number }, R> implements AsyncCommand<M, R> {
  constructor(readonly command: AsyncCommand<M, R>) {}

  check(m: Readonly<M>): boolean {
    return this.command.check(m);
  }

  async run(m: M, r: R): Promise<void> {
    m.nowMs = Date.now();
    await this.command.run(m, r);
  }

  toString(): string {
    return this.command.toString();
  }
}
