/**
 * The contract suite, in order within this one file (it generates the pacts it verifies, so it does
 * not depend on other files): consumer pacts through the real clients → verification against the
 * simulator (in-process and through `coupon-kit verify`) → cross-check against the specs. Negative
 * controls: simulator defects the verification must catch and name, and incompatible pacts the
 * cross-check must flag with the comparator's codes.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePacts } from '../../contracts/consumer/run.ts';
import { crosscheck, type CrosscheckFinding } from '../../contracts/crosscheck/crosscheck.ts';
import { PARTIES, pactFileName } from '../../contracts/index.ts';
import { endpointStates } from '../../contracts/provider/endpoint-states.ts';
import { verifyPacts } from '../../contracts/provider/verify.ts';
import { startMock, type DefectName, type RunningMock } from '../../mocks/index.ts';
import type { ApiName } from '../../specs/index.ts';
import { freePort } from '../helpers.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'coupon-kit-contracts-'));
/** `PACT_DIR=contracts/pacts npm test` keeps the pacts for publishing; by default they go to a temp folder. */
const dir = process.env.PACT_DIR ? resolve(process.env.PACT_DIR) : join(tmp, 'pacts');
const env = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
const mocks: RunningMock[] = [];
let counts: Record<ApiName, number>;

/** The CLI in a child process; the mocks stay in this process (execFile does not block its event loop). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      env,
      timeout: 60_000,
      maxBuffer: 16 << 20,
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '' };
  }
}

async function mock(api: ApiName, defects: DefectName[] = []): Promise<string> {
  const m = await startMock({ api, port: 0, defects });
  mocks.push(m);
  return m.url;
}

/** `name → failure text` (or null) for each <testcase> of a JUnit file. */
function junitCases(file: string): Map<string, string | null> {
  const xml = readFileSync(file, 'utf8');
  const cases = new Map<string, string | null>();
  for (const m of xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)" time="[\d.]+">([\s\S]*?)<\/testcase>/g)) {
    cases.set(m[1] ?? '', /<failure /.test(m[2] ?? '') ? (m[2] ?? '') : null);
  }
  return cases;
}

const pactOf = (api: ApiName) => join(dir, pactFileName(api));
const descriptions = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { interactions: { description: string }[] }).interactions.map((i) => i.description);
const codes = (findings: CrosscheckFinding[]) => findings.map((f) => [f.code, f.interaction, f.location]);

beforeAll(async () => {
  counts = await writePacts(dir);
}, 60_000);
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
});

