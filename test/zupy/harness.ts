/**
 * What the black-box suites of the Zupy simulator share: a simulator started with startMock per test
 * file, typed clients for two companies, raw requests with a key, and an OTP session helper.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createZupyClient, type ZupyClient } from '../../clients/zupy.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';

export let mock: RunningMock;
export let pos: ZupyClient; // Café Aurora, read-write, OTP required for redeem and validate
export let other: ZupyClient; // Padaria Boa Vista, no OTP

export const ANA = DEMO.customers.ana;
export const req = (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('X-API-Key', init.key ?? DEMO.keyReadWrite);
  return fetch(`${mock.url}${path}`, { ...init, headers });
};
export const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { data: Record<string, unknown> };

export async function otpSession(identifier = '+5511987654321'): Promise<string> {
  expect((await pos.requestOtp(identifier)).ok).toBe(true);
  const v = await pos.verifyOtp(identifier, DEMO.otpCode);
  if (!v.ok) throw new Error(`verify-otp failed: ${JSON.stringify(v.error)}`);
  return v.data.otp_session;
}

/** The hooks every suite of this API registers: one simulator for the file, reset before each test. */
export function useZupyMock(): void {
  beforeAll(async () => {
    mock = await startMock({ api: 'zupy', port: 0 });
    pos = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadWrite });
    other = createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyOtherCompany });
  });
  afterAll(() => mock.close());
  beforeEach(async () => {
    await mock.control.reset();
  });
}
