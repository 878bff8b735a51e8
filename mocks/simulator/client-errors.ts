/**
 * Requests Node's HTTP parser refuses before Fastify sees them (raw non-ASCII bytes or control
 * characters in the request line or a header) are answered in the provider's own format, as an
 * unreadable URL, instead of the framework's generic 400 body. Timeouts (408) and oversize headers
 * (431) keep the framework's answer: no request exists to speak of.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { ProviderInstance, ProviderReply } from './types.ts';

/** The request line and headers of a refused request, as far as they can be read; null when not even that. */
export function readRawRequest(raw: Buffer | undefined): { method: string; url: string; headers: Record<string, string> } | null {
  if (!raw || raw.length === 0) return null;
  const lines = raw.toString('latin1').split('\r\n');
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    if (line === '') break;
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  // Bytes the parser refused are shown percent-encoded (the problem's `instance` is a readable path).
  const url = (m[2] ?? '/').replace(/[^\x21-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return { method: m[1] ?? 'GET', url, headers };
}

function write(socket: Socket, r: ProviderReply): void {
  const body = r.body === undefined ? '' : JSON.stringify(r.body);
  const headers = Object.entries(r.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${headers}\r\n${body}`,
  );
}

/** Fastify's `clientErrorHandler`: the provider's format where a request line could be read, Fastify's default otherwise. */
export function clientErrorHandler(provider: ProviderInstance<unknown>, fallback: (err: Error, socket: Socket) => void) {
  return (err: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const req = err.code?.startsWith('HPE_') && err.code !== 'HPE_HEADER_OVERFLOW' ? readRawRequest(err.rawPacket) : null;
    if (!req || !socket.writable) return fallback(err, socket);
    const request = { ...req, id: 'unparsed', query: {}, params: {}, routeOptions: {} } as unknown as FastifyRequest;
    if (req.url.startsWith('/__control/')) return write(socket, { status: 400, body: { error: `unreadable request: ${err.code}` } });
    const reply = provider.edgeError({ kind: 'bad-url', reason: 'encoding' }, request);
    write(socket, { ...reply, headers: { ...provider.responseHeaders?.(request), ...reply.headers } });
  };
}
