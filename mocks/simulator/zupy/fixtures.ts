/** Zupy fixture format (what `--seed FILE` and POST /__control/seed take) and its checks; the demo data is in mocks/demo/zupy.ts. */
import { duplicates, shapeChecker } from '../fixture-checks.ts';
import { COUPON_STATUSES, ORIGIN_TYPES } from './domain.ts';

export interface OtpPolicy {
  require_otp_for_redemption: boolean;
  require_otp_for_coupon_usage: boolean;
}

export interface ZupyFixtures {
  otp?: { fixed_code?: string };
  companies: { id: string; name: string; otp_policy?: OtpPolicy }[];
  api_keys: { key: string; company_id: string; access: 'read-write' | 'read-only'; label?: string; revoked?: boolean }[];
  customers: {
    id: string;
    company_id: string;
    full_name: string;
    /** Phones (+55…), emails or CPFs that identify the customer in the OTP flow. */
    identifiers: string[];
    points_balance: number;
    z_balance: string;
    tier?: string | null;
  }[];
  rewards: {
    id: string;
    company_id: string;
    name: string;
    description?: string;
    points_required: number;
    validity_days: number;
    total_usages_allowed: number;
    origin_type: 'loyalty_reward' | 'marketing';
    reward_type?: string;
    is_active?: boolean;
    is_available?: boolean;
    quantity_available?: number | null;
    quantity_redeemed?: number;
    start_date?: string | null;
    end_date?: string | null;
    created_at?: string;
  }[];
  coupons: {
    id: string;
    customer_id: string;
    reward_id: string;
    coupon_code: string;
    status: 'active' | 'used' | 'expired' | 'cancelled';
    remaining_usages: number;
    total_usages_allowed?: number;
    valid_until: string;
    created_at: string;
    usage_date?: string | null;
    points_spent?: number;
  }[];
}

const KSUID = '^[0-9A-Za-z]{27}$';
const ID = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_]+$' };
const DATE_TIME = { type: 'string', format: 'date-time' };

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['companies', 'api_keys', 'customers', 'rewards', 'coupons'],
  properties: {
    otp: { type: 'object', additionalProperties: false, properties: { fixed_code: { type: 'string', pattern: '^\\d{6}$' } } },
    companies: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name'],
        properties: {
          id: ID, name: { type: 'string', minLength: 1 },
          otp_policy: { type: 'object', additionalProperties: false, required: ['require_otp_for_redemption', 'require_otp_for_coupon_usage'], properties: { require_otp_for_redemption: { type: 'boolean' }, require_otp_for_coupon_usage: { type: 'boolean' } } },
        },
      },
    },
    api_keys: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['key', 'company_id', 'access'],
        properties: { key: { type: 'string', pattern: '^zupy_pk_[A-Za-z0-9]{32}$' }, company_id: ID, access: { enum: ['read-write', 'read-only'] }, label: { type: 'string' }, revoked: { type: 'boolean' } },
      },
    },
    customers: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'company_id', 'full_name', 'identifiers', 'points_balance', 'z_balance'],
        properties: {
          id: ID, company_id: ID, full_name: { type: 'string' },
          identifiers: { type: 'array', items: { type: 'string', minLength: 3 } },
          points_balance: { type: 'integer', minimum: 0 }, z_balance: { type: 'string', pattern: '^\\d{1,12}\\.\\d{6}$' },
          tier: { enum: ['default', 'bronze', 'silver', 'gold', 'platinum', 'vip', null] },
        },
      },
    },
    rewards: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'company_id', 'name', 'points_required', 'validity_days', 'total_usages_allowed', 'origin_type'],
        properties: {
          id: { type: 'string', pattern: KSUID }, company_id: ID, name: { type: 'string', minLength: 1 }, description: { type: 'string' },
          points_required: { type: 'integer', minimum: 0 }, validity_days: { type: 'integer', minimum: 1, maximum: 36500 },
          total_usages_allowed: { type: 'integer', minimum: 1 }, origin_type: { enum: ORIGIN_TYPES },
          reward_type: { enum: ['other', 'generic', 'welcome', 'return', 'birthday', 'surprise', 'recovery', 'gift'] },
          is_active: { type: 'boolean' }, is_available: { type: 'boolean' },
          quantity_available: { type: ['integer', 'null'], minimum: 0 }, quantity_redeemed: { type: 'integer', minimum: 0 },
          start_date: { type: ['string', 'null'], format: 'date-time' }, end_date: { type: ['string', 'null'], format: 'date-time' }, created_at: DATE_TIME,
        },
      },
    },
    coupons: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'customer_id', 'reward_id', 'coupon_code', 'status', 'remaining_usages', 'valid_until', 'created_at'],
        properties: {
          id: { type: 'string', pattern: KSUID }, customer_id: ID, reward_id: { type: 'string', pattern: KSUID },
          coupon_code: { type: 'string', pattern: '^(CZ|CP)-[A-Z0-9]{8}$' }, status: { enum: COUPON_STATUSES },
          remaining_usages: { type: 'integer', minimum: 0 }, total_usages_allowed: { type: 'integer', minimum: 1 },
          valid_until: DATE_TIME, created_at: DATE_TIME, usage_date: { type: ['string', 'null'], format: 'date-time' }, points_spent: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
} as const;

