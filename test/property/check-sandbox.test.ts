/**
 * `coupon-kit check --fixtures FILE`: a target without a control API (the simulator started with
 * `control: false`), driven by a fixture file written from the demo data. It passes on the correct
 * simulator, fails with a shrunk counterexample on a defect (the negative controls), never calls
 * /__control/, and rejects a bad fixture file with one line per problem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startMock, type DefectName, type RunningMock } from '../../mocks/index.ts';
import { B2S_DEMO } from '../../mocks/demo/b2s.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { b2sFixtures, writeFixtureFile, zupyFixtures } from '../sandbox-fixtures.ts';
import { runCli, type CliRun } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-check-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mocks: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

/** A simulator without its control API; `paths` records every request it receives. */
async function sandbox(api: 'zupy' | 'b2s', defects: DefectName[] = []): Promise<{ url: string; paths: string[] }> {
  const mock = await startMock({ api, control: false, defects });
  mocks.push(mock);
  const paths: string[] = [];
  mock.simulator.app.server.on('request', (req: { url?: string }) => paths.push(req.url ?? ''));
  return { url: mock.url, paths };
}

const fixtureFile = (name: string, content: unknown) => writeFixtureFile(dir, name, content);

/** The CLI in its own process (asynchronously: the simulators answer from this one). */
function check(args: string[]): Promise<CliRun> {
  return runCli(['check', ...args]);
}

const controlCalls = (paths: string[]) => paths.filter((p) => p.startsWith('/__control'));

