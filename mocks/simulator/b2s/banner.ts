/** The B2S start banner: the demo tokens, or what a --seed file loaded, and a curl line that works with them. */
import { controlNote, firstOf, type BannerOptions } from '../banner.ts';
import { type B2sFixtures } from './fixtures.ts';
import { B2S_DEMO } from '../../demo/b2s.ts';

const listQuery = (today: string) =>
  `date_start=2000-01-01&date_end=${today}&limit=10&offset=1&order_column=created_at&order_type=DESC&module=falae`;

export function b2sBanner(baseUrl: string, fixtures: B2sFixtures, demo: boolean, today: string, o: BannerOptions = {}): string {
  const head = `Experiência B2S / Falaê simulator on ${baseUrl}${controlNote(baseUrl, o.control)}`;
  if (demo) {
    const d = B2S_DEMO;
    return [
      head,
      `  franchise token     ${d.franchiseToken}  (both companies)`,
      `  company token       ${d.companyAToken}  (Falaê Centro only, company ${d.companyA})`,
      `  company token       ${d.companyBToken}  (Falaê Norte only, company ${d.companyB})`,
      `  coupons             ${d.activeCoupon} unused · ${d.usedCoupon} used · ${d.expiredCoupon} expired · ${d.expiringCoupon} expiring`,
      `  client              John Smith: phone ${d.john.phoneE164}, email ${d.john.email}, cpf ${d.john.cpf}`,
      `  try:`,
      `    curl -s -H 'Authorization: Bearer ${d.franchiseToken}' '${baseUrl}/api/coupons?${listQuery(today)}'`,
      `    curl -s -X PATCH -H 'Authorization: Bearer ${d.franchiseToken}' -w '%{http_code}\\n' ${baseUrl}/api/coupons/status/${d.activeCoupon}`,
    ].join('\n');
  }
  const tokens = fixtures.tokens ?? [];
  const coupons = fixtures.coupons ?? [];
  const token = [...tokens].sort((a, b) => b.company_ids.length - a.company_ids.length)[0];
  return [
    head,
    '  seeded data (not the demo):',
    ...firstOf(tokens, 6, (t) => `  token               ${t.token}  (${t.label ?? `${t.company_ids.length} company(ies)`})`),
    `  data                ${(fixtures.companies ?? []).length} company(ies) · ${(fixtures.clients ?? []).length} client(s) · ${coupons.length} coupon(s)`,
    ...(coupons.length
      ? [
          `  coupons             ${coupons
            .slice(0, 3)
            .map((c) => `${c.id} ${c.code}`)
            .join(' · ')}${coupons.length > 3 ? ' · …' : ''}`,
        ]
      : []),
    ...(token
      ? ['  try:', `    curl -s -H 'Authorization: Bearer ${token.token}' '${baseUrl}/api/coupons?${listQuery(today)}'`]
      : ['  (no curl line: the seed has no token)']),
  ].join('\n');
}
