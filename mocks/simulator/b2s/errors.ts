/** B2S's error format `{"status": "error", "message": …}` and its messages (decision B-8). */
import type { ProviderReply } from '../types.ts';

export const MESSAGES = {
  tokenMissing: 'Token not provided',
  tokenInvalid: 'Invalid token',
  couponNotFound: 'Coupon not found',
  clientNotFound: 'Client not found',
  alreadyUsed: 'Coupon already used',
  expired: 'Coupon expired',
  noSearch: 'Provide at least one of phone, email or cpf',
  routeNotFound: 'Route not found',
  tooLarge: 'Request body too large',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
} as const;

export function b2sError(status: number, message: string): ProviderReply {
  return { status, body: { status: 'error', message } };
}
