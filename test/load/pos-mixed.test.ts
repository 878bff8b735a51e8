/**
 * load/pos-mixed.ts against the simulator (passes) and against stand-ins that break the rules its
 * checks guard (fail with k6's threshold exit code): redeem refused with 422 "insufficient points"
 * to customers the run seeded with a billion points, validate refused with 409 "Cupom já Used" on
 * coupons seeded with a million uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../mocks/index.ts';
import { findK6, K6_EXIT, runK6 } from '../../load/node/k6.ts';
import { startProxy, type ProxyOptions } from './proxy.ts';

const k6 = findK6();
const reports = mkdtempSync(join(tmpdir(), 'coupon-kit-pos-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));
let n = 0;

async function pos(override?: ProxyOptions['override']) {
  const mock = await startMock({ api: 'zupy', port: 0 });
  const proxy = override ? await startProxy({ upstream: mock.url, override }) : undefined;
  try {
    return await runK6({
      k6: k6 as string,
      script: 'pos-mixed',
      reportDir: join(reports, String(++n)),
      timeoutMs: 30_000,
      env: { BASE_URL: proxy?.url ?? mock.url, PROFILE: 'smoke', DURATION: '3s', P95_MS: '5000', P99_MS: '10000' },
    });
  } finally {
    await proxy?.close();
    await mock.close();
  }
}

const problem = (status: number, slug: string, detail: string, instance: string, errors?: unknown[]) => ({
  type: `https://docs.zupy.com/errors#${slug}`,
  title: slug,
  status,
  detail,
  instance,
  ...(errors ? { errors } : {}),
});
/** Failures per check, by the start of the check's name. */
const fails = (run: Awaited<ReturnType<typeof pos>>): Record<string, number> =>
  Object.fromEntries((run.summary?.root_group?.checks ?? []).map((c): [string, number] => [c.name.split(':')[0] ?? c.name, c.fails]));

describe.skipIf(!k6)('pos-mixed', () => {
  it('passes against the simulator: every check, no failed request', async () => {
    const run = await pos();
    expect(run.exitCode, run.stdout + run.stderr).toBe(K6_EXIT.ok);
    expect(run.summary?.metrics.checks?.values.rate).toBe(1);
    expect(fails(run)).toEqual({ lookup: 0, list: 0, validate: 0, redeem: 0 });
  }, 45_000);

  it('fails when the provider refuses every redeem with 422 "not enough points" to customers holding a billion', async () => {
    const run = await pos((method, path) =>
      method === 'POST' && path.endsWith('/redeem/')
        ? {
            status: 422,
            body: problem(422, 'validation-error', 'One or more fields failed validation.', path, [
              { field: 'points', detail: 'Pontos insuficientes' },
            ]),
          }
        : undefined,
    );
    expect(run.exitCode).toBe(K6_EXIT.thresholdsFailed);
    expect(run.summary?.metrics.checks?.values.rate).toBeLessThan(1);
    expect(fails(run)).toMatchObject({ lookup: 0, list: 0, validate: 0 });
    expect(fails(run).redeem).toBeGreaterThan(0);
  }, 45_000);

  it('fails when the provider answers 409 "Cupom já Used" to coupons with a million uses left', async () => {
    const run = await pos((method, path) =>
      method === 'POST' && path.endsWith('/validate/') ? { status: 409, body: problem(409, 'conflict', 'Cupom já Used', path) } : undefined,
    );
    expect(run.exitCode).toBe(K6_EXIT.thresholdsFailed);
    expect(fails(run)).toMatchObject({ lookup: 0, list: 0, redeem: 0 });
    expect(fails(run).validate).toBeGreaterThan(0);
  }, 45_000);
});
