/**
 * A small stand-in provider for the tests: it forwards every request to an upstream provider (the
 * simulator without its control API) and lets a test rewrite answers, so a fault can be put exactly
 * where the test wants it (a 500 on malformed JSON, the post-cutover Zupy format, a missing endpoint),
 * or a server that accepts connections and never answers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';

export interface Forwarded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StandInHooks {
  /** Answer without forwarding (return undefined to forward). */
  before?: (req: Forwarded) => Answer | undefined;
  /** Rewrite the upstream's answer. */
  after?: (req: Forwarded, res: Answer, origin: string) => Answer;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export async function startStandIn(upstream: string, hooks: StandInHooks): Promise<{ url: string; close: () => Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      const fwd: Forwarded = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body };
      let answer = hooks.before?.(fwd);
      if (!answer) {
        const up = await fetch(`${upstream}${fwd.path}`, {
          method: fwd.method,
          headers,
          ...(body && fwd.method !== 'GET' ? { body } : {}),
        });
        const upHeaders: Record<string, string> = {};
        up.headers.forEach((v, k) => {
          if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) upHeaders[k] = v;
        });
        answer = { status: up.status, headers: upHeaders, body: await up.text() };
        if (hooks.after) answer = hooks.after(fwd, answer, origin);
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.status === 204 ? undefined : answer.body);
    })().catch((err: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A server that accepts every connection and never answers. */
export async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createTcpServer((s) => {
    sockets.push(s);
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Decision Z-1's post-cutover format: single objects at the root, lists as DRF {count, next, previous, results}. */
export function toPostCutover(req: Forwarded, res: Answer, origin: string): Answer {
  if (res.status < 200 || res.status >= 300 || !(res.headers['content-type'] ?? '').includes('json')) return res;
  const body = JSON.parse(res.body) as { data: unknown; meta: { cursor?: string | null; has_next?: boolean; count?: number | null } };
  if (!Array.isArray(body.data)) return { ...res, body: JSON.stringify(body.data) };
  const url = new URL(req.path, origin);
  const next = body.meta.has_next && body.meta.cursor ? (url.searchParams.set('cursor', body.meta.cursor), url.href) : null;
  return { ...res, body: JSON.stringify({ count: body.meta.count ?? body.data.length, next, previous: null, results: body.data }) };
}
