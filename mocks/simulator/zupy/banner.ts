/** The Zupy start banner: the demo credentials, or what a --seed file loaded, and a curl line that works with them. */
import { controlNote, firstOf, type BannerOptions } from '../banner.ts';
import { type ZupyFixtures } from './fixtures.ts';
import { DEMO } from '../../demo/zupy.ts';

export function zupyBanner(
  baseUrl: string,
  fixtures: ZupyFixtures,
  demo: boolean,
  authenticates: (key: string) => boolean,
  o: BannerOptions = {},
): string {
  const head = `Zupy Partner API v2 simulator on ${baseUrl}${controlNote(baseUrl, o.control)}`;
  if (demo) {
    const k = DEMO;
    return [
      head,
      `  read-write key      ${k.keyReadWrite}  (Café Aurora; OTP required for redeem and validate)`,
      `  read-only key       ${k.keyReadOnly}`,
      `  other company key   ${k.keyOtherCompany}  (Padaria Boa Vista; no OTP)`,
      `  OTP code            ${k.otpCode}  (customer Ana: +5511987654321, id ${k.customers.ana})`,
      `  coupons             ${k.coupons.active.code} active · ${k.coupons.multiUse.code} 3 uses · ${k.coupons.used.code} used · ${k.coupons.expired.code} expired · ${k.coupons.cancelled.code} cancelled`,
      `  try:`,
      `    curl -s -H 'X-API-Key: ${k.keyReadWrite}' '${baseUrl}/api/v2/coupons/issued/?code=${k.coupons.active.code.toLowerCase()}'`,
      `    curl -s -X POST -H 'X-API-Key: ${k.keyOtherCompany}' ${baseUrl}/api/v2/customers/${k.customers.diego}/coupons/${k.coupons.diego.code}/validate/`,
    ].join('\n');
  }
  const companies = new Map((fixtures.companies ?? []).map((c) => [c.id, c.name]));
  const keys = fixtures.api_keys ?? [];
  const coupons = fixtures.coupons ?? [];
  const usable = keys.filter((k) => !k.revoked && authenticates(k.key));
  const key = usable.find((k) => k.access === 'read-write') ?? usable[0];
  return [
    head,
    '  seeded data (not the demo):',
    ...firstOf(
      keys,
      6,
      (k) => `  ${`${k.access} key`.padEnd(20)}${k.key}  (${companies.get(k.company_id) ?? k.company_id}${k.revoked ? ', revoked' : ''})`,
    ),
    ...(fixtures.otp?.fixed_code ? [`  OTP code            ${fixtures.otp.fixed_code}`] : []),
    `  data                ${companies.size} company(ies) · ${(fixtures.customers ?? []).length} customer(s) · ${(fixtures.rewards ?? []).length} reward(s) · ${coupons.length} coupon(s)`,
    ...(coupons.length
      ? [
          `  coupons             ${coupons
            .slice(0, 5)
            .map((c) => `${c.coupon_code} ${c.status}`)
            .join(' · ')}${coupons.length > 5 ? ' · …' : ''}`,
        ]
      : []),
    ...(key
      ? ['  try:', `    curl -s -H 'X-API-Key: ${key.key}' '${baseUrl}/api/v2/coupons/issued/'`]
      : ['  (no curl line: the seed has no usable API key)']),
  ].join('\n');
}
