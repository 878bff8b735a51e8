/**
 * Results as discriminated unions: `{ok: true, data}` or `{ok: false, error}`, both with the HTTP status.
 *
 * A failure at a status the spec documents for the operation carries the provider's error format
 * (`E`), so `if (!r.ok && r.status === 409) r.error.detail` compiles. At any other status (a
 * gateway's 502, a proxy's 429 on an operation without one) the body may be anything, so the error
 * is `E | UnexpectedBody`. A documented status whose body is not in the provider's format breaks
 * that promise: it throws UnexpectedResponseError instead of being returned.
 */
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;
/** Every status a response outside 2xx can have (1xx, 3xx, 4xx, 5xx). */
export type FailureStatus = ToNumber<`${1 | 3 | 4 | 5}${Digit}${Digit}`>;

interface Success<T> {
  ok: true;
  status: number;
  data: T;
  error?: never;
  response: Response;
}
interface Failure<S extends number, E> {
  ok: false;
  status: S;
  data?: never;
  error: E;
  response: Response;
}

/** `S`: the error statuses documented for the operation (none: every failure is `E | UnexpectedBody`). */
export type Result<T, E, S extends number = never> =
  Success<T> | ([S] extends [never] ? never : Failure<S, E>) | Failure<Exclude<FailureStatus, S>, E | UnexpectedBody>;

/** A response the client could not interpret (not JSON, or not the provider's error shape). */
export interface UnexpectedBody {
  kind: 'unexpected';
  body: unknown;
}

/** The provider answered a status the spec documents with a body that is not its documented error format. */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly url: string,
  ) {
    super(
      `${url} answered ${status}, a status its spec documents, with a body that is not the provider's error format: ${JSON.stringify(body)?.slice(0, 300)}`,
    );
  }
}

export function toResult<T, E, S extends number = never>(
  r: { data?: unknown; error?: unknown; response: Response },
  unwrap: (body: unknown) => T,
  isError: (body: unknown) => body is E,
  documented: readonly S[] = [],
): NoInfer<Result<T, E, S>> {
  const { response } = r;
  if (response.ok) return { ok: true, status: response.status, data: unwrap(r.data), response };
  // The status is a number at run time; the union's members say which statuses carry which error.
  if (isError(r.error)) return { ok: false, status: response.status, error: r.error, response } as Result<T, E, S>;
  if ((documented as readonly number[]).includes(response.status))
    throw new UnexpectedResponseError(response.status, r.error, response.url);
  return { ok: false, status: response.status, error: { kind: 'unexpected', body: r.error }, response } as Result<T, E, S>;
}

/** Compile-time check that a runtime list names every error status the spec documents (`Missing` must be never). */
export type Complete<Documented, Listed> = [Exclude<Documented, Listed>] extends [never] ? true : Exclude<Documented, Listed>;
