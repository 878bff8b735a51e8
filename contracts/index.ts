/**
 * Contract suite: consumer pacts (consumer/), provider verification (provider/), spec cross-check
 * (crosscheck/). This index is light on purpose (no Pact import), so the CLI can load it eagerly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type ApiName } from '../specs/index.ts';

/** Pacticipant names, as a Pact Broker would record them. */
export const PARTIES = {
  zupy: { consumer: 'zupy-pos', provider: 'zupy-partner-api' },
  b2s: { consumer: 'b2s-pos', provider: 'b2s-coupons-api' },
} as const satisfies Record<ApiName, { consumer: string; provider: string }>;

/** Where `npm run pacts` writes (git-ignored). */
export const PACT_DIR = join(ROOT, 'contracts', 'pacts');

/** Pact's own naming: `<consumer>-<provider>.json`. */
export const pactFileName = (api: ApiName) => `${PARTIES[api].consumer}-${PARTIES[api].provider}.json`;

/** The pact of one API in a folder, or an error that says how to produce it. */
export function pactFileIn(dir: string, api: ApiName): string {
  const file = join(dir, pactFileName(api));
  if (!existsSync(file)) throw new Error(`no pact at ${file}: run \`npm run pacts\` (the consumer contract tests) first, or pass --pacts DIR`);
  return file;
}

/** Report text without ANSI colours or control characters (other than tab and newline), safe in JUnit XML. */
// eslint-disable-next-line no-control-regex
export const plainText = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
