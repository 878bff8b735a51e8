/**
 * B2S domain rules, pure and clock-injected: the end of an expiration day, derived statuses
 * (EN and PT), the strict 3-hour PATCH rule, page-number offsets, ordering, date ranges, search,
 * phone/CPF normalisation. Nothing here reads the wall clock: callers pass `nowMs`.
 */
import type { components } from '../../../specs/generated/b2s.ts';

type Params = components['parameters'];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** B-5: a PATCH needs more than this much time before exp_end. */
export const PATCH_MARGIN_MS = 3 * HOUR_MS;
/** B-4: "Expiring" = unused and expiring within this window (inferred, configurable). */
export const EXPIRING_WINDOW_MS = 7 * DAY_MS;

export type ExpirationInstant = 'end_of_day_utc' | 'start_of_day_utc';

/** The configurable B2S rules (B-4 window, B-6 expiration instant). */
export interface B2sRules {
  expirationInstant: ExpirationInstant;
  expiringWindowMs: number;
}

export const DEFAULT_RULES: B2sRules = { expirationInstant: 'end_of_day_utc', expiringWindowMs: EXPIRING_WINDOW_MS };

/**
 * The rules from the environment: `B2S_EXPIRATION_INSTANT=end_of_day_utc|start_of_day_utc` (B-6) and
 * `B2S_EXPIRING_DAYS=<days>` (B-4). Unset → the defaults; a bad value → an error naming the variable.
 */
export function rulesFromEnv(env: Record<string, string | undefined>): B2sRules {
  const rules = { ...DEFAULT_RULES };
  const instant = env.B2S_EXPIRATION_INSTANT;
  if (instant !== undefined && instant !== '') {
    if (instant !== 'end_of_day_utc' && instant !== 'start_of_day_utc')
      throw new Error(`B2S_EXPIRATION_INSTANT must be end_of_day_utc or start_of_day_utc, not '${instant}'`);
    rules.expirationInstant = instant;
  }
  const days = env.B2S_EXPIRING_DAYS;
  if (days !== undefined && days !== '') {
    const n = Number(days);
    if (!/^\d+(\.\d+)?$/.test(days) || !Number.isFinite(n))
      throw new Error(`B2S_EXPIRING_DAYS must be a number of days ≥ 0, not '${days}'`);
    rules.expiringWindowMs = n * DAY_MS;
  }
  return rules;
}

/** B-6: when a date-only expiration ends. Default: the end of that day in UTC (next midnight). */
export function expirationEnd(expirationDate: string, mode: ExpirationInstant = 'end_of_day_utc'): number {
  const start = Date.parse(`${expirationDate}T00:00:00Z`);
  return mode === 'end_of_day_utc' ? start + DAY_MS : start;
}

export type DerivedStatus = 'used' | 'not-used' | 'expired' | 'expiring';

/** B-3: both languages name the same four derived statuses. The spec's enum must list exactly these. */
export const STATUS_FILTERS = {
  Used: 'used',
  Utilizado: 'used',
  'Not Used': 'not-used',
  'Não Utilizado': 'not-used',
  Expired: 'expired',
  Vencido: 'expired',
  Expiring: 'expiring',
  Vencendo: 'expiring',
} as const satisfies Record<Params['coupon_status'], DerivedStatus>;

