/**
 * The installed package is the product: `npm pack`, install the tarball into an empty project, and use
 * it there as an integrator would — the README's TypeScript snippets type-checked (`strict`,
 * `module: nodenext`) against the installed declarations and run against mocks started from the
 * package, `npx coupon-kit mock` + `npx coupon-kit verify` with the shipped pacts, a failing
 * `npx coupon-kit check` and its replay line, crosscheck, and `coupon-kit pacts --out`.
 *
 * README snippets: a ```ts block preceded by the line `<!-- checked: NAME -->` is extracted into
 * snippets/NAME.ts, compiled as an ES module of its own, and run with node.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactDrift, pactFileName, PUBLISHED_PACT_DIR } from '../../contracts/index.ts';
import type { ApiName } from '../../specs/index.ts';
import { freePort } from '../helpers.ts';

const run = promisify(execFile);
const repo = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'coupon-kit-install-'));
const app = join(work, 'app');
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const bin = join(app, 'node_modules', '.bin', 'coupon-kit');
const env: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true', CI: 'true' };
delete env.COUPON_KIT_FROM_SOURCE;
const children: ChildProcess[] = [];
let tgz = '';
let installLog = '';

/** The `<!-- checked: NAME -->` ```ts blocks of the README. */
export function readmeSnippets(markdown: string): { name: string; code: string }[] {
  return [...markdown.matchAll(/^<!-- checked: ([\w-]+) -->\n```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
    name: m[1] ?? '',
    code: m[2] ?? '',
  }));
}

/** Runs a command in the app; resolves with its exit code and output instead of throwing. */
async function inApp(file: string, args: string[], timeout = 180_000): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: app, env, timeout, maxBuffer: 32 << 20 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** `npx coupon-kit mock API --port P` in the background (its own process group); resolves with its URL once it answers. */
async function mockInBackground(api: ApiName, ...extra: string[]): Promise<string> {
  const port = await freePort();
  const child = spawn('npx', ['coupon-kit', 'mock', api, '--port', String(port), ...extra], {
    cwd: app,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`mock ${api} did not start: ${out}`)), 90_000);
    child.stdout?.on('data', () => {
      if (out.includes('Ctrl-C')) {
        clearTimeout(t);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`mock ${api} exited ${code}: ${out}`)));
  });
  return `http://127.0.0.1:${port}`;
}

const interactionsIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { interactions: unknown[] }).interactions.length;

beforeAll(async () => {
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: repo, stdio: 'pipe', env, timeout: 300_000 });
  tgz = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'integrator-app', version: '1.0.0', private: true, type: 'module' }));
  // Default log level: engine warnings (EBADENGINE) must show up here if there are any.
  const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tgz], {
    cwd: app,
    env,
    timeout: 300_000,
    maxBuffer: 32 << 20,
  });
  installLog = installed.stdout + installed.stderr;
}, 600_000);

