/**
 * Browser safety for a server on the developer's own machine: which `Host` names it answers to
 * (DNS rebinding), which `Origin`s may drive the control API (cross-site requests), and the
 * constant-time token check. Pure functions; the hooks that use them live in control/routes.ts and
 * app.ts.
 */
import { timingSafeEqual } from 'node:crypto';

const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const WILDCARDS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '']);

/** A socket's remote address on the loopback interface (127.0.0.0/8, ::1, or v4-mapped 127.x). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const a = address.toLowerCase();
  return a === '::1' || IPV4_LOOPBACK.test(a) || (a.startsWith('::ffff:') && IPV4_LOOPBACK.test(a.slice(7)));
}

/** The host name of a `Host` header value (`[::1]:4010` → `::1`, `Localhost:80` → `localhost`); null when unreadable. */
export function hostnameOf(hostHeader: string): string | null {
  try {
    const u = new URL(`http://${hostHeader}/`);
    if (u.username || u.password || u.pathname !== '/' || `${u.host}` === '') return null;
    return u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

/** A name that only ever resolves to this machine: `localhost`, `*.localhost` (RFC 6761) or a loopback address. */
export function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || isLoopback(hostname) || hostname === '0:0:0:0:0:0:0:1';
}

export interface HostPolicyOptions {
  /** The interface the server listens on (`--host`). */
  bindHost: string;
  /** A control token is set: the control API then takes any Host on a wildcard bind (the token guards it). */
  tokenSet: boolean;
}

/**
 * Which `Host` headers are served. Always: loopback names and addresses, and the `--host` the
 * server was started with. On a wildcard bind (0.0.0.0, ::) the provider routes are already open to
 * the network, so they take any Host; the control API does only when a control token is set.
 * A request without a Host header (HTTP/1.0) comes from no browser and is served.
 */
export function hostPolicy(o: HostPolicyOptions): (hostHeader: string | undefined, control: boolean) => boolean {
  const bind = o.bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  const wildcard = WILDCARDS.has(bind);
  const memo = new Map<string, boolean>();
  const named = (hostHeader: string): boolean => {
    let ok = memo.get(hostHeader);
    if (ok === undefined) {
      const name = hostnameOf(hostHeader);
      ok = name !== null && (isLoopbackName(name) || (!wildcard && name === bind));
      if (memo.size < 256) memo.set(hostHeader, ok);
    }
    return ok;
  };
  return (hostHeader, control) => {
    if (hostHeader === undefined) return true;
    if (named(hostHeader)) return true;
    return wildcard && (!control || o.tokenSet);
  };
}

/**
 * A browser request from another origin: an `Origin` that is not this server's own
 * (`http://<Host>`; `null` included), or `Sec-Fetch-Site: cross-site | same-site`.
 * Requests from curl, SDKs and test runners carry neither header and pass.
 */
export function crossOrigin(headers: Record<string, string | string[] | undefined>): string | undefined {
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  if (typeof origin !== 'string') return 'several Origin headers';
  const host = headers.host;
  try {
    const u = new URL(origin);
    if (
      typeof host === 'string' &&
      u.protocol === 'http:' &&
      u.host === new URL(`http://${host}/`).host &&
      origin.replace(/\/$/, '') === u.origin
    )
      return undefined;
  } catch {
    // `null` and other opaque origins
  }
  return `Origin ${origin}`;
}

/** A JSON request body type: `application/json`, with or without parameters. */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const media = value.split(';')[0]?.trim().toLowerCase();
  return media === 'application/json';
}

/** Constant-time comparison of a presented control token with the configured one. */
export function tokenMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself so a wrong length costs the same.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(b, b), false);
}
