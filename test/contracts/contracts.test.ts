/**
 * The contract suite: consumer pacts (through the real clients) → verification against the
 * simulator → cross-check against the specs, with both negative controls: a defect the verification
 * must catch and name, and an incompatible pact the cross-check must flag with the comparator's codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePacts } from '../../contracts/consumer/run.ts';
import { crosscheck } from '../../contracts/crosscheck/crosscheck.ts';
import { pactFileName } from '../../contracts/index.ts';
import { startMockProcess, stopMockProcesses } from '../helpers.ts';

const CLI = ['--import', 'tsx', 'cli/main.ts'];
const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-pacts-'));
let counts: { zupy: number; b2s: number };


const verify = (api: string, url: string) =>
  spawnSync(process.execPath, [...CLI, 'verify', '--api', api, '--provider-url', url, '--pacts', dir, '--junit', join(dir, `${api}.junit.xml`)], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
  });

beforeAll(async () => {
  counts = await writePacts(dir);
}, 120_000);
afterAll(stopMockProcesses);

describe.sequential('contracts', () => {
  it('the consumer tests cover every interaction of the reference integrations', () => {
    expect(counts.zupy).toBe(12);
    expect(counts.b2s).toBe(7);
  });

  it.each(['zupy', 'b2s'])('%s: the pact verifies against the simulator', async (api) => {
    const r = verify(api, await startMockProcess(api));
    expect(r.stdout).toMatch(new RegExp(`ok {3}${api}: every interaction verified`));
    expect(r.status).toBe(0);
  }, 120_000);

  it('negative control: with reuse-returns-200 the verification fails and names the interaction', async () => {
    const r = verify('zupy', await startMockProcess('zupy', ['--defect', 'reuse-returns-200']));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL zupy: verification/);
    expect(r.stdout).toMatch(/a validate of a coupon that is already used/);
    expect(r.stdout).toMatch(/expected 409 but was 200|status code 409/i);
  }, 120_000);

  it.each(['zupy', 'b2s'] as const)('%s: the pact is compatible with the spec', async (api) => {
    expect(await crosscheck(api, join(dir, pactFileName(api)))).toEqual([]);
  });

  it("negative control: an incompatible pact is flagged with the comparator's codes", async () => {
    const findings = await crosscheck('zupy', 'contracts/crosscheck/fixtures/incompatible-zupy.json');
    expect(findings.map((f) => [f.code, f.interaction])).toEqual([
      ['response.body.incompatible', 'a lookup whose coupon id is a number'],
      ['response.status.unknown', 'a validate answered with an undeclared status'],
      ['request.authorization.missing', 'stats without the API key'],
    ]);
    const cli = spawnSync(process.execPath, [...CLI, 'crosscheck', '--api', 'zupy', '--pacts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
  });
});
