/**
 * Zupy's domain rules, pure and clock-injected: effective status, the Z$ top-up, money formatting,
 * expiry, codes, cursors and stats. No I/O, no state.
 */
export const COUPON_STATUSES = ['active', 'used', 'expired', 'cancelled'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];
export const ORIGIN_TYPES = ['loyalty_reward', 'marketing'] as const;
export type OriginType = (typeof ORIGIN_TYPES)[number];

export const DAY_MS = 86_400_000;
export const OTP_CODE_TTL_MS = 5 * 60_000;
export const OTP_SESSION_TTL_MS = 30 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** Z$ amounts are held as integer micro-units (6 decimal places) in a bigint. */
export const MICRO = 1_000_000n;

const Z_PATTERN = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

export function parseZ(text: string): bigint | null {
  const m = Z_PATTERN.exec(text);
  if (!m) return null;
  return BigInt(m[1] ?? '0') * MICRO + BigInt((m[2] ?? '').padEnd(6, '0'));
}

export function formatZ(micro: bigint): string {
  const whole = micro / MICRO;
  const frac = (micro % MICRO).toString().padStart(6, '0');
  return `${whole}.${frac}`;
}

/** RFC 3339 with whole seconds and `Z`, as the docs' examples (`2026-04-25T00:00:00Z`). */
export function isoSeconds(ms: number): string {
  const s = Math.floor(ms / 1000) * 1000;
  let text = isoCache.get(s);
  // Stryker disable next-line ConditionalExpression: formatting again gives the cached text
  if (text === undefined) {
    const full = new Date(s).toISOString();
    // `YYYY-MM-DDTHH:MM:SS.000Z` → `…SSZ`; other years (6 digits, signed) keep the generic path.
    text = full.length === 24 ? `${full.slice(0, 19)}Z` : full.replace('.000Z', 'Z');
    // Stryker disable next-line all: the bound only limits the cache's memory; a cleared or unbounded cache formats the same text
    if (isoCache.size >= 4096) isoCache.clear();
    isoCache.set(s, text);
  }
  return text;
}

/** Formatting a date is the largest cost in a coupon view (profile of the lookup path); the same instants recur. */
const isoCache = new Map<number, string>();

/** Decision Z-5: expired is computed at read time; `valid_until` itself is still valid. */
export function effectiveStatus(stored: CouponStatus, validUntilMs: number, nowMs: number): CouponStatus {
  return stored === 'active' && nowMs > validUntilMs ? 'expired' : stored;
}

/** Decision Z-6: valid_until = created_at + validity_days × 24 h, exact to the second. */
export function validUntil(createdMs: number, validityDays: number): number {
  return createdMs + validityDays * DAY_MS;
}

export type PaymentPlan = { ok: true; pointsUsed: number; zUsed: bigint } | { ok: false; field: string; detail: string };

/**
 * How a redemption is paid. Points first; with `useZ`, Z$ may cover a gap of at most 20% of the
 * point cost, at 1 point = 1 Z$ plus a 20% markup (the Z$ tokens guide's worked example:
 * cost 500, 450 points, 1150 Z$ → 450 points and 60 Z$).
 */
export function planPayment(cost: number, points: number, zBalance: bigint, useZ: boolean): PaymentPlan {
  if (points >= cost) return { ok: true, pointsUsed: cost, zUsed: 0n };
  const gap = cost - points;
  const detail = `Saldo insuficiente: o cliente tem ${points} pts e a recompensa custa ${cost} pts.`;
  if (!useZ) return { ok: false, field: 'points', detail };
  if (gap * 5 > cost)
    return {
      ok: false,
      field: 'use_z_tokens',
      detail: `Z$ cobre no máximo 20% do custo (${Math.floor(cost / 5)} pts); faltam ${gap} pts.`,
    };
  const zNeeded = (BigInt(gap) * 12n * MICRO) / 10n;
  if (zBalance < zNeeded)
    return {
      ok: false,
      field: 'use_z_tokens',
      detail: `Saldo Z$ insuficiente: necessário ${formatZ(zNeeded)}, disponível ${formatZ(zBalance)}.`,
    };
  return { ok: true, pointsUsed: points, zUsed: zNeeded };
}

/** Decision Z-2: a coupon reference with a dash is a code (case-insensitive); otherwise a KSUID. */
export function isCodeReference(ref: string): boolean {
  return ref.includes('-');
}

/** Decision Z-21. */
export function usageRate(used: number, total: number): number {
  return total === 0 ? 0 : Math.round((used / total) * 10_000) / 100;
}

/** Decision Z-13: default 20, larger values clamped to 100. */
export function pageSize(requested: number | undefined): number {
  if (requested === undefined) return PAGE_SIZE_DEFAULT;
  return Math.min(Math.max(1, requested), PAGE_SIZE_MAX);
}

/** Cursor pagination over a list sorted newest first: the cursor names the last item seen. */
export function encodeCursor(createdMs: number, id: string): string {
  // Stryker disable next-line StringLiteral: Buffer's default encoding is utf8
  return Buffer.from(`${createdMs}:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdMs: number; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{1,15}):([0-9A-Za-z]{1,64})$/.exec(text);
  return m ? { createdMs: Number(m[1]), id: m[2] ?? '' } : null;
}

/** Newest first, ties broken by id (descending), so pages are stable. */
export function newestFirst(a: { createdMs: number; id: string }, b: { createdMs: number; id: string }): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function paginate<T extends { createdMs: number; id: string }>(
  sorted: T[],
  cursor: { createdMs: number; id: string } | null,
  size: number,
): { page: T[]; next: string | null } {
  let start = 0;
  if (cursor) {
    start = sorted.findIndex((x) => newestFirst(x, cursor) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + size);
  const last = page[page.length - 1];
  const next = start + size < sorted.length && last ? encodeCursor(last.createdMs, last.id) : null;
  return { page, next };
}

const PHONE = /^\+?\d{10,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CPF = /^(\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})$/;

export type IdentifierKind = 'phone' | 'email' | 'cpf';

/** An OTP identifier: a phone (+55…), an email or a CPF; normalised for lookups. */
export function classifyIdentifier(raw: string): { kind: IdentifierKind; key: string } | null {
  const s = raw.trim();
  if (EMAIL.test(s)) return { kind: 'email', key: s.toLowerCase() };
  // Eleven bare digits (or the masked form) are a CPF; phones carry + or a country code.
  if (CPF.test(s)) return { kind: 'cpf', key: `cpf:${s.replace(/\D/g, '')}` };
  if (PHONE.test(s)) return { kind: 'phone', key: `+${s.replace(/\D/g, '')}` };
  return null;
}
