/**
 * The pacts shipped in contracts/published/ are what the consumer tests write today. After a change
 * to the consumer tests (or the clients they use), `npm run pacts` rewrites both contracts/pacts/ and
 * the shipped copy in one go; commit contracts/published/ afterwards.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePacts } from '../../contracts/consumer/run.ts';
import { PUBLISHED_PACT_DIR, pactDrift, pactFileName } from '../../contracts/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'coupon-kit-published-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shipped pacts', () => {
  it('equal what the consumer tests write now (regenerate with `npm run pacts` and commit contracts/published/)', async () => {
    const fresh = join(tmp, 'fresh');
    const counts = await writePacts(fresh);
    expect(counts.zupy).toBeGreaterThan(0);
    expect(counts.b2s).toBeGreaterThan(0);
    expect(pactDrift(fresh)).toEqual([]);
  }, 60_000);

  it('negative control: a changed, a missing or a renamed interaction is drift; tool-version metadata is not', () => {
    const zupy = pactFileName('zupy');
    const b2s = pactFileName('b2s');
    const copy = join(tmp, 'copy');
    mkdirSync(copy, { recursive: true });
    copyFileSync(join(PUBLISHED_PACT_DIR, zupy), join(copy, zupy));
    copyFileSync(join(PUBLISHED_PACT_DIR, b2s), join(copy, b2s));
    expect(pactDrift(copy)).toEqual([]);

    const pact = JSON.parse(readFileSync(join(copy, zupy), 'utf8')) as {
      metadata: Record<string, unknown>;
      interactions: { description: string; response: { status: number } }[];
    };
    pact.metadata = { ...pact.metadata, pactRust: { ffi: '9.9.9', models: '9.9.9' } };
    writeFileSync(join(copy, zupy), JSON.stringify(pact, null, 2));
    expect(pactDrift(copy)).toEqual([]);

    const first = pact.interactions[0];
    if (!first) throw new Error('the shipped Zupy pact has no interactions');
    first.response.status = 418;
    writeFileSync(join(copy, zupy), JSON.stringify(pact));
    expect(pactDrift(copy)).toEqual([zupy]);

    rmSync(join(copy, zupy));
    const b = JSON.parse(readFileSync(join(copy, b2s), 'utf8')) as { interactions: { description: string }[] };
    b.interactions[0]!.description += ' (renamed)';
    writeFileSync(join(copy, b2s), JSON.stringify(b));
    expect(pactDrift(copy)).toEqual([zupy, b2s]);
  });
});
