/**
 * B2S in-memory store: maps by id plus indexes, so lookups never scan the whole store (rule 12):
 * - clients by company and identifier (phone, email, CPF keys), so a client look-up is O(1);
 * - coupons by client, ascending by created_at (B-13 ties on id);
 * - coupons by company and module, ascending by created_at; per token scope (the token's set of
 *   companies, the object `tokens` holds) and module the merged order is built once per seed, and
 *   the order by any other column once per seed (status and date_of_use: again after a PATCH
 *   changed them). An unfiltered list page is then O(page); a filtered one is one pass over the
 *   scope's coupons of that module in order (no sort per request).
 * All indexes are rebuilt by `load`; records edited or deleted in the maps directly (provider
 * states, tests) must be followed by `reindex()`. Index hits are still checked against the live
 * maps. `markUsed` is one synchronous call (rule 3): the checks and the write have no `await`
 * between them. `markUsedRacy` exists only for the `racy-use` defect.
 */
import { yieldToEventLoop } from '../faults.ts';
import { ensureSorted } from '../sorted.ts';
import {
  compareBy,
  cpfKey,
  DEFAULT_RULES,
  emailKey,
  expirationEnd,
  patchAllowed,
  phoneKey,
  utcDate,
  type B2sRules,
  type OrderColumn,
} from './domain.ts';
import type { B2sFixtures } from './fixtures.ts';

export type Coupon = B2sFixtures['coupons'][number];
export type Client = B2sFixtures['clients'][number];
export type MarkOutcome = { ok: true } | { ok: false; status: 400 | 404; reason: 'not-found' | 'already-used' | 'expired' };

export interface MarkOptions {
  /** Defect `use-ignores-owner`: ignore the token's company scope. */
  ignoreScope?: boolean;
  /** Defect `no-expiry-check`. */
  skipExpiry?: boolean;
  /** Defect `reuse-succeeds`: a used coupon "succeeds" again, changing nothing. */
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
  /** `${company id}|${kind}|${identifier key}` → the clients of that company it names. */
  #clientsByIdentifier = new Map<string, Client[]>();
  /** client id → its coupons, ascending by created_at. */
  #couponsByClient = new Map<string, Coupon[]>();
  /** `${company id}|${module}` → its coupons, ascending by created_at. */
  #couponsByCompany = new Map<string, Coupon[]>();
  /** token scope → `${module}|${column}` → the scope's coupons of that module, ascending by the column. */
  #ordered = new WeakMap<Set<string>, Map<string, { version: number; items: Coupon[] }>>();
  /** Bumped by every PATCH: orders by status or date_of_use built before it are stale. */
  #version = 0;
  readonly rules: B2sRules;

  constructor(
    private readonly now: () => number,
    rules: Partial<B2sRules> = {},
  ) {
    this.rules = { ...DEFAULT_RULES, ...rules };
  }

