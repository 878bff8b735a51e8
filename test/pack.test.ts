/** The package is publishable: the packed tarball's `coupon-kit` command works installed into an empty project. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'coupon-kit-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('installs into an empty project and its coupon-kit command runs', () => {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: process.cwd(), stdio: 'pipe' });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'integrator-app', version: '1.0.0', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, tgz ?? '')], { cwd: app, stdio: 'pipe', timeout: 240_000 });
    const bin = join(app, 'node_modules', '.bin', 'coupon-kit');
    const help = execFileSync(bin, ['--help'], { cwd: app, encoding: 'utf8' });
    expect(help).toMatch(/mock/);
    expect(help).toMatch(/lint/);
    const lint = execFileSync(bin, ['lint'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
    expect(lint).toMatch(/ok {2}.*zupy\.openapi\.yaml/);
    expect(lint).toMatch(/ok {2}.*b2s\.openapi\.yaml/);
    const mockHelp = execFileSync(bin, ['mock', '--help'], { cwd: app, encoding: 'utf8' });
    expect(mockHelp).toMatch(/racy-validate/);
    // The programmatic API from plain Node (no TypeScript loader): it can only come from dist/.
    const script = [
      "import { startMock } from 'coupon-kit/mocks';",
      "const mock = await startMock({ api: 'zupy', port: 0 });",
      "const f = await mock.control.fixtures();",
      "const key = f.api_keys.find((k) => k.access === 'read-write').key;",
      "const r = await fetch(`${mock.url}/api/v2/coupons/issued/?code=CZ-FFFFFFFF`, { headers: { 'X-API-Key': key } });",
      "console.log(`status ${r.status}`);",
      // A company without OTP: validate its single-use coupon twice.
      "const company = f.companies.find((c) => !c.otp_policy.require_otp_for_coupon_usage).id;",
      "const other = f.api_keys.find((k) => k.company_id === company && k.access === 'read-write').key;",
      "const coupon = f.coupons.find((c) => c.status === 'active' && c.remaining_usages === 1 && f.customers.find((u) => u.id === c.customer_id).company_id === company);",
      "const validate = () => fetch(`${mock.url}/api/v2/customers/${coupon.customer_id}/coupons/${coupon.coupon_code}/validate/`, { method: 'POST', headers: { 'X-API-Key': other } });",
      "const v1 = await validate();",
      "const v2 = await validate();",
      "console.log(`validate ${v1.status} then ${v2.status} ${(await v2.json()).detail}`);",
      'await mock.close();',
    ].join('\n');
    writeFileSync(join(app, 'use-mock.mjs'), script);
    const used = execFileSync(process.execPath, ['use-mock.mjs'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(used).toMatch(/status 200/);
    expect(used).toMatch(/validate 200 then 409 Cupom já Used/);
  }, 300_000);
});