/** B-4: does a coupon match a derived status filter? (Expiring ⊂ Not Used.) */
export function matchesStatus(
  used: boolean,
  expEndMs: number,
  nowMs: number,
  filter: DerivedStatus,
  windowMs = EXPIRING_WINDOW_MS,
): boolean {
  switch (filter) {
    case 'used':
      return used;
    case 'expired':
      return !used && nowMs >= expEndMs;
    case 'not-used':
      return !used && nowMs < expEndMs;
    case 'expiring':
      return !used && nowMs < expEndMs && expEndMs <= nowMs + windowMs;
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

/** The UTC calendar day of a stored date (`YYYY-MM-DD`) or date-time (any offset). */
export function utcDayOf(value: string): string {
  // Stryker disable next-line all: a fast path; Date.parse of a date or a Z date-time gives the same UTC day
  if (value.length === 10 || value.endsWith('Z')) return value.slice(0, 10);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value.slice(0, 10) : utcDate(ms);
}

/**
 * B-14: inclusive calendar-day range in UTC. No bound → everything matches (nulls included);
 * any bound → a null value (a coupon never used, for date_of_use) is left out.
 */
export function inDateRange(value: string | null, start?: string, end?: string): boolean {
  if (start === undefined && end === undefined) return true;
  if (value === null) return false;
  const day = utcDayOf(value);
  return (start === undefined || day >= start) && (end === undefined || day <= end);
}

export const DATE_RANGES = [
  ['date_start', 'date_end'],
  ['date_of_use_start', 'date_of_use_end'],
  ['expiration_date_start', 'expiration_date_end'],
] as const;

/** B-14: the first range whose start is after its end, as a message naming both parameters. */
export function dateRangeProblem(q: Partial<Record<(typeof DATE_RANGES)[number][number], string>>): string | undefined {
  for (const [s, e] of DATE_RANGES) {
    const start = q[s];
    const end = q[e];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with undefined is false either way
    if (start !== undefined && end !== undefined && start > end) return `${s} must not be after ${e}`;
  }
  return undefined;
}

/** Digits only: phones and CPFs are compared this way (B-10, B-12). */
export const digits = (s: string) => s.replace(/\D/g, '');

/** B-10: a stored `(11) 99999-9999` and a queried `5511999999999` / `+55…` are the same phone. */
export function phoneKey(raw: string): string {
  const d = digits(raw);
  return d.startsWith('55') && d.length >= 12 ? d : `55${d}`;
}

/** B-10: a CPF masked (`000.000.000-00`) or plain (11 digits) compares on its digits. */
export const cpfKey = (raw: string) => digits(raw);

/** B-10: emails compare case-insensitively, ignoring surrounding spaces. */
export const emailKey = (raw: string) => raw.trim().toLowerCase();

/** A search term that reads as a phone number: digits with the usual separators only. */
const PHONE_LIKE = /^[\d\s()+.-]+$/;

/**
 * B-12: case-insensitive substring over code, client name, email and phone; a phone-like term
 * (`11 99999`, `+55 11 99999-9999`) also matches on digits, with or without the country code.
 */
export function matchesSearch(term: string, c: { code: string; clientName: string; email: string | null; phone: string | null }): boolean {
  const t = term.toLowerCase();
  if (c.code.toLowerCase().includes(t) || c.clientName.toLowerCase().includes(t)) return true;
  if (c.email?.toLowerCase().includes(t)) return true;
  if (c.phone === null) return false;
  if (c.phone.toLowerCase().includes(t)) return true;
  const d = digits(term);
  return d.length > 0 && PHONE_LIKE.test(term) && (digits(c.phone).includes(d) || phoneKey(c.phone).includes(d));
}

/** B-13: the sort columns are the spec's enum, so a column added there must exist on the coupon (tsc). */
export type OrderColumn = Params['order_column'];

/** B-13: compare on the column, ties on id; nulls sort first in ASC. */
export function compareBy(
  column: OrderColumn,
  a: Record<OrderColumn | 'id', string | boolean | null>,
  b: Record<OrderColumn | 'id', string | boolean | null>,
): number {
  const key = (v: string | boolean | null) => (v === null ? '' : String(v));
  const x = key(a[column]);
  const y = key(b[column]);
  // Stryker disable next-line EqualityOperator: x and y differ here, so < and <= agree
  if (x !== y) return x < y ? -1 : 1;
  const i = String(a.id);
  const j = String(b.id);
  return i < j ? -1 : i > j ? 1 : 0;
}
