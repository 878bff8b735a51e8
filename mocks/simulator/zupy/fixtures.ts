/** Zupy fixture format (what `--seed FILE` and POST /__control/seed take), its checks, and the demo data. */
import { duplicates, shapeChecker } from '../fixture-checks.ts';
import { COUPON_STATUSES, DAY_MS, isoSeconds, ORIGIN_TYPES } from './domain.ts';

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

// ---- Demo data: two companies, three keys, customers with points and Z$, rewards of every kind,
// coupons in every state. Times are relative to the clock at start so the demo never goes stale.

export const DEMO = {
  companyA: 'cafe_aurora',
  companyB: 'padaria_boa_vista',
  keyReadWrite: 'zupy_pk_DemoAuroraReadWrite0000000000000',
  keyReadOnly: 'zupy_pk_DemoAuroraReadOnly00000000000000',
  keyOtherCompany: 'zupy_pk_DemoBoaVistaReadWrite00000000000',
  otpCode: '123456',
  customers: { ana: '2awTHloSJX7kGGprFerOOsvABcd', bruno: '2bTKm8yQpL4nW2sXvRcD9eFgHj1', carla: '2cUNp9zRqM5oX3tYwSdE0fGhIk2', diego: '2dVOq0aSrN6pY4uZxTeF1gHiJl3' },
  rewards: {
    coffee: '2bxRKmpWJY8lHHqsGfsQQtwCDef',
    threeCoffees: '2byRLnqXKZ9mIIrtHgtRRuxDEfg',
    welcome: '2bzSMorYLa0nJJsuIhuSSvyEFgh',
    cake: '2c0TNpsZMb1oKKtvJivTTwzFGhi',
    limited: '2c1UOqtaNc2pLLuwKjwUUx0GHij',
    bread: '2c2VPrubOd3qMMvxLkxVVy1HIjk',
  },
  coupons: {
    active: { id: '16a33f27fbbc1801d63d56d2027', code: 'CZ-914F15F3' },
    multiUse: { id: '2cxSLnqYLZ0nJJsuIhuSSvyFGij', code: 'CZ-A1B2C3D4' },
    used: { id: '2cySMorZMa1oKKtvJivTTwzGHjk', code: 'CZ-0BADF00D' },
    expired: { id: '2czTNpsaNb2pLLuwKjwUUx0HIkl', code: 'CZ-DEADBEEF' },
    cancelled: { id: '2d0UOqtbOc3qMMvxLkxVVy1IJlm', code: 'CZ-CA9CE11E' },
    bruno: { id: '2d1VPrucPd4rNNwyMlyWWz2JKmn', code: 'CZ-B7A0C0DE' },
    diego: { id: '2d2WQsvdQe5sOOxzNmzXX03KLno', code: 'CZ-D1E90001' },
  },
} as const;

