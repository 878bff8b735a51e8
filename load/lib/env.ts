/**
 * Typed readers for `__ENV` (k6 `-e NAME=value` or the process environment). A bad value throws in
 * the init context, so a mistyped run stops before it sends a single request.
 */
import { integerIn } from './parse.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function str(name: string, fallback: string): string {
  const v = __ENV[name];
  return v === undefined || v === '' ? fallback : v;
}

export function optional(name: string): string | undefined {
  const v = __ENV[name];
  return v === undefined || v === '' ? undefined : v;
}

export function int(name: string, fallback: number, min = 0, max = 1_000_000): number {
  const raw = optional(name);
  if (raw === undefined) return fallback;
  const n = integerIn(raw, min, max);
  if (n === undefined) throw new ConfigError(`${name}=${raw}: expected an integer from ${min} to ${max}`);
  return n;
}

export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
  return raw as T;
}

/** JSON from an env var, e.g. RACE_COUPONS='[{"customer_id":"…","code":"CZ-…"}]'. */
export function json<T>(name: string): T | undefined {
  const raw = optional(name);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch (err) {
    throw new ConfigError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The target, without a trailing slash: `BASE_URL`, or the local simulator's default port. */
export function baseUrl(defaultPort: number): string {
  return str('BASE_URL', `http://127.0.0.1:${defaultPort}`).replace(/\/+$/, '');
}
