/**
 * Contract suite: consumer pacts (consumer/), provider verification (provider/), spec cross-check
 * (crosscheck/). This index is light on purpose (no Pact import), so the CLI can load it eagerly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiName } from '../specs/index.ts';
import { ROOT } from '../specs/root.ts';

/** Pacticipant names, as a Pact Broker would record them. */
export const PARTIES = {
  zupy: { consumer: 'zupy-pos', provider: 'zupy-partner-api' },
  b2s: { consumer: 'b2s-pos', provider: 'b2s-coupons-api' },
} as const satisfies Record<ApiName, { consumer: string; provider: string }>;

/** Where `npm run pacts` writes first (git-ignored). */
export const PACT_DIR = join(ROOT, 'contracts', 'pacts');

/**
 * The pacts that ship with the package (committed): what `verify` and `crosscheck` use unless
 * `--pacts DIR` says otherwise. `npm run pacts` rewrites them from the consumer tests, and a test
 * fails when they drift from what the consumer tests write.
 */
export const PUBLISHED_PACT_DIR = join(ROOT, 'contracts', 'published');

/** Pact's own naming: `<consumer>-<provider>.json`. */
export const pactFileName = (api: ApiName) => `${PARTIES[api].consumer}-${PARTIES[api].provider}.json`;

/** The pact of one API in a folder, or an error that says how to produce it. */
export function pactFileIn(dir: string, api: ApiName): string {
  const file = join(dir, pactFileName(api));
  if (!existsSync(file)) {
    throw new Error(
      `no pact at ${file}: pass --pacts DIR with a folder holding ${pactFileName(api)} (\`coupon-kit pacts --out DIR\` writes one from the consumer tests), or leave --pacts out to use the pacts shipped with coupon-kit`,
    );
  }
  return file;
}

/** A pact without the fields that name the tool versions that wrote it (`metadata`), for drift checks. */
export function comparablePact(json: string): unknown {
  const pact = JSON.parse(json) as Record<string, unknown>;
  delete pact.metadata;
  return pact;
}

/** The pact files of `dir` that differ from those in `reference` (missing ones included), tool-version metadata aside. */
export function pactDrift(dir: string, reference: string = PUBLISHED_PACT_DIR): string[] {
  const read = (folder: string, api: ApiName) => {
    const file = join(folder, pactFileName(api));
    return existsSync(file) ? JSON.stringify(comparablePact(readFileSync(file, 'utf8'))) : undefined;
  };
  return (Object.keys(PARTIES) as ApiName[])
    .filter((api) => read(dir, api) === undefined || read(dir, api) !== read(reference, api))
    .map(pactFileName);
}

/** Report text without ANSI colours or control characters (other than tab and newline), safe in JUnit XML. */
// eslint-disable-next-line no-control-regex
export const plainText = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
