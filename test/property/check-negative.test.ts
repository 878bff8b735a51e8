/**
 * Negative controls of `coupon-kit check` against providers without a control API: the simulator
 * started with --no-control and driven from a fixture file, and small stand-ins in front of it.
 * Each seeded fault is caught by the part of the check that guards its rule; a dry sandbox is
 * reported as inconclusive (exit 3); the post-cutover Zupy format passes a faithful check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { B2S_DEMO, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';
import { DEMO, zupyDemoFixtures } from '../../mocks/demo/zupy.ts';
import { startMockProcess, stopMockProcesses } from '../helpers.ts';
import { b2sFixtures, zupyFixtures } from '../sandbox-fixtures.ts';
import { check } from './cli-run.ts';
import { startStandIn, toPostCutover } from './stand-in.ts';

const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-check-negative-'));
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  stopMockProcesses();
  await Promise.all(closers.splice(0).map((c) => c()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(content));
  return f;
}

/** The demo data plus 60 active coupons for Diego (Padaria Boa Vista, no OTP), as a seed file. */
function zupySupplySeed(): string {
  const seed = zupyDemoFixtures(Date.now());
  const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (let i = 0; i < 60; i++) {
    const n = String(i).padStart(2, '0');
    seed.coupons.push({
      id: `2zSupply${n}`.padEnd(27, 'x'),
      customer_id: DEMO.customers.diego,
      reward_id: DEMO.rewards.bread,
      coupon_code: `CZ-5A9910${n}`,
      status: 'active',
      remaining_usages: i % 3 === 0 ? 3 : 1,
      total_usages_allowed: i % 3 === 0 ? 3 : 1,
      valid_until: validUntil,
      created_at: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
  return file('zupy-supply-seed.json', seed);
}

async function upstream(api: 'zupy' | 'b2s'): Promise<RunningMock> {
  const mock = await startMock({ api, control: false });
  closers.push(() => mock.close());
  return mock;
}

/**
 * The demo data plus 120 unused coupons (half in each company, 20 days from expiry), as a seed file:
 * racy-validate may take three runs of 100 sequences, and the demo's two dozen PATCHable coupons can
 * run out before the third.
 */
function b2sSupplySeed(): string {
  const seed = b2sDemoFixtures(Date.now());
  const expiration = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 120; i++) {
    const n = String(i).padStart(3, '0');
    seed.coupons.push({
      id: `b2500000-0000-4000-e000-000000000${n}`,
      company_id: i % 2 ? B2S_DEMO.companyB : B2S_DEMO.companyA,
      client_id: i % 2 ? B2S_DEMO.clients.bea : B2S_DEMO.clients.maria,
      code: `SUPPLY${n}`,
      status: false,
      date_of_use: null,
      expiration_date: expiration,
      created_at: new Date(Date.now() - 86_400_000).toISOString(),
      module: i % 4 < 2 ? 'falae' : 'premiado',
      bonus: { id: 'b2500000-0000-4000-b000-000000000001', name: 'Supply', type: 'default' },
    });
  }
  return file('b2s-supply-seed.json', seed);
}

describe('check --fixtures against the simulator started with --no-control: each defect is caught', () => {
  it.each([
    // A double spend shows either in the answers of the racing validates or, one command later, in the
    // global invariant comparing the provider's used count with the model: both are the rule's guards.
    ['zupy', 'racy-validate', /successes must equal the uses available|used agrees with by_status and the model/],
    ['zupy', 'validate-ignores-customer', /as another customer must be 404/],
    ['zupy', 'reuse-returns-200', /must be 409|successes must equal|used agrees/],
    ['b2s', 'racy-validate', /exactly one 204|used coupons equals the model/],
    ['b2s', 'validate-ignores-customer', /scoped token cannot reach/],
    ['b2s', 'reuse-returns-200', /exactly no 204|already used/],
    ['b2s', 'lenient-auth', /Bearer token is a 401/],
  ] as const)(
    '%s %s',
    async (api, defect, why) => {
      // A sandbox with supply enough for 100 sequences, so the verdict is about the defect, not a dry run.
      const url = await startMockProcess(api, [
        '--no-control',
        '--defect',
        defect,
        '--seed',
        api === 'zupy' ? zupySupplySeed() : b2sSupplySeed(),
      ]);
      const fixtures = file(`${api}-${defect}.json`, api === 'zupy' ? zupyFixtures : b2sFixtures);
      // A lost update over real HTTP needs two requests to interleave, which timing can deny one run:
      // racy-validate gets up to three runs (seeds 3, 4, 5) and must be caught in one of them.
      const seeds = defect === 'racy-validate' ? ['3', '4', '5'] : ['3'];
      let r = await check([
        '--api',
        api,
        '--target',
        url,
        '--fixtures',
        fixtures,
        '--runs',
        '100',
        '--fuzz-runs',
        '0',
        '--seed',
        seeds[0]!,
      ]);
      for (const seed of seeds.slice(1)) {
        if (r.status === 1) break;
        r = await check(['--api', api, '--target', url, '--fixtures', fixtures, '--runs', '100', '--fuzz-runs', '0', '--seed', seed]);
      }
      expect(r.stdout).toMatch(new RegExp(`FAIL ${api} conformance after \\d+ sequence\\(s\\); no control API`));
      expect(r.stdout).toMatch(why);
      expect(r.stdout).toMatch(/^replay: coupon-kit check /m);
      expect(r.status).toBe(1);
    },
    180_000,
  );
});

describe('HTTP fuzz over the target', () => {
  it('zupy: a provider answering 500 to malformed JSON is caught, with the request that showed it', async () => {
    const up = await upstream('zupy');
    const stand = await startStandIn(up.url, {
      before: (req) => {
        if (!req.body) return undefined;
        try {
          JSON.parse(req.body);
          return undefined;
        } catch {
          return { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Server Error (500)</h1>' };
        }
      },
    });
    closers.push(stand.close);
    const r = await check([
      '--api',
      'zupy',
      '--target',
      stand.url,
      '--fixtures',
      file('zupy-500.json', zupyFixtures),
      '--runs',
      '10',
      '--fuzz-runs',
      '200',
      '--seed',
      '5',
    ]);
    expect(r.stdout).toMatch(
      /FAIL zupy HTTP fuzz after \d+ request\(s\): InvariantError: POST \/api\/v2\/\S+ with malformed JSON .* → \w+: 500 \(a 5xx\)/,
    );
    expect(r.stdout).toMatch(/^replay: coupon-kit check .* --runs 0 --fuzz-runs 200 --seed 5 --path "[\d:]+"$/m);
    expect(r.status).toBe(1);
  }, 180_000);

  it('zupy and b2s: the faithful simulator passes the fuzz, and a 500 is never the answer', async () => {
    for (const api of ['zupy', 'b2s'] as const) {
      const up = await upstream(api);
      const r = await check([
        '--api',
        api,
        '--target',
        up.url,
        '--fixtures',
        file(`${api}-fuzz.json`, api === 'zupy' ? zupyFixtures : b2sFixtures),
        '--runs',
        '0',
        '--fuzz-runs',
        '300',
        '--seed',
        '9',
      ]);
      expect(r.stdout).toMatch(new RegExp(`ok {3}${api} HTTP fuzz: 300 requests`));
      expect(r.status).toBe(0);
    }
  }, 180_000);
});

describe('power', () => {
  it('zupy: a sandbox with one coupon and nothing to redeem runs dry: exit 3, with what to seed', async () => {
    const up = await upstream('zupy');
    const r = await check([
      '--api',
      'zupy',
      '--target',
      up.url,
      '--fixtures',
      file('zupy-dry.json', { ...zupyFixtures, reward_ids: [] }),
      '--runs',
      '40',
      '--fuzz-runs',
      '0',
      '--seed',
      '1',
    ]);
    expect(r.stdout).toMatch(/ok {3}zupy conformance: 40 sequences passed/);
    expect(r.stdout).toMatch(
      /^power: \d+ of \d+ state-changing commands changed state \(validates \d+ of \d+ succeeded\); \d+ of 40 sequences had something to change/m,
    );
    expect(r.stdout).toMatch(
      /^DRY {2}zupy conformance is inconclusive: only \d+ of 40 sequences had anything to change \(the threshold is 50%\).*give the customers in customer_ids more active coupons/m,
    );
    expect(r.status).toBe(3);
  }, 120_000);

  it('zupy: with a reward to redeem the same sandbox keeps its power: exit 0', async () => {
    const up = await upstream('zupy');
    const r = await check([
      '--api',
      'zupy',
      '--target',
      up.url,
      '--fixtures',
      file('zupy-live.json', zupyFixtures),
      '--runs',
      '15',
      '--fuzz-runs',
      '0',
      '--seed',
      '1',
    ]);
    expect(r.stdout).toMatch(/redeems \d+ of \d+ issued a coupon/);
    expect(r.stdout).not.toMatch(/^DRY/m);
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('Zupy response formats (decision Z-1) and the inferred points endpoint', () => {
  const postCutover = async (defects: 'reuse-returns-200'[] = []) => {
    const up = await startMock({ api: 'zupy', control: false, defects });
    closers.push(() => up.close());
    const stand = await startStandIn(up.url, {
      // No points endpoint: it is inferred (x-inferred), a provider may not have it.
      before: (req) =>
        req.path.includes('/points/')
          ? { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ detail: 'Not found.' }) }
          : undefined,
      after: toPostCutover,
    });
    closers.push(stand.close);
    return stand.url;
  };

  it('a faithful provider in the post-cutover format, without the points endpoint, passes with a note', async () => {
    const url = await postCutover();
    // The format is under test here, not the sandbox's supply: --min-live 0 (a run with no change at all is still dry).
    const r = await check([
      '--api',
      'zupy',
      '--target',
      url,
      '--fixtures',
      file('zupy-cutover.json', zupyFixtures),
      '--runs',
      '30',
      '--fuzz-runs',
      '100',
      '--min-live',
      '0',
      '--seed',
      '1',
    ]);
    expect(r.stdout).toMatch(
      /note: GET \/api\/v2\/customers\/\{id\}\/points\/ \(inferred, x-inferred in the spec\) answered 404 for every customer: skipped/,
    );
    expect(r.stdout).toMatch(/ok {3}zupy conformance: 30 sequences passed/);
    expect(r.stdout).toMatch(/ok {3}zupy HTTP fuzz: 100 requests/);
    expect(r.stdout).toMatch(/Zupy format: post-cutover \((root object|DRF list)(, (root object|DRF list))*\)/);
    expect(r.stderr).not.toMatch(/TypeError|is it a customer/);
    expect(r.status).toBe(0);
  }, 180_000);

  it('negative control: the same format in front of a provider that answers 200 to reuse is caught', async () => {
    const url = await postCutover(['reuse-returns-200']);
    const r = await check([
      '--api',
      'zupy',
      '--target',
      url,
      '--fixtures',
      file('zupy-cutover-bad.json', zupyFixtures),
      '--runs',
      '60',
      '--fuzz-runs',
      '0',
      '--seed',
      '3',
    ]);
    expect(r.stdout).toMatch(/FAIL zupy conformance/);
    expect(r.status).toBe(1);
  }, 180_000);
});
