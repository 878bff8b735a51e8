/**
 * Where a B2S race gets its coupons and token, first match wins:
 *  1. RACE_COUPONS (JSON [{id, code, module}], unused coupons the provider team set aside) + B2S_TOKEN;
 *  2. the simulator's control API: a token and one of its companies' clients from the fixtures,
 *     then fresh unused coupons merged in (expiring in 30 days, far from the 3-hour rule B-5).
 * B2S has no endpoint that creates coupons, so a real provider needs (1).
 */
import { ConfigError, json, oneOf, optional } from './env.ts';
import { asRecord, Control, TargetError, type B2sSnapshot } from './http.ts';
import { chunk, DAY_MS, isoDate, random, BASE62, uuid } from './ids.ts';
import type { Provisioned } from './race.ts';
import { b2sHeaders, listMany, type B2sCoupon } from './b2s.ts';
import { noControl } from './zupy-fixtures.ts';

/** What a run reads of the simulator's fixtures (the control spec's B2sFixtures). */
type Snapshot = Pick<B2sSnapshot, 'companies' | 'tokens' | 'clients'>;

const MODULES = ['premiado', 'falae'] as const;

const isArrayOf = (v: unknown, ok: (o: Record<string, unknown>) => boolean) =>
  Array.isArray(v) &&
  v.every((x) => {
    const o = asRecord(x);
    return o !== undefined && ok(o);
  });

/** Why a `GET /__control/fixtures` body is not coupon-kit's B2S simulator snapshot (undefined = it is). */
export function b2sSnapshotProblem(v: unknown): string | undefined {
  const r = asRecord(v);
  if (!r) return 'not a JSON object';
  if (!isArrayOf(r.companies, (c) => typeof c.id === 'string')) return 'no companies[] with string ids';
  if (!isArrayOf(r.tokens, (t) => typeof t.token === 'string' && Array.isArray(t.company_ids)))
    return 'no tokens[] of {token, company_ids[]}';
  if (!isArrayOf(r.clients, (c) => typeof c.id === 'string' && typeof c.company_id === 'string')) return 'no clients[] of {id, company_id}';
  return undefined;
}

/** The first token with a company that has a client (the race coupons belong to that client). */
export function b2sControlAuth(snapshot: Snapshot): { token: string; companyId: string; clientId: string } {
  for (const t of snapshot.tokens) {
    for (const companyId of t.company_ids) {
      const client = snapshot.clients.find((c) => c.company_id === companyId);
      if (client) return { token: t.token, companyId, clientId: client.id };
    }
  }
  throw new TargetError('the simulator fixtures have no token whose company has a client; seed one or pass RACE_COUPONS + B2S_TOKEN');
}

function seedCoupons(control: Control, snapshot: Snapshot, count: number): { token: string; coupons: B2sCoupon[]; companyId: string } {
  const { token, companyId, clientId } = b2sControlAuth(snapshot);
  const now = control.nowMs();
  const module = oneOf('B2S_MODULE', MODULES, 'premiado');
  const run = random(BASE62, 8).toUpperCase();
  const coupons: B2sCoupon[] = Array.from({ length: count }, (_, i) => ({
    id: uuid(),
    code: `RACE${run}${String(i).padStart(4, '0')}`,
    module,
  }));
  // A merge is checked against the data already loaded: send only what is new.
  control.seedMerge({
    companies: [],
    tokens: [],
    clients: [],
    coupons: coupons.map((c) => ({
      id: c.id,
      company_id: companyId,
      client_id: clientId,
      code: c.code,
      status: false,
      date_of_use: null,
      expiration_date: isoDate(now + 30 * DAY_MS),
      created_at: new Date(now).toISOString(),
      module,
      bonus: { id: uuid(), name: `Race ${run}`, type: 'default' as const },
    })),
  });
  return { token, coupons, companyId };
}

/** Every given coupon listed and still unused. */
function checkFresh(base: string, headers: Record<string, string>, coupons: B2sCoupon[]): void {
  for (const part of chunk(coupons, 20)) {
    listMany(base, headers, part).forEach((s, i) => {
      const code = part[i]?.code;
      if (!s) throw new TargetError(`coupon ${code} is not in the list (search=${code})`);
      if (s.status) throw new TargetError(`coupon ${code} is already used`);
    });
  }
}

export function provisionB2s(base: string, groupSize: number, count: number): Provisioned<B2sCoupon> {
  const given = json<B2sCoupon[]>('RACE_COUPONS');
  const envToken = optional('B2S_TOKEN');
  if (given) {
    if (!envToken) throw new ConfigError('RACE_COUPONS needs B2S_TOKEN');
    if (given.length < count) throw new ConfigError(`RACE_COUPONS has ${given.length} coupons; this shape needs ${count}`);
    const coupons = given.slice(0, count);
    checkFresh(base, b2sHeaders(envToken), coupons);
    return { headers: b2sHeaders(envToken), groups: chunk(coupons, groupSize), uses: 1, source: 'RACE_COUPONS' };
  }
  const control = new Control(base);
  const found = control.fixtures<B2sSnapshot>(b2sSnapshotProblem);
  if (found.kind !== 'ours')
    throw new ConfigError(`${noControl(base, found)}, and B2S cannot create coupons: pass RACE_COUPONS (unused coupons) + B2S_TOKEN`);
  const seeded = seedCoupons(control, found.snapshot, count);
  return {
    headers: b2sHeaders(seeded.token),
    groups: chunk(seeded.coupons, groupSize),
    uses: 1,
    source: `control API seed (company ${seeded.companyId})`,
  };
}
