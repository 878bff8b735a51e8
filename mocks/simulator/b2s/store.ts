/**
 * B2S in-memory store. `markUsed` is one synchronous call (rule 3): the checks and the write have
 * no `await` between them. `markUsedRacy` exists only for the `racy-validate` defect.
 */
import { yieldToEventLoop } from '../faults.ts';
import { digits, expirationEnd, patchAllowed, phoneKey, utcDate, type ExpirationInstant } from './domain.ts';
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

export class B2sStore {
  companies = new Map<string, B2sFixtures['companies'][number]>();
  tokens = new Map<string, Set<string>>();
  clients = new Map<string, Client>();
  coupons = new Map<string, Coupon>();
  #tokenLabels = new Map<string, string | undefined>();

  constructor(private readonly now: () => number, readonly expirationInstant: ExpirationInstant = 'end_of_day_utc') {}

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
    return expirationEnd(c.expiration_date, this.expirationInstant);
  }

  /** Coupons of the companies in scope, in insertion order. */
  couponsIn(scope: Set<string>): Coupon[] {
    const out: Coupon[] = [];
    for (const c of this.coupons.values()) if (scope.has(c.company_id)) out.push(c);
    return out;
  }

  /** B-10: every given identifier must point at the same client of that company (AND). */
  findClient(companyId: string, q: { phone?: string; email?: string; cpf?: string }): Client | undefined {
    let found: Client | undefined;
    for (const c of this.clients.values()) {
      if (c.company_id !== companyId) continue;
      if (q.phone !== undefined && (c.phone === null || phoneKey(c.phone) !== phoneKey(q.phone))) continue;
      if (q.email !== undefined && (c.email === null || c.email.toLowerCase() !== q.email.toLowerCase())) continue;
      if (q.cpf !== undefined && (c.cpf === null || digits(c.cpf) !== digits(q.cpf))) continue;
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