describe.sequential('contracts', () => {
  it('the consumer tests write one pact per API with every interaction of the reference integrations', () => {
    expect(counts).toEqual({ zupy: 15, b2s: 8 });
    expect(descriptions(pactOf('zupy'))).toHaveLength(15);
    expect(descriptions(pactOf('b2s'))).toHaveLength(8);
    const zupy = readFileSync(pactOf('zupy'), 'utf8');
    // Provider-generated values are injected from the provider states.
    expect(zupy).toContain('"expression": "${otpSession}"');
    expect(zupy).toContain('"expression": "${cursor}"');
    // So are the credentials and every provider-owned id, code and value in a request.
    expect(zupy).toContain('"expression": "${apiKey}"');
    expect(zupy).toContain('"expression": "/api/v2/customers/${customerId}/coupons/${code}/validate/"');
    expect(zupy).toContain('"expression": "/api/v2/customers/${customerId}/rewards/${rewardId}/redeem/"');
    const b2s = readFileSync(pactOf('b2s'), 'utf8');
    expect(b2s).toContain('"expression": "Bearer ${token}"');
    expect(b2s).toContain('"expression": "/api/coupons/status/${id}"');
    expect(b2s).toContain('"expression": "/api/coupons/clients/${companyId}"');
    // Decision Z-8: every Zupy error answer may be application/json or application/problem+json.
    const pact = JSON.parse(zupy) as {
      interactions: { response: { status: number; matchingRules?: { header?: Record<string, { matchers: { regex?: string }[] }> } } }[];
    };
    const errors = pact.interactions.filter((i) => i.response.status >= 400);
    expect(errors).toHaveLength(7);
    for (const e of errors)
      expect(e.response.matchingRules?.header?.['Content-Type']?.matchers[0]?.regex).toBe('^application/(problem\\+)?json(\\s*;.*)?$');
  });

  it.each(['zupy', 'b2s'] as const)(
    '%s: coupon-kit verify passes against the simulator, one JUnit case per interaction',
    async (api) => {
      const junit = join(tmp, `${api}.junit.xml`);
      const r = await cli('verify', '--api', api, '--provider-url', await mock(api), '--pacts', dir, '--junit', junit);
      expect(r.stdout).toContain(`ok   ${api}: ${counts[api]} verified, 0 failed, 0 not verifiable against `);
      expect(r.code).toBe(0);
      const cases = junitCases(junit);
      expect([...cases.keys()].sort()).toEqual(descriptions(pactOf(api)).sort());
      expect([...cases.values()].every((f) => f === null)).toBe(true);
    },
    60_000,
  );

  it('negative control: with reuse-returns-200, coupon-kit verify fails (exit 1) and names the interaction, also in JUnit', async () => {
    const junit = join(tmp, 'zupy-defect.junit.xml');
    const r = await cli(
      'verify',
      '--api',
      'zupy',
      '--provider-url',
      await mock('zupy', ['reuse-returns-200']),
      '--pacts',
      dir,
      '--junit',
      junit,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL zupy: a validate of a coupon that is already used\n');
    expect(r.stdout).toContain('status: expected 409 but was 200');
    expect(r.stdout).toContain(`FAIL zupy: ${counts.zupy - 1} verified, 1 failed, 0 not verifiable against `);
    const failures = [...junitCases(junit)].filter(([, f]) => f !== null);
    expect(failures.map(([name]) => name)).toEqual(['a validate of a coupon that is already used']);
    expect(failures[0]?.[1]).toContain('status: expected 409 but was 200');
  }, 60_000);

  // Each defect is caught by exactly the interactions that pin the broken rule. (Through the CLI, so the
  // verifier's native report goes to the child's captured output, not to this run's.)
  it.each([
    ['b2s', 'reuse-returns-200', 'a PATCH of a coupon that is already used', 'status: expected 400 but was 204'],
    ['b2s', 'no-expiry-check', 'a PATCH of a coupon less than 3 hours from expiry', 'status: expected 400 but was 204'],
    ['zupy', 'no-expiry-check', 'a validate of a coupon that is expired', 'status: expected 409 but was 200'],
    ['zupy', 'validate-ignores-customer', "a validate of another customer's coupon", 'status: expected 404 but was 200'],
  ] as const)(
    'negative control: %s with %s fails on exactly the interaction that pins it',
    async (api, defect, failing, mismatch) => {
      const junit = join(tmp, `${api}-${defect}.junit.xml`);
      const r = await cli('verify', '--api', api, '--provider-url', await mock(api, [defect]), '--pacts', dir, '--junit', junit);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`FAIL ${api}: ${counts[api] - 1} verified, 1 failed, 0 not verifiable against `);
      const cases = junitCases(junit);
      expect(cases.size).toBe(counts[api]);
      expect([...cases].filter(([, f]) => f !== null).map(([name]) => name)).toEqual([failing]);
      expect(cases.get(failing)).toContain(mismatch);
    },
    60_000,
  );

  it('verification reports a provider it cannot reach instead of passing', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await verifyPacts({
      providerUrl: url,
      pactFiles: [pactOf('b2s')],
      provider: PARTIES.b2s.provider,
      states: endpointStates({ statesUrl: `${url}/states`, resetUrl: null }),
    });
    expect(r).toMatchObject({ ok: false, interactions: [] });
    expect(r.error).toBe(`cannot reach the provider at ${url} (ECONNREFUSED): is it running?`);
  });

  it('the provider-state endpoint rejects an unknown state and names the known ones', async () => {
    for (const api of ['zupy', 'b2s'] as const) {
      const res = await fetch(`${await mock(api)}/__control/provider-states`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'the moon is full', params: {}, action: 'setup' }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^unknown provider state 'the moon is full'; known: .*coupon \{\w+\} is used/,
      );
    }
  });

  it('an interaction without a state (empty or missing state) sets nothing up and is not an error', async () => {
    for (const api of ['zupy', 'b2s'] as const) {
      const url = await mock(api);
      const before = await (await fetch(`${url}/__control/fixtures`)).json();
      for (const body of [{ state: '', params: {}, action: 'setup' }, { action: 'setup' }]) {
        const res = await fetch(`${url}/__control/provider-states`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({});
      }
      expect(await (await fetch(`${url}/__control/fixtures`)).json()).toEqual(before);
      const wrong = await fetch(`${url}/__control/provider-states`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: 42 }),
      });
      expect(wrong.status).toBe(400);
    }
  });

  it.each(['zupy', 'b2s'] as const)('%s: the pact is compatible with the spec (no errors, no warnings)', async (api) => {
    expect(await crosscheck(api, pactOf(api))).toEqual([]);
  });

  it("negative control: incompatible pacts are flagged with the comparator's codes", async () => {
    expect(codes(await crosscheck('zupy', 'contracts/crosscheck/fixtures/incompatible-zupy.json'))).toEqual([
      ['response.body.incompatible', 'a lookup whose coupon id is a number', '[root].interactions[0].response.body.data.0.id'],
      ['response.status.unknown', 'a validate answered with an undeclared status', '[root].interactions[1].response.status'],
      ['request.authorization.missing', 'stats without the API key', '[root].interactions[2].request.headers'],
    ]);
    expect(codes(await crosscheck('b2s', 'contracts/crosscheck/fixtures/incompatible-b2s.json'))).toEqual([
      ['response.body.incompatible', 'a client lookup whose coupon status is a string', '[root].interactions[0].response.body.0.status'],
      ['response.status.unknown', 'a PATCH answered 200 instead of 204', '[root].interactions[1].response.status'],
      ['request.authorization.missing', 'a PATCH without a token', '[root].interactions[2].request.headers'],
      ['request.query.incompatible', 'a list without the required module parameter', '[root].interactions[3].request.query.module'],
      ['request.query.incompatible', 'a list without the required module parameter', '[root].interactions[3].request.query.module'],
    ]);
  });

  it('coupon-kit crosscheck passes on the pacts and fails (exit 1, JUnit per interaction) on an incompatible one', async () => {
    const ok = await cli('crosscheck', '--pacts', dir);
    expect(ok.stdout).toMatch(/ok {3}zupy: 0 error\(s\), 0 warning\(s\)/);
    expect(ok.stdout).toMatch(/ok {3}b2s: 0 error\(s\), 0 warning\(s\)/);
    expect(ok.code).toBe(0);

    const broken = join(tmp, 'broken');
    mkdirSync(broken, { recursive: true });
    copyFileSync('contracts/crosscheck/fixtures/incompatible-zupy.json', join(broken, pactFileName('zupy')));
    const junit = join(tmp, 'crosscheck.junit.xml');
    const bad = await cli('crosscheck', '--api', 'zupy', '--pacts', broken, '--junit', junit);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL zupy: 3 error\(s\)/);
    const cases = junitCases(junit);
    expect(cases.get('a lookup whose coupon id is a number')).toContain('response.body.incompatible');
    expect(cases.get('a validate answered with an undeclared status')).toContain('response.status.unknown');
    expect(cases.get('stats without the API key')).toContain('request.authorization.missing');
  }, 60_000);
});
