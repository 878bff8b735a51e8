/**
 * `mock --validate`: Prism's proxy checks every response against the spec, while the control API
 * stays on the advertised port and the providers' own errors reach the client. `verify` through it
 * passes as without it; a provider whose responses break the spec gets 502s with the violations.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactFileIn, PARTIES } from '../../contracts/index.ts';
import { writePacts } from '../../contracts/consumer/run.ts';
import { endpointStates } from '../../contracts/provider/endpoint-states.ts';
import { verifyPacts } from '../../contracts/provider/verify.ts';
import { startMock } from '../../mocks/index.ts';
import { startValidatingFront } from '../../mocks/prism/validate.ts';
import type { ApiName } from '../../specs/index.ts';

const run = promisify(execFile);
const dir = join(mkdtempSync(join(tmpdir(), 'coupon-kit-validate-')), 'pacts');
const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await writePacts(dir);
}, 120_000);
afterAll(async () => {
  children.forEach((c) => c.kill('SIGTERM'));
  await Promise.all(closers.map((c) => c()));
});

/** `coupon-kit mock <api> --validate --port 0`; resolves with the URL its banner advertises. */
async function validatedMock(api: ApiName): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'mock', api, '--validate', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
    child.stdout.on('data', () => out.includes('Ctrl-C') && (clearTimeout(t), resolve()));
    child.once('exit', (code) => reject(new Error(`mock exited ${code}: ${out}`)));
  });
  const url = /simulator on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
  expect(out).toContain(`(control API: ${url}/__control/fixtures; console: ${url}/__control/ui/)`);
  return url;
}

