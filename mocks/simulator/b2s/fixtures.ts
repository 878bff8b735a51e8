/**
 * The B2S fixture format (`--seed FILE`, POST /__control/seed) is the control spec's `B2sFixtures`
 * (specs/control.openapi.yaml); its types are generated from there. Here: the checks a schema cannot
 * express (references, company scope, use dates). The demo data is in mocks/demo/b2s.ts.
 */
import type { components as b2s } from '../../../specs/generated/b2s.ts';
import type { components } from '../../../specs/generated/control.ts';
import { duplicates, shapeProblems } from '../fixture-checks.ts';

export type B2sFixtures = components['schemas']['B2sFixtures'];

type BonusType = b2s['schemas']['BonusType'];
/** Every BonusType of the B2S spec, exactly once (a spec change that adds or drops one fails tsc). */
const BONUS_TYPE_SET: Record<BonusType, true> = {
  answer: true,
  birthday: true,
  default: true,
  create: true,
  fidelityProgram: true,
  prizeDraw: true,
  marketing: true,
  roulette: true,
  winning_registration_roulette: true,
  infinity: true,
};
export const BONUS_TYPES = Object.keys(BONUS_TYPE_SET) as BonusType[];
/** The control spec's fixture bonus types are the B2S spec's, no more and no fewer (else tsc fails here). */
type FixtureBonusType = B2sFixtures['coupons'][number]['bonus']['type'];
const SAME_BONUS_TYPES: [FixtureBonusType] extends [BonusType] ? ([BonusType] extends [FixtureBonusType] ? true : never) : never = true;
void SAME_BONUS_TYPES;

export function checkB2sFixtures(input: unknown): string[] {
  const shape = shapeProblems('B2sFixtures', input);
  if (shape.length) return shape;
  const f = input as B2sFixtures;
  const problems: string[] = [];
  const companies = new Set(f.companies.map((c) => c.id));
  problems.push(
    ...duplicates(
      ['company id', f.companies.map((c) => c.id)],
      ['token', f.tokens.map((t) => t.token)],
      ['client id', f.clients.map((c) => c.id)],
      ['coupon id', f.coupons.map((c) => c.id)],
    ),
  );
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
