/**
 * A small stand-in for the race tests: a plain node:http server in front of a simulator (or of
 * nothing) that changes what a provider looks like from outside: a control API of another shape,
 * 429s with a given Retry-After on the final-state reads. Loopback only, port 0.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyOptions {
  /** Where everything else goes; without it every other request gets 404 {}. */
  upstream?: string;
  /** The body of GET /__control/fixtures (200), e.g. another tool's control API. */
  foreignFixtures?: unknown;
  /** The first read of each coupon (Zupy ?code=, B2S ?search=) gets 429 with this Retry-After (s). */
  throttleFirstRead?: number;
  /** API requests (not /__control/) per minute; past it 429 with Retry-After until the window ends. */
  rateLimit?: number;
  /** Answers this request itself when it returns a reply (a provider breaking a rule). */
  override?: (method: string, path: string) => { status: number; body: unknown } | undefined;
}

export interface RunningProxy {
  url: string;
  /** 429s sent so far. */
  throttled(): number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startProxy(o: ProxyOptions): Promise<RunningProxy> {
  const seen = new Set<string>();
  let throttled = 0;
  const window = { start: Date.now(), count: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (o.foreignFixtures !== undefined && url.pathname === '/__control/fixtures') return json(res, 200, o.foreignFixtures);
    if (o.rateLimit !== undefined && !url.pathname.startsWith('/__control/')) {
      if (Date.now() - window.start >= 60_000) Object.assign(window, { start: Date.now(), count: 0 });
      if (++window.count > o.rateLimit) {
        throttled++;
        const retry = Math.max(1, Math.ceil((window.start + 60_000 - Date.now()) / 1000));
        return json(res, 429, { status: 'error', message: 'Too many requests' }, { 'retry-after': String(retry) });
      }
    }
    const own = o.override?.(req.method ?? 'GET', url.pathname);
    if (own) return json(res, own.status, own.body);
    const read = req.method === 'GET' ? (url.searchParams.get('code') ?? url.searchParams.get('search')) : null;
    if (o.throttleFirstRead !== undefined && read !== null && !seen.has(read)) {
      seen.add(read);
      throttled++;
      return json(
        res,
        429,
        {
          type: 'https://docs.zupy.com/errors#rate-limit-exceeded',
          title: 'Rate Limit Exceeded',
          status: 429,
          detail: 'Too many requests.',
          instance: url.pathname,
        },
        { 'retry-after': String(o.throttleFirstRead) },
      );
    }
    if (!o.upstream) return json(res, 404, {});
    const up = new URL(req.url ?? '/', o.upstream);
    const fwd = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    fwd.on('error', () => json(res, 502, {}));
    req.pipe(fwd);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    throttled: () => throttled,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
