/** Small helpers for generated test data: run-unique ids and codes, timestamps, chunking. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const DAY_MS = 86_400_000;

/** `n` characters of `alphabet`: unique enough to keep one run's data apart from another's. */
export const random = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');

/** RFC 4122 version-4 shaped UUID (B2S ids). */
export const uuid = (): string => {
  const h = random(HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
