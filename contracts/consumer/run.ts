/**
 * `npm run pacts`: runs both consumer contracts, writes the pact files to contracts/pacts/ (or
 * $PACT_DIR) and copies them to contracts/published/, the copy that ships with the package. One
 * command after any change to the consumer tests; commit contracts/published/ afterwards.
 * (`coupon-kit pacts --out DIR` calls writePacts for a user who wants their own.)
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NAMES } from '../../specs/index.ts';
import { PACT_DIR, PUBLISHED_PACT_DIR, pactFileName } from '../index.ts';
import { runB2sConsumer } from './b2s.pact.ts';
import { runZupyConsumer } from './zupy.pact.ts';

/**
 * Writes both pacts and returns their interaction counts. Pact merges new interactions into an
 * existing file, so the files are removed first: a renamed or deleted interaction must not linger.
 */
export async function writePacts(dir: string = PACT_DIR): Promise<{ zupy: number; b2s: number }> {
  process.env.PACT_DO_NOT_TRACK = 'true';
  mkdirSync(dir, { recursive: true });
  for (const api of API_NAMES) rmSync(join(dir, pactFileName(api)), { force: true });
  return { zupy: await runZupyConsumer(dir), b2s: await runB2sConsumer(dir) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.env.PACT_DIR ? resolve(process.env.PACT_DIR) : PACT_DIR;
  const n = await writePacts(dir);
  console.log(`wrote pacts to ${dir}: zupy ${n.zupy} interactions, b2s ${n.b2s} interactions`);
  mkdirSync(PUBLISHED_PACT_DIR, { recursive: true });
  for (const api of API_NAMES) copyFileSync(join(dir, pactFileName(api)), join(PUBLISHED_PACT_DIR, pactFileName(api)));
  console.log(`copied them to ${PUBLISHED_PACT_DIR} (shipped with the package: commit them)`);
}
