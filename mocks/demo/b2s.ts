/** The B2S demo data: what `coupon-kit mock` serves by default, and the ids the suites and the pacts' examples use. */
import { BONUS_TYPES, type B2sFixtures } from '../simulator/b2s/fixtures.ts';
import { DAY_MS, HOUR_MS, utcDate } from '../simulator/b2s/domain.ts';

// ---- Demo data, relative to the clock at start. Company A holds 60 coupons: 45 in module
// `falae` (the documented paging example: limit 10 → 5 pages) and 15 in `premiado`; company B
// holds 2 `premiado` coupons. Every derived state, every bonus type; a franchise token spanning
// both companies and a token scoped to each.

const uuid = (group: string, n: number) => `b2500000-0000-4000-${group}-${n.toString(16).padStart(12, '0')}`;

export const B2S_DEMO = {
  companyA: uuid('a000', 1),
  companyB: uuid('a000', 2),
  franchiseToken: 'b2s_demo_franchise_token_0001',
  companyAToken: 'b2s_demo_company_a_token_0001',
  companyBToken: 'b2s_demo_company_b_token_0001',
  clients: { john: uuid('c000', 1), maria: uuid('c000', 2), joao: uuid('c000', 3), noCoupons: uuid('c000', 4), bea: uuid('c000', 5) },
  /** John Smith in company A: phone, email and CPF as a POS would type them. */
  john: { phone: '(11) 99999-9999', phoneE164: '5511999999999', email: 'john@example.com', cpf: '123.456.789-09' },
  /** `module=falae` over all dates with the franchise (or company-A) token: 45 coupons, 5 pages of 10. */
  paging: { module: 'falae', total: 45, limit: 10, pages: 5 },
  /** Unused, valid for 60 days (code WELCOME2024, John's): PATCH gives 204. */
  activeCoupon: uuid('d000', 1),
  /** Already used: PATCH gives 400 "Coupon already used". */
  usedCoupon: uuid('d000', 2),
  /** Expired 4 days ago: PATCH gives 400 "Coupon expired". */
  expiredCoupon: uuid('d000', 3),
  /** Unused, expiring in 3 days (Expiring / Vencendo): PATCH gives 204. */
  expiringCoupon: uuid('d000', 4),
  /**
   * Unused, expiration_date = today (UTC), so exp_end is the coming midnight UTC: listed as
   * Not Used/Expiring, and inside the 3-hour PATCH margin from 21:00 UTC (B-5). The expiration is a
   * date, so no fixture can sit "2 hours before the end" at any start time: freeze the clock at
   * exp_end − 2 h (`control.setClock(…, true)`) to get a coupon that lists as unused yet PATCHes 400.
   */
  expiresTodayCoupon: uuid('d000', 5),
  /** Used and past its expiration: PATCH gives "Coupon already used" (B-7 order). */
  usedAndExpiredCoupon: uuid('d000', 9),
  /** In company B, unused, valid 30 days (the company-A token cannot see it). */
  companyBCoupon: uuid('d000', 100),
  /** In company B, used. */
  companyBUsedCoupon: uuid('d000', 101),
} as const;

const BONUS_NAMES = ['5% Cashback', 'Free coffee', '10% off', 'Birthday cake', 'Dessert', 'Double points', 'Roulette prize'];

