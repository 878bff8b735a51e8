/**
 * `coupon-kit check` replays and never hangs: the printed replay line, run verbatim, reproduces
 * the same shrunk counterexample and exits 1; a target that accepts connections and never answers,
 * or one too slow for the time limit, ends the check with exit 2 and a message saying so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockProcess, stopMockProcesses } from '../helpers.ts';
import { zupyFixtures } from '../sandbox-fixtures.ts';
import { check, counterexampleOf, replayLineOf, runReplayLine } from './cli-run.ts';
import { startSilentServer } from './stand-in.ts';

const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-check-replay-'));
afterAll(() => {
  stopMockProcesses();
  rmSync(dir, { recursive: true, force: true });
});

const zupyFile = join(dir, 'zupy.json');
writeFileSync(zupyFile, JSON.stringify(zupyFixtures));

describe('coupon-kit check: replay', () => {
  it.each([
    ['with a control API', [] as string[], []],
    ['without one (--no-control, --fixtures)', ['--no-control'], ['--fixtures', zupyFile]],
  ])(
    '%s: the printed replay line reproduces the same shrunk counterexample and exits 1',
    async (_name, mockArgs, checkArgs) => {
      const url = await startMockProcess('zupy', [...mockArgs, '--defect', 'reuse-returns-200']);
      const first = await check(['--api', 'zupy', '--target', url, ...checkArgs, '--runs', '60', '--seed', '11']);
      expect(first.status).toBe(1);
      const line = replayLineOf(first.stdout);
      const counterexample = counterexampleOf(first.stdout);
      expect(line).toMatch(
        /^replay: coupon-kit check --api zupy --target \S+ .*--runs 60 --fuzz-runs 0 --seed 11 --path "[\d:]+" --replay-path "[^"]+"$/,
      );
      expect(counterexample).toMatch(/^Counterexample: \[.+\]$/);
      const again = await runReplayLine(line!);
      expect(again.stderr).not.toMatch(/Unable to replay/);
      expect(again.status).toBe(1);
      expect(counterexampleOf(again.stdout)).toBe(counterexample);
      expect(replayLineOf(again.stdout)).toBe(line);
    },
    240_000,
  );

  it('a --path without a phase selector, or a bad option value, is refused with exit 2', async () => {
    const r = await check(['--api', 'zupy', '--target', 'http://127.0.0.1:9', '--seed', '1', '--path', '0:1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--path replays one phase: add --fuzz-runs 0 .* or --runs 0/);
    const bad = await check(['--api', 'zupy', '--target', 'http://127.0.0.1:9', '--runs', '-1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--runs must be an integer ≥ 0/);
  }, 60_000);
});

describe('coupon-kit check: no hangs', () => {
  it.each([
    ['with a control API', [] as string[]],
    ['with --fixtures', ['--fixtures', zupyFile]],
  ])(
    '%s: a target that accepts connections and never answers ends the check with exit 2 and says so',
    async (_name, extra) => {
      const silent = await startSilentServer();
      try {
        const r = await check(['--api', 'zupy', '--target', silent.url, ...extra, '--request-timeout', '500', '--runs', '5'], 60_000);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(
          /the target stopped answering: no complete answer to (GET|POST) \/\S+ within 0\.5 s \(--request-timeout\)/,
        );
      } finally {
        await silent.close();
      }
    },
    90_000,
  );

  it('a target too slow for --time-limit stops the check with exit 2 and a message', async () => {
    const url = await startMockProcess('zupy', ['--latency', '200']);
    const r = await check(['--api', 'zupy', '--target', url, '--runs', '500', '--time-limit', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the time limit \(2 s, --time-limit\) ran out after \d+ of 500 sequences/);
  }, 120_000);
});
