/**
 * A stand-in for the negative control: a proxy in front of a mock that passes everything through
 * except GET /__control/events, which it answers with `ready` and then nothing (a server whose
 * events never come).
 */
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function silentEvents(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url === '/__control/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: ready\ndata: ${JSON.stringify({ api: 'zupy', seq: 0 })}\n\n`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    const upstream = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent: false }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of streams) s.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
