/**
 * The small HTTP front that stands on the advertised port before Prism: it answers some requests
 * itself (a check, the simulator's control API) and forwards the rest, so the port Prism listens
 * on is internal and `--port 0` gets a real port from the OS.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { DEFAULT_TIMEOUTS, type ServerTimeouts } from '../simulator/app.ts';

export type FrontHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RunningFront {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on host:port and hands each request to `handle`. Slow or stalled clients are cut off with
 * the same header, request and keep-alive timeouts as the simulator (`mock --header-timeout` etc.).
 */
export async function startFront(
  host: string,
  port: number,
  handle: FrontHandler,
  timeouts: ServerTimeouts = DEFAULT_TIMEOUTS,
): Promise<RunningFront> {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node checks the header and request deadlines on this interval (30 s by default, longer than the deadlines).
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    },
    (req, res) => {
      Promise.resolve(handle(req, res)).catch((err: unknown) => {
        if (req.destroyed || res.destroyed) return; // the client went away
        process.stderr.write(`${req.method ?? ''} ${req.url ?? ''}: ${(err as Error).stack ?? String(err)}\n`);
        if (!res.headersSent)
          sendJson(res, 502, { title: 'Bad Gateway', status: 502, detail: (err as Error).message }, 'application/problem+json');
        else res.destroy();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use (pick another with --port, or 0 for any free port)`)
          : err,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The request body, or `undefined` once it grows past `limit` bytes: reading stops there, so a
 * client cannot make the front hold an unbounded body in memory.
 */
export function readBodyUpTo(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends the request (method, path, headers, body) to `base` and reads the whole answer. */
export function forward(req: IncomingMessage, body: Buffer, base: string): Promise<Upstream> {
  const target = new URL(req.url ?? '/', base);
  // The body is read whole, so its length is known: never chunked (Prism would forward both
  // Transfer-Encoding and a Content-Length, which a provider's HTTP parser rightly rejects).
  const { 'transfer-encoding': _chunked, ...headers } = req.headers;
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      target,
      { method: req.method, headers: { ...headers, host: target.host, 'content-length': String(body.length) } },
      (res) => {
        readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

export function sendUpstream(res: ServerResponse, up: Upstream, drop: readonly string[] = []): void {
  for (const [name, value] of Object.entries(up.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !drop.includes(name)) res.setHeader(name, value);
  }
  res.statusCode = up.status;
  res.end(up.body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A front started in front of a running server (Prism, or the simulator for `mock --validate`):
 * closing the front closes the server too, and a front that fails to start closes the server
 * before the error goes on.
 */
export async function inFrontOf(server: { close(): Promise<void> }, start: () => Promise<RunningFront>): Promise<RunningFront> {
  try {
    const front = await start();
    return {
      ...front,
      close: async () => {
        await front.close();
        await server.close();
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}
