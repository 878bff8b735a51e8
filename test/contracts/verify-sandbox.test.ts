/**
 * `coupon-kit verify` against providers that are not set up through our control API: the simulator
 * started with `--no-control` (a stand-in for a vendor sandbox) driven by a fixture file, a
 * provider whose state endpoint is missing, a provider that is down, an empty pact, and a proxy that
 * answers errors as application/problem+json (decision Z-8). Negative controls: defects seeded in
 * the no-control simulator make verify fail and name the interaction that pins the broken rule.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePacts } from '../../contracts/consumer/run.ts';
import { PARTIES, pactFileName } from '../../contracts/index.ts';
import { NotVerifiable } from '../../contracts/provider/states.ts';
import { verifyPacts } from '../../contracts/provider/verify.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { freePort, startMockProcess, stopMockProcesses, runCli } from '../helpers.ts';
import { b2sFixtures, writeFixtureFile, zupyFixtures, zupyOtpFixtures } from '../sandbox-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'coupon-kit-verify-sandbox-'));
const pacts = join(tmp, 'pacts');
const servers: Server[] = [];
const mocks: RunningMock[] = [];
let counts: { zupy: number; b2s: number };

beforeAll(async () => {
  counts = await writePacts(pacts);
}, 60_000);
afterAll(async () => {
  stopMockProcesses();
  await Promise.all(mocks.map((m) => m.close()));
  for (const s of servers) s.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** `coupon-kit verify …` in its own process. */