describe('coupon-kit check --fixtures (a target without a control API)', () => {
  it.each([
    ['zupy', zupyFixtures, /\/api\/v2\/coupons\/issued\//],
    ['b2s', b2sFixtures, /\/api\/coupons/],
  ] as const)(
    '%s: passes against the simulator, reads live state through the API only, never calls /__control/',
    async (api, fixtures, apiPath) => {
      const { url, paths } = await sandbox(api);
      const file = fixtureFile(`${api}-good.json`, fixtures);
      // A seed, and no more sequences than the demo company's coupons and points keep live (else the run is dry, exit 3).
      const r = await check(['--api', api, '--target', url, '--fixtures', file, '--runs', '15', '--seed', '1']);
      expect(r.stdout).toMatch(new RegExp(`ok {3}${api} conformance: 15 sequences passed .*no control API`));
      expect(r.stdout).not.toMatch(/^DRY/m);
      expect(r.stdout).toMatch(/; [1-9]\d* validates? or PATCH(?:es)? aimed at another customer's or company's coupon$/m);
      expect(r.status).toBe(0);
      expect(paths.some((p) => apiPath.test(p))).toBe(true);
      expect(controlCalls(paths)).toEqual([]);
    },
    120_000,
  );

  it('b2s: without a scoped token the power line says the ownership rule was not tried, and how to try it', async () => {
    const { url } = await sandbox('b2s');
    const file = fixtureFile('b2s-unscoped.json', { api: 'b2s', token: b2sFixtures.token });
    const r = await check(['--api', 'b2s', '--target', url, '--fixtures', file, '--runs', '10', '--fuzz-runs', '0', '--seed', '1']);
    expect(r.stdout).toMatch(
      /; no validate or PATCH aimed at another customer's or company's coupon: the ownership rule was not tried \(the fixture file has no scoped_token: add scoped_token and scoped_company_id to try it\)$/m,
    );
    expect(r.status).toBe(0);
  }, 120_000);

  it.each([
    ['zupy', zupyFixtures, /must be 409|successes must equal/],
    ['b2s', b2sFixtures, /exactly no 204|exactly one 204|already used/],
  ] as const)(
    '%s: fails on the reuse-returns-200 defect with the shrunk counterexample and a replay line',
    async (api, fixtures, why) => {
      const { url, paths } = await sandbox(api, ['reuse-returns-200']);
      const file = fixtureFile(`${api}-defect.json`, fixtures);
      const junit = join(dir, `${api}-defect.junit.xml`);
      const r = await check(['--api', api, '--target', url, '--fixtures', file, '--runs', '30', '--seed', '7', '--junit', junit]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`FAIL ${api} conformance after \\d+ sequence\\(s\\); no control API`));
      expect(r.stdout).toMatch(why);
      expect(r.stdout).toMatch(/Counterexample: \[/);
      expect(r.stdout).toMatch(
        new RegExp(
          `replay: coupon-kit check --api ${api} .* --fixtures ${file} --runs 30 --fuzz-runs 0 --seed 7 --path "[\\d:]+" --replay-path "`,
        ),
      );
      expect(controlCalls(paths)).toEqual([]);
    },
    120_000,
  );

  it('zupy: a company that requires OTP fails the run with a message saying so (not a pass)', async () => {
    const { url } = await sandbox('zupy');
    const file = fixtureFile('zupy-otp.json', {
      ...zupyFixtures,
      api_key: DEMO.keyReadWrite,
      other_api_key: DEMO.keyOtherCompany,
      customer_ids: [DEMO.customers.ana, DEMO.customers.bruno],
      reward_ids: [DEMO.rewards.coffee],
      foreign_customer_id: DEMO.customers.diego,
    });
    const r = await check(['--api', 'zupy', '--target', url, '--fixtures', file, '--runs', '20']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /FAIL zupy check could not (run|finish) against .*: the target requires an OTP session for (validate|redeem) \(403 otp-required\)/,
    );
    expect(r.stderr).toMatch(/require_otp_for_(coupon_usage|redemption) off/);
    expect(r.stdout).not.toMatch(/ok {3}zupy/);
  }, 120_000);

  it('--api-key overrides the file; a key missing from both is a clear error', async () => {
    const { url, paths } = await sandbox('zupy');
    const { api_key: _key, ...withoutKey } = zupyFixtures;
    const file = fixtureFile('zupy-nokey.json', withoutKey);
    const missing = await check(['--api', 'zupy', '--target', url, '--fixtures', file]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/fixture file .*zupy-nokey\.json: missing field 'api_key' \(give it in the file or with --api-key\)/);
    expect(paths).toEqual([]);
    const given = await check([
      '--api',
      'zupy',
      '--target',
      url,
      '--fixtures',
      file,
      '--api-key',
      DEMO.keyOtherCompany,
      '--runs',
      '5',
      '--seed',
      '1',
    ]);
    expect(given.stdout).toMatch(/ok {3}zupy conformance: 5 sequences passed/);
    expect(given.status).toBe(0);
  }, 120_000);

  it.each<[string, string, unknown, RegExp]>([
    ['not JSON', 'zupy', '{ "api": ', /fixture file .*: not valid JSON/],
    ['the other API', 'b2s', zupyFixtures, /this is a zupy fixture file, but the run is --api b2s/],
    ['a bad field', 'zupy', { ...zupyFixtures, other_api_key: 'zupy_pk_short' }, /field 'other_api_key' must match/],
    ['no customers', 'zupy', { ...zupyFixtures, customer_ids: [] }, /field 'customer_ids' must NOT have fewer than 1 items/],
    ['an unknown field', 'b2s', { ...b2sFixtures, extra: true }, /unknown field 'extra'/],
    [
      'half a scoped pair',
      'b2s',
      { api: 'b2s', token: B2S_DEMO.franchiseToken, scoped_token: B2S_DEMO.companyAToken },
      /field 'scoped_token' needs field 'scoped_company_id' too/,
    ],
  ])(
    'a bad fixture file (%s) is a one-line error naming it, exit 2, no request',
    async (name, api, content, message) => {
      const { url, paths } = await sandbox(api as 'zupy' | 'b2s');
      const file = fixtureFile(`bad-${name.replace(/\W+/g, '-')}.json`, content);
      const r = await check(['--api', api, '--target', url, '--fixtures', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(
        r.stderr
          .trim()
          .split('\n')
          .every((line) => line.includes(file)),
      ).toBe(true);
      expect(paths).toEqual([]);
    },
    60_000,
  );

  it('an id the provider does not know is a clear error before any sequence runs', async () => {
    const { url, paths } = await sandbox('zupy');
    const file = fixtureFile('zupy-wrong-customer.json', { ...zupyFixtures, customer_ids: [DEMO.customers.ana] });
    const r = await check(['--api', 'zupy', '--target', url, '--fixtures', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/customer_ids\[0\] '2awTHloSJX7kGGprFerOOsvABcd': .* answered 404 .*is it a customer of api_key's company\?/);
    expect(paths.some((p) => p.includes('/validate/') || p.includes('/redeem/'))).toBe(false);
    expect(controlCalls(paths)).toEqual([]);
  }, 60_000);
});