export function zupyDemoFixtures(nowMs: number): ZupyFixtures {
  const at = (days: number) => isoSeconds(nowMs + days * DAY_MS);
  const { customers: cu, rewards: rw, coupons: cp } = DEMO;
  return {
    otp: { fixed_code: DEMO.otpCode },
    companies: [
      { id: DEMO.companyA, name: 'Café Aurora', otp_policy: { require_otp_for_redemption: true, require_otp_for_coupon_usage: true } },
      { id: DEMO.companyB, name: 'Padaria Boa Vista', otp_policy: { require_otp_for_redemption: false, require_otp_for_coupon_usage: false } },
    ],
    api_keys: [
      { key: DEMO.keyReadWrite, company_id: DEMO.companyA, access: 'read-write', label: 'Café Aurora POS (read-write)' },
      { key: DEMO.keyReadOnly, company_id: DEMO.companyA, access: 'read-only', label: 'Café Aurora reports (read-only)' },
      { key: DEMO.keyOtherCompany, company_id: DEMO.companyB, access: 'read-write', label: 'Padaria Boa Vista POS (another company)' },
    ],
    customers: [
      { id: cu.ana, company_id: DEMO.companyA, full_name: 'Ana Souza', identifiers: ['+5511987654321', 'ana@example.com'], points_balance: 450, z_balance: '1150.000000', tier: 'gold' },
      { id: cu.bruno, company_id: DEMO.companyA, full_name: 'Bruno Lima', identifiers: ['+5521998765432', 'bruno@example.com', '123.456.789-09'], points_balance: 2000, z_balance: '0.000000', tier: 'silver' },
      { id: cu.carla, company_id: DEMO.companyA, full_name: 'Carla Dias', identifiers: ['+5531991234567'], points_balance: 50, z_balance: '10.500000', tier: null },
      { id: cu.diego, company_id: DEMO.companyB, full_name: 'Diego Alves', identifiers: ['+5541999887766'], points_balance: 800, z_balance: '0.000000', tier: 'bronze' },
    ],
    rewards: [
      { id: rw.coffee, company_id: DEMO.companyA, name: 'Café expresso', description: 'Um café expresso', points_required: 200, validity_days: 30, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-60) },
      { id: rw.threeCoffees, company_id: DEMO.companyA, name: '3x Free Coffee', description: 'Três cafés, um por visita', points_required: 300, validity_days: 30, total_usages_allowed: 3, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-59) },
      { id: rw.welcome, company_id: DEMO.companyA, name: 'Brinde de boas-vindas', description: 'Grátis, um por cliente', points_required: 0, validity_days: 15, total_usages_allowed: 1, origin_type: 'marketing', reward_type: 'welcome', created_at: at(-58) },
      { id: rw.cake, company_id: DEMO.companyA, name: 'Bolo inteiro', description: 'Pode usar Z$ para completar', points_required: 500, validity_days: 7, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'gift', created_at: at(-57) },
      { id: rw.limited, company_id: DEMO.companyA, name: 'Caneca edição limitada', description: 'Esgotada', points_required: 100, validity_days: 30, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'gift', quantity_available: 10, quantity_redeemed: 10, created_at: at(-56) },
      { id: rw.bread, company_id: DEMO.companyB, name: 'Pão de queijo', points_required: 100, validity_days: 10, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-55) },
    ],
    coupons: [
      { id: cp.active.id, customer_id: cu.ana, reward_id: rw.coffee, coupon_code: cp.active.code, status: 'active', remaining_usages: 1, valid_until: at(25), created_at: at(-5), points_spent: 200 },
      { id: cp.multiUse.id, customer_id: cu.ana, reward_id: rw.threeCoffees, coupon_code: cp.multiUse.code, status: 'active', remaining_usages: 3, total_usages_allowed: 3, valid_until: at(26), created_at: at(-4), points_spent: 300 },
      { id: cp.used.id, customer_id: cu.ana, reward_id: rw.coffee, coupon_code: cp.used.code, status: 'used', remaining_usages: 0, valid_until: at(20), created_at: at(-10), usage_date: at(-9), points_spent: 200 },
      { id: cp.expired.id, customer_id: cu.ana, reward_id: rw.coffee, coupon_code: cp.expired.code, status: 'active', remaining_usages: 1, valid_until: at(-1), created_at: at(-31), points_spent: 200 },
      { id: cp.cancelled.id, customer_id: cu.ana, reward_id: rw.coffee, coupon_code: cp.cancelled.code, status: 'cancelled', remaining_usages: 1, valid_until: at(22), created_at: at(-8), points_spent: 200 },
      { id: cp.bruno.id, customer_id: cu.bruno, reward_id: rw.coffee, coupon_code: cp.bruno.code, status: 'active', remaining_usages: 1, valid_until: at(27), created_at: at(-3), points_spent: 200 },
      { id: cp.diego.id, customer_id: cu.diego, reward_id: rw.bread, coupon_code: cp.diego.code, status: 'active', remaining_usages: 1, valid_until: at(8), created_at: at(-2), points_spent: 100 },
    ],
  };
}
