/** Zupy OTP policy (A.3): the per-company gate on redeem and validate, and the control API that sets it. */
import type { FastifyRequest } from 'fastify';
import type { ProviderReply } from '../types.ts';
import { DETAILS, PROBLEMS, problem, requestPath } from './errors.ts';
import type { ZupyStore } from './store.ts';

export type OtpFlag = 'require_otp_for_redemption' | 'require_otp_for_coupon_usage';
const FLAGS: readonly OtpFlag[] = ['require_otp_for_redemption', 'require_otp_for_coupon_usage'];
const FIELDS = ['company_id', ...FLAGS];

/** 403 otp-required when the key's company requires OTP for this action and X-OTP-Session is not a live session of this customer. */
export function otpGate(store: ZupyStore, request: FastifyRequest, customerId: string, flag: OtpFlag): ProviderReply | undefined {
  const key = request.zupyKey;
  const company = key && store.companies.get(key.companyId);
  if (!company || !company.otpPolicy[flag]) return undefined;
  const session = request.headers['x-otp-session'];
  if (store.sessionValid(typeof session === 'string' ? session : undefined, company.id, customerId)) return undefined;
  return problem(PROBLEMS.otpRequired, DETAILS.otpRequired, requestPath(request));
}

const refused = (error: string): ProviderReply => ({ status: 400, body: { error } });

/** `POST /__control/otp-policy`: sets the flags of one company (or all); answers every company's policy. */
export function setOtpPolicy(store: ZupyStore, input: unknown): ProviderReply {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return refused('body must be {"company_id"?, "require_otp_for_redemption"?, "require_otp_for_coupon_usage"?}');
  const body = input as { company_id?: unknown } & Partial<Record<OtpFlag, unknown>>;
  const unknown = Object.keys(body).find((field) => !FIELDS.includes(field));
  if (unknown !== undefined) return refused(`unknown field '${unknown}'; known: ${FIELDS.join(', ')}`);
  for (const flag of FLAGS) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') return refused(`${flag} must be a boolean`);
  }
  const companies =
    body.company_id === undefined
      ? [...store.companies.values()]
      : [typeof body.company_id === 'string' ? store.companies.get(body.company_id) : undefined];
  if (companies.some((company) => company === undefined))
    return refused(`unknown company_id ${JSON.stringify(body.company_id)}; known: ${[...store.companies.keys()].join(', ')}`);
  for (const company of companies) {
    if (!company) continue;
    for (const flag of FLAGS) {
      const value = body[flag];
      if (typeof value === 'boolean') company.otpPolicy[flag] = value;
    }
  }
  return {
    status: 200,
    body: { companies: [...store.companies.values()].map((company) => ({ id: company.id, otp_policy: company.otpPolicy })) },
  };
}
