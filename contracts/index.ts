/** Contract suite: consumer pacts, provider verification, spec cross-check. */
import { B2S_CONSUMER, B2S_PROVIDER } from './consumer/b2s.pact.ts';
import { ZUPY_CONSUMER, ZUPY_PROVIDER } from './consumer/zupy.pact.ts';
import type { ApiName } from '../specs/index.ts';

export const PARTIES: Record<ApiName, { consumer: string; provider: string }> = {
  zupy: { consumer: ZUPY_CONSUMER, provider: ZUPY_PROVIDER },
  b2s: { consumer: B2S_CONSUMER, provider: B2S_PROVIDER },
};

export const pactFileName = (api: ApiName) => `${PARTIES[api].consumer}-${PARTIES[api].provider}.json`;
