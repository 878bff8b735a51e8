/**
 * The HTTP core shared by every provider: routes and request validation come from the spec
 * (the route table fastify-openapi-glue derives from it, see specs/routes.ts, and Fastify's compiled AJV); auth, faults, the journal and the control API
 * wrap them; the provider module supplies handlers and its own error format.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { OpenApiDocument } from '../../specs/index.ts';
import { Clock } from './clock.ts';
import { hostPolicy } from './control/guard.ts';
import { registerControl } from './control/routes.ts';
import { clientErrorHandler } from './client-errors.ts';
import { Faults, type FaultConfig } from './faults.ts';
import { Journal } from './journal.ts';
import { AJV_OPTIONS, deriveRoutes, routesFor } from '../../specs/routes.ts';
import type { EdgeFailure, ProviderInstance, ProviderModule, ProviderReply, SimContext, SimulatorOptions } from './types.ts';

export interface AppOptions {
  fixtures?: unknown;
  faults?: Partial<FaultConfig>;
  simulator?: Partial<SimulatorOptions>;
  /** Control API: true (loopback only), false (off), or a token remote callers must send. */
  control?: boolean | { token: string };
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  bodyLimit?: number;
  /** The spec to route and validate by (default: the module's spec in specs/). */
  spec?: OpenApiDocument;
  /** The interface the server will listen on (`--host`): with loopback names, the Host headers it serves. */
  host?: string;
  /** Connection timeouts (see ServerTimeouts); each defaults to DEFAULT_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
}

/** How long a client may take, in milliseconds: slow or stalled clients are disconnected, other requests go on being served. */
export interface ServerTimeouts {
  /** From the connection's first byte to the end of the request headers. */
  headersMs: number;
  /** For the whole request, headers and body (not the response: latency faults are not cut short). */
  requestMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** Fastify and Node server options for these timeouts; an inconsistent set is refused with one line. */
function timeoutOptions(t: ServerTimeouts) {
  for (const [name, v] of Object.entries(t))
    if (!Number.isInteger(v) || v < 1) throw new Error(`timeout ${name} must be a whole number of milliseconds ≥ 1, got ${v}`);
  if (t.headersMs > t.requestMs)
    throw new Error(`the header timeout (${t.headersMs} ms) cannot exceed the request timeout (${t.requestMs} ms)`);
  // Node checks header and request deadlines on this interval (30 s by default, longer than the deadlines themselves).
  const connectionsCheckingInterval = Math.max(25, Math.min(1000, Math.floor(t.headersMs / 4)));
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval },
  };
}

/** A route path pattern (`/api/v2/customers/:id/points/`) as a RegExp over raw request paths. */
const routePattern = (url: string) =>
  new RegExp(
    `^${url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}$`,
  );

export interface Simulator {
  app: FastifyInstance;
  ctx: SimContext;
  provider: ProviderInstance<unknown>;
  journal: Journal;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A JSON body that failed to parse: reported only by routes that take a body. */
    bodyError?: string;
    /** The text of a body that did not parse as JSON (kept for the journal). */
    rawBody?: string;
    /** Set on API (spec) routes; absent on control routes and unknown routes. */
    operationId?: string;
  }
  interface FastifyReply {
    /** The payload as sent, kept for the journal. */
    sentPayload?: unknown;
  }
  interface FastifyContextConfig {
    operationId?: string;
  }
}

export function send(reply: FastifyReply, r: ProviderReply): FastifyReply {
  if (r.headers) void reply.headers(r.headers);
  void reply.code(r.status);
  if (r.body === undefined) return reply.send();
  // The text as sent, for the journal (a reference: nothing is copied).
  const text = JSON.stringify(r.body);
  reply.sentPayload = text;
  return reply.type('application/json').send(text);
}

/** The response headers the journal keeps: the provider's own (content type, rate limit, Allow, request id). */
const JOURNALED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'allow',
  'x-request-id',
] as const;