const checkShape = shapeChecker(schema);

/** Every problem in untrusted fixture JSON: shape first, then references and uniqueness. */
export function checkZupyFixtures(input: unknown): string[] {
  const shape = checkShape(input);
  if (shape.length) return shape;
  const f = input as ZupyFixtures;
  const problems: string[] = [];
  const companies = new Set(f.companies.map((c) => c.id));
  problems.push(...duplicates('company id', f.companies.map((c) => c.id)));
  problems.push(...duplicates('api key', f.api_keys.map((k) => k.key)));
  problems.push(...duplicates('customer id', f.customers.map((c) => c.id)));
  problems.push(...duplicates('reward id', f.rewards.map((r) => r.id)));
  problems.push(...duplicates('coupon id', f.coupons.map((c) => c.id)));
  problems.push(...duplicates('coupon code', f.coupons.map((c) => c.coupon_code.toUpperCase())));
  const ref = (where: string, companyId: string) => {
    if (!companies.has(companyId)) problems.push(`${where}: unknown company_id '${companyId}'`);
  };
  f.api_keys.forEach((k, i) => ref(`/api_keys/${i}`, k.company_id));
  f.customers.forEach((c, i) => ref(`/customers/${i}`, c.company_id));
  f.rewards.forEach((r, i) => ref(`/rewards/${i}`, r.company_id));
  const customers = new Map(f.customers.map((c) => [c.id, c]));
  const rewards = new Map(f.rewards.map((r) => [r.id, r]));
  f.coupons.forEach((c, i) => {
    const cu = customers.get(c.customer_id);
    const rw = rewards.get(c.reward_id);
    if (!cu) problems.push(`/coupons/${i}: unknown customer_id '${c.customer_id}'`);
    if (!rw) problems.push(`/coupons/${i}: unknown reward_id '${c.reward_id}'`);
    if (cu && rw && cu.company_id !== rw.company_id) problems.push(`/coupons/${i}: customer and reward belong to different companies`);
    const total = c.total_usages_allowed ?? rw?.total_usages_allowed ?? 1;
    if (c.remaining_usages > total) problems.push(`/coupons/${i}: remaining_usages ${c.remaining_usages} exceeds total_usages_allowed ${total}`);
    if (c.status === 'used' && c.remaining_usages !== 0) problems.push(`/coupons/${i}: a used coupon has remaining_usages 0`);
    if (c.status === 'active' && c.remaining_usages === 0) problems.push(`/coupons/${i}: an active coupon has remaining_usages ≥ 1`);
  });
  return problems;
}
