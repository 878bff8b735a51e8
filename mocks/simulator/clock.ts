/**
 * The simulator's clock. Every rule that reads "now" reads this, so tests move time through the
 * control API instead of sleeping. It runs from the wall clock plus an offset, or frozen.
 */
export interface ClockState {
  now: string;
  frozen: boolean;
}

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
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}