  load(fixtures: B2sFixtures, replace: boolean): void {
    const copy = structuredClone(fixtures);
    if (replace) for (const m of [this.companies, this.tokens, this.clients, this.coupons, this.#tokenLabels]) m.clear();
    for (const c of copy.companies) this.companies.set(c.id, c);
    for (const t of copy.tokens) {
      this.tokens.set(t.token, new Set(t.company_ids));
      this.#tokenLabels.set(t.token, t.label);
    }
    for (const c of copy.clients) this.clients.set(c.id, c);
    for (const c of copy.coupons) this.coupons.set(c.id, c);
    this.reindex();
  }

  /** Rebuilds the indexes from the maps (after a seed, or records edited in the maps directly). */
  reindex(): void {
    this.#clientsByIdentifier.clear();
    this.#couponsByClient.clear();
    this.#couponsByCompany.clear();
    this.#ordered = new WeakMap();
    const add = <V>(m: Map<string, V[]>, key: string, value: V) => {
      const list = m.get(key);
      if (list) list.push(value);
      else m.set(key, [value]);
    };
    for (const c of this.clients.values()) {
      if (c.phone !== null) add(this.#clientsByIdentifier, `${c.company_id}|phone|${phoneKey(c.phone)}`, c);
      if (c.email !== null) add(this.#clientsByIdentifier, `${c.company_id}|email|${emailKey(c.email)}`, c);
      if (c.cpf !== null) add(this.#clientsByIdentifier, `${c.company_id}|cpf|${cpfKey(c.cpf)}`, c);
    }
    for (const c of this.coupons.values()) {
      add(this.#couponsByClient, c.client_id, c);
      add(this.#couponsByCompany, `${c.company_id}|${c.module}`, c);
    }
    for (const list of this.#couponsByClient.values()) ensureSorted(list, byCreatedAt);
    for (const list of this.#couponsByCompany.values()) ensureSorted(list, byCreatedAt);
  }

  snapshot(): B2sFixtures {
    return structuredClone({
      companies: [...this.companies.values()],
      tokens: [...this.tokens.entries()].map(([token, ids]) => ({
        token,
        company_ids: [...ids],
        ...(this.#tokenLabels.get(token) ? { label: this.#tokenLabels.get(token) } : {}),
      })),
      clients: [...this.clients.values()],
      coupons: [...this.coupons.values()],
    });
  }

  expEnd(c: Coupon): number {
    return expirationEnd(c.expiration_date, this.rules.expirationInstant);
  }

  /**
   * The coupons of the companies in scope with that module, ascending by `column` (ties on id,
   * B-13), still in the store. Built once per seed and scope; O(1) after that.
   */
  ordered(scope: Set<string>, module: Coupon['module'], column: OrderColumn): readonly Coupon[] {
    let views = this.#ordered.get(scope);
    if (!views) this.#ordered.set(scope, (views = new Map<string, { version: number; items: Coupon[] }>()));
    const key = `${module}|${column}`;
    const mutable = column === 'status' || column === 'date_of_use';
    const cached = views.get(key);
    if (cached && (!mutable || cached.version === this.#version)) return cached.items;
    let items: Coupon[];
    if (column === 'created_at') {
      // Stryker disable next-line ArrayDeclaration: a junk entry is dropped by the filter below (not a coupon of the store)
      items = [];
      // Stryker disable next-line MethodExpression: the merge is a total order (created_at, then id), so the companies' order does not change it
      for (const company of [...scope].sort()) {
        const mine = this.#couponsByCompany.get(`${company}|${module}`);
        if (mine) items = mergeSorted(items, mine, byCreatedAt);
      }
    } else {
      items = [...this.ordered(scope, module, 'created_at')].sort((a, b) => compareBy(column, a, b));
    }
    items = items.filter((c) => this.coupons.get(c.id) === c && scope.has(c.company_id) && c.module === module);
    views.set(key, { version: this.#version, items });
    return items;
  }

  /** All coupons of one client (still in the store), ascending by created_at. */
  couponsOf(clientId: string): Coupon[] {
    // Stryker disable next-line ArrayDeclaration: a junk entry is dropped by the same filter
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
    // Without any identifier the probe is `cpf|undefined`, which is no index key (CPF keys are digits): nothing is found.
    const probe = phone !== undefined ? `phone|${phone}` : email !== undefined ? `email|${email}` : `cpf|${cpf}`;
    let found: Client | undefined;
    // Stryker disable next-line ArrayDeclaration: a junk entry is not a client of the map and is skipped
    for (const c of this.#clientsByIdentifier.get(`${companyId}|${probe}`) ?? []) {
      if (this.clients.get(c.id) !== c || c.company_id !== companyId) continue;
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
    // Stryker disable next-line UpdateOperator: any change of the version marks the cached orders stale
    this.#version++;
    return { ok: true };
  }

  /** B-7 order: 404 → already used → expired (3-hour rule) → mark used. One synchronous step. */
  markUsed(scope: Set<string>, id: string, opts: MarkOptions = {}): MarkOutcome {
    const r = this.#check(scope, id, opts);
    return 'coupon' in r ? this.#write(r.coupon) : r;
  }

  /** The `racy-use` defect: the same checks, a yield, then the write. */
  async markUsedRacy(
    scope: Set<string>,
    id: string,
    opts: MarkOptions = {},
    gap: () => Promise<void> = yieldToEventLoop,
  ): Promise<MarkOutcome> {
    const r = this.#check(scope, id, opts);
    if (!('coupon' in r)) return r;
    await gap();
    return this.#write(r.coupon);
  }
}

const byCreatedAt = (a: Coupon, b: Coupon) => compareBy('created_at', a, b);

/** Two ascending arrays into one, in O(a + b). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  // Stryker disable next-line ConditionalExpression: the merge loop copies b just the same
  if (a.length === 0) return [...b];
  // Stryker disable next-line ArrayDeclaration: writing by index grows an empty array to the same contents
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // Stryker disable next-line EqualityOperator: the order is total (ties on id), so it is never 0 for two coupons
  while (i < a.length && j < b.length) out[k++] = order(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T);
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}