function journaledHeaders(reply: FastifyReply): Record<string, number | string | string[] | undefined> {
  const out: Record<string, number | string | string[] | undefined> = {};
  for (const name of JOURNALED_RESPONSE_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function validationFailure(err: {
  validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}): EdgeFailure {
  const first = err.validation?.[0];
  const missing = first?.params?.missingProperty;
  const fromPath = (first?.instancePath ?? '').split('/').filter(Boolean).join('.');
  const field = typeof missing === 'string' ? missing : fromPath || (err.validationContext ?? 'request');
  return { kind: 'validation', location: err.validationContext ?? 'request', field, message: first?.message ?? 'is invalid' };
}

export async function buildSimulator(module: ProviderModule, options: AppOptions = {}): Promise<Simulator> {
  const { routes, buildValidator } = options.spec
    ? { routes: await deriveRoutes(options.spec), buildValidator: undefined }
    : await routesFor(module.api);
  const ctx: SimContext = {
    clock: new Clock(),
    faults: new Faults(options.faults),
    options: { rateLimit: 0, envelope: true, ...options.simulator },
  };
  const provider = module.create(ctx, options.fixtures);
  const journal = new Journal();
  const level = options.logLevel ?? 'silent';
  const hostAllowed = hostPolicy({ bindHost: options.host ?? '127.0.0.1', tokenSet: typeof options.control === 'object' });
  const app = Fastify({
    ...timeoutOptions({ ...DEFAULT_TIMEOUTS, ...options.timeouts }),
    logger: level === 'silent' ? false : { level },
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    routerOptions: { maxParamLength: 512 },
    // URLs the router cannot read (broken percent-encoding, an over-long parameter) get the
    // provider's format too, not Fastify's own body.
    frameworkErrors: (error, request, rawReply) => {
      const reply = rawReply as unknown as FastifyReply;
      const reason = (error as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too-long' : 'encoding';
      if (error.statusCode === undefined || error.statusCode >= 500) internalError(request, error);
      if (request.url.startsWith('/__control/')) void reply.code(400).send({ error: error.message });
      else void send(withHeaders(request, reply), provider.edgeError({ kind: 'bad-url', reason }, request));
    },
    // Requests Node's parser refuses (raw non-ASCII bytes in the URL) get the provider's format too.
    clientErrorHandler: (err, socket) => onClientError(err as never, socket),
    ajv: { customOptions: AJV_OPTIONS },
    ...(buildValidator ? { schemaController: { compilersFactory: { buildValidator: buildValidator as never } } } : {}),
  });
  // Declared once, so the per-request fields below do not change the shape of every request and reply.
  app.decorateRequest('bodyError', undefined);
  app.decorateRequest('rawBody', undefined);
  app.decorateRequest('operationId', undefined);
  app.decorateReply('sentPayload', undefined);

  /** Fastify's own answer to a request Node could not parse (as its default clientErrorHandler). */
  const fallbackClientError = (err: Error & { code?: string }, socket: Socket) => {
    const [status, message] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Client Timeout']
        : err.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Exceeded maximum allowed HTTP header size']
          : [400, 'Client Error'];
    const body = JSON.stringify({ error: STATUS_CODES[status], message, statusCode: status });
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\n\r\n${body}`,
      );
    socket.destroy(err);
  };
  const onClientError = clientErrorHandler(provider, fallbackClientError);

  // JSON bodies are parsed here so that a parse error is reported after auth, and only by routes
  // that take a body (a validate call with a stray body is not an error).
  app.removeAllContentTypeParsers();
  const parseJson = (request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void) => {
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body));
    } catch (err) {
      request.bodyError = (err as Error).message;
      request.rawBody = body;
      done(null, undefined);
    }
  };
  app.addContentTypeParser(['application/json', 'application/problem+json'], { parseAs: 'string' }, parseJson);
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const type = String(request.headers['content-type'] ?? '');
    if ((body as string).length > 0) {
      request.bodyError = `unsupported-media-type:${type}`;
      request.rawBody = body as string;
    }
    done(null, undefined);
  });

  // Hooks on the hot path are route-level closures that know their operation (no per-request
  // `request.routeOptions`, which Fastify builds afresh on every read) and use callbacks, not async
  // functions: no promise per request.
  const headersFor = provider.responseHeaders?.bind(provider);
  const withHeaders = (request: FastifyRequest, reply: FastifyReply) => {
    const headers = headersFor?.(request);
    if (headers) void reply.headers(headers);
    return reply;
  };
  const admit = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const rejected = provider.authenticate(request) ?? provider.admit?.(request);
    // Rate-limit headers go on every API response, whatever answers it (handler, auth, validation, faults).
    withHeaders(request, reply);
    if (rejected) void send(reply, rejected);
    else if (ctx.faults.shouldFail()) void send(reply, provider.edgeError({ kind: 'unavailable' }, request));
    else done();
  };
  const onRequestFor =
    (operationId: string) =>
    (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
      request.operationId = operationId;
      // DNS rebinding: a page on another name that resolves to this machine is not served.
      if (!hostAllowed(request.headers.host, false)) {
        void send(withHeaders(request, reply), provider.edgeError({ kind: 'forbidden-host' }, request));
        return;
      }
      const { latencyMs } = ctx.faults.config;
      if (latencyMs > 0) void sleep(latencyMs).then(() => admit(request, reply, done));
      else admit(request, reply, done);
    };
  const preValidationFor =
    (bodyRequired: boolean) =>
    (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
      // Fastify does not validate a missing body; a required one is a validation failure.
      if (bodyRequired && request.body === undefined && !request.bodyError) {
        void send(
          reply,
          provider.edgeError({ kind: 'validation', location: 'body', field: 'body', message: 'must have required property body' }, request),
        );
        return;
      }
      if (!request.bodyError) return done();
      const failure: EdgeFailure = request.bodyError.startsWith('unsupported-media-type:')
        ? { kind: 'unsupported-media-type', contentType: request.bodyError.slice('unsupported-media-type:'.length) }
        : { kind: 'malformed-body', message: request.bodyError };
      void send(reply, provider.edgeError(failure, request));
    };
  const record = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    journal.add({
      atMs: ctx.clock.nowMs(),
      method: request.method,
      url: request.url,
      query: request.query,
      headers: request.headers,
      status: reply.statusCode,
      operationId: request.operationId ?? null,
      elapsedMs: reply.elapsedTime,
      requestBody: request.body ?? request.rawBody,
      responsePayload: reply.sentPayload,
      responseHeaders: journaledHeaders(reply),
    });
    done();
  };

  // Every route, for 405 answers: a known path asked with another method.
  const known: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const entry = known.find((k) => k.pattern.source === routePattern(r.url).source);
    if (entry) for (const m of methods) entry.methods.add(m);
    else known.push({ pattern: routePattern(r.url), methods: new Set(methods) });
  });
  const allowedMethods = (url: string): string[] => {
    const path = url.split('?')[0] ?? url;
    return [...new Set(known.filter((k) => k.pattern.test(path)).flatMap((k) => [...k.methods]))].sort();
  };

  /** An error nobody expected: on stderr at every log level, with its stack and the request's id. */
  const internalError = (request: FastifyRequest, error: Error) => {
    process.stderr.write(
      `coupon-kit ${module.api} simulator: internal error on ${request.method} ${request.url} (request id ${request.id})\n${error.stack ?? error.message}\n`,
    );
  };

  app.setErrorHandler((error, request, reply) => {
    const e = error as Error & { validation?: []; validationContext?: string; code?: string; statusCode?: number };
    let failure: EdgeFailure;
    if (e.validation) failure = validationFailure(e);
    else if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') failure = { kind: 'body-too-large' };
    else if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      failure = { kind: 'unsupported-media-type', contentType: String(request.headers['content-type'] ?? '') };
    else if (e.statusCode === 400) failure = { kind: 'malformed-body', message: e.message };
    else {
      internalError(request, e);
      request.log.error(error);
      failure = { kind: 'internal' };
      void reply.header('x-request-id', request.id);
    }
    if (request.url.startsWith('/__control/')) {
      const status = failure.kind === 'body-too-large' ? 413 : failure.kind === 'internal' ? 500 : 400;
      return reply.code(status).send({ error: e.message, ...(failure.kind === 'internal' ? { request_id: request.id } : {}) });
    }
    // An error on an API route comes after admission, which has set the rate-limit headers.
    return send(reply, provider.edgeError(failure, request));
  });

  app.setNotFoundHandler((request, reply) => {
    const allow = allowedMethods(request.url);
    const control = request.url.startsWith('/__control/');
    // A known path asked with another method (OPTIONS preflights included): 405 with Allow, and no CORS headers.
    if (allow.length) void reply.header('allow', allow.join(', '));
    if (control) {
      if (allow.length)
        return reply
          .code(405)
          .send({ error: `method ${request.method} not allowed on ${request.url.split('?')[0]}; allowed: ${allow.join(', ')}` });
      return reply.code(404).send({ error: `no control endpoint ${request.method} ${request.url}` });
    }
    return send(
      withHeaders(request, reply),
      provider.edgeError(allow.length ? { kind: 'method-not-allowed' } : { kind: 'route-not-found' }, request),
    );
  });

  // Routes and request schemas as fastify-openapi-glue derives them from the spec (see routes.ts).
  for (const r of routes) {
    const handler = provider.handlers[r.operationId];
    if (!handler) throw new Error(`${module.api}: no handler for operation ${r.operationId}`);
    app.route({
      method: r.method,
      url: r.url,
      schema: r.schema,
      config: { operationId: r.operationId },
      onRequest: onRequestFor(r.operationId),
      // Only routes that take a body report a body that failed to parse (a stray body elsewhere is ignored).
      ...(r.hasBody ? { preValidation: preValidationFor(r.bodyRequired) } : {}),
      onResponse: record,
      handler,
    });
  }

  const control = options.control ?? true;
  if (control !== false) {
    registerControl(app, {
      module,
      provider,
      ctx,
      journal,
      token: typeof control === 'object' ? control.token : undefined,
      initialFaults: ctx.faults.config,
      hostAllowed: (host) => hostAllowed(host, true),
    });
  }

  await app.ready();
  return { app, ctx, provider, journal };
}
