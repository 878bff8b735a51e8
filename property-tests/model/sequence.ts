/** One property for every model: random command sequences, each from a fresh setup, counted for the power report. */
import fc, { type AsyncCommand } from 'fast-check';
import { failFastOnSetupError } from '../targets/target.ts';
import { endSequence, newTally, startSequence, type Tally } from './power.ts';

export interface PropertyOptions {
  /** Longest sequence (default per API). */
  maxCommands?: number;
  /** Where the run's power is counted (a fresh one when absent). */
  tally?: Tally;
  /** fast-check's commands replay path (printed in the counterexample as replayPath), to replay a failure exactly. */
  replayPath?: string;
}

export function sequenceProperty<M extends object, R>(
  commands: fc.Arbitrary<AsyncCommand<M, R>>[],
  setup: (tally: Tally) => Promise<{ model: M; real: R }>,
  usable: (model: M) => number,
  options: PropertyOptions & { maxCommands: number },
) {
  const tally = options.tally ?? newTally();
  const guard = failFastOnSetupError();
  const arb = fc.commands(commands, {
    maxCommands: options.maxCommands,
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  });
  return fc.asyncProperty(arb, (cmds) =>
    guard(async () => {
      const s = await setup(tally);
      startSequence(tally, usable(s.model));
      try {
        await fc.asyncModelRun(() => s, cmds);
      } catch (err) {
        // The power report describes the run up to its first failure, not the shrinking after it.
        tally.frozen = true;
        throw err;
      }
      endSequence(tally);
    }),
  );
}
