/**
 * Fixture files (the `coupon-kit check --fixtures` / `verify --fixtures` format) written from the
 * simulator's demo data, for the suites that drive a target without a control API.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { B2S_DEMO } from '../mocks/demo/b2s.ts';
import { DEMO } from '../mocks/demo/zupy.ts';

/** Café Aurora requires OTP (demo); Padaria Boa Vista does not, so it is the company `check` runs on. */
export const zupyFixtures = {
  api: 'zupy',
  api_key: DEMO.keyOtherCompany,
  other_api_key: DEMO.keyReadWrite,
  customer_ids: [DEMO.customers.diego],
  reward_ids: [DEMO.rewards.bread],
  foreign_customer_id: DEMO.customers.ana,
};

/** Café Aurora (OTP required), with the demo's fixed OTP code and its customers' phones: `verify` opens OTP sessions with them. */
export const zupyOtpFixtures = {
  ...zupyFixtures,
  api_key: DEMO.keyReadWrite,
  other_api_key: DEMO.keyOtherCompany,
  customer_ids: [DEMO.customers.ana, DEMO.customers.bruno, DEMO.customers.carla],
  reward_ids: [DEMO.rewards.coffee, DEMO.rewards.threeCoffees, DEMO.rewards.welcome],
  foreign_customer_id: DEMO.customers.diego,
  otp: {
    code: DEMO.otpCode,
    identifiers: {
      [DEMO.customers.ana]: '+5511987654321',
      [DEMO.customers.bruno]: '+5521998765432',
      [DEMO.customers.carla]: '+5531991234567',
    },
  },
};

export const b2sFixtures = {
  api: 'b2s',
  token: B2S_DEMO.franchiseToken,
  scoped_token: B2S_DEMO.companyBToken,
  scoped_company_id: B2S_DEMO.companyB,
};

/** Writes `content` (JSON, or a string as is) to `dir/name` and returns the path. */
export function writeFixtureFile(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
