import type { AsyncCommand } from 'fast-check';

/**
 * Runs the global invariants after every command: the wrapped command's own checks judge what it
 * did, the invariant judges the whole provider state against the model, whatever command ran.
 * Like WallClock, it is not a command of its own: check and the printed name are the wrapped command's.
 */
export class Invariants<M extends object, R> implements AsyncCommand<M, R> {
  constructor(
    readonly command: AsyncCommand<M, R>,
    readonly invariant: (m: Readonly<M>, r: R) => Promise<void>,
  ) {}

  check(m: Readonly<M>): boolean {
    return this.command.check(m);
  }

  async run(m: M, r: R): Promise<void> {
    await this.command.run(m, r);
    await this.invariant(m, r);
  }

  toString(): string {
    return this.command.toString();
  }
}
