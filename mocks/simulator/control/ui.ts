/**
 * The web console's static files (`GET /__control/ui/`), built by scripts/build.mjs into dist/ui/.
 * They carry no data, so they are served under the Host check only (a browser navigation cannot
 * send the control token); the page's data calls go through the guarded control API. Every answer
 * forbids framing, inline script and MIME sniffing, and carries no CORS header.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROOT } from '../../../specs/root.ts';

export const UI_PATH = '/__control/ui/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const UI_HEADERS = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** dist/ui/ of this package (the folder of coupon-kit's package.json), and nowhere else. */
function findUiDir(): string | undefined {
  const candidate = join(ROOT, 'dist', 'ui');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}

/** The built files, read once on first use: file name → body. */
let files: Map<string, Buffer> | undefined;
function load(): Map<string, Buffer> {
  if (files) return files;
  const dir = findUiDir();
  const found = new Map<string, Buffer>();
  if (dir)
    for (const name of readdirSync(dir)) if (TYPES[name.slice(name.lastIndexOf('.'))]) found.set(name, readFileSync(join(dir, name)));
  if (found.has('index.html')) files = found;
  return found;
}

export function registerUi(app: FastifyInstance, hostAllowed: (host: string | undefined) => boolean): void {
  const serve = (name: string, host: string | undefined, reply: FastifyReply) => {
    void reply.headers(UI_HEADERS);
    if (!hostAllowed(host))
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send(`console: Host '${host}' is not a loopback name or the --host this mock serves (DNS rebinding protection)`);
    const body = load().get(name);
    if (!body) {
      const missing = name === 'index.html' ? 'the console is not built: run `npm run build`' : `no console file ${name}`;
      return reply.code(404).type('text/plain; charset=utf-8').send(missing);
    }
    return reply
      .code(200)
      .type(TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream')
      .send(body);
  };
  app.get('/__control/ui', (request, reply) => {
    void reply.headers(UI_HEADERS);
    return reply.redirect(UI_PATH);
  });
  app.get(UI_PATH, (request, reply) => serve('index.html', request.headers.host, reply));
  app.get(`${UI_PATH}:file`, (request, reply) => serve((request.params as { file: string }).file, request.headers.host, reply));
}
