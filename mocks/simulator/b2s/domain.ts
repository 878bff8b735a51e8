/**
 * B2S domain rules, pure and clock-injected: the end of an expiration day, derived statuses
 * (EN and PT), the strict 3-hour PATCH rule, page-number offsets, ordering, search, normalisation.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** B-5: a PATCH needs more than this much time before exp_end. */
export const PATCH_MARGIN_MS = 3 * HOUR_MS;
/** B-4: "Expiring" = unused and expiring within this window (inferred, configurable). */
export const EXPIRING_WINDOW_MS = 7 * DAY_MS;

export type ExpirationInstant = 'end_of_day_utc' | 'start_of_day_utc';

/** B-6: when a date-only expiration ends. Default: the end of that day in UTC (next midnight). */
export function expirationEnd(expirationDate: string, mode: ExpirationInstant = 'end_of_day_utc'): number {
  const start = Date.parse(`${expirationDate}T00:00:00Z`);
  return mode === 'end_of_day_utc' ? start + DAY_MS : start;
}

export type DerivedStatus = 'used' | 'not-used' | 'expired' | 'expiring';

/** B-3: both languages name the same four derived statuses. */
export const STATUS_FILTERS: Record<string, DerivedStatus> = {
  Used: 'used', Utilizado: 'used',
  'Not Used': 'not-used', 'Não Utilizado': 'not-used',
  Expired: 'expired', Vencido: 'expired',
  Expiring: 'expiring', Vencendo: 'expiring',
};

/** B-4: does a coupon match a derived status filter? (Expiring ⊂ Not Used.) */
export function matchesStatus(used: boolean, expEndMs: number, nowMs: number, filter: DerivedStatus, windowMs = EXPIRING_WINDOW_MS): boolean {
  switch (filter) {
    case 'used': return used;
    case 'expired': return !used && nowMs >= expEndMs;
    case 'not-used': return !used && nowMs < expEndMs;
    case 'expiring': return !used && nowMs < expEndMs && expEndMs <= nowMs + windowMs;
  }
}

/** B-5: PATCH is allowed iff exp_end − now > 3 h (exactly 3 h is refused). */
export function patchAllowed(expEndMs: number, nowMs: number): boolean {
  return expEndMs - nowMs > PATCH_MARGIN_MS;
}

/** B-1: offset is a 1-based page number. */
export function pageBounds(limit: number, offset: number): { start: number; end: number } {
  const start = (offset - 1) * limit;
  return { start, end: start + limit };
}

export const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Digits only: phones and CPFs are compared this way (B-10, B-12). */
export const digits = (s: string) => s.replace(/\D/g, '');

/** B-10: a stored `(11) 99999-9999` and a queried `5511999999999` / `+55…` are the same phone. */
export function phoneKey(raw: string): string {
  const d = digits(raw);
  return d.startsWith('55') && d.length >= 12 ? d : `55${d}`;
}

/** B-12: case-insensitive substring over code, client name, email, phone (and phone digits). */
export function matchesSearch(term: string, c: { code: string; clientName: string; email: string | null; phone: string | null }): boolean {
  const t = term.toLowerCase();
  if (c.code.toLowerCase().includes(t) || c.clientName.toLowerCase().includes(t)) return true;
  if (c.email?.toLowerCase().includes(t)) return true;
  if (c.phone?.toLowerCase().includes(t)) return true;
  const d = digits(term);
  return d.length > 0 && c.phone !== null && digits(c.phone).includes(d);
}

export type OrderColumn = 'created_at' | 'expiration_date' | 'date_of_use' | 'code' | 'status';

/** B-13: compare on the column, ties on id; nulls sort first in ASC. */
export function compareBy(column: OrderColumn, a: Record<OrderColumn | 'id', string | boolean | null>, b: Record<OrderColumn | 'id', string | boolean | null>): number {
  const key = (v: string | boolean | null) => (v === null ? '' : String(v));
  const x = key(a[column]);
  const y = key(b[column]);
  if (x !== y) return x < y ? -1 : 1;
  const i = String(a.id);
  const j = String(b.id);
  return i < j ? -1 : i > j ? 1 : 0;
}
