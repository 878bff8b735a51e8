/**
 * A stand-in Zupy Partner API v2 written from ../shared/api/api-model.md alone (no simulator code):
 * X-API-Key per company, OTP request/verify, rewards, redeem, issued coupons (list, code lookup,
 * cursor paging, stats), validate, points. No control API. Faults come from StandinOptions.
 */
import { randomBytes } from 'node:crypto';
import { ksuidLike, rateLimiter, serve, sleep, type Reply, type Request, type RunningStandin, type StandinOptions } from './http.ts';

interface Company {
  id: string;
  key: string;
  otp: boolean;
}
interface Customer {
  id: string;
  company: string;
  name: string;
  identifier: string;
  points: number;
  zMicros: number;
}
interface Reward {
  id: string;
  company: string;
  name: string;
  points: number;
  validityDays: number;
  origin: 'loyalty_reward' | 'marketing';
  uses: number;
}
interface Coupon {
  id: string;
  code: string;
  company: string;
  customer: string;
  reward: string;
  rewardName: string;
  status: 'active' | 'used' | 'cancelled';
  remaining: number;
  total: number;
  validUntil: number;
  usageDate: number | null;
  created: number;
  points: number;
  origin: 'loyalty_reward' | 'marketing';
}

export interface ZupyStandinData {
  keys: { main: string; other: string; otp: string };
  customers: { main: string[]; other: string; otp: string[] };
  /** Customer id → the phone its OTP goes to (the code is always 123456). */
  identifiers: Record<string, string>;
  rewards: { main: string[]; otp: string[] };
  codes: { active: string[]; multi: string[]; used: string; expired: string; cancelled: string };
}

const DAY = 86_400_000;
const key = (c: string) => `zupy_pk_${c.repeat(32).slice(0, 32)}`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const z6 = (micros: number) => (micros / 1e6).toFixed(6);
const hexCode = () => `CZ-${randomBytes(4).toString('hex').toUpperCase()}`;

function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  instance: string,
  errors?: { field: string; detail: string }[],
): Reply {
  return { status, body: { type: `https://docs.zupy.com/errors#${slug}`, title, status, detail, instance, ...(errors ? { errors } : {}) } };
}
const notFound = (path: string) => problem(404, 'not-found', 'Not Found', 'Not found.', path);
const invalid = (status: number, path: string, field: string, detail: string) =>
  problem(status, 'validation-error', 'Validation Error', 'One or more fields failed validation.', path, [{ field, detail }]);

