/** The banner of `mock --engine prism`: where it listens and a curl line that picks a documented error example. */
import type { ApiName } from '../../specs/index.ts';
import { exampleIndex } from './examples.ts';

/** One documented error per API worth showing (checked against the spec when the banner is built). */
const SUGGESTION: Record<ApiName, { operationId: string; status: number; example: string; params: Record<string, string>; auth: string }> =
  {
    zupy: {
      operationId: 'validateCoupon',
      status: 409,
      example: 'alreadyUsed',
      params: { id: '2awTHloSJX7kGGprFerOOsvABcd', coupon_id: 'CZ-914F15F3' },
      auth: 'X-API-Key: zupy_pk_abc123def456ghi789jkl012mno345pq',
    },
    b2s: {
      operationId: 'markCouponUsed',
      status: 400,
      example: 'alreadyUsed',
      params: { id: 'b2500000-0000-4000-d000-000000000002' },
      auth: 'Authorization: Bearer any-token',
    },
  };

/** The curl line of the banner, with the status it must answer. */
export function prismSuggestion(api: ApiName, url: string): { curl: string; status: number } {
  const s = SUGGESTION[api];
  const op = exampleIndex(api).find((o) => o.operationId === s.operationId);
  if (!op?.statuses.get(s.status)?.includes(s.example))
    throw new Error(`specs/${api}.openapi.yaml has no example ${s.example} for ${s.status} of ${s.operationId}`);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => s.params[name] ?? name);
  return {
    curl: `curl -s -X ${op.method} -H '${s.auth}' -H 'Prefer: code=${s.status}, example=${s.example}' '${url}${path}'`,
    status: s.status,
  };
}

export function prismBanner(api: ApiName, url: string): string {
  return [
    `${api}: Prism mock (stateless, examples from specs/${api}.openapi.yaml) on ${url}`,
    '  pick a documented response with Prefer: code=<status>, example=<name> (an unknown name is answered 422 with the known ones)',
    '  try:',
    `    ${prismSuggestion(api, url).curl}`,
  ].join('\n');
}
