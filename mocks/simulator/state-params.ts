/** Readers for Pact provider-state parameters, shared by every provider's states, with clear errors. */
export type Params = Record<string, unknown>;

export const str = (p: Params, k: string, fallback: string): string => {
  const v = p[k] ?? fallback;
  if (typeof v !== 'string') throw new Error(`parameter '${k}' must be a string, got ${JSON.stringify(v)}`);
  return v;
};

export const int = (p: Params, k: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
  const v = Number(p[k] ?? fallback);
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new Error(`parameter '${k}' must be a whole number from 0 to ${max}, got ${JSON.stringify(p[k])}`);
  return v;
};
