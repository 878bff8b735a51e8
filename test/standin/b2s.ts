/**
 * A stand-in Experiência B2S / Falaê API written from ../shared/api/api-model.md alone (no
 * simulator code): Bearer tokens scoped to companies, the coupon list (filters, 1-based page offset),
 * a client's coupons, PATCH mark-as-used with the 3-hour rule. No control API.
 */
import { randomUUID } from 'node:crypto';
import { rateLimiter, serve, sleep, type Reply, type Request, type RunningStandin, type StandinOptions } from './http.ts';

interface Client {
  id: string;
  company: string;
  name: string;
  email: string | null;
  phone: string | null;
  cpf: string;
}
interface Coupon {
  id: string;
  code: string;
  company: string;
  client: Client;
  used: boolean;
  dateOfUse: string | null;
  expiration: string;
  created: string;
  module: 'premiado' | 'falae';
  bonus: { id: string; name: string; type: string };
}

export interface B2sStandinData {
  tokens: { franchise: string; scoped: string };
  companies: { scoped: string; other: string };
  /** A client of the scoped company: its CPF (digits). */
  clientCpf: string;
  couponIds: string[];
  /** Coupons a PATCH may mark used now (unused, far from expiry), in the race's RACE_COUPONS shape. */
  unused: { id: string; code: string; module: string }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const error = (status: number, message: string): Reply => ({ status, body: { status: 'error', message } });
/** End of the expiration day in UTC (decision B-6). */
const expEnd = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY;
const STATUSES: Record<string, 'used' | 'unused' | 'expired' | 'expiring'> = {
  Used: 'used',
  Utilizado: 'used',
  'Not Used': 'unused',
  'Não Utilizado': 'unused',
  Expired: 'expired',
  Vencido: 'expired',
  Expiring: 'expiring',
  Vencendo: 'expiring',
};
const REQUIRED = ['date_start', 'date_end', 'limit', 'offset', 'order_column', 'order_type', 'module'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function startB2sStandin(options: StandinOptions = {}): Promise<RunningStandin & { data: B2sStandinData }> {
  const now = Date.now();
  const scopedCompany = randomUUID();
  const otherCompany = randomUUID();
  const tokens = new Map<string, string[]>([
    ['standin_franchise_token_0001', [scopedCompany, otherCompany]],
    ['standin_scoped_token_0002', [scopedCompany]],
  ]);
  const clients: Client[] = [
    {
      id: randomUUID(),
      company: scopedCompany,
      name: 'Maria Souza',
      email: 'maria@example.com',
      phone: '(11) 98888-0001',
      cpf: '39053344705',
    },
    { id: randomUUID(), company: scopedCompany, name: 'João Alves', email: null, phone: '(21) 97777-0002', cpf: '52998224725' },
    { id: randomUUID(), company: otherCompany, name: 'Rita Prado', email: 'rita@example.com', phone: null, cpf: '11144477735' },
  ];
  const coupons: Coupon[] = [];
  for (let i = 0; i < 36; i++) {
    const client = clients[i % 3]!;
    coupons.push({
      id: randomUUID(),
      code: `STAND${String(i).padStart(4, '0')}`,
      company: client.company,
      client,
      used: i % 9 === 8,
      dateOfUse: i % 9 === 8 ? day(now - DAY) : null,
      expiration: day(now + (i % 12 === 5 ? -2 : 20) * DAY),
      created: new Date(now - (40 - i) * DAY).toISOString(),
      module: i % 2 ? 'falae' : 'premiado',
      bonus: { id: randomUUID(), name: i % 2 ? '5% Cashback' : 'Sobremesa', type: i % 2 ? 'answer' : 'birthday' },
    });
  }
  const limiter = rateLimiter(options.rateLimit, options.rateWindowMs);
  const state = (c: Coupon, at: number) => (c.used ? 'used' : at >= expEnd(c.expiration) ? 'expired' : 'unused');

  const list = (req: Request, scope: string[]): Reply => {
    const q = req.query;
    for (const name of REQUIRED) if (!q.get(name)) return error(400, `${name} is required`);
    const [ds, de] = [q.get('date_start')!, q.get('date_end')!];
    if (!DATE.test(ds) || !DATE.test(de)) return error(400, 'date_start and date_end must be YYYY-MM-DD');
    if (ds > de) return error(400, 'date_start must not be after date_end');
    if (!/^\d+$/.test(q.get('limit')!) || Number(q.get('limit')) > 100) return error(400, 'limit must be between 0 and 100');
    if (!/^-?\d+$/.test(q.get('offset')!) || Number(q.get('offset')) < 1) return error(400, 'offset must be >= 1');
    const order = q.get('order_column')!;
    if (!['created_at', 'expiration_date', 'date_of_use', 'code', 'status'].includes(order)) return error(400, 'order_column is invalid');
    const dir = q.get('order_type')!;
    if (dir !== 'ASC' && dir !== 'DESC') return error(400, 'order_type must be ASC or DESC');
    const module = q.get('module')!;
    if (module !== 'premiado' && module !== 'falae') return error(400, 'module must be premiado or falae');
    const wanted = q.get('coupon_status');
    if (wanted !== null && !(wanted in STATUSES))
      return error(400, 'coupon_status must be one of Used, Not Used, Expired, Expiring, Utilizado, Não Utilizado, Vencido, Vencendo');
    for (const name of ['date_of_use_start', 'date_of_use_end', 'expiration_date_start', 'expiration_date_end']) {
      const v = q.get(name);
      if (v !== null && !DATE.test(v)) return error(400, `${name} must be YYYY-MM-DD`);
    }
    const at = Date.now();
    let rows = coupons.filter(
      (c) =>
        (options.ignoreOwner || scope.includes(c.company)) &&
        c.module === module &&
        c.created.slice(0, 10) >= ds &&
        c.created.slice(0, 10) <= de,
    );
    const between = (v: string | null, lo: string | null, hi: string | null) =>
      (lo === null || (v !== null && v >= lo)) && (hi === null || (v !== null && v <= hi));
    rows = rows.filter(
      (c) =>
        between(c.dateOfUse, q.get('date_of_use_start'), q.get('date_of_use_end')) &&
        between(c.expiration, q.get('expiration_date_start'), q.get('expiration_date_end')),
    );
    if (wanted !== null) {
      const kind = STATUSES[wanted];
      rows = rows.filter((c) => {
        const s = state(c, at);
        return kind === 'expiring' ? s === 'unused' && expEnd(c.expiration) <= at + 7 * DAY : s === kind;
      });
    }
    const search = q.get('search');
    if (search) {
      const needle = search.toLowerCase();
      const digits = search.replace(/\D/g, '');
      rows = rows.filter(
        (c) =>
          [c.code, c.client.name, c.client.email ?? '', c.client.phone ?? ''].some((f) => f.toLowerCase().includes(needle)) ||
          (digits.length >= 4 && (c.client.phone ?? '').replace(/\D/g, '').includes(digits)),
      );
    }
    const key = (c: Coupon): string =>
      ({ created_at: c.created, expiration_date: c.expiration, date_of_use: c.dateOfUse ?? '', code: c.code, status: String(c.used) })[
        order
      ]!;
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1) * (dir === 'ASC' ? 1 : -1));
    const limit = Number(q.get('limit'));
    const offset = Number(q.get('offset'));
    const page = rows.slice((offset - 1) * limit, offset * limit).map((c) => ({
      id: c.id,
      code: c.code,
      status: c.used,
      date_of_use: c.dateOfUse,
      expiration_date: c.expiration,
      created_at: c.created,
      bonus: c.bonus,
      client: { id: c.client.id, name: c.client.name, email: c.client.email, phone: c.client.phone },
    }));
    return { status: 200, body: { limit, offset, total: rows.length, coupons: page } };
  };

