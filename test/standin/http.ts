/**
 * The plumbing of the stand-in providers: a plain node:http server with no framework and no code
 * shared with the simulator, so the tools can be judged against a provider nobody here derived
 * from our own implementation. Faults are switched by options at start, never by a control API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface StandinOptions {
  /** Validate / PATCH read, wait a little, then write: two racing calls can both win. */
  racy?: boolean;
  /** Zupy validate ignores whose coupon it is; B2S lists every company's coupons to a scoped token. */
  ignoreOwner?: boolean;
  /** A used coupon validated again answers 200 (B2S: PATCH again answers 204). */
  reuseOk?: boolean;
  /** A body that is not JSON crashes the handler: 500. */
  malformed500?: boolean;
  /** Requests per window (a minute unless rateWindowMs) per credential; past it 429 with Retry-After. */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Milliseconds added before every answer. */
  latencyMs?: number;
  /** Zupy only: the post-cutover format (root objects, DRF lists; decision Z-1). */
  rootFormat?: boolean;
  /** Zupy only: the inferred points endpoint does not exist (404 from the router). */
  noPoints?: boolean;
  /** B2S only: a bad or missing token is let through. */
  lenientAuth?: boolean;
}

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: Request) => Reply | Promise<Reply>;

export interface RunningStandin {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random 27-character base62 id (the shape of a KSUID). */
export function ksuidLike(): string {
  const bytes = randomBytes(27);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] ??= 'application/json';
  res.writeHead(reply.status, headers);
  res.end(text);
}

/** Starts `handler` on 127.0.0.1 at a free port. */
export async function serve(handler: Handler, options: StandinOptions): Promise<RunningStandin> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', 'http://standin');
        if (options.latencyMs) await sleep(options.latencyMs);
        const reply = await handler({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        });
        send(res, reply);
      } catch (err) {
        send(res, { status: 500, body: { error: (err as Error).message } });
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fixed-window per-credential limiter: the rate-limit headers, and whether this request is over the limit. */
export function rateLimiter(perWindow: number | undefined, windowMs = 60_000) {
  const windows = new Map<string, { start: number; count: number }>();
  return (credential: string): { limited: boolean; headers: Record<string, string> } => {
    const now = Date.now();
    const limit = perWindow ?? 1_000_000;
    let w = windows.get(credential);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      windows.set(credential, w);
    }
    w.count += 1;
    const reset = Math.ceil((w.start + windowMs) / 1000);
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - w.count)),
      'x-ratelimit-reset': String(reset),
    };
    if (perWindow !== undefined && w.count > perWindow) {
      return { limited: true, headers: { ...headers, 'retry-after': String(Math.max(1, reset - Math.floor(now / 1000))) } };
    }
    return { limited: false, headers };
  };
}
