/**
 * The power of a run: how many state-changing commands were tried and how many actually changed
 * the provider's state (a validate that succeeded, a PATCH that returned 204, a redeem that issued
 * a coupon), and how many sequences had anything to change. A run whose sequences mostly change
 * nothing (a sandbox with nothing left to validate) cannot catch a lifecycle bug, whatever it prints.
 */
export type Transition = 'validate' | 'redeem' | 'patch';

export interface Tally {
  tried: Record<Transition, number>;
  changed: Record<Transition, number>;
  /** Validates and PATCHes aimed at a coupon outside the caller's reach (another customer's, another company's): the ownership rule's tries. */
  crossOwner: number;
  /** Sequences run to the end. */
  sequences: number;
  /** Sequences that had something to change: a usable coupon at the start, or a command that changed state. */
  liveSequences: number;
  /** Set when the sequence started with something to change or a command changed state; read and cleared at its end. */
  changedInSequence: boolean;
  /** Set at the first failing sequence: the shrinking runs that follow are not counted. */
  frozen: boolean;
}

export function newTally(): Tally {
  return {
    tried: { validate: 0, redeem: 0, patch: 0 },
    changed: { validate: 0, redeem: 0, patch: 0 },
    crossOwner: 0,
    sequences: 0,
    liveSequences: 0,
    changedInSequence: false,
    frozen: false,
  };
}

/** Records `tried` attempts of a transition, `changed` of which changed state. */
export function record(t: Tally, kind: Transition, tried: number, changed: number): void {
  if (t.frozen) return;
  t.tried[kind] += tried;
  t.changed[kind] += changed;
  if (changed > 0) t.changedInSequence = true;
}

/** Records `tries` commands aimed at a coupon the caller must not reach. */
export function recordCrossOwner(t: Tally, tries: number): void {
  if (!t.frozen) t.crossOwner += tries;
}

/** A sequence starts; `usable` is what its starting state offers to change (uses left, coupons a PATCH can mark). */
export function startSequence(t: Tally, usable: number): void {
  t.changedInSequence = usable > 0;
}

export function endSequence(t: Tally): void {
  if (t.frozen) return;
  t.sequences += 1;
  if (t.changedInSequence) t.liveSequences += 1;
  t.changedInSequence = false;
}

/**
 * The run is dry when fewer than this share of its sequences had anything to change (a sandbox
 * whose coupons are all used up), or when no command changed state at all: the sequences then only
 * exercise refusals, and a double spend or a lost update has nothing to show on.
 */
export const MIN_LIVE_SHARE = 0.5;

export function isDry(t: Tally, minLiveShare = MIN_LIVE_SHARE): boolean {
  const changed = Object.values(t.changed).reduce((a, b) => a + b, 0);
  return t.sequences > 0 && (t.liveSequences < minLiveShare * t.sequences || changed === 0);
}

const NAMES: Record<Transition, [string, string]> = {
  validate: ['validates', 'succeeded'],
  redeem: ['redeems', 'issued a coupon'],
  patch: ['PATCHes', 'returned 204'],
};

/**
 * One line, e.g. "power: 40 of 120 state-changing commands changed state (validates 30 of 100 succeeded,
 * redeems 10 of 20 issued a coupon); 18 of 20 sequences had something to change (…); 9 validates or
 * PATCHes aimed at another customer's or company's coupon". When none was, `untriedHint` says what to do.
 */
export function powerLine(t: Tally, minLiveShare = MIN_LIVE_SHARE, untriedHint = 'raise --runs'): string {
  const kinds = (Object.keys(NAMES) as Transition[]).filter((k) => t.tried[k] > 0);
  const tried = kinds.reduce((a, k) => a + t.tried[k], 0);
  const changed = kinds.reduce((a, k) => a + t.changed[k], 0);
  const parts = kinds.map((k) => `${NAMES[k][0]} ${t.changed[k]} of ${t.tried[k]} ${NAMES[k][1]}`).join(', ');
  const owner =
    t.crossOwner > 0
      ? `${t.crossOwner} ${t.crossOwner === 1 ? 'validate or PATCH' : 'validates or PATCHes'} aimed at another customer's or company's coupon`
      : `no validate or PATCH aimed at another customer's or company's coupon: the ownership rule was not tried (${untriedHint})`;
  return `power: ${changed} of ${tried} state-changing commands changed state${parts ? ` (${parts})` : ''}; ${t.liveSequences} of ${t.sequences} sequences had something to change (a usable coupon at the start, or a command that changed state; the run is dry below ${Math.round(minLiveShare * 100)}%, or with no change at all); ${owner}`;
}
