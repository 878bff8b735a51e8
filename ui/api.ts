/**
 * The console's link to the control API: the typed control client over a fetch that sends the
 * control token (asked once, when a data call answers 401 or 403, and kept in sessionStorage).
 */
import { ControlClient, ControlError } from '../clients/control.ts';

const TOKEN_KEY = 'coupon-kit.control-token';

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
};

let denied: () => void = () => undefined;
/** Called whenever a data call is refused (401/403): the page then asks for the token. */
export function onDenied(listener: () => void): void {
  denied = listener;
}

/** fetch with the X-Control-Token header when a token is known (the headers of a Request passed in are kept). */
export const controlFetch: typeof fetch = async (input, init = {}) => {
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  const t = token.get();
  if (t) headers.set('x-control-token', t);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401 || res.status === 403) denied();
  return res;
};

export const control = new ControlClient(location.origin, undefined, controlFetch);

/** One line for a failed call: the control API's own `error` when it sent one. */
export function describeError(err: unknown): string {
  if (err instanceof ControlError) {
    const body = err.body as { error?: unknown } | undefined;
    return typeof body?.error === 'string' ? body.error : `control API answered ${err.status}`;
  }
  return err instanceof Error ? err.message : String(err);
}
