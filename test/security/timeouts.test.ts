/**
 * Slow clients are cut off while everyone else is served: 20 loopback connections trickle their
 * headers, trickle or stall their bodies, say nothing, or sit idle after a keep-alive request; each is
 * closed by the server, and ordinary requests keep getting answers meanwhile. Short timeouts are
 * configured so the test is quick; it asserts closure, not timing.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';

const SHORT = { headersMs: 400, requestMs: 800, keepAliveMs: 300 };
const started: RunningMock[] = [];
afterAll(() => Promise.all(started.map((m) => m.close())));

type Kind = 'trickled headers' | 'trickled body' | 'stalled body' | 'silent' | 'idle keep-alive';
const KINDS: Kind[] = ['trickled headers', 'trickled body', 'stalled body', 'silent', 'idle keep-alive'];

interface Slow {
  kind: Kind;
  socket: Socket;
  closed: Promise<void>;
  isClosed: () => boolean;
  stop: () => void;
}

/** One slow client; it trickles a byte every 50 ms (at most 400 bytes) until the server closes it. */
function slowClient(port: number, kind: Kind): Slow {
  const socket = connect(port, '127.0.0.1');
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => socket.on('close', () => ((closed = true), clearInterval(timer), resolve())));
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  const trickle = (text: string) => {
    let i = 0;
    timer = setInterval(() => (closed || i >= text.length ? clearInterval(timer) : socket.write(text[i++] ?? '')), 50);
  };
  const head = `POST /__control/seed?mode=merge HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n`;
  socket.on('connect', () => {
    if (kind === 'trickled headers') trickle(`GET /__control/clock HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Pad: ${'a'.repeat(380)}`);
    if (kind === 'trickled body') {
      socket.write(head);
      trickle(' '.repeat(400));
    }
    if (kind === 'stalled body') socket.write(`${head}{"coupons":`);
    if (kind === 'idle keep-alive')
      socket.write(`GET /__control/clock HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
  });
  return { kind, socket, closed: done, isClosed: () => closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

async function served(m: RunningMock): Promise<number[]> {
  const api = await fetch(`${m.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': DEMO.keyReadWrite } });
  const control = await fetch(`${m.url}/__control/clock`);
  return [api.status, control.status];
}

describe('connection timeouts', () => {
  it('20 slow connections are each closed by the server while normal requests are served', async () => {
    const m = await startMock({ api: 'zupy', port: 0, timeouts: SHORT });
    started.push(m);
    const slow = Array.from({ length: 20 }, (_, i) => slowClient(m.port, KINDS[i % KINDS.length] as Kind));
    const statuses: number[] = [];
    // Ordinary traffic goes on while the slow clients hold their sockets.
    while (!slow.every((s) => s.isClosed()) && statuses.length < 200) statuses.push(...(await served(m)));
    await Promise.all(slow.map((s) => s.closed));
    expect(slow.filter((s) => !s.isClosed()).map((s) => s.kind)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // The stalled seed never reached the store.
    expect((await m.control.fixtures<{ coupons: unknown[] }>()).coupons).toHaveLength(7);
  }, 30_000);

  it('negative control: with long timeouts the same slow clients are still open once the short ones have been cut', async () => {
    const short = await startMock({ api: 'zupy', port: 0, timeouts: SHORT });
    const long = await startMock({ api: 'zupy', port: 0, timeouts: { headersMs: 60_000, requestMs: 60_000, keepAliveMs: 60_000 } });
    started.push(short, long);
    const cut = KINDS.map((k) => slowClient(short.port, k));
    const kept = KINDS.map((k) => slowClient(long.port, k));
    await Promise.all(cut.map((s) => s.closed));
    expect(kept.filter((s) => s.isClosed()).map((s) => s.kind)).toEqual([]);
    for (const s of kept) s.stop();
  }, 30_000);

  it('an inconsistent set of timeouts is refused with one line', async () => {
    await expect(startMock({ api: 'zupy', port: 0, timeouts: { headersMs: 5000, requestMs: 1000 } })).rejects.toThrow(
      /header timeout \(5000 ms\) cannot exceed the request timeout/,
    );
    await expect(startMock({ api: 'zupy', port: 0, timeouts: { keepAliveMs: 0 } })).rejects.toThrow(/keepAliveMs must be a whole number/);
  });
});