afterAll(() => {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

describe.sequential('the packed tarball, installed into an empty project', () => {
  it('installs without engine warnings (EBADENGINE) on this Node', () => {
    expect(installLog).not.toMatch(/EBADENGINE|Unsupported engine/);
    expect(execFileSync('npm', ['ls', 'cookie', '--all'], { cwd: app, encoding: 'utf8', env })).not.toMatch(/cookie@2\./);
  });

  it('ships declarations and the published pacts, and no tests or generated pact output', () => {
    const files = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).split('\n');
    for (const f of [
      'dist/types/mocks/index.d.ts',
      'dist/types/clients/zupy.d.ts',
      'dist/types/clients/b2s.d.ts',
      'dist/types/clients/control.d.ts',
      `contracts/published/${pactFileName('zupy')}`,
      `contracts/published/${pactFileName('b2s')}`,
    ]) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.filter((f) => f.startsWith('package/contracts/pacts/') || f.endsWith('.test.ts'))).toEqual([]);
  });

  it('exports the public entry points only', async () => {
    const probe = (spec: string) =>
      inApp(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(spec)}); console.log('loaded')`]);
    for (const spec of [
      'coupon-kit',
      'coupon-kit/mocks',
      'coupon-kit/clients/zupy',
      'coupon-kit/clients/b2s',
      'coupon-kit/clients/control',
      'coupon-kit/package.json',
    ]) {
      const r = spec.endsWith('.json') ? { code: 0, out: 'loaded' } : await probe(spec);
      expect(r.out, spec).toContain('loaded');
    }
    for (const spec of ['coupon-kit/mocks/simulator/app.ts', 'coupon-kit/dist/cli/main.js', 'coupon-kit/specs/index.ts']) {
      expect((await probe(spec)).out, spec).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    }
  });

  it("type-checks the README's snippets (strict, module nodenext) against the installed package and runs them against its mocks", async () => {
    const snippets = readmeSnippets(readFileSync(join(repo, 'README.md'), 'utf8'));
    expect(snippets.map((s) => s.name).sort()).toEqual(['b2s', 'zupy']);
    mkdirSync(join(app, 'snippets'), { recursive: true });
    for (const s of snippets) writeFileSync(join(app, 'snippets', `${s.name}.ts`), s.code);
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      outDir: 'build',
      rootDir: 'snippets',
      skipLibCheck: true,
      typeRoots: [join(repo, 'node_modules', '@types')],
      types: ['node'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['snippets'] }, null, 1));
    const compiled = await inApp(process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect(compiled.out).toBe('');
    expect(compiled.code).toBe(0);
    // The declarations themselves compile under the same options (only the package's, not its dependencies').
    const ownTypes = await inApp(process.execPath, [
      tsc,
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      join(repo, 'node_modules', '@types'),
      'node_modules/coupon-kit/dist/types/mocks/index.d.ts',
      'node_modules/coupon-kit/dist/types/clients/zupy.d.ts',
      'node_modules/coupon-kit/dist/types/clients/b2s.d.ts',
    ]);
    expect(ownTypes.out.split('\n').filter((l) => l.startsWith('node_modules/coupon-kit/'))).toEqual([]);

    const zupy = await inApp(process.execPath, ['build/zupy.js'], 60_000);
    expect(zupy.out).toBe('validated, 0 uses left\nCupom já Used\n2 validate calls\n');
    expect(zupy.code).toBe(0);
    const b2s = await inApp(process.execPath, ['build/b2s.js'], 60_000);
    expect(b2s.out).toMatch(/^marked \S+ used: true\nCoupon already used\n$/);
    expect(b2s.code).toBe(0);
  }, 300_000);

  it('negative control: a snippet that reads the problem without narrowing by a documented status does not compile', async () => {
    const zupy = readFileSync(join(app, 'snippets', 'zupy.ts'), 'utf8');
    expect(zupy).toContain('again.status === 409');
    writeFileSync(join(app, 'snippets', 'zupy.ts'), zupy.replace('again.status === 409', 'again.status === 502'));
    const compiled = await inApp(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit']);
    writeFileSync(join(app, 'snippets', 'zupy.ts'), zupy);
    expect(compiled.code).not.toBe(0);
    expect(compiled.out).toMatch(/snippets\/zupy\.ts\(\d+,\d+\): error TS2339: Property 'detail' does not exist on type '.*UnexpectedBody/);
  }, 120_000);

  it.each(['zupy', 'b2s'] as const)(
    '%s: npx coupon-kit mock in the background, then npx coupon-kit verify with the shipped pacts passes every interaction',
    async (api) => {
      const url = await mockInBackground(api);
      const expected = interactionsIn(join(PUBLISHED_PACT_DIR, pactFileName(api)));
      expect(expected).toBeGreaterThan(0);
      const r = await inApp('npx', ['coupon-kit', 'verify', '--api', api, '--provider-url', url]);
      expect(r.out).toContain(`ok   ${api}: ${expected} verified, 0 failed, 0 not verifiable against ${url}`);
      expect(r.out).not.toMatch(/FAIL|npm run pacts/);
      expect(r.out).not.toContain('\u001b[');
      expect(r.code).toBe(0);
    },
    240_000,
  );

  it('negative control: verify from the package fails (exit 1) against a provider with reuse-returns-200', async () => {
    const url = await mockInBackground('zupy', '--defect', 'reuse-returns-200');
    const r = await inApp('npx', ['coupon-kit', 'verify', '--api', 'zupy', '--provider-url', url]);
    expect(r.out).toContain('FAIL zupy: a validate of a coupon that is already used');
    expect(r.code).toBe(1);
  }, 240_000);

  it('a failing check from the package prints a replay line that, run as printed with npx, gives the same counterexample', async () => {
    const url = await mockInBackground('zupy', '--defect', 'reuse-returns-200');
    const first = await inApp('npx', ['coupon-kit', 'check', '--api', 'zupy', '--target', url, '--runs', '60', '--seed', '11']);
    expect(first.code).toBe(1);
    const line = first.out.split('\n').find((l) => l.startsWith('replay: coupon-kit check '));
    const counterexample = first.out.split('\n').find((l) => l.startsWith('Counterexample: '));
    expect(line).toBeDefined();
    expect(counterexample).toMatch(/^Counterexample: \[.+\]$/);
    // Run the printed line verbatim (through a shell, quotes and all), with npx in front as a user would.
    const again = await inApp('sh', ['-c', `npx ${line!.replace(/^replay:\s*/, '')}`]);
    expect(again.out).not.toMatch(/Unable to replay/);
    expect(again.code).toBe(1);
    expect(again.out.split('\n').find((l) => l.startsWith('Counterexample: '))).toBe(counterexample);
  }, 240_000);

  it('crosscheck uses the shipped pacts; a missing --pacts folder is named without pointing at npm scripts', async () => {
    const ok = await inApp(bin, ['crosscheck']);
    expect(ok.out).toMatch(/ok {3}zupy: 0 error\(s\), 0 warning\(s\) in .*node_modules\/coupon-kit\/contracts\/published\//);
    expect(ok.out).toMatch(/ok {3}b2s: 0 error\(s\)/);
    expect(ok.code).toBe(0);
    const missing = await inApp(bin, ['crosscheck', '--api', 'b2s', '--pacts', 'nowhere']);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('coupon-kit pacts --out DIR');
    expect(missing.out).not.toContain('npm run');
  }, 120_000);

  it('coupon-kit pacts --out DIR runs the consumer tests from the package and writes the shipped pacts again', async () => {
    const out = join(work, 'my-pacts');
    const r = await inApp(bin, ['pacts', '--out', out]);
    expect(r.out).toMatch(/ok {3}zupy: \d+ interactions/);
    expect(r.code).toBe(0);
    expect(pactDrift(out)).toEqual([]);
    const verified = await inApp(bin, ['crosscheck', '--pacts', out]);
    expect(verified.code).toBe(0);
  }, 120_000);

  it('the coupon-kit command and the programmatic API run from plain Node (dist/, no TypeScript loader)', async () => {
    const help = await inApp(bin, ['--help']);
    expect(help.out).toMatch(/mock/);
    expect(help.out).toMatch(/pacts/);
    const lint = await inApp(bin, ['lint']);
    expect(lint.out).toMatch(/ok {2}.*zupy\.openapi\.yaml/);
    expect(lint.out).toMatch(/ok {2}.*b2s\.openapi\.yaml/);
    expect(lint.out).toMatch(/ok {2}.*control\.openapi\.yaml/);
    const script = [
      "import { startMock } from 'coupon-kit/mocks';",
      "const mock = await startMock({ api: 'zupy', port: 0 });",
      "const r = await fetch(`${mock.url}/api/v2/coupons/issued/?code=CZ-FFFFFFFF`, { headers: { 'X-API-Key': 'zupy_pk_DemoAuroraReadWrite0000000000000' } });",
      'console.log(`status ${r.status}`);',
      'await mock.close();',
    ].join('\n');
    writeFileSync(join(app, 'use-mock.mjs'), script);
    const used = await inApp(process.execPath, ['use-mock.mjs'], 60_000);
    expect(used.out).toBe('status 200\n');
  }, 180_000);
});
