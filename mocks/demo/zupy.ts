/** The Zupy demo data: what `coupon-kit mock` serves by default, and the ids the suites and the pacts' examples use. */
import type { ZupyFixtures } from '../simulator/zupy/fixtures.ts';
import { DAY_MS, isoSeconds } from '../simulator/zupy/domain.ts';

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
  const { customers, rewards, coupons } = DEMO;
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
      { id: customers.ana, company_id: DEMO.companyA, full_name: 'Ana Souza', identifiers: ['+5511987654321', 'ana@example.com'], points_balance: 450, z_balance: '1150.000000', tier: 'gold' },
      { id: customers.bruno, company_id: DEMO.companyA, full_name: 'Bruno Lima', identifiers: ['+5521998765432', 'bruno@example.com', '123.456.789-09'], points_balance: 2000, z_balance: '0.000000', tier: 'silver' },
      { id: customers.carla, company_id: DEMO.companyA, full_name: 'Carla Dias', identifiers: ['+5531991234567'], points_balance: 50, z_balance: '10.500000', tier: null },
      { id: customers.diego, company_id: DEMO.companyB, full_name: 'Diego Alves', identifiers: ['+5541999887766'], points_balance: 800, z_balance: '0.000000', tier: 'bronze' },
    ],
    rewards: [
      { id: rewards.coffee, company_id: DEMO.companyA, name: 'Café expresso', description: 'Um café expresso', points_required: 200, validity_days: 30, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-60) },
      { id: rewards.threeCoffees, company_id: DEMO.companyA, name: '3x Free Coffee', description: 'Três cafés, um por visita', points_required: 300, validity_days: 30, total_usages_allowed: 3, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-59) },
      { id: rewards.welcome, company_id: DEMO.companyA, name: 'Brinde de boas-vindas', description: 'Grátis, um por cliente', points_required: 0, validity_days: 15, total_usages_allowed: 1, origin_type: 'marketing', reward_type: 'welcome', created_at: at(-58) },
      { id: rewards.cake, company_id: DEMO.companyA, name: 'Bolo inteiro', description: 'Pode usar Z$ para completar', points_required: 500, validity_days: 7, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'gift', created_at: at(-57) },
      { id: rewards.limited, company_id: DEMO.companyA, name: 'Caneca edição limitada', description: 'Esgotada', points_required: 100, validity_days: 30, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'gift', quantity_available: 10, quantity_redeemed: 10, created_at: at(-56) },
      { id: rewards.bread, company_id: DEMO.companyB, name: 'Pão de queijo', points_required: 100, validity_days: 10, total_usages_allowed: 1, origin_type: 'loyalty_reward', reward_type: 'generic', created_at: at(-55) },
    ],
    coupons: [
      { id: coupons.active.id, customer_id: customers.ana, reward_id: rewards.coffee, coupon_code: coupons.active.code, status: 'active', remaining_usages: 1, valid_until: at(25), created_at: at(-5), points_spent: 200 },
      { id: coupons.multiUse.id, customer_id: customers.ana, reward_id: rewards.threeCoffees, coupon_code: coupons.multiUse.code, status: 'active', remaining_usages: 3, total_usages_allowed: 3, valid_until: at(26), created_at: at(-4), points_spent: 300 },
      { id: coupons.used.id, customer_id: customers.ana, reward_id: rewards.coffee, coupon_code: coupons.used.code, status: 'used', remaining_usages: 0, valid_until: at(20), created_at: at(-10), usage_date: at(-9), points_spent: 200 },
      { id: coupons.expired.id, customer_id: customers.ana, reward_id: rewards.coffee, coupon_code: coupons.expired.code, status: 'active', remaining_usages: 1, valid_until: at(-1), created_at: at(-31), points_spent: 200 },
      { id: coupons.cancelled.id, customer_id: customers.ana, reward_id: rewards.coffee, coupon_code: coupons.cancelled.code, status: 'cancelled', remaining_usages: 1, valid_until: at(22), created_at: at(-8), points_spent: 200 },
      { id: coupons.bruno.id, customer_id: customers.bruno, reward_id: rewards.coffee, coupon_code: coupons.bruno.code, status: 'active', remaining_usages: 1, valid_until: at(27), created_at: at(-3), points_spent: 200 },
      { id: coupons.diego.id, customer_id: customers.diego, reward_id: rewards.bread, coupon_code: coupons.diego.code, status: 'active', remaining_usages: 1, valid_until: at(8), created_at: at(-2), points_spent: 100 },
    ],
  };
}
