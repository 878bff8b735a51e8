/** Zupy's documented error catalogue (RFC 7807, decision Z-8): one template per slug, one factory. */
import type { FastifyRequest } from 'fastify';
import type { ProviderReply } from '../types.ts';

/** A problem's `instance`: the request path without its query. */
export const pathOf = (r: FastifyRequest): string => r.url.split('?')[0] ?? r.url;

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

export function problem(t: ProblemTemplate, detail: string, instance: string, errors?: FieldError[], status: number = t.status): ProviderReply {
  const body: Record<string, unknown> = { type: problemType(t.slug), title: t.title, status, detail, instance };
  if (errors) body.errors = errors;
  return { status, body };
}

/** A 422 (or 400 on the OTP endpoints, decision Z-20) validation-error with field errors. */
export function validationProblem(instance: string, errors: FieldError[], status = 422): ProviderReply {
  return problem(PROBLEMS.validation, DETAILS.validationSummary, instance, errors, status);
}
