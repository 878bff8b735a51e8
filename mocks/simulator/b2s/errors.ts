/**
 * B2S's error format `{"status": "error", "message": …}` and its messages (decision B-8), and the
 * mapping of failures found at the edge (validation, parsing, routing, faults) onto it.
 */
import type { FastifyRequest } from 'fastify';
import type { EdgeFailure, ProviderReply } from '../types.ts';

/** Messages. `alreadyUsed` and `expired` are documented verbatim (B-E3) and part of the contract. */
export const MESSAGES = {
  tokenMissing: 'Token not provided',
  tokenInvalid: 'Invalid token',
  couponNotFound: 'Coupon not found',
  clientNotFound: 'Client not found',
  alreadyUsed: 'Coupon already used',
  expired: 'Coupon expired',
  noSearch: 'At least one of phone, email or cpf is required',
  invalidBody: 'Invalid JSON body',
  routeNotFound: 'Route not found',
  badUrl: 'Malformed URL',
  urlTooLong: 'URL too long',
  tooLarge: 'Request body too large',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
  methodNotAllowed: (method: string) => `Method ${method} not allowed`,
  forbiddenHost: 'Host not allowed',
} as const;

export function b2sError(status: number, message: string): ProviderReply {
  return { status, body: { status: 'error', message } };
}

/**
 * A 400 message naming the parameter, in the style of the spec's examples (`date_start is
 * required`, `limit must be between 0 and 100`, `offset must be >= 1`), from an AJV message;
 * `allowed` lists an enum's values (taken from the route's schema, i.e. from the spec).
 */
export function validationMessage(field: string, ajvMessage: string, allowed?: readonly unknown[]): string {
  if (ajvMessage.startsWith('must have required')) return `${field} is required`;
  if (field === 'limit' && /^must be [<>]=/.test(ajvMessage)) return 'limit must be between 0 and 100';
  if (ajvMessage.includes('allowed values') && allowed?.length) return `${field} must be one of ${allowed.join(', ')}`;
  if (ajvMessage === 'must match format "date"') return `${field} must be a valid date in the format YYYY-MM-DD`;
  if (ajvMessage === 'must match format "uuid"') return `${field} must be a UUID`;
  if (ajvMessage === 'must match format "email"') return `${field} must be a valid email`;
  if (ajvMessage === 'must be integer') return `${field} must be an integer`;
  return `${field} ${ajvMessage}`;
}

/** The enum of a query or path parameter, from the route's schema (compiled from the spec). */
function enumOf(request: FastifyRequest, location: string, field: string): readonly unknown[] | undefined {
  if (location !== 'querystring' && location !== 'params') return undefined;
  const schema = request.routeOptions.schema as
    Record<string, { properties?: Record<string, { enum?: unknown[] }> } | undefined> | undefined;
  return schema?.[location]?.properties?.[field]?.enum;
}

/** Every failure found at the edge, in B2S's `{"status":"error","message"}` format (B-8). */
export function b2sEdgeError(failure: EdgeFailure, request: FastifyRequest): ProviderReply {
  switch (failure.kind) {
    case 'validation':
      return b2sError(400, validationMessage(failure.field, failure.message, enumOf(request, failure.location, failure.field)));
    case 'malformed-body':
    case 'unsupported-media-type':
      return b2sError(400, MESSAGES.invalidBody);
    case 'body-too-large':
      return b2sError(413, MESSAGES.tooLarge);
    case 'bad-url':
      return b2sError(400, failure.reason === 'encoding' ? MESSAGES.badUrl : MESSAGES.urlTooLong);
    case 'route-not-found':
      return b2sError(404, MESSAGES.routeNotFound);
    case 'method-not-allowed':
      return b2sError(405, MESSAGES.methodNotAllowed(request.method));
    case 'forbidden-host':
      return b2sError(403, MESSAGES.forbiddenHost);
    case 'unavailable':
      return b2sError(503, MESSAGES.unavailable);
    case 'internal':
      return { status: 500, body: { status: 'error', message: MESSAGES.internal, request_id: request.id } };
  }
}
