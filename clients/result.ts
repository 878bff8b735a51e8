/** Results as discriminated unions: `{ok: true, data}` or `{ok: false, error}`, both with the HTTP status. */
export type Result<T, E> =
  | { ok: true; status: number; data: T; error?: never; response: Response }
  | { ok: false; status: number; data?: never; error: E; response: Response };

/** A response the client could not interpret (not JSON, or not the provider's error shape). */
export interface UnexpectedBody {
  kind: 'unexpected';
  body: unknown;
}

export function toResult<T, E>(
  r: { data?: unknown; error?: unknown; response: Response },
  unwrap: (body: unknown) => T,
  isError: (body: unknown) => body is E,
): Result<T, E | UnexpectedBody> {
  const { response } = r;
  if (response.ok) return { ok: true, status: response.status, data: unwrap(r.data), response };
  const error = isError(r.error) ? r.error : { kind: 'unexpected' as const, body: r.error };
  return { ok: false, status: response.status, error, response };
}
