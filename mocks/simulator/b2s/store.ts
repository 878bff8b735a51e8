/**
 * B2S in-memory store: maps by id plus two indexes (clients by company, coupons by client), so
 * lookups never scan the whole store. Provider states may edit or delete records in the maps
 * directly, so index hits are checked against the live maps and identifiers are compared on the
 * live client. `markUsed` is one synchronous call (rule 3): the checks and the write have no
 * `await` between them. `markUsedRacy` exists only for the `racy-validate` defect.
 */
import { yieldToEventLoop } from '../faults.ts';
import { cpfKey, DEFAULT_RULES, emailKey, expirationEnd, patchAllowed, phoneKey, utcDate, type B2sRules } from './domain.ts';
import type { B2sFixtures } from './fixtures.ts';

export type Coupon = B2sFixtures['coupons'][number];
export type Client = B2sFixtures['clients'][number];
export type MarkOutcome = { ok: true } | { ok: false; status: 400 | 404; reason: 'not-found' | 'already-used' | 'expired' };

export interface MarkOptions {
  /** Defect `validate-ignores-customer`: ignore the token's company scope. */
  ignoreScope?: boolean;
  /** Defect `no-expiry-check`. */
  skipExpiry?: boolean;
  /** Defect `reuse-returns-200`: a used coupon "succeeds" again, changing nothing. */
  reuseSucceeds?: boolean;
}

export interface ClientQuery {
  phone?: string;
  email?: string;
  cpf?: string;
}

export class B2sStore {
  companies = new Map<string, B2sFixtures['companies'][number]>();
  tokens = new Map<string, Set<string>>();
  clients = new Map<string, Client>();
  coupons = new Map<string, Coupon>();
  #tokenLabels = new Map<string, string | undefined>();
  /** company id → its client ids. */
  #clientsByCompany = new Map<string, string[]>();
  /** client id → its coupons, in insertion order. */
  #couponsByClient = new Map<string, Coupon[]>();
  readonly rules: B2sRules;

  constructor(private readonly now: () => number, rules: Partial<B2sRules> = {}) {
    this.rules = { ...DEFAULT_RULES, ...rules };
  }

  load(fixtures: B2sFixtures, replace: boolean): void {
    const f = structuredClone(fixtures);
    if (replace) for (const m of [this.companies, this.tokens, this.clients, this.coupons, this.#tokenLabels]) m.clear();
    for (const c of f.companies) this.companies.set(c.id, c);
    for (const t of f.tokens) {
      this.tokens.set(t.token, new Set(t.company_ids));
      this.#tokenLabels.set(t.token, t.label);
    }
    for (const c of f.clients) this.clients.set(c.id, c);
    for (const c of f.coupons) this.coupons.set(c.id, c);
    this.reindex();
  }

  /** Seeding is rare: the indexes are rebuilt from the maps, so a merge can never leave them stale. */
  reindex(): void {
    this.#clientsByCompany.clear();
    this.#couponsByClient.clear();
    const add = <V>(m: Map<string, V[]>, key: string, value: V) => {
      const list = m.get(key);
      if (list) list.push(value);
      else m.set(key, [value]);
    };
    for (const c of this.clients.values()) add(this.#clientsByCompany, c.company_id, c.id);
    for (const c of this.coupons.values()) add(this.#couponsByClient, c.client_id, c);
  }

  snapshot(): B2sFixtures {
    return structuredClone({
      companies: [...this.companies.values()],
      tokens: [...this.tokens.entries()].map(([token, ids]) => ({ token, company_ids: [...ids], ...(this.#tokenLabels.get(token) ? { label: this.#tokenLabels.get(token) } : {}) })),
      clients: [...this.clients.values()],
      coupons: [...this.coupons.values()],
    });
  }

  expEnd(c: Coupon): number {
    return expirationEnd(c.expiration_date, this.rules.expirationInstant);
  }

  /** Coupons of the companies in scope, in insertion order. */
  couponsIn(scope: Set<string>): Coupon[] {
    const out: Coupon[] = [];
    for (const c of this.coupons.values()) if (scope.has(c.company_id)) out.push(c);
    return out;
  }

  /** All coupons of one client (still in the store), in insertion order. */
  couponsOf(clientId: string): Coupon[] {
    return (this.#couponsByClient.get(clientId) ?? []).filter((c) => this.coupons.get(c.id) === c && c.client_id === clientId);
  }

  /**
   * B-10: the one client of that company every given identifier names (AND); phones and CPFs
   * compare on digits, emails case-insensitively. Several clients sharing an identifier, or
   * identifiers naming different clients → undefined.
   */
  findClient(companyId: string, q: ClientQuery): Client | undefined {
    const phone = q.phone === undefined ? undefined : phoneKey(q.phone);
    const email = q.email === undefined ? undefined : emailKey(q.email);
    const cpf = q.cpf === undefined ? undefined : cpfKey(q.cpf);
    if (phone === undefined && email === undefined && cpf === undefined) return undefined;
    let found: Client | undefined;
    for (const id of this.#clientsByCompany.get(companyId) ?? []) {
      const c = this.clients.get(id);
      if (!c || c.company_id !== companyId) continue;
      if (phone !== undefined && (c.phone === null || phoneKey(c.phone) !== phone)) continue;
      if (email !== undefined && (c.email === null || emailKey(c.email) !== email)) continue;
      if (cpf !== undefined && (c.cpf === null || cpfKey(c.cpf) !== cpf)) continue;
      if (found) return undefined;
      found = c;
    }
    return found;
  }

  #check(scope: Set<string>, id: string, opts: MarkOptions): { coupon: Coupon } | MarkOutcome {
    const coupon = this.coupons.get(id);
    if (!coupon || (!opts.ignoreScope && !scope.has(coupon.company_id))) return { ok: false, status: 404, reason: 'not-found' };
    if (coupon.status) return opts.reuseSucceeds ? { ok: true } : { ok: false, status: 400, reason: 'already-used' };
    if (!opts.skipExpiry && !patchAllowed(this.expEnd(coupon), this.now())) return { ok: false, status: 400, reason: 'expired' };
    return { coupon };
  }

  #write(coupon: Coupon): MarkOutcome {
    coupon.status = true;
    coupon.date_of_use = utcDate(this.now());
    return { ok: true };
  }

  /** B-7 order: 404 → already used → expired (3-hour rule) → mark used. One synchronous step. */
  markUsed(scope: Set<string>, id: string, opts: MarkOptions = {}): MarkOutcome {
    const r = this.#check(scope, id, opts);
    return 'coupon' in r ? this.#write(r.coupon) : r;
  }

  /** The `racy-validate` defect: the same checks, a yield, then the write. */
  async markUsedRacy(scope: Set<string>, id: string, opts: MarkOptions = {}, gap: () => Promise<void> = yieldToEventLoop): Promise<MarkOutcome> {
    const r = this.#check(scope, id, opts);
    if (!('coupon' in r)) return r;
    await gap();
    return this.#write(r.coupon);
  }
}
