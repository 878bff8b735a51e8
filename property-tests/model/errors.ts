/** What a conformance run can throw: a broken invariant (the provider is wrong) or a setup problem (the run does not fit the target). */

export class InvariantError extends Error {
  override name = 'InvariantError';
}

/**
 * The target or its fixture file does not fit the run (an OTP-guarded company, a read-only key, an
 * id the provider does not know, rate limiting): not a conformance verdict, a message for the user.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

export function check(condition: boolean, message: string, detail?: unknown): asserts condition {
  if (!condition) throw new InvariantError(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}
