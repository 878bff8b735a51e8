/**
 * The simulator's clock. Every rule that reads "now" reads this, so tests move time through the
 * control API instead of sleeping. It runs from the wall clock plus an offset, or frozen.
 */
import type { components } from '../../specs/generated/control.ts';

/** What `GET /__control/clock` answers (specs/control.openapi.yaml). */
export type ClockState = components['schemas']['ClockState'];

export class Clock {
  #offsetMs = 0;
  #frozenAt: number | null = null;

  nowMs(): number {
    return this.#frozenAt ?? Date.now() + this.#offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Jumps to `at`. When `frozen`, time stands still there until advanced. */
  set(at: Date, frozen = this.#frozenAt !== null): void {
    if (frozen) {
      this.#frozenAt = at.getTime();
    } else {
      this.#frozenAt = null;
      this.#offsetMs = at.getTime() - Date.now();
    }
  }

  advance(ms: number): void {
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
  }

  reset(): void {
    this.#offsetMs = 0;
    this.#frozenAt = null;
  }

  state(): ClockState {
    return { now: this.now().toISOString(), frozen: this.#frozenAt !== null };
  }
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration limited to days/hours/minutes/seconds (`P30D`, `PT3H`, `PT90S`). */
export function parseIsoDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

/** The simulator clock stays inside years 1970–8999, so every date it stamps (plus a reward's validity) prints as RFC 3339. */
export const CLOCK_MIN_MS = Date.UTC(1970, 0, 1);
export const CLOCK_MAX_MS = Date.UTC(9000, 0, 1);

/**
 * Decodes a `POST /__control/clock` body (`{now?, frozen?, advance?, reset?}`) whole, before anything
 * changes: a change that is refused leaves the clock as it was. Returns the change to apply, or an error.
 */
export function clockChange(body: unknown, clock: Clock): { apply: () => void } | { error: string } {
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body))
    return { error: 'body must be a JSON object: {"now"?, "frozen"?, "advance"?, "reset"?}' };
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b))
    if (!['now', 'frozen', 'advance', 'reset'].includes(key))
      return { error: `unknown field '${key}'; known: now, frozen, advance, reset` };
  if (b.reset !== undefined && typeof b.reset !== 'boolean') return { error: 'reset must be a boolean' };
  if (b.frozen !== undefined && typeof b.frozen !== 'boolean') return { error: 'frozen must be a boolean' };
  let at: number | undefined;
  if (b.now !== undefined) {
    at = typeof b.now === 'string' ? Date.parse(b.now) : NaN;
    if (Number.isNaN(at)) return { error: 'now must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z' };
  }
  let advanceMs = 0;
  if (b.advance !== undefined) {
    const ms = typeof b.advance === 'number' ? b.advance * 1000 : typeof b.advance === 'string' ? parseIsoDuration(b.advance) : null;
    if (ms === null || !Number.isFinite(ms) || ms < 0)
      return { error: 'advance must be seconds (number ≥ 0) or an ISO 8601 duration such as PT3H or P30D' };
    advanceMs = ms;
  }
  const reset = b.reset === true;
  const frozen = typeof b.frozen === 'boolean' ? b.frozen : undefined;
  const start = at ?? (reset ? Date.now() : clock.nowMs());
  const end = start + advanceMs;
  if (!(end >= CLOCK_MIN_MS && end < CLOCK_MAX_MS))
    return { error: `the clock must stay between ${new Date(CLOCK_MIN_MS).toISOString()} and ${new Date(CLOCK_MAX_MS).toISOString()}` };
  return {
    apply() {
      if (reset) clock.reset();
      if (at !== undefined) clock.set(new Date(at), frozen);
      else if (frozen !== undefined) clock.set(clock.now(), frozen);
      if (advanceMs > 0) clock.advance(advanceMs);
    },
  };
}
