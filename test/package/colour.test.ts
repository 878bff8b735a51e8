/**
 * No ANSI colour when stdout is not a terminal, when CI is set or when NO_COLOR is set: in our own
 * output and in Pact's verifier report (which ignores NO_COLOR, so `verify` filters it). Negative
 * controls: on a pseudo-terminal without CI or NO_COLOR the same command is coloured, so the check
 * can fail; the filter is tested on sequences split across chunks.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansiStripper, plainOutput } from '../../cli/color.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';

const run = promisify(execFile);
const ESC = '\u001b[';
let mock: RunningMock;
const env = (extra: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, PACT_DO_NOT_TRACK: 'true', COUPON_KIT_FROM_SOURCE: '1', ...extra };
  for (const k of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'COUPON_KIT_PLAIN_CHILD']) if (!(k in extra)) delete e[k];
  return e;
};
const verifyArgs = () => ['bin/coupon-kit.js', 'verify', '--api', 'b2s', '--provider-url', mock.url];
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  mock = await startMock({ api: 'b2s', port: 0 });
});
afterAll(async () => {
  await mock.close();
});

describe('colour policy', () => {
  it.each([
    [{}, false, true],
    [{}, true, false],
    [{ CI: 'true' }, true, true],
    [{ CI: 'false' }, true, false],
    [{ NO_COLOR: '1' }, true, true],
    [{ NO_COLOR: '' }, true, false],
  ])('env %j, stdout a TTY: %s → plain %s', (e, tty, plain) => {
    expect(plainOutput(e, tty)).toBe(plain);
  });

  it('the filter drops colour and cursor sequences, also split across chunks, and keeps the text', () => {
    const strip = ansiStripper();
    const out = [
      strip.push('has status \u001b[1m200\u001b'),
      strip.push('[0m (\u001b[3'),
      strip.push('2mOK\u001b[0m)\n'),
      strip.end(),
    ].join('');
    expect(out).toBe('has status 200 (OK)\n');
    const lone = ansiStripper();
    expect(lone.push('a\u001b') + lone.end()).toBe('a');
  });

  it.each([
    ['piped', {}],
    ['piped with CI=true', { CI: 'true' }],
    ['piped with NO_COLOR', { NO_COLOR: '1' }],
  ])(
    'coupon-kit verify %s: no ANSI code, and the result line',
    async (_name, extra) => {
      const { stdout, stderr } = await run(process.execPath, verifyArgs(), { env: env(extra), timeout: 120_000, maxBuffer: 16 << 20 });
      expect(stdout).toMatch(/ok {3}b2s: [1-9]\d* verified, 0 failed, 0 not verifiable/);
      expect(stdout).toContain('Verifying a pact between b2s-pos and b2s-coupons-api');
      expect(stdout + stderr).not.toContain(ESC);
    },
    120_000,
  );

  it.skipIf(!hasScript).each([
    ['CI=true', { CI: 'true' }],
    ['NO_COLOR=1', { NO_COLOR: '1' }],
  ])(
    'on a terminal with %s: no ANSI code',
    async (_name, extra) => {
      const { stdout } = await run('script', ['-qec', `${JSON.stringify(process.execPath)} ${verifyArgs().join(' ')}`, '/dev/null'], {
        env: env(extra),
        timeout: 120_000,
        maxBuffer: 16 << 20,
      });
      expect(stdout).toMatch(/ok {3}b2s: [1-9]\d* verified, 0 failed, 0 not verifiable/);
      expect(stdout).not.toContain(ESC);
    },
    120_000,
  );

  // `npm test` runs vitest with scripts/plain-output.mjs preloaded (vitest picks colours before its config loads).
  const vitestArgs = [
    '--import',
    './scripts/plain-output.mjs',
    './node_modules/vitest/vitest.mjs',
    'run',
    'clients/result.test.ts',
    '--reporter=default',
  ];

  it('vitest as npm test runs it, with CI=true: no ANSI code', async () => {
    const { stdout, stderr } = await run(process.execPath, vitestArgs, { env: env({ CI: 'true' }), timeout: 120_000 });
    expect(stdout).toMatch(/Tests {2}3 passed/);
    expect(stdout + stderr).not.toContain(ESC);
  }, 120_000);

  it.skipIf(!hasScript)(
    'negative control: vitest as npm test runs it, on a terminal without CI or NO_COLOR, is coloured',
    async () => {
      const { stdout } = await run('script', ['-qec', `${JSON.stringify(process.execPath)} ${vitestArgs.join(' ')}`, '/dev/null'], {
        env: env({}),
        timeout: 120_000,
      });
      expect(stdout).toContain(ESC);
    },
    120_000,
  );

  it.skipIf(!hasScript)(
    'negative control: on a terminal without CI or NO_COLOR, Pact colours its report',
    async () => {
      const { stdout } = await run('script', ['-qec', `${JSON.stringify(process.execPath)} ${verifyArgs().join(' ')}`, '/dev/null'], {
        env: env({}),
        timeout: 120_000,
        maxBuffer: 16 << 20,
      });
      expect(stdout).toMatch(/ok {3}b2s: [1-9]\d* verified, 0 failed, 0 not verifiable/);
      expect(stdout).toContain(ESC);
    },
    120_000,
  );
});
