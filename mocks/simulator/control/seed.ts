/**
 * Seeding, all or nothing: a seed body is completed (a missing fixture array means none), checked
 * whole against what it will be merged into, and only then applied. If applying still throws (a bug,
 * never bad input), the state before the call is put back.
 */
import type { ProviderInstance } from '../types.ts';

export type SeedMode = 'replace' | 'merge';
export type SeedOutcome = { ok: true } | { ok: false; problems: string[] };

/** Fixture documents are objects of arrays: a merge concatenates each array; other values replace. */
export function mergeFixtures(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key];
    out[key] = Array.isArray(prev) && Array.isArray(value) ? [...(prev as unknown[]), ...(value as unknown[])] : value;
  }
  return out;
}

/** The body with every fixture array the provider knows (those of its snapshot) present: missing means none. */
export function completeFixtures(body: Record<string, unknown>, shape: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(shape)) if (Array.isArray(value) && !Object.hasOwn(body, key)) out[key] = [];
  return out;
}

/**
 * A problem found in the merged data, pointed back into the body: `/coupons/9 …` is the body's
 * `/coupons/2` when 7 coupons were loaded, and `(loaded data) /coupons/3 …` when it is not the body's.
 */
function bodyPath(problem: string, loaded: Record<string, unknown>): string {
  return problem.replace(/^\/([A-Za-z_]+)\/(\d+)/, (whole, key: string, index: string) => {
    const before = loaded[key];
    const n = Array.isArray(before) ? before.length : 0;
    return Number(index) >= n ? `/${key}/${Number(index) - n}` : `(loaded data) ${whole}`;
  });
}

export function seed(provider: ProviderInstance<unknown>, mode: SeedMode, input: unknown): SeedOutcome {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: ['(root) must be a fixture JSON object'] };
  const before = provider.snapshot() as Record<string, unknown>;
  const body = completeFixtures(input as Record<string, unknown>, before);
  // A merge must fit the data already loaded (references, unique ids and codes): check the union.
  const problems =
    mode === 'merge' ? provider.checkFixtures(mergeFixtures(before, body)).map((p) => bodyPath(p, before)) : provider.checkFixtures(body);
  if (problems.length) return { ok: false, problems };
  try {
    if (mode === 'merge') provider.merge(body);
    else provider.load(body);
  } catch (err) {
    provider.load(before);
    throw err;
  }
  return { ok: true };
}