async function verify(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCli(['verify', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Our own lines (the verifier's native report is printed above them). */
const ours = (stdout: string) => stdout.split('\n').filter((l) => /^(ok {3}|FAIL |NOT VERIFIABLE )/.test(l));
const fixture = (name: string, content: unknown) => writeFixtureFile(tmp, name, content);
const junitSkipped = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/name="([^"]*)"[^>]*>\s*<skipped message="([^"]*)"/g)].map((m) => [m[1], m[2]]);

describe('coupon-kit verify --fixtures (no control API)', () => {
  it('zupy: every interaction verifies on a company whose OTP sessions the fixture file can open', async () => {
    const url = await startMockProcess('zupy', ['--no-control']);
    const r = await verify(
      '--api',
      'zupy',
      '--provider-url',
      url,
      '--pacts',
      pacts,
      '--fixtures',
      fixture('zupy-otp.json', zupyOtpFixtures),
    );
    expect(ours(r.stdout)).toEqual([
      `ok   zupy: ${counts.zupy} verified, 0 failed, 0 not verifiable against ${url} (states: the provider's public API, with ${join(tmp, 'zupy-otp.json')})`,
    ]);
    expect(r.code).toBe(0);
  }, 120_000);

  it('zupy: with the check fixture file (one customer, no OTP code), what the public API cannot set up is not verifiable, each with its reason, and never passed', async () => {
    const url = await startMockProcess('zupy', ['--no-control']);
    const junit = join(tmp, 'zupy-plain.xml');
    const r = await verify(
      '--api',
      'zupy',
      '--provider-url',
      url,
      '--pacts',
      pacts,
      '--fixtures',
      fixture('zupy-plain.json', zupyFixtures),
      '--junit',
      junit,
    );
    const lines = ours(r.stdout);
    const notVerifiable = lines.filter((l) => l.startsWith('NOT VERIFIABLE zupy: '));
    expect(notVerifiable.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(
      `ok   zupy: ${counts.zupy - notVerifiable.length} verified, 0 failed, ${notVerifiable.length} not verifiable against ${url} (states: the provider's public API, with ${join(tmp, 'zupy-plain.json')})`,
    );
    expect(r.code).toBe(0);
    // The reasons name what the public API cannot do.
    expect(r.stdout).toContain(
      "NOT VERIFIABLE zupy: a validate of a coupon that is expired: state 'coupon {code} is expired': no expired coupon among the coupons of",
    );
    expect(r.stdout).toMatch(
      /NOT VERIFIABLE zupy: a validate of a coupon that is already used: state 'customer \{customerId\} has an OTP session': an OTP session for customer \w+ needs the code the provider sends/,
    );
    expect(r.stdout).toContain(
      "NOT VERIFIABLE zupy: a validate of another customer's coupon: state 'coupon {code} belongs to customer {customerId}': needs an active coupon of one listed customer and another customer",
    );
    expect(r.stdout).toContain(
      "NOT VERIFIABLE zupy: a validate without an OTP session: state 'the company requires OTP for {action}': a validate without an OTP session answered 404, not 403 otp-required",
    );
    // JUnit: skipped with the reason, not passed, not failed.
    const skipped = junitSkipped(junit);
    expect(skipped).toHaveLength(notVerifiable.length);
    for (const [, reason] of skipped) expect(reason).toMatch(/^not verifiable: state '.+': .{20,}/);
    expect(readFileSync(junit, 'utf8')).not.toContain('<failure');
  }, 120_000);

  it('b2s: every interaction verifies from the check fixture file', async () => {
    const url = await startMockProcess('b2s', ['--no-control']);
    const r = await verify('--api', 'b2s', '--provider-url', url, '--pacts', pacts, '--fixtures', fixture('b2s.json', b2sFixtures));
    expect(ours(r.stdout)).toEqual([
      `ok   b2s: ${counts.b2s} verified, 0 failed, 0 not verifiable against ${url} (states: the provider's public API, with ${join(tmp, 'b2s.json')})`,
    ]);
    expect(r.code).toBe(0);
  }, 120_000);

  it('b2s: without a scoped company the client lookups are not verifiable (the API lists no companies)', async () => {
    const url = await startMockProcess('b2s', ['--no-control']);
    const r = await verify(
      '--api',
      'b2s',
      '--provider-url',
      url,
      '--pacts',
      pacts,
      '--fixtures',
      fixture('b2s-unscoped.json', { api: 'b2s', token: b2sFixtures.token }),
    );
    expect(
      ours(r.stdout)
        .filter((l) => l.startsWith('NOT VERIFIABLE'))
        .map((l) => l.split(': ')[1]),
    ).toEqual(["a lookup of a client's coupons by email", 'a lookup of an unknown client']);
    expect(r.stdout).toContain('give scoped_token and scoped_company_id in');
    expect(ours(r.stdout).at(-1)).toMatch(new RegExp(`^ok {3}b2s: ${counts.b2s - 2} verified, 0 failed, 2 not verifiable`));
    expect(r.code).toBe(0);
  }, 120_000);

  it.each([
    ['zupy', 'reuse-returns-200', zupyOtpFixtures, 'a validate of a coupon that is already used', 'status: expected 409 but was 200'],
    ['zupy', 'validate-ignores-customer', zupyOtpFixtures, "a validate of another customer's coupon", 'status: expected 404 but was 200'],
    ['b2s', 'reuse-returns-200', b2sFixtures, 'a PATCH of a coupon that is already used', 'status: expected 400 but was 204'],
  ] as const)(
    'negative control: %s with --defect %s fails, naming the interaction that pins the rule',
    async (api, defect, fixtures, failing, mismatch) => {
      const url = await startMockProcess(api, ['--no-control', '--defect', defect]);
      const r = await verify(
        '--api',
        api,
        '--provider-url',
        url,
        '--pacts',
        pacts,
        '--fixtures',
        fixture(`${api}-${defect}.json`, fixtures),
      );
      expect(r.code).toBe(1);
      expect(ours(r.stdout).filter((l) => l.startsWith('FAIL'))).toEqual([
        `FAIL ${api}: ${failing}`,
        expect.stringMatching(new RegExp(`^FAIL ${api}: ${counts[api] - 1} verified, 1 failed, 0 not verifiable against `)),
      ]);
      const block = r.stdout.slice(r.stdout.indexOf(`FAIL ${api}: ${failing}\n`)).split('\n');
      expect(
        block
          .slice(1)
          .filter((l) => l.startsWith('       '))
          .map((l) => l.trim()),
      ).toContain(mismatch);
    },
    120_000,
  );

  it('a bad fixture file is one line per problem naming the file, exit 2, before any request', async () => {
    const r = await verify(
      '--api',
      'zupy',
      '--provider-url',
      'http://127.0.0.1:1',
      '--pacts',
      pacts,
      '--fixtures',
      fixture('bad.json', { ...zupyOtpFixtures, otp: { code: '12' } }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^fixture file .*bad\.json: missing field 'identifiers'$/),
      expect.stringMatching(/^fixture file .*bad\.json: field 'otp\.code' must match/),
    ]);
  }, 60_000);

  it('flags that cannot apply are refused with one line', async () => {
    const file = fixture('refuse.json', zupyFixtures);
    for (const [args, message] of [
      [
        ['--fixtures', file, '--states-url', 'http://127.0.0.1:1/s'],
        '--fixtures sets states up through the public API: it takes no --states-url, --control-token or --no-reset',
      ],
      [['--api-key', zupyFixtures.api_key], '--api-key and --token go with --fixtures'],
    ] as const) {
      const r = await verify('--api', 'zupy', '--provider-url', 'http://127.0.0.1:1', '--pacts', pacts, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});

describe('coupon-kit verify: runs that cannot judge the provider fail with one line (exit 2)', () => {
  it('a provider that is down', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await verify('--api', 'zupy', '--provider-url', url, '--pacts', pacts);
    expect(r.code).toBe(2);
    expect(r.stdout.trim()).toBe(`FAIL zupy: cannot reach the provider at ${url} (ECONNREFUSED): is it running?`);
  }, 60_000);

  it('a --states-url that answers 404, one that refuses connections, and the default control API on a provider without one', async () => {
    const url = await startMockProcess('zupy', ['--no-control']);
    const refused = `http://127.0.0.1:${await freePort()}/states`;
    for (const [args, line] of [
      [
        ['--states-url', `${url}/pact/states`, '--no-reset'],
        `FAIL zupy: state set-up failed, nothing was judged: the state set-up endpoint ${url}/pact/states answered 404 for state '`,
      ],
      [
        ['--states-url', refused, '--no-reset'],
        `FAIL zupy: state set-up failed, nothing was judged: cannot reach the state set-up endpoint ${refused} (ECONNREFUSED) for state '`,
      ],
      [
        [],
        `FAIL zupy: state set-up failed, nothing was judged: the state set-up endpoint ${url}/__control/reset answered 404 for the reset before an interaction`,
      ],
    ] as const) {
      const r = await verify('--api', 'zupy', '--provider-url', url, '--pacts', pacts, ...args);
      expect(r.code).toBe(2);
      expect(ours(r.stdout)).toEqual([expect.stringContaining(line)]);
    }
  }, 120_000);

  it("--states-url: a provider's own state endpoint; a state it refuses (400) makes that interaction not verifiable with its answer", async () => {
    const sim = await startMockProcess('zupy');
    // A stand-in state endpoint: forwards to the simulator's, but does not know the expired-coupon state.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (body.includes('is expired')) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unknown state' }));
          return;
        }
        void fetch(`${sim}/__control/provider-states`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
          async (r) => {
            res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
          },
        );
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const statesUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/pact/states`;
    const r = await verify('--api', 'zupy', '--provider-url', sim, '--pacts', pacts, '--states-url', statesUrl);
    expect(ours(r.stdout)).toEqual([
      `NOT VERIFIABLE zupy: a validate of a coupon that is expired: state 'coupon {code} is expired': the state set-up endpoint answered 400: {"error":"unknown state"}`,
      `ok   zupy: ${counts.zupy - 1} verified, 0 failed, 1 not verifiable against ${sim} (states: the state set-up endpoint ${statesUrl})`,
    ]);
    expect(r.code).toBe(0);
  }, 120_000);

  it('a pact with no interactions', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    const pact = JSON.parse(readFileSync(join(pacts, pactFileName('b2s')), 'utf8')) as { interactions: unknown[] };
    writeFileSync(join(empty, pactFileName('b2s')), JSON.stringify({ ...pact, interactions: [] }));
    const r = await verify('--api', 'b2s', '--provider-url', await startMockProcess('b2s'), '--pacts', empty);
    expect(r.code).toBe(2);
    expect(ours(r.stdout)).toEqual([expect.stringMatching(/^FAIL b2s: the pact has no interactions \(.*\): nothing to verify$/)]);
  }, 60_000);

  it('0 interactions verified (every state not verifiable) is a failure, not a pass', async () => {
    const mock = await startMock({ api: 'b2s', port: 0 });
    mocks.push(mock);
    const states = {
      description: 'nothing',
      begin: () => Promise.reject(new NotVerifiable('no state can be set up here')),
      setup: () => Promise.resolve({}),
    };
    const r = await verifyPacts({
      providerUrl: mock.url,
      pactFiles: [join(pacts, pactFileName('b2s'))],
      provider: PARTIES.b2s.provider,
      states,
    });
    expect(r.ok).toBe(false);
    expect(r.counts).toEqual({ verified: 0, failed: 0, 'not verifiable': counts.b2s });
    expect(r.error).toBe(`0 of ${counts.b2s} interactions could be verified (all not verifiable)`);
  }, 60_000);
});

describe('decision Z-8: Zupy errors as application/problem+json', () => {
  /** A proxy in front of the simulator that rewrites the Content-Type of every 4xx answer. */
  async function rewriting(target: string, contentType: string): Promise<string> {
    const server = createServer((req, res) => {
      const up = request(`${target}${req.url ?? ''}`, { method: req.method, headers: req.headers }, (answer) => {
        const headers = { ...answer.headers, ...((answer.statusCode ?? 0) >= 400 ? { 'content-type': contentType } : {}) };
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      });
      req.pipe(up);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it('passes when every error is application/problem+json; a text/plain error (the negative control) fails every error interaction', async () => {
    const sim = await startMockProcess('zupy');
    const ok = await verify('--api', 'zupy', '--provider-url', await rewriting(sim, 'application/problem+json'), '--pacts', pacts);
    expect(ours(ok.stdout)).toEqual([expect.stringMatching(new RegExp(`^ok {3}zupy: ${counts.zupy} verified, 0 failed`))]);
    expect(ok.code).toBe(0);
    const bad = await verify('--api', 'zupy', '--provider-url', await rewriting(sim, 'text/plain'), '--pacts', pacts);
    expect(bad.code).toBe(1);
    expect(ours(bad.stdout).at(-1)).toMatch(new RegExp(`^FAIL zupy: ${counts.zupy - 7} verified, 7 failed`));
  }, 120_000);
});
