/** B2S authentication (B.1): a Bearer token that names a company scope, and the `lenient-auth` defect. */
import type { FastifyRequest } from 'fastify';
import { B2S_DEMO } from '../../demo/b2s.ts';
import type { Faults } from '../faults.ts';
import type { ProviderReply } from '../types.ts';
import { b2sError, MESSAGES } from './errors.ts';
import type { B2sStore } from './store.ts';

const BEARER = /^Bearer(?:\s+(\S*))?\s*$/i;

/** Runs first on every API request: 401 "Token not provided" / "Invalid token", else the token's scope on the request. */
export function b2sAuthenticate(store: B2sStore, faults: Faults, request: FastifyRequest): ProviderReply | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
  if (typeof header !== 'string' || header.trim() === '' || (bearer && !bearer[1])) return b2sError(401, MESSAGES.tokenMissing);
  const token = bearer?.[1];
  let scope = token ? store.tokens.get(token) : undefined;
  // Defect: any non-empty Bearer token acts as the demo franchise token (or the first one loaded).
  if (!scope && token && faults.has('lenient-auth'))
    scope = store.tokens.get(B2S_DEMO.franchiseToken) ?? store.tokens.values().next().value;
  if (!scope) return b2sError(401, MESSAGES.tokenInvalid);
  request.b2sScope = scope;
  return undefined;
}