/** The demo fixtures, with every date relative to `nowMs` (the simulator clock at start). */
export function b2sDemoFixtures(nowMs: number): B2sFixtures {
  const d = B2S_DEMO;
  const day = (n: number) => utcDate(nowMs + n * DAY_MS);
  const at = (n: number) => new Date(nowMs + n * DAY_MS - 2 * HOUR_MS).toISOString();
  const clients: B2sFixtures['clients'] = [
    { id: d.clients.john, company_id: d.companyA, name: 'John Smith', email: d.john.email, phone: d.john.phone, cpf: d.john.cpf },
    {
      id: d.clients.maria,
      company_id: d.companyA,
      name: 'Maria Oliveira',
      email: 'maria@example.com',
      phone: '(21) 98888-7777',
      cpf: '987.654.321-00',
    },
    { id: d.clients.joao, company_id: d.companyA, name: 'João Pereira', email: null, phone: '(31) 97777-6666', cpf: null },
    {
      id: d.clients.noCoupons,
      company_id: d.companyA,
      name: 'Ana Sem Cupom',
      email: 'ana.sem@example.com',
      phone: null,
      cpf: '111.222.333-44',
    },
    {
      id: d.clients.bea,
      company_id: d.companyB,
      name: 'Beatriz Costa',
      email: 'bea@example.com',
      phone: '(41) 96666-5555',
      cpf: '555.666.777-88',
    },
  ];
  const owners = [d.clients.john, d.clients.maria, d.clients.joao];
  const coupons: B2sFixtures['coupons'] = [];
  // Coupons 1–5 are the named ones above; from 6 on the kind cycles over i % 5:
  // 0 unused far from expiry, 1 used, 2 expired, 3 expiring within 1–6 days, 4 used after expiry.
  const FIXED = ['active', 'used', 'expired', 'expiring', 'today'] as const;
  const KINDS = ['active', 'used', 'expired', 'expiring', 'usedExpired'] as const;
  for (let i = 1; i <= 60; i++) {
    const kind = i <= FIXED.length ? FIXED[i - 1] : KINDS[i % KINDS.length];
    const expiration = {
      active: day(i === 1 ? 60 : 30 + (i % 30)),
      used: day(30),
      expired: day(-1 - (i % 5)),
      expiring: day(i === 4 ? 3 : 1 + (i % 6)),
      today: day(0),
      usedExpired: day(-2 - (i % 3)),
    }[kind ?? 'active'];
    const dateOfUse = kind === 'used' ? day(-1 - (i % 7)) : kind === 'usedExpired' ? day(-5 - (i % 3)) : null;
    coupons.push({
      id: uuid('d000', i),
      company_id: d.companyA,
      client_id: i === 1 ? d.clients.john : (owners[i % owners.length] ?? d.clients.john),
      code: i === 1 ? 'WELCOME2024' : `FALAE${String(i).padStart(4, '0')}`,
      status: dateOfUse !== null,
      date_of_use: dateOfUse,
      expiration_date: expiration,
      created_at: at(-i - 7),
      module: i <= d.paging.total ? 'falae' : 'premiado',
      bonus: {
        id: uuid('b000', (i % 10) + 1),
        name: BONUS_NAMES[i % BONUS_NAMES.length] ?? 'Bonus',
        type: BONUS_TYPES[i % BONUS_TYPES.length] ?? 'default',
      },
    });
  }
  coupons.push(
    {
      id: d.companyBCoupon,
      company_id: d.companyB,
      client_id: d.clients.bea,
      code: 'NORTE0001',
      status: false,
      date_of_use: null,
      expiration_date: day(30),
      created_at: at(-3),
      module: 'premiado',
      bonus: { id: uuid('b000', 50), name: 'Pão de queijo', type: 'default' },
    },
    {
      id: d.companyBUsedCoupon,
      company_id: d.companyB,
      client_id: d.clients.bea,
      code: 'NORTE0002',
      status: true,
      date_of_use: day(-1),
      expiration_date: day(20),
      created_at: at(-4),
      module: 'premiado',
      bonus: { id: uuid('b000', 51), name: 'Café grátis', type: 'fidelityProgram' },
    },
  );
  return {
    companies: [
      { id: d.companyA, name: 'Falaê Centro' },
      { id: d.companyB, name: 'Falaê Norte' },
    ],
    tokens: [
      { token: d.franchiseToken, company_ids: [d.companyA, d.companyB], label: 'franchise (both companies)' },
      { token: d.companyAToken, company_ids: [d.companyA], label: 'Falaê Centro only' },
      { token: d.companyBToken, company_ids: [d.companyB], label: 'Falaê Norte only' },
    ],
    clients,
    coupons,
  };
}
