/** `npm run pacts`: runs both consumer contracts and writes the pact files to contracts/pacts/. */
import { fileURLToPath } from 'node:url';
import { runB2sConsumer } from './b2s.pact.ts';
import { runZupyConsumer } from './zupy.pact.ts';

export const PACT_DIR = fileURLToPath(new URL('../pacts', import.meta.url));

export async function writePacts(dir = PACT_DIR): Promise<{ zupy: number; b2s: number }> {
  process.env.PACT_DO_NOT_TRACK = 'true';
  return { zupy: await runZupyConsumer(dir), b2s: await runB2sConsumer(dir) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = await writePacts();
  console.log(`wrote pacts to ${PACT_DIR}: zupy ${n.zupy} interactions, b2s ${n.b2s} interactions`);
}
