/** What the HTTP core needs from each provider module (one per API). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiName } from '../../specs/index.ts';
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
  | { kind: 'method-not-allowed' }
  /** A Host header that names neither a loopback name nor the --host the server listens on (DNS rebinding). */
  | { kind: 'forbidden-host' }
  | { kind: 'unavailable' }
  | { kind: 'internal' };

import type { BannerOptions } from './banner.ts';
import type { CouponView } from './control/coupons.ts';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface ProviderInstance<Fixtures> {
  /** Route handlers by operationId; auth has already run (see `authenticate`). */
  handlers: Record<string, Handler>;
  /** Runs first on every API request; a ProviderReply rejects it. */
  authenticate(request: FastifyRequest): ProviderReply | undefined;
  /** The provider's error for a failure found at the edge (validation, parsing, routing, faults). */
  edgeError(failure: EdgeFailure, request: FastifyRequest): ProviderReply;
  /** Headers added to every API response (Zupy's rate-limit headers); may reject with 429. */
  onResponseHeaders?(request: FastifyRequest): Record<string, string> | undefined;
  /** Rate limiting, checked after auth; a ProviderReply rejects the request. */
  rateLimit?(request: FastifyRequest): ProviderReply | undefined;
  /** Replaces all state with these fixtures (already validated). */
  load(fixtures: Fixtures): void;
  /** Adds these fixtures to the current state (already validated). */
  merge(fixtures: Fixtures): void;
  /** Validates untrusted fixture JSON; returns problems (empty = fine). */
  checkFixtures(input: unknown): string[];
  /** The fixtures the server started from (demo data unless --seed). */
  initialFixtures(): Fixtures;
  /** Every coupon as the control API shows it (GET /__control/coupons), with its status at `nowMs`. */
  coupons(nowMs: number): CouponView[];
  /** The data currently loaded, as fixture JSON (keys, tokens, ids). */
  snapshot(): Fixtures;
  /** Zupy: set the OTP policy of a company (or all). */
  setOtpPolicy?(input: unknown): ProviderReply;
  /** Pact provider states: applies a named state with params; returns values for fromProviderState. */
  providerState?(state: string, params: Record<string, unknown>): Record<string, unknown>;
  /** A short human summary (credentials, ids, curl lines) printed at start. */
  banner(baseUrl: string, options?: BannerOptions): string;
}

export interface ProviderModule<Fixtures = unknown> {
  api: ApiName;
  create(ctx: SimContext, fixtures: Fixtures | undefined): ProviderInstance<Fixtures>;
}
