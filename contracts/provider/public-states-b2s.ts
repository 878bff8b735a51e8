/**
 * B2S provider states set up through the provider's public API only, from a fixture file (the
 * format of `coupon-kit check --fixtures`): coupons are found in the token's list (both modules,
 * all pages), a used one is made by PATCHing an unused one, clients are looked up in the fixture
 * file's scoped company. The public API cannot create coupons, move an expiration or list
 * companies: a state that needs that is not verifiable, with the reason.
 */
import { createB2sClient, WHOLE_RANGE, type B2sClient, type B2sResult } from '../../clients/b2s.ts';
import type { B2sSandboxFixtures } from '../../property-tests/targets/fixture-file.ts';
import { NotVerifiable, StateSetupError, type StateSource, type StateValues } from './states.ts';

/** Decisions B-4 / B-6 / B-5, restated: when a date-only expiration ends, and the 3-hour PATCH margin. */
const DAY_MS = 86_400_000;
const PATCH_MARGIN_MS = 3 * 3_600_000;
/** Keep clear of the 3-hour edge, so the answer cannot flip while the interaction runs. */
const SLACK_MS = 5 * 60_000;
const UNKNOWN_COUPON = '00000000-0000-4000-8000-000000000000';

type Params = Record<string, unknown>;
interface Item {
  id: string;
  code: string;
  status: boolean;
  expiration_date: string;
  created_at: string;
  client: { email: string | null };
}

export function b2sPublicStates(baseUrl: string, f: B2sSandboxFixtures, file: string): StateSource {
  const client = createB2sClient({ baseUrl, token: f.token });
  const scoped =
    f.scoped_token && f.scoped_company_id
      ? { client: createB2sClient({ baseUrl, token: f.scoped_token }), token: f.scoped_token, companyId: f.scoped_company_id }
      : undefined;
  const expEnd = (date: string) => Date.parse(`${date}T00:00:00Z`) + (f.expiration_instant === 'start_of_day_utc' ? 0 : DAY_MS);
  const data = async <T>(what: string, call: Promise<B2sResult<T>>): Promise<T> => {
    const r = await call;
    if (r.status === 401) throw new StateSetupError(`the provider answered 401 to the token from ${file} (${what}): check it or --token`);
    if (!r.ok) throw new NotVerifiable(`${what} answered ${r.status} ${'message' in r.error ? `"${r.error.message}"` : ''}`.trim());
    return r.data;
  };
  const list = async (c: B2sClient = client, modules: ('falae' | 'premiado')[] = ['falae', 'premiado']): Promise<Item[]> => {
    const all: Item[] = [];
    for (const module of modules) {
      for (let offset = 1; offset <= 50; offset++) {
        const page = await data(
          'listing coupons',
          c.listCoupons({
            ...WHOLE_RANGE,
            limit: 100,
            offset,
            order_column: 'created_at',
            order_type: 'DESC',
            module,
          }),
        );
        all.push(...(page.coupons as Item[]));
        if (page.coupons.length < 100) break;
      }
    }
    return all;
  };
  const left = (c: Item) => expEnd(c.expiration_date) - Date.now();
  const patchable = (c: Item) => !c.status && left(c) > PATCH_MARGIN_MS + SLACK_MS;
  const needScoped = () => {
    if (!scoped)
      throw new NotVerifiable(`the B2S API lists no companies: give scoped_token and scoped_company_id in ${file} to look clients up`);
    return scoped;
  };

  const states: Record<string, (p: Params) => Promise<StateValues>> = {
    'coupon {id} is unused and valid': async () => {
      const c = (await list()).find(patchable);
      if (!c)
        throw new NotVerifiable(
          "no unused coupon more than 3 hours from its expiration in the token's list; the public API cannot create one",
        );
      return { id: c.id };
    },
    'coupon {id} is used': async () => {
      const all = await list();
      const used = all.find((c) => c.status);
      if (used) return { id: used.id };
      const c = all.find(patchable);
      if (!c) throw new NotVerifiable("no used coupon, and no unused one to mark used, in the token's list");
      await data(`PATCH /api/coupons/status/${c.id} (to get a used coupon)`, client.markUsed(c.id));
      return { id: c.id };
    },
    'coupon {id} expires in {hours} hours': async () => {
      const near = (await list())
        .filter((c) => !c.status && left(c) <= PATCH_MARGIN_MS - SLACK_MS)
        .sort((a, b) => Number(left(b) > 0) - Number(left(a) > 0));
      const c = near[0];
      if (!c)
        throw new NotVerifiable(
          "no unused coupon within 3 hours of its expiration (or past it) in the token's list; the public API cannot move an expiration",
        );
      return { id: c.id };
    },
    'no coupon has id {id}': async (p) => {
      const id = typeof p.id === 'string' ? p.id : UNKNOWN_COUPON;
      if ((await list()).some((c) => c.id === id)) throw new NotVerifiable(`coupon ${id} exists on the provider`);
      return { id };
    },
    'company {companyId} has {count} coupons created on {date}': async (p) => {
      const module = p.module === 'premiado' ? 'premiado' : 'falae';
      const count = Number(p.count ?? 1);
      const perDay = new Map<string, number>();
      for (const c of await list(client, [module])) perDay.set(c.created_at.slice(0, 10), (perDay.get(c.created_at.slice(0, 10)) ?? 0) + 1);
      const day = [...perDay].filter(([, n]) => n >= count && n <= 100).sort(([a], [b]) => b.localeCompare(a))[0];
      if (!day)
        throw new NotVerifiable(`no day with ${count} to 100 ${module} coupons in the token's list; the public API cannot create coupons`);
      return { date: day[0], count: day[1] };
    },
    'client with email {email} has unused coupons': async () => {
      const s = needScoped();
      const emails = [...new Set((await list(s.client)).filter((c) => !c.status && c.client.email).map((c) => c.client.email as string))];
      for (const email of emails.slice(0, 10)) {
        const r = await s.client.clientCoupons(s.companyId, { email });
        if (r.ok && r.data.some((c) => !c.status)) return { email, companyId: s.companyId, token: s.token };
      }
      throw new NotVerifiable(`no client with an e-mail and an unused coupon in company ${s.companyId}`);
    },
    'no client has email {email}': async (p) => {
      const s = needScoped();
      const email = typeof p.email === 'string' ? p.email : 'nobody@example.com';
      const r = await s.client.clientCoupons(s.companyId, { email });
      if (r.status !== 404)
        throw new NotVerifiable(
          `looking up ${email} in company ${s.companyId} answered ${r.status}, not 404: such a client exists (or the lookup is refused)`,
        );
      return { companyId: s.companyId, token: s.token };
    },
  };

  return {
    description: `the provider's public API, with ${file}`,
    async preflight() {
      await data(
        'GET /api/coupons with token',
        client.listCoupons({
          ...WHOLE_RANGE,
          limit: 1,
          offset: 1,
          order_column: 'created_at',
          order_type: 'ASC',
          module: 'falae',
        }),
      ).catch((err: unknown) => {
        throw err instanceof StateSetupError ? err : new StateSetupError(`checking the token from ${file}: ${(err as Error).message}`);
      });
    },
    async begin() {},
    async setup(state, params) {
      const handler = states[state];
      if (!handler) throw new NotVerifiable('coupon-kit has no public-API set-up for this state');
      return { token: f.token, ...(await handler(params)) };
    },
  };
}