export async function startZupyStandin(options: StandinOptions = {}): Promise<RunningStandin & { data: ZupyStandinData }> {
  const now = Date.now();
  const companies: Company[] = [
    { id: 'co-main', key: key('StandinMainCompanyKey'), otp: false },
    { id: 'co-other', key: key('StandinOtherCompanyKey'), otp: false },
    { id: 'co-otp', key: key('StandinOtpCompanyKey'), otp: true },
  ];
  const customers: Customer[] = [];
  const rewards: Reward[] = [];
  const coupons: Coupon[] = [];
  let tick = 0;
  const issue = (owner: Customer, reward: Reward, status: Coupon['status'], remaining: number, validUntil: number): Coupon => {
    const c: Coupon = {
      id: ksuidLike(),
      code: hexCode(),
      company: owner.company,
      customer: owner.id,
      reward: reward.id,
      rewardName: reward.name,
      status,
      remaining,
      total: reward.uses,
      validUntil,
      usageDate: status === 'used' ? now - DAY : null,
      created: now - 10 * DAY + tick++ * 1000,
      points: reward.points,
      origin: reward.origin,
    };
    coupons.push(c);
    return c;
  };
  /** Every company alike: two customers (the first rich), a single-use, a 3-use and a marketing reward, coupons in every status. */
  const seedCompany = (company: string, phones: [string, string]) => {
    const rich: Customer = { id: ksuidLike(), company, name: 'Ana Lima', identifier: phones[0], points: 100_000, zMicros: 500_000_000 };
    const poor: Customer = { id: ksuidLike(), company, name: 'Bruno Reis', identifier: phones[1], points: 250, zMicros: 0 };
    customers.push(rich, poor);
    const single: Reward = {
      id: ksuidLike(),
      company,
      name: 'Café expresso',
      points: 100,
      validityDays: 30,
      origin: 'loyalty_reward',
      uses: 1,
    };
    const triple: Reward = { id: ksuidLike(), company, name: '3x Café', points: 250, validityDays: 30, origin: 'loyalty_reward', uses: 3 };
    const welcome: Reward = { id: ksuidLike(), company, name: 'Boas-vindas', points: 0, validityDays: 7, origin: 'marketing', uses: 1 };
    rewards.push(single, triple, welcome);
    const active = Array.from({ length: 40 }, (_, i) => issue(i % 4 === 3 ? poor : rich, single, 'active', 1, now + 20 * DAY));
    const multi = Array.from({ length: 6 }, () => issue(rich, triple, 'active', 3, now + 20 * DAY));
    const used = issue(rich, single, 'used', 0, now + 20 * DAY);
    const expired = issue(rich, single, 'active', 1, now - DAY);
    const cancelled = issue(rich, single, 'cancelled', 1, now + 20 * DAY);
    issue(rich, welcome, 'active', 1, now + 5 * DAY);
    return { rich, poor, single, triple, welcome, active, multi, used, expired, cancelled };
  };
  const main = seedCompany('co-main', ['+5511900000001', '+5511900000002']);
  const other = seedCompany('co-other', ['+5511900000003', '+5511900000004']);
  const otpCo = seedCompany('co-otp', ['+5511900000005', '+5511900000006']);

  const otpCodes = new Map<string, string>(); // company|identifier → code
  const sessions = new Map<string, { customer: string; until: number }>();
  const limiter = rateLimiter(options.rateLimit, options.rateWindowMs);

  const statusOf = (c: Coupon, at: number) => (c.status === 'active' && at >= c.validUntil ? 'expired' : c.status);
  const wrap = (data: unknown) => (options.rootFormat ? data : { data, meta: {} });
  const view = (c: Coupon, at: number) => {
    const status = statusOf(c, at);
    const owner = customers.find((u) => u.id === c.customer);
    return {
      id: c.id,
      coupon_code: c.code,
      status,
      status_display: { active: 'Ativo', used: 'Utilizado', expired: 'Expirado', cancelled: 'Cancelado' }[status],
      origin_type: c.origin,
      usage_date: c.usageDate === null ? null : iso(c.usageDate),
      remaining_usages: c.remaining,
      total_usages_allowed: c.total,
      valid_until: iso(c.validUntil),
      reward_name: c.rewardName,
      reward_id: c.reward,
      customer_id: c.customer,
      customer_name: owner?.name ?? '',
      points_spent: c.points,
      redemption_date: iso(c.created),
      created_at: iso(c.created),
    };
  };
  const parseBody = (req: Request): { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply } => {
    if (req.body.trim() === '') return { ok: true, value: {} };
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/json'))
      return { ok: false, reply: invalid(400, req.path, 'non_field_errors', `Unsupported media type "${type.split(';')[0]}" in request.`) };
    let value: unknown;
    try {
      value = JSON.parse(req.body);
    } catch (err) {
      if (options.malformed500) throw err;
      return { ok: false, reply: invalid(400, req.path, 'non_field_errors', 'JSON parse error - invalid JSON') };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, reply: invalid(400, req.path, 'non_field_errors', 'Invalid data. Expected a dictionary.') };
    return { ok: true, value: value as Record<string, unknown> };
  };
  const needsOtp = (req: Request, company: Company, customerId: string): Reply | undefined => {
    if (!company.otp) return undefined;
    const s = sessions.get(String(req.headers['x-otp-session'] ?? ''));
    if (s && s.customer === customerId && s.until > Date.now()) return undefined;
    return problem(403, 'otp-required', 'Permission Denied', 'OTP verification required', req.path);
  };

  const route = async (req: Request, company: Company): Promise<Reply> => {
    const at = Date.now();
    const p = req.path;
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && p === '/api/v2/auth/request-otp/') {
      const b = parseBody(req);
      if (!b.ok) return b.reply;
      const id = b.value.identifier;
      if (typeof id !== 'string' || id === '') return invalid(400, p, 'identifier', 'Este campo é obrigatório.');
      otpCodes.set(`${company.id}|${id}`, '123456');
      return { status: 200, body: wrap({ status: 'sent', channel: id.includes('@') ? 'email' : 'whatsapp', expires_in: 300 }) };
    }
    if (req.method === 'POST' && p === '/api/v2/auth/verify-otp/') {
      const b = parseBody(req);
      if (!b.ok) return b.reply;
      const { identifier, otp_code: code } = b.value;
      if (typeof identifier !== 'string' || identifier === '') return invalid(400, p, 'identifier', 'Este campo é obrigatório.');
      if (typeof code !== 'string' || code === '') return invalid(400, p, 'otp_code', 'Este campo é obrigatório.');
      const expected = otpCodes.get(`${company.id}|${identifier}`);
      if (expected === undefined) return problem(404, 'not-found', 'Not Found', 'No OTP requested for this identifier.', p);
      if (code !== expected) return problem(401, 'authentication-required', 'Authentication Required', 'Invalid or expired OTP code', p);
      otpCodes.delete(`${company.id}|${identifier}`);
      let who = customers.find((u) => u.company === company.id && u.identifier === identifier);
      const isNew = !who;
      if (!who) {
        who = { id: ksuidLike(), company: company.id, name: 'Cliente Novo', identifier, points: 0, zMicros: 0 };
        customers.push(who);
      }
      const session = randomBytes(16).toString('hex');
      sessions.set(session, { customer: who.id, until: at + 30 * 60_000 });
      return {
        status: 200,
        body: wrap({
          customer_id: who.id,
          is_new: isNew,
          otp_session: session,
          full_name: who.name,
          points_balance: who.points,
          tier: null,
        }),
      };
    }
    if (req.method === 'GET' && p === '/api/v2/rewards/') {
      const list = rewards
        .filter((r) => r.company === company.id)
        .map((r) => ({
          id: r.id,
          name: r.name,
          points_required: r.points,
          is_available: true,
          already_redeemed: false,
          validity_days: r.validityDays,
          origin_type: r.origin,
        }));
      return {
        status: 200,
        body: options.rootFormat
          ? { count: list.length, next: null, previous: null, results: list }
          : { data: list, meta: { cursor: null, has_next: false, count: list.length } },
      };
    }
    if ((m = /^\/api\/v2\/customers\/([^/]+)\/rewards\/([^/]+)\/redeem\/$/.exec(p)) && req.method === 'POST') {
      const who = customers.find((u) => u.id === m![1] && u.company === company.id);
      const reward = rewards.find((r) => r.id === m![2] && r.company === company.id);
      if (!who || !reward) return notFound(p);
      const otp = needsOtp(req, company, who.id);
      if (otp) return otp;
      const b = parseBody(req);
      if (!b.ok) return b.reply;
      if (reward.origin === 'marketing' && coupons.some((c) => c.customer === who.id && c.reward === reward.id)) {
        return invalid(422, p, 'reward', 'Prêmio gratuito já resgatado por este cliente');
      }
      if (who.points < reward.points) return invalid(422, p, 'points', 'Pontos insuficientes para este prêmio.');
      who.points -= reward.points;
      const c = issue(who, reward, 'active', reward.uses, at + reward.validityDays * DAY);
      c.created = at;
      c.validUntil = at + reward.validityDays * DAY;
      return {
        status: 200,
        body: wrap({
          customer_id: who.id,
          coupon_code: c.code,
          points_used: reward.points,
          z_tokens_used: '0.000000',
          new_balance: who.points,
          new_z_balance: z6(who.zMicros),
          valid_until: iso(c.validUntil),
          created_at: iso(c.created),
        }),
      };
    }
    if (req.method === 'GET' && (p === '/api/v2/coupons/issued/' || p === '/api/v2/coupons/issued/stats/')) {
      const q = req.query;
      const status = q.get('status');
      if (p.endsWith('/issued/') && status !== null && !['active', 'used', 'expired', 'cancelled'].includes(status))
        return invalid(422, p, 'status', `"${status}" is not a valid choice.`);
      const origin = q.get('origin_type');
      if (origin !== null && !['loyalty_reward', 'marketing'].includes(origin))
        return invalid(422, p, 'origin_type', `"${origin}" is not a valid choice.`);
      let list = coupons.filter((c) => c.company === company.id);
      const customer = q.get('customer_id');
      if (customer !== null) list = list.filter((c) => c.customer === customer);
      if (origin !== null) list = list.filter((c) => c.origin === origin);
      const reward = q.get('reward_id');
      if (reward !== null) list = list.filter((c) => c.reward === reward);
      const code = q.get('code');
      if (code !== null) list = list.filter((c) => c.code === code.toUpperCase());
      if (p.endsWith('/stats/')) {
        const by_status = { active: 0, used: 0, expired: 0, cancelled: 0 };
        const by_origin = { loyalty_reward: 0, marketing: 0 };
        for (const c of list) {
          by_status[statusOf(c, at)] += 1;
          by_origin[c.origin] += 1;
        }
        const total = list.length;
        return {
          status: 200,
          body: wrap({
            total_issued: total,
            used: by_status.used,
            usage_rate: total ? Math.round((by_status.used / total) * 10_000) / 100 : 0,
            by_status,
            by_origin,
          }),
        };
      }
      if (status !== null) list = list.filter((c) => statusOf(c, at) === status);
      list = [...list].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
      const size = Math.min(100, Math.max(1, Number(q.get('page_size') ?? 20) || 20));
      let start = 0;
      const cursor = q.get('cursor');
      if (cursor !== null) {
        start = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
        if (!/^o:\d+$/.test(Buffer.from(cursor, 'base64url').toString('utf8'))) return invalid(422, p, 'cursor', 'Invalid cursor');
      }
      const page = list.slice(start, start + size).map((c) => view(c, at));
      const more = start + size < list.length;
      const next = more ? Buffer.from(`o:${start + size}`).toString('base64url') : null;
      if (options.rootFormat) {
        return {
          status: 200,
          body: { count: list.length, next: next && `http://standin${p}?cursor=${next}`, previous: null, results: page },
        };
      }
      return { status: 200, body: { data: page, meta: { cursor: next, has_next: more, count: list.length } } };
    }
    if ((m = /^\/api\/v2\/customers\/([^/]+)\/coupons\/([^/]+)\/validate\/$/.exec(p)) && req.method === 'POST') {
      const who = customers.find((u) => u.id === m![1] && u.company === company.id);
      if (!who) return notFound(p);
      const ref = decodeURIComponent(m[2]!);
      const c = coupons.find(
        (x) => x.company === company.id && (x.id === ref || x.code === ref.toUpperCase()) && (options.ignoreOwner || x.customer === who.id),
      );
      if (!c) return notFound(p);
      const otp = needsOtp(req, company, who.id);
      if (otp) return otp;
      const seen = { status: statusOf(c, Date.now()), remaining: c.remaining };
      if (options.racy) await sleep(5);
      if (seen.status !== 'active') {
        if (!(options.reuseOk && seen.status === 'used')) {
          return problem(
            409,
            'conflict',
            'Conflict',
            `Cupom já ${{ used: 'Used', expired: 'Expired', cancelled: 'Cancelled' }[seen.status]}`,
            p,
          );
        }
      } else {
        c.remaining = seen.remaining - 1;
        if (c.remaining <= 0) {
          c.remaining = 0;
          c.status = 'used';
          c.usageDate = Date.now();
        }
      }
      return {
        status: 200,
        body: wrap({
          customer_id: who.id,
          coupon_code: c.code,
          status: 'validated',
          remaining_usages: c.remaining,
          total_usages_allowed: c.total,
          validated_at: iso(Date.now()),
          new_balance: who.points,
          new_z_balance: z6(who.zMicros),
        }),
      };
    }
    if ((m = /^\/api\/v2\/customers\/([^/]+)\/points\/$/.exec(p)) && req.method === 'GET' && !options.noPoints) {
      const who = customers.find((u) => u.id === m![1] && u.company === company.id);
      if (!who) return notFound(p);
      return { status: 200, body: wrap({ customer_id: who.id, points_balance: who.points, z_balance: z6(who.zMicros) }) };
    }
    return notFound(p);
  };

  const running = await serve(async (req) => {
    const given = req.headers['x-api-key'];
    const company = companies.find((c) => c.key === given);
    const gate = limiter(typeof given === 'string' ? given : '');
    const reply: Reply = !company
      ? problem(401, 'authentication-required', 'Authentication Required', 'Invalid API key', req.path)
      : gate.limited
        ? problem(429, 'rate-limit-exceeded', 'Rate Limit Exceeded', 'Too many requests. Please retry after 30 seconds.', req.path)
        : await route(req, company);
    return { ...reply, headers: { ...gate.headers, ...(reply.headers ?? {}) } };
  }, options);
  return {
    ...running,
    data: {
      keys: { main: companies[0]!.key, other: companies[1]!.key, otp: companies[2]!.key },
      customers: { main: [main.rich.id, main.poor.id], other: other.rich.id, otp: [otpCo.rich.id, otpCo.poor.id] },
      identifiers: Object.fromEntries(customers.map((c) => [c.id, c.identifier])),
      rewards: { main: [main.single.id, main.triple.id, main.welcome.id], otp: [otpCo.single.id, otpCo.triple.id, otpCo.welcome.id] },
      codes: {
        active: main.active.map((c) => c.code),
        multi: main.multi.map((c) => c.code),
        used: main.used.code,
        expired: main.expired.code,
        cancelled: main.cancelled.code,
      },
    },
  };
}
