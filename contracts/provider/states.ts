/**
 * Where provider states come from during verification. A source sets up one state at a time and
 * returns the values the pact reads with `fromProviderState`; it says when a state cannot be set
 * up on this provider (NotVerifiable: that interaction is neither passed nor failed) and when the
 * set-up itself is broken (StateSetupError: the run stops with one line).
 */

/** This provider's API cannot put it in the state (e.g. no expired coupon on a sandbox); the message says why. */
export class NotVerifiable extends Error {
  override name = 'NotVerifiable';
}

/** The state set-up is broken for every interaction (state endpoint missing or refusing connections, bad credentials). */
export class StateSetupError extends Error {
  override name = 'StateSetupError';
}

export type StateValues = Record<string, unknown>;

export interface StateSource {
  /** One line for reports: how states are set up ("the control API at …", "the public API, from zupy.json"). */
  readonly description: string;
  /** Checked once before the run (credentials, reachability of the set-up); throws StateSetupError. */
  preflight?(): Promise<void>;
  /** Called before the first state of every interaction (also one without states). */
  begin(): Promise<void>;
  setup(state: string, params: Record<string, unknown>): Promise<StateValues>;
  teardown?(state: string, params: Record<string, unknown>): Promise<void>;
}

/** `fetch` failures as one line: the code of the cause (ECONNREFUSED, ENOTFOUND, …) or its message. */
export function networkCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (err as Error).message;
}
