/** `coupon-kit check` over HTTP against a simulator in another process: passes; fails with a replay line and JUnit on a defect. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockProcess, stopMockProcesses } from '../helpers.ts';

const CLI = ['--import', 'tsx', 'cli/main.ts'];
afterAll(stopMockProcesses);

const check = (url: string, extra: string[] = []) =>
  spawnSync(process.execPath, [...CLI, 'check', '--api', 'zupy', '--target', url, '--runs', '40', ...extra], {
    encoding: 'utf8',
    timeout: 90_000,
  });

describe('coupon-kit check', () => {
  it('passes against the simulator and fails on a defect with the shrunk sequence, seed, replay line and JUnit', async () => {
    const [good, bad] = await Promise.all([startMockProcess('zupy'), startMockProcess('zupy', ['--defect', 'reuse-returns-200'])]);
    const ok = check(good);
    expect(ok.stdout).toMatch(/ok {3}zupy conformance: 40 sequences passed/);
    expect(ok.status).toBe(0);
    const junit = '/tmp/coupon-kit-check.junit.xml';
    const failed = check(bad, ['--seed', '7', '--junit', junit]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/FAIL zupy conformance/);
    expect(failed.stdout).toMatch(/Counterexample: \[/);
    expect(failed.stdout).toMatch(/replay: coupon-kit check --api zupy .* --seed 7 --path "/);
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message=/);
  }, 120_000);

  it('says clearly when the target has no control API', () => {
    const r = check('http://127.0.0.1:9');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no reachable coupon-kit control API/);
  });
});
