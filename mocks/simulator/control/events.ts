/**
 * `GET /__control/events`: Server-Sent Events for the web console. `ready` first ({api, seq}), then
 * `request` (one journal entry) after each API request is answered and `state` ({reason}) after
 * anything that may have changed coupons, the clock or faults; `: ping` every 15 s.
 * Nothing is formatted while nobody listens; a client that goes away is dropped at once, one that
 * reads too slowly is disconnected, and closing the server ends every stream.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Journal } from '../journal.ts';

export type StateReason = 'request' | 'reset' | 'seed' | 'clock' | 'faults' | 'otp-policy' | 'provider-state' | 'journal';

/** The control calls that change state, by route, and the reason their `state` event carries. */
const REASONS: Record<string, StateReason> = {
  '/__control/reset': 'reset',
  '/__control/seed': 'seed',
  '/__control/clock': 'clock',
  '/__control/faults': 'faults',
  '/__control/otp-policy': 'otp-policy',
  '/__control/provider-states': 'provider-state',
  '/__control/requests': 'journal',
};

export const PING_MS = 15_000;
/** Unsent bytes a client may fall behind by before it is disconnected. */
const MAX_BUFFERED = 1 << 20;
const READ_ONLY = new Set(['GET', 'HEAD']);
/** At most one `state` event for API requests per this many ms: a load test must not make every console re-read the store per request. */
export const REQUEST_STATE_MS = 250;

export interface EventsOptions {
  api: string;
  journal: Journal;
  /** Test hook: the interval between pings (default PING_MS). */
  pingMs?: number;
}

/** Registers the stream in `scope` (the guarded control scope), and the hook that reports control calls as `state` events. */
export function registerEvents(scope: FastifyInstance, o: EventsOptions): void {
  const clients = new Set<ServerResponse>();
  let unsubscribe: (() => void) | undefined;
  let ping: NodeJS.Timeout | undefined;

  const broadcast = (text: string) => {
    for (const res of clients) {
      if (res.writableLength > MAX_BUFFERED) res.destroy();
      else res.write(text);
    }
  };
  const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const state = (reason: StateReason) => broadcast(frame('state', { reason }));
  // API requests that change state: one event now, then at most one per REQUEST_STATE_MS for the ones after it.
  let requestStateTimer: NodeJS.Timeout | undefined;
  let requestStatePending = false;
  const requestState = () => {
    if (requestStateTimer) {
      requestStatePending = true;
      return;
    }
    state('request');
    requestStateTimer = setTimeout(() => {
      requestStateTimer = undefined;
      if (requestStatePending) {
        requestStatePending = false;
        requestState();
      }
    }, REQUEST_STATE_MS);
    requestStateTimer.unref();
  };

  const start = () => {
    unsubscribe = o.journal.subscribe((entry) => {
      const e = entry();
      broadcast(frame('request', e));
      if (!READ_ONLY.has(e.method)) requestState();
    });
    ping = setInterval(() => broadcast(': ping\n\n'), o.pingMs ?? PING_MS);
    ping.unref();
  };
  const stop = () => {
    unsubscribe?.();
    unsubscribe = undefined;
    clearInterval(ping);
    ping = undefined;
    clearTimeout(requestStateTimer);
    requestStateTimer = undefined;
    requestStatePending = false;
  };

  scope.addHook('onResponse', (request, reply, done) => {
    if (clients.size > 0 && !READ_ONLY.has(request.method) && reply.statusCode < 300) {
      const reason = REASONS[request.routeOptions.url ?? ''];
      if (reason) state(reason);
    }
    done();
  });

  // No automatic HEAD route: it would run this handler and hold a stream open that never sends its headers.
  scope.get('/events', { exposeHeadRoute: false }, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    const socket = request.raw.socket;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-content-type-options': 'nosniff',
    });
    res.write(frame('ready', { api: o.api, seq: o.journal.lastSeq }));
    if (clients.size === 0) start();
    clients.add(res);
    res.on('close', () => {
      clients.delete(res);
      if (clients.size === 0) stop();
      // A client that half-closed would otherwise hold its socket open, and server.close() would wait for it.
      socket.destroy();
    });
  });

  // A stream never ends by itself: without this, closing the server would wait for every console to go away.
  scope.addHook('preClose', (done) => {
    for (const res of clients) res.end();
    stop();
    done();
  });
}
