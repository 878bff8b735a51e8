/**
 * Parsers of option values shared by the k6 scripts (`__ENV`) and the CLI flags. k6 runs this file
 * too, so it imports nothing; each caller words its own error.
 */

/** `raw` as an integer from `min` to `max`, or undefined when it is not one. */
export function integerIn(raw: string, min: number, max: number): number | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

const K6_UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const K6_DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/**
 * Seconds in a k6 duration (`90s`, `2m`, `1m30s`, `500ms`); a plain number is seconds. Undefined
 * when the text is neither.
 */
export function k6DurationSeconds(text: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (!K6_DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * (K6_UNIT_SECONDS[unit as string] ?? 0);
  return total;
}
