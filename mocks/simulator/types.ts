/**
 * What the HTTP core needs from each provider module (one per API), in the order it needs it:
 * - ProviderModule: known before any server exists: the API (hence its spec and routes, see
 *   routes.ts) and its fixture check;
 * - ProviderSetup: fixed once a simulator is created: handlers, starting fixtures, banner;
 * - RequestPolicy: what runs on every API request: auth, admission, response headers, edge errors;
 * - ProviderState: what the control API calls to read and replace the state.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiName } from '../../specs/index.ts';
import type { BannerOptions } from './banner.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';

/** A reply in the provider's own format: status, JSON body (or none for 204) and extra headers. */
export interface ProviderReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimContext {
  clock: Clock;
  faults: Faults;
  options: SimulatorOptions;
}

export interface SimulatorOptions {
  /** Zupy: per-key limit per minute; 0 = headers only, no enforcement (the default). */
  rateLimit: number;
  /** Zupy: wrap success bodies in {data, meta} (decision Z-1); false = root objects. */
  envelope: boolean;
}

/** Why a request could not be handled, in terms each provider maps to its own error format. */
export type EdgeFailure =
  | { kind: 'validation'; location: string; field: string; message: string }
  | { kind: 'malformed-body'; message: string }
  | { kind: 'unsupported-media-type'; contentType: string }
  | { kind: 'body-too-large' }
  | { kind: 'route-not-found' }
  /** The router could not read the URL: broken percent-encoding, or a path parameter over 512 characters. */
  | { kind: 'bad-url'; reason: 'encoding' | 'too-long' }
  /** A known path asked with a method it does not have (the spec's x-method-not-allowed); the core sets Allow. */
  | { kind: 'method-not-allowed' }
  /** A Host header that names neither a loopback name nor the --host the server listens on (DNS rebinding). */
  | { kind: 'forbidden-host' }
  | { kind: 'unavailable' }
  | { kind: 'internal' };

import type { CouponView } from './control/coupons.ts';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** Fixed once the simulator is created. */
export interface ProviderSetup<Fixtures> {
  /** Route handlers by operationId; auth and admission have already run. */
  handlers: Record<string, Handler>;
  /** Validates untrusted fixture JSON; returns problems (empty = fine). The module's check. */
  checkFixtures(input: unknown): string[];
  /** The fixtures the server started from (demo data unless --seed). */
  initialFixtures(): Fixtures;
  /** A short human summary (credentials, ids, curl lines) printed at start. */
  banner(baseUrl: string, options?: BannerOptions): string;
}

/** Runs on every API request, in this order: authenticate, admit, the handler; responseHeaders on every answer. */
export interface RequestPolicy {
  /** Runs first; a ProviderReply (401, 403) refuses the request. */
  authenticate(request: FastifyRequest): ProviderReply | undefined;
  /** Admission after auth (Zupy's rate limit); a ProviderReply (429) refuses the request. */
  admit?(request: FastifyRequest): ProviderReply | undefined;
  /** Headers added to every API response, whatever answers it (Zupy's rate-limit headers); never refuses. */
  responseHeaders?(request: FastifyRequest): Record<string, string> | undefined;
  /** The provider's error for a failure found at the edge (validation, parsing, routing, faults). */
  edgeError(failure: EdgeFailure, request: FastifyRequest): ProviderReply;
}

/** The state, as the control API reads and replaces it. */
export interface ProviderState<Fixtures> {
  /** Replaces all state with these fixtures (already validated). */
  load(fixtures: Fixtures): void;
  /** Adds these fixtures to the current state (already validated). */
  merge(fixtures: Fixtures): void;
  /** Every coupon as the control API shows it (GET /__control/coupons), with its status at `nowMs`. */
  coupons(nowMs: number): CouponView[];
  /** The data currently loaded, as fixture JSON (keys, tokens, ids). */
  snapshot(): Fixtures;
  /** Zupy: set the OTP policy of a company (or all). */
  setOtpPolicy?(input: unknown): ProviderReply;
  /** Pact provider states: applies a named state with params; returns values for fromProviderState. */
  providerState?(state: string, params: Record<string, unknown>): Record<string, unknown>;
}

/** One running provider: its setup, its request policy and its state. */
export interface ProviderInstance<Fixtures> extends ProviderSetup<Fixtures>, RequestPolicy, ProviderState<Fixtures> {}

export interface ProviderModule<Fixtures = unknown> {
  /** Selects the spec, hence the routes and request validation (routes.ts). */
  api: ApiName;
  /** Validates untrusted fixture JSON without creating a simulator; returns problems (empty = fine). */
  checkFixtures(input: unknown): string[];
  create(ctx: SimContext, fixtures: Fixtures | undefined): ProviderInstance<Fixtures>;
}