  const clientCoupons = (req: Request, scope: string[], company: string): Reply => {
    const q = req.query;
    const phone = q.get('phone');
    const email = q.get('email');
    const cpf = q.get('cpf');
    if (!phone && !email && !cpf) return error(400, 'Provide at least one of phone, email or cpf');
    if (!scope.includes(company)) return error(404, 'Client not found');
    const norm = (s: string) => {
      const d = s.replace(/\D/g, '');
      return d.startsWith('55') ? d : `55${d}`;
    };
    const client = clients.find(
      (c) =>
        c.company === company &&
        (!phone || (c.phone !== null && norm(c.phone) === norm(phone))) &&
        (!email || c.email === email) &&
        (!cpf || c.cpf === cpf.replace(/\D/g, '')),
    );
    if (!client) return error(404, 'Client not found');
    const rows = coupons.filter((c) => c.client === client).sort((a, b) => (a.created < b.created ? -1 : 1));
    return {
      status: 200,
      body: rows.map((c) => ({
        id: c.id,
        status: c.used,
        expiration_date: c.expiration,
        date_of_use: c.dateOfUse,
        created_at: c.created,
        code: c.code,
        bonus: { name: c.bonus.name },
      })),
    };
  };

  const patch = async (req: Request, scope: string[], id: string): Promise<Reply> => {
    if (req.body.trim() !== '') {
      try {
        JSON.parse(req.body);
      } catch (err) {
        if (options.malformed500) throw err;
        return error(400, 'Malformed JSON body');
      }
    }
    const c = coupons.find((x) => x.id === id && scope.includes(x.company));
    if (!c) return error(404, 'Coupon not found');
    const seenUsed = c.used;
    if (options.racy) await sleep(5);
    if (seenUsed && !options.reuseOk) return error(400, 'Coupon already used');
    if (!seenUsed && expEnd(c.expiration) - Date.now() <= 3 * HOUR) return error(400, 'Coupon expired');
    c.used = true;
    c.dateOfUse = day(Date.now());
    return { status: 204 };
  };

  const running = await serve(async (req) => {
    const auth = String(req.headers.authorization ?? '');
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    let scope = token === undefined ? undefined : tokens.get(token);
    if (!scope && options.lenientAuth) scope = tokens.get('standin_franchise_token_0001');
    if (!scope) return auth === '' ? error(401, 'Token not provided') : error(401, 'Invalid token');
    const gate = limiter(token ?? '');
    if (gate.limited) return { ...error(429, 'Too many requests'), headers: { 'retry-after': gate.headers['retry-after'] ?? '1' } };
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && req.path === '/api/coupons') return list(req, scope);
    if (req.method === 'GET' && (m = /^\/api\/coupons\/clients\/([^/]+)$/.exec(req.path)))
      return clientCoupons(req, scope, decodeURIComponent(m[1]!));
    if (req.method === 'PATCH' && (m = /^\/api\/coupons\/status\/([^/]+)$/.exec(req.path)))
      return patch(req, scope, decodeURIComponent(m[1]!));
    return error(404, 'Not found');
  }, options);
  return {
    ...running,
    data: {
      tokens: { franchise: 'standin_franchise_token_0001', scoped: 'standin_scoped_token_0002' },
      companies: { scoped: scopedCompany, other: otherCompany },
      clientCpf: clients[0]!.cpf,
      couponIds: coupons.map((c) => c.id),
      unused: coupons.filter((c) => !c.used && expEnd(c.expiration) - now > DAY).map((c) => ({ id: c.id, code: c.code, module: c.module })),
    },
  };
}
