/**
 * Every request of a run has a deadline: a target that accepts the connection and never answers
 * (or stops in the middle of a body) ends the run with a TargetSilentError naming the request,
 * instead of hanging it. A refused connection is a TargetSilentError too.
 */
import { SetupError } from '../model/errors.ts';

export class TargetSilentError extends SetupError {
  override name = 'TargetSilentError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const describe = (input: string | URL | Request, init?: RequestInit) => {
  const req = input instanceof Request ? input : undefined;
  const url = new URL(req ? req.url : input instanceof URL ? input.href : input);
  return `${init?.method ?? req?.method ?? 'GET'} ${url.pathname}`;
};

export function timedFetch(inner: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const what = describe(input, init);
    const signal = AbortSignal.timeout(timeoutMs);
    const silent = () =>
      new TargetSilentError(`the target stopped answering: no complete answer to ${what} within ${timeoutMs / 1000} s (--request-timeout)`);
    let res: Response;
    try {
      res = await inner(input, { ...init, signal });
    } catch (err) {
      if (signal.aborted) throw silent();
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new TargetSilentError(
        `the target does not answer ${what}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        cause?.code,
      );
    }
    // Read the body under the same deadline, so a body that never ends cannot hang the run either.
    let body: ArrayBuffer;
    try {
      body = await res.arrayBuffer();
    } catch (err) {
      if (signal.aborted) throw silent();
      throw new TargetSilentError(`the target broke off its answer to ${what}: ${(err as Error).message}`);
    }
    return new Response(res.status === 204 || res.status === 304 ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
