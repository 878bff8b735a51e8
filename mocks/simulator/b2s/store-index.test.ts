/**
 * The B2S store's indexes against a full scan: on random stores (coupons across companies,
 * clients and modules) and random PATCHes, the ordered index per token scope, module and column
 * equals a sort of the records by the B-13 rule restated here (the column's value, null first,
 * ties on id), a client's coupons equal a scan in created_at order, and a client look-up by
 * identifier equals a scan by the B-10 rules (phones on digits with 55, emails case-insensitive).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { B2sFixtures } from './fixtures.ts';
import { B2sStore } from './store.ts';

const T0 = Date.parse('2026-01-01T12:00:00Z');
const DAY = 86_400_000;
const COMPANIES = ['ca', 'cb', 'cc'];
const COLUMNS = ['created_at', 'expiration_date', 'date_of_use', 'code', 'status'] as const;
const SCOPES = [['ca'], ['cb'], ['ca', 'cb'], ['ca', 'cb', 'cc']].map((ids) => ({ token: `tok-${ids.join('')}`, ids }));
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const clientArb = fc.record({
  company: fc.nat(2),
  phone: fc.option(fc.constantFrom('(11) 99999-0001', '5511999990001', '(21) 98888-0002'), { nil: null }),
  email: fc.option(fc.constantFrom('a@x.com', 'A@X.com ', 'b@x.com'), { nil: null }),
});
const couponArb = fc.record({
  client: fc.nat(9),
  used: fc.boolean(),
  createdDays: fc.nat(5),
  expDays: fc.integer({ min: -3, max: 40 }),
  module: fc.constantFrom('falae' as const, 'premiado' as const),
  rank: fc.nat(99),
});

function fixtures(
  clients: ReturnType<typeof clientArb.generate>['value'][],
  coupons: ReturnType<typeof couponArb.generate>['value'][],
): B2sFixtures {
  const cl = clients.map((c, i) => ({
    id: `cl${i}`,
    company_id: COMPANIES[c.company] as string,
    name: `c${i}`,
    email: c.email,
    phone: c.phone,
    cpf: null,
  }));
  return {
    companies: COMPANIES.map((id) => ({ id, name: id })),
    tokens: SCOPES.map((s) => ({ token: s.token, company_ids: s.ids })),
    clients: cl,
    coupons:
      cl.length === 0
        ? []
        : coupons.map((c, i) => {
            const client = cl[c.client % cl.length] as (typeof cl)[number];
            return {
              id: `00000000-0000-4000-8000-${String(c.rank).padStart(6, '0')}${String(i).padStart(6, '0')}`,
              company_id: client.company_id,
              client_id: client.id,
              code: `K${c.rank % 7}`,
              status: c.used,
              date_of_use: c.used ? day(T0 - DAY) : null,
              expiration_date: day(T0 + c.expDays * DAY),
              created_at: new Date(T0 - c.createdDays * DAY).toISOString(),
              module: c.module,
              bonus: { id: 'b', name: 'b', type: 'default' as const },
            };
          }),
  };
}

const key = (v: string | boolean | null) => (v === null ? '' : String(v));
const sortScan = (rows: B2sFixtures['coupons'], column: (typeof COLUMNS)[number]) =>
  [...rows].sort((a, b) =>
    key(a[column]) < key(b[column]) ? -1 : key(a[column]) > key(b[column]) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
const digits55 = (s: string) => {
  const d = s.replace(/\D/g, '');
  return d.startsWith('55') && d.length >= 12 ? d : `55${d}`;
};

function disagreement(store: B2sStore): string | undefined {
  const rows = [...store.coupons.values()];
  for (const s of SCOPES) {
    const scope = store.tokens.get(s.token) as Set<string>;
    for (const module of ['falae', 'premiado'] as const) {
      for (const column of COLUMNS) {
        const want = sortScan(
          rows.filter((c) => s.ids.includes(c.company_id) && c.module === module),
          column,
        ).map((c) => c.id);
        const got = store.ordered(scope, module, column).map((c) => c.id);
        if (JSON.stringify(got) !== JSON.stringify(want)) return `${s.token} ${module} ${column}: ${got.join(',')} ≠ ${want.join(',')}`;
      }
    }
  }
  for (const client of store.clients.values()) {
    const want = sortScan(
      rows.filter((c) => c.client_id === client.id),
      'created_at',
    ).map((c) => c.id);
    const got = store.couponsOf(client.id).map((c) => c.id);
    if (JSON.stringify(got) !== JSON.stringify(want)) return `client ${client.id}: ${got.join(',')} ≠ ${want.join(',')}`;
  }
  for (const company of COMPANIES) {
    for (const probe of [{ phone: '+55 11 99999-0001' }, { email: 'a@X.com' }, { phone: '21988880002', email: 'b@x.com' }]) {
      const named = [...store.clients.values()].filter(
        (c) =>
          c.company_id === company &&
          (probe.phone === undefined || (c.phone !== null && digits55(c.phone) === digits55(probe.phone))) &&
          (!('email' in probe) || (c.email !== null && c.email.trim().toLowerCase() === (probe.email ?? '').trim().toLowerCase())),
      );
      const want = named.length === 1 ? named[0]?.id : undefined;
      const got = store.findClient(company, probe)?.id;
      if (got !== want) return `findClient ${company} ${JSON.stringify(probe)}: ${got} ≠ ${want}`;
    }
  }
  return undefined;
}

describe('B2S store indexes agree with a full scan', () => {
  it('on random stores and PATCHes: ordered lists per scope, module and column; client coupons; client look-ups', () => {
    fc.assert(
      fc.property(
        fc.array(clientArb, { maxLength: 10 }),
        fc.array(couponArb, { maxLength: 30 }),
        fc.array(fc.nat(40), { maxLength: 10 }),
        (clients, coupons, patches) => {
          const store = new B2sStore(() => T0);
          store.load(fixtures(clients, coupons), true);
          expect(disagreement(store)).toBeUndefined();
          const all = new Set(COMPANIES);
          for (const n of patches) {
            const target = [...store.coupons.values()][n];
            if (target) store.markUsed(all, target.id);
            expect(disagreement(store)).toBeUndefined();
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('negative control: a record changed behind the store’s back is caught until reindex()', () => {
    const store = new B2sStore(() => T0);
    store.load(
      fixtures(
        [{ company: 0, phone: null, email: 'a@x.com' }],
        [
          { client: 0, used: false, createdDays: 1, expDays: 10, module: 'falae', rank: 1 },
          { client: 0, used: false, createdDays: 2, expDays: 10, module: 'falae', rank: 2 },
        ],
      ),
      true,
    );
    expect(disagreement(store)).toBeUndefined();
    const [first] = store.coupons.values();
    if (first) first.created_at = new Date(T0 - 9 * DAY).toISOString();
    expect(disagreement(store)).toMatch(/created_at/);
    store.reindex();
    expect(disagreement(store)).toBeUndefined();
  });
});
