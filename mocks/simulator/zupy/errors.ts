/**
 * Zupy's documented error catalogue (RFC 7807, decision Z-8): one template per slug, one factory,
 * and the mapping of failures found at the edge (validation, parsing, routing, faults) onto it.
 */
import type { FastifyRequest } from 'fastify';
import type { EdgeFailure, ProviderReply } from '../types.ts';

export interface ProblemTemplate {
  slug: string;
  title: string;
  status: number;
}

export const PROBLEMS = {
  authenticationRequired: { slug: 'authentication-required', title: 'Authentication Required', status: 401 },
  permissionDenied: { slug: 'permission-denied', title: 'Permission Denied', status: 403 },
  otpRequired: { slug: 'otp-required', title: 'Permission Denied', status: 403 },
  notFound: { slug: 'not-found', title: 'Not Found', status: 404 },
  methodNotAllowed: { slug: 'method-not-allowed', title: 'Method Not Allowed', status: 405 },
  conflict: { slug: 'conflict', title: 'Conflict', status: 409 },
  payloadTooLarge: { slug: 'payload-too-large', title: 'Payload Too Large', status: 413 },
  validation: { slug: 'validation-error', title: 'Validation Error', status: 422 },
  rateLimited: { slug: 'rate-limit-exceeded', title: 'Rate Limit Exceeded', status: 429 },
  internal: { slug: 'internal-error', title: 'Internal Server Error', status: 500 },
  serviceUnavailable: { slug: 'service-unavailable', title: 'Service Unavailable', status: 503 },
} as const satisfies Record<string, ProblemTemplate>;

/** Verbatim detail strings that are part of the contract. */
export const DETAILS = {
  invalidKey: 'Invalid API key',
  readOnly: 'Read-only API key cannot perform write operations',
  notPartnerEndpoint: 'This endpoint is not available to partner API keys.',
  otpRequired: 'OTP verification required',
  validationSummary: 'One or more fields failed validation.',
  marketingAlreadyRedeemed: 'Prêmio gratuito já resgatado por este cliente',
  required: 'Este campo é obrigatório.',
  rateLimited: (seconds: number) => `Too many requests. Please retry after ${seconds} seconds.`,
  alreadyUsed: 'Cupom já Used',
  alreadyExpired: 'Cupom já Expired',
  alreadyCancelled: 'Cupom já Cancelled',
  /** Django REST Framework's text for a method the view does not have. */
  methodNotAllowed: (method: string) => `Method "${method}" not allowed.`,
  forbiddenHost: 'This host name is not served here.',
  invalidIdentifier: 'Informe um telefone (+55…), e-mail ou CPF válido.',
} as const;

export const problemType = (slug: string) => `https://docs.zupy.com/errors#${slug}`;

export interface FieldError {
  field: string;
  detail: string;
}

export function problem(
  t: ProblemTemplate,
  detail: string,
  instance: string,
  errors?: FieldError[],
  status: number = t.status,
): ProviderReply {
  const body: Record<string, unknown> = { type: problemType(t.slug), title: t.title, status, detail, instance };
  if (errors) body.errors = errors;
  return { status, body };
}

/** A 422 (or 400 on the OTP endpoints, decision Z-20) validation-error with field errors. */
export function validationProblem(instance: string, errors: FieldError[], status = 422): ProviderReply {
  return problem(PROBLEMS.validation, DETAILS.validationSummary, instance, errors, status);
}

/** A problem's `instance`: the request path without its query. */
export const requestPath = (request: FastifyRequest) => request.url.split('?')[0] ?? request.url;

/** The OTP endpoints report validation errors as 400, everything else as 422 (decision Z-20). */
const OTP_OPERATIONS = new Set(['requestOtp', 'verifyOtp']);

/**
 * Every failure found at the edge as a Zupy problem. `authenticated` tells whether the request
 * carries a usable key: Django REST Framework authenticates before it routes, so an unknown
 * route, a method the view lacks or an unreadable URL is a 401 without one.
 */
export function zupyEdgeError(
  failure: EdgeFailure,
  request: FastifyRequest,
  authenticated: (request: FastifyRequest) => boolean,
): ProviderReply {
  const instance = requestPath(request);
  switch (failure.kind) {
    case 'validation': {
      const detail = failure.message.startsWith('must have required')
        ? DETAILS.required
        : failure.field === 'identifier' && failure.message.startsWith('must match pattern')
          ? DETAILS.invalidIdentifier
          : `${failure.field}: ${failure.message}`;
      return validationProblem(instance, [{ field: failure.field, detail }], OTP_OPERATIONS.has(request.operationId ?? '') ? 400 : 422);
    }
    case 'malformed-body':
      return validationProblem(instance, [{ field: 'non_field_errors', detail: `JSON parse error - ${failure.message}` }], 400);
    case 'unsupported-media-type':
      return validationProblem(
        instance,
        [{ field: 'non_field_errors', detail: `Unsupported media type "${failure.contentType}" in request.` }],
        400,
      );
    case 'body-too-large':
      return problem(PROBLEMS.payloadTooLarge, 'Request body too large.', instance);
    case 'method-not-allowed':
      if (!authenticated(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
      return problem(PROBLEMS.methodNotAllowed, DETAILS.methodNotAllowed(request.method), instance);
    case 'forbidden-host':
      return problem(PROBLEMS.permissionDenied, DETAILS.forbiddenHost, instance);
    case 'route-not-found':
      if (!instance.startsWith('/api/v2/')) return problem(PROBLEMS.notFound, 'Not found.', instance);
      if (!authenticated(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
      return problem(PROBLEMS.permissionDenied, DETAILS.notPartnerEndpoint, instance);
    case 'bad-url':
      // A URL the router cannot read names no customer or coupon: 404, as a malformed id (Z-13), after the key check.
      if (!authenticated(request)) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, instance);
      return problem(PROBLEMS.notFound, 'Not found.', instance);
    case 'unavailable':
      return problem(PROBLEMS.serviceUnavailable, 'Service temporarily unavailable. Please retry.', instance);
    case 'internal':
      return {
        status: 500,
        body: { ...(problem(PROBLEMS.internal, 'Internal server error.', instance).body as object), request_id: request.id },
      };
  }
}
