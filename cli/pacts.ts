/** `coupon-kit pacts --out DIR`: run the consumer contract tests and write their pact files (your own copy of the shipped ones). */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { pactFileName } from '../contracts/index.ts';
import { API_NAMES } from '../specs/index.ts';

export function registerPacts(program: Command): void {
  program
    .command('pacts')
    .description(
      'Run the consumer contract tests (the reference POS integrations on the typed clients) and write their pacts to DIR; verify and crosscheck use the shipped copy unless --pacts DIR.',
    )
    .requiredOption(
      '--out <dir>',
      'folder to write <consumer>-<provider>.json into (created if missing; pacts of the same name are replaced)',
    )
    .action(async (o: { out: string }) => {
      const dir = resolve(o.out);
      // Pact (a native core) loads only for this command.
      const { writePacts } = await import('../contracts/consumer/run.ts');
      const counts = await writePacts(dir);
      for (const api of API_NAMES) console.log(`ok   ${api}: ${counts[api]} interactions → ${resolve(dir, pactFileName(api))}`);
    });
}
