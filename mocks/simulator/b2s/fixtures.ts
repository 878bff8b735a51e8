/** B2S fixture format (`--seed FILE`, POST /__control/seed) and its checks; the demo data is in mocks/demo/b2s.ts. */
import type { components } from '../../../specs/generated/b2s.ts';
import { duplicates, shapeChecker } from '../fixture-checks.ts';

type BonusType = components['schemas']['BonusType'];
/** Every BonusType of the spec, exactly once (a spec change that adds or drops one fails tsc). */
const BONUS_TYPE_SET: Record<BonusType, true> = {
  answer: true, birthday: true, default: true, create: true, fidelityProgram: true, prizeDraw: true,
  marketing: true, roulette: true, winning_registration_roulette: true, infinity: true,
};
export const BONUS_TYPES = Object.keys(BONUS_TYPE_SET) as BonusType[];

export interface B2sFixtures {
  companies: { id: string; name: string }[];
  tokens: { token: string; company_ids: string[]; label?: string }[];
  clients: { id: string; company_id: string; name: string; email: string | null; phone: string | null; cpf: string | null }[];
  coupons: {
    id: string;
    company_id: string;
    client_id: string;
    code: string;
    status: boolean;
    date_of_use: string | null;
    expiration_date: string;
    created_at: string;
    module: 'premiado' | 'falae';
    bonus: { id: string; name: string; type: BonusType };
  }[];
}

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['companies', 'tokens', 'clients', 'coupons'],
  properties: {
    companies: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string', minLength: 1 } } } },
    tokens: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['token', 'company_ids'], properties: { token: { type: 'string', minLength: 8, pattern: '^\\S+$' }, company_ids: { type: 'array', items: { type: 'string' } }, label: { type: 'string' } } } },
    clients: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'company_id', 'name', 'email', 'phone', 'cpf'],
        properties: { id: { type: 'string', minLength: 1 }, company_id: { type: 'string' }, name: { type: 'string' }, email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] }, cpf: { type: ['string', 'null'] } },
      },
    },
    coupons: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'company_id', 'client_id', 'code', 'status', 'date_of_use', 'expiration_date', 'created_at', 'module', 'bonus'],
        properties: {
          id: { type: 'string', format: 'uuid' }, company_id: { type: 'string' }, client_id: { type: 'string' }, code: { type: 'string', minLength: 1 },
          status: { type: 'boolean' }, date_of_use: { anyOf: [DATE, { type: 'null' }] }, expiration_date: DATE, created_at: { type: 'string', format: 'date-time' },
          module: { enum: ['premiado', 'falae'] },
          bonus: { type: 'object', additionalProperties: false, required: ['id', 'name', 'type'], properties: { id: { type: 'string' }, name: { type: 'string' }, type: { enum: BONUS_TYPES } } },
        },
      },
    },
  },
} as const;

const checkShape = shapeChecker(schema);

export function checkB2sFixtures(input: unknown): string[] {
  const shape = checkShape(input);
  if (shape.length) return shape;
  const f = input as B2sFixtures;
  const problems: string[] = [];
  const companies = new Set(f.companies.map((c) => c.id));
  problems.push(...duplicates('company id', f.companies.map((c) => c.id)));
  problems.push(...duplicates('token', f.tokens.map((t) => t.token)));
  problems.push(...duplicates('client id', f.clients.map((c) => c.id)));
  problems.push(...duplicates('coupon id', f.coupons.map((c) => c.id)));
  f.tokens.forEach((t, i) => t.company_ids.forEach((id) => companies.has(id) || problems.push(`/tokens/${i}: unknown company_id '${id}'`)));
  f.clients.forEach((c, i) => companies.has(c.company_id) || problems.push(`/clients/${i}: unknown company_id '${c.company_id}'`));
  const clients = new Map(f.clients.map((c) => [c.id, c]));
  f.coupons.forEach((c, i) => {
    const client = clients.get(c.client_id);
    if (!companies.has(c.company_id)) problems.push(`/coupons/${i}: unknown company_id '${c.company_id}'`);
    if (!client) problems.push(`/coupons/${i}: unknown client_id '${c.client_id}'`);
    else if (client.company_id !== c.company_id) problems.push(`/coupons/${i}: client belongs to another company`);
    if (c.status && c.date_of_use === null) problems.push(`/coupons/${i}: a used coupon (status true) needs a date_of_use`);
    if (!c.status && c.date_of_use !== null) problems.push(`/coupons/${i}: an unused coupon (status false) must have date_of_use null`);
  });
  return problems;
}