describe.each(['zupy', 'b2s'] as const)('%s --validate', (api) => {
  let url = '';
  beforeAll(async () => {
    url = await validatedMock(api);
  }, 90_000);

  it('--port 0 gets a real port, and the control API answers on the advertised URL', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect((await fetch(`${url}/__control/fixtures`)).status).toBe(200);
    expect(
      (await fetch(`${url}/__control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBeLessThan(300);
  });

  it('coupon-kit verify through it passes like without it', async () => {
    const r = await run(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', 'verify', '--api', api, '--provider-url', url, '--pacts', dir],
      { timeout: 120_000, maxBuffer: 16 << 20 },
    ).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code?: number; stdout?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '' }),
    );
    expect(r.stdout).toMatch(new RegExp(`ok   ${api}: ${api === 'zupy' ? 15 : 8} verified, 0 failed, 0 not verifiable`));
    expect(r.code).toBe(0);
  }, 120_000);

  it("the provider's own errors pass through (not Prism's 401 / 404 / 422 / invalid_json)", async () => {
    if (api === 'zupy') {
      const key = { 'X-API-Key': 'zupy_pk_DemoAuroraReadWrite0000000000000' };
      const noKey = await fetch(`${url}/api/v2/coupons/issued/`);
      expect(noKey.status).toBe(401);
      expect(await noKey.json()).toMatchObject({ type: 'https://docs.zupy.com/errors#authentication-required' });
      const unknown = await fetch(`${url}/api/v2/not-a-route/`, { headers: key });
      expect(unknown.status).toBe(403);
      expect(await unknown.json()).toMatchObject({ detail: 'This endpoint is not available to partner API keys.' });
      const malformed = await fetch(`${url}/api/v2/auth/request-otp/`, {
        method: 'POST',
        headers: { ...key, 'content-type': 'application/json' },
        body: '{nope',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ type: 'https://docs.zupy.com/errors#validation-error' });
    } else {
      const badToken = await fetch(`${url}/api/coupons/status/x`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer wrong-token-000' },
      });
      expect(badToken.status).toBe(401);
      expect(await badToken.json()).toMatchObject({ status: 'error' });
      const badQuery = await fetch(`${url}/api/coupons?limit=10`, { headers: { Authorization: 'Bearer b2s_demo_franchise_token_0001' } });
      expect(badQuery.status).toBe(400);
      expect(await badQuery.json()).toMatchObject({ status: 'error' });
    }
  });
});

describe('negative control: a provider whose responses break the spec', () => {
  it('every off-spec response is answered 502 with the violations and logged, and verify fails', async () => {
    // Zupy without its {data, meta} envelope: the responses no longer match the spec.
    const mock = await startMock({ api: 'zupy', port: 0, envelope: false });
    closers.push(() => mock.close());
    const logged: string[] = [];
    const front = await startValidatingFront({
      api: 'zupy',
      host: '127.0.0.1',
      port: 0,
      simulator: mock.simulator,
      upstream: mock.url,
      log: (l) => logged.push(l),
    });
    closers.push(() => front.close());
    const r = await fetch(`${front.url}/api/v2/coupons/issued/`, { headers: { 'X-API-Key': 'zupy_pk_DemoAuroraReadWrite0000000000000' } });
    expect(r.status).toBe(502);
    expect(r.headers.get('sl-violations')).toBeTruthy();
    const body = (await r.json()) as { upstream_status: number; validation: { location: string[] }[] };
    expect(body.upstream_status).toBe(200);
    expect(body.validation.length).toBeGreaterThan(0);
    expect(body.validation.every((v) => v.location[0] === 'response')).toBe(true);
    expect(logged.join('\n')).toMatch(
      /zupy --validate: the response to GET \/api\/v2\/coupons\/issued\/ → 200 breaks specs\/zupy\.openapi\.yaml/,
    );
    const states = endpointStates({ statesUrl: `${front.url}/__control/provider-states`, resetUrl: `${front.url}/__control/reset` });
    const v = await verifyPacts({ providerUrl: front.url, pactFiles: [pactFileIn(dir, 'zupy')], provider: PARTIES.zupy.provider, states });
    expect(v.ok).toBe(false);
    expect(v.interactions.filter((i) => i.outcome === 'failed').length).toBeGreaterThan(0);
  }, 120_000);
});

describe('the --validate front holds no more than the simulator would', () => {
  async function front(timeouts?: { headersMs: number; requestMs: number; keepAliveMs: number }) {
    const mock = await startMock({ api: 'zupy', port: 0 });
    closers.push(() => mock.close());
    const f = await startValidatingFront({
      api: 'zupy',
      host: '127.0.0.1',
      port: 0,
      simulator: mock.simulator,
      upstream: mock.url,
      log: () => {},
      ...(timeouts ? { timeouts } : {}),
    });
    closers.push(() => f.close());
    return { front: f, mock };
  }
  const key = { 'X-API-Key': 'zupy_pk_DemoAuroraReadWrite0000000000000', 'content-type': 'application/json' };

  it("a body over the simulator's limit gets the provider's 413, as the simulator answers it", async () => {
    const { front: f, mock } = await front();
    const big = JSON.stringify({ customer_id: 'x'.repeat(70 * 1024) });
    const direct = await fetch(`${mock.url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: big });
    const declared = await fetch(`${f.url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: big });
    expect(declared.status).toBe(413);
    expect(declared.status).toBe(direct.status);
    expect(await declared.json()).toEqual(await direct.json());
  });

  it('a long chunked upload is answered 413 once it passes the limit, before the client has sent it all', async () => {
    const { front: f } = await front();
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const upload = new ReadableStream<Uint8Array>({
      pull: (c) => {
        if (sent >= 32 * 1024 * 1024) return c.close();
        sent += chunk.length;
        c.enqueue(chunk);
      },
    });
    const r = await fetch(`${f.url}/api/v2/auth/request-otp/`, { method: 'POST', headers: key, body: upload, duplex: 'half' });
    const sentWhenAnswered = sent;
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ status: 413 });
    // Read whole, 32 MiB would have gone up before any answer; socket buffers hold a few MiB at most.
    expect(sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);

  it('a client that never finishes its headers is disconnected after the header timeout', async () => {
    const { front: f } = await front({ headersMs: 300, requestMs: 1000, keepAliveMs: 500 });
    const { connect } = await import('node:net');
    const port = Number(new URL(f.url).port);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/v2/coupons/issued/ HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      let got = '';
      socket.on('data', (d: Buffer) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      setTimeout(() => {
        socket.destroy();
        resolve('still open after 5 s');
      }, 5000);
    });
    expect(closed).not.toBe('still open after 5 s');
    expect(closed).toMatch(/^(HTTP\/1\.1 408|$)/);
  });
});
