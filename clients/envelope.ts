/**
 * Decision Z-1: the one place that knows about Zupy's `{data, meta}` envelope. Imports nothing, so
 * the k6 scripts (load/lib/zupy.ts) read bodies with it as the typed client does.
 */
export function unwrapEnvelope<T>(body: unknown, envelope = true): T {
  if (envelope && body && typeof body === 'object' && 'data' in body) return (body as { data: T }).data;
  return body as T;
}
