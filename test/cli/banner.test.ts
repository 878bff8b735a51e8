/**
 * The banner shows what is served: a --seed file's own credentials and a curl line that works with
 * them (never the demo key), no control URL with --no-control, and what `mock all --seed` did with
 * a file that holds one API only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { B2S_DEMO, b2sDemoFixtures } from '../../mocks/demo/b2s.ts';
import { DEMO, zupyDemoFixtures } from '../../mocks/demo/zupy.ts';

const CLI = ['--import', 'tsx', 'cli/main.ts'];
const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-banner-'));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

/** `coupon-kit mock …` until its banner is complete; returns what it printed. */
async function banner(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...CLI, 'mock', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 30_000);
    const done = () => (clearTimeout(t), resolve());
    child.stdout.on('data', () => out.includes('Ctrl-C') && done());
    child.once('exit', (code) => reject(new Error(`mock exited ${code}: ${out}`)));
  });
  return out;
}

/** The banner's curl lines, as fetch calls: method, URL and headers. */
function curls(out: string): { method: string; url: string; headers: Record<string, string> }[] {
  return out
    .split('\n')
    .filter((l) => l.trim().startsWith('curl '))
    .map((line) => {
      const headers: Record<string, string> = {};
      for (const m of line.matchAll(/-H '([^:]+): ([^']*)'/g)) headers[m[1] as string] = m[2] as string;
      const url = /'(http:\/\/[^']+)'|\s(http:\/\/\S+)/.exec(line);
      return { method: /-X (\w+)/.exec(line)?.[1] ?? 'GET', url: url?.[1] ?? url?.[2] ?? '', headers };
    });
}

const key = (name: string) => `zupy_pk_${name}`.padEnd(40, '0');
const ZUPY_KEY = key('SeededKey');
const B2S_TOKEN = 'seeded_b2s_token_0001';

function zupySeed() {
  const f = zupyDemoFixtures(Date.now());
  const keys = new Map<string, string>([
    [DEMO.keyReadWrite, ZUPY_KEY],
    [DEMO.keyReadOnly, key('SeededReadOnly')],
    [DEMO.keyOtherCompany, key('SeededOther')],
  ]);
  return { ...f, api_keys: f.api_keys.map((k) => ({ ...k, key: keys.get(k.key) ?? k.key })) };
}
function b2sSeed() {
  const f = b2sDemoFixtures(Date.now());
  return { ...f, tokens: [{ token: B2S_TOKEN, company_ids: [B2S_DEMO.companyA, B2S_DEMO.companyB], label: 'seeded franchise' }] };
}
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('the banner shows what is served', () => {
  it.each([
    ['zupy', () => zupySeed(), ZUPY_KEY, DEMO.keyReadWrite],
    ['b2s', () => b2sSeed(), B2S_TOKEN, B2S_DEMO.franchiseToken],
  ] as const)(
    '%s --seed: the seeded credentials and a curl line that answers 200; never the demo credential',
    async (api, seed, credential, demo) => {
      const out = await banner([api, '--port', '0', '--seed', file(`${api}.json`, seed())]);
      expect(out).toContain(credential);
      expect(out).not.toContain(demo);
      const lines = curls(out);
      expect(lines.length).toBeGreaterThan(0);
      for (const c of lines) {
        const r = await fetch(c.url, { method: c.method, headers: c.headers });
        expect(`${r.status} ${c.method} ${c.url}`).toBe(`200 ${c.method} ${c.url}`);
      }
      // Negative control: the demo credential the banner used to print is refused by this server.
      const demoHeaders: Record<string, string> = api === 'zupy' ? { 'X-API-Key': demo } : { Authorization: `Bearer ${demo}` };
      expect((await fetch(lines[0]?.url ?? '', { headers: demoHeaders })).status).toBe(401);
    },
    60_000,
  );

  it('a seed without a usable credential: no curl line, and it says why', async () => {
    const seed = { ...zupySeed(), api_keys: zupySeed().api_keys.map((k) => ({ ...k, revoked: true })) };
    const out = await banner(['zupy', '--port', '0', '--seed', file('revoked.json', seed)]);
    expect(curls(out)).toEqual([]);
    expect(out).toContain('no curl line: the seed has no usable API key');
  }, 60_000);

  it('--no-control: no control URL in the banner, and there is none on the port', async () => {
    const out = await banner(['b2s', '--port', '0', '--no-control']);
    expect(out).not.toContain('/__control/');
    expect(out).toContain('control API off');
    const url = curls(out)[0]?.url ?? '';
    expect((await fetch(new URL('/__control/fixtures', url))).status).toBe(404);
    // The demo banner's curl lines work too.
    const list = curls(out)[0];
    expect((await fetch(list?.url ?? '', { headers: list?.headers ?? {} })).status).toBe(200);
  }, 60_000);

  it("mock all --seed with one API's entry: that API is seeded, the other serves the demo data and the banner says so", async () => {
    const out = await banner(['all', '--port', '0', '--seed', file('all-zupy-only.json', { zupy: zupySeed() })]);
    expect(out).toContain(ZUPY_KEY);
    expect(out).toContain(B2S_DEMO.franchiseToken);
    expect(out).toMatch(/b2s: .*all-zupy-only\.json has no "b2s" entry, so b2s serves the demo data/);
  }, 60_000);

  it('mock all --seed with a bare single-API file: refused in one line (it would be ambiguous)', () => {
    const r = spawnSync(process.execPath, [...CLI, 'mock', 'all', '--port', '0', '--seed', file('bare-zupy.json', zupySeed())], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/bare-zupy\.json is not a seed for several APIs: with "mock all" give \{"zupy": …, "b2s": …\}/),
    ]);
  });

  it('mock zupy --seed with a {"zupy": …} file takes its entry', async () => {
    const out = await banner(['zupy', '--port', '0', '--seed', file('wrapped.json', { zupy: zupySeed() })]);
    expect(out).toContain(ZUPY_KEY);
  }, 60_000);
});
