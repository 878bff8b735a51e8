/** `coupon-kit mock` end to end: banner, clean shutdown, clear one-line errors. */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers.ts';

const CLI = ['--import', 'tsx', 'cli/main.ts'];

function run(args: string[]) {
  return spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('coupon-kit mock', () => {
  it('starts both simulators, prints credentials and curl lines, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...CLI, 'mock', 'all', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (out.includes('Ctrl-C')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    expect(out).toMatch(/zupy_pk_DemoAuroraReadWrite0000000000000/);
    expect(out).toMatch(/curl -s/);
    const r = await fetch(`http://127.0.0.1:${port}/api/v2/coupons/issued/`, {
      headers: { 'X-API-Key': 'zupy_pk_DemoAuroraReadWrite0000000000000' },
    });
    expect(r.status).toBe(200);
    const b2s = await fetch(`http://127.0.0.1:${port + 10}/__control/fixtures`);
    expect(b2s.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 40_000);

  it('a port in use: one clear line, non-zero exit', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['mock', 'zupy', '--port', String(port)]);
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim()).toMatch(new RegExp(`^coupon-kit: port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('a bad fixture file: clear problems, non-zero exit', () => {
    writeFileSync(
      '/tmp/coupon-kit-bad-seed.json',
      JSON.stringify({ companies: [], api_keys: [], customers: [], rewards: [], coupons: [{ id: 'x' }] }),
    );
    const r = run(['mock', 'zupy', '--port', '0', '--seed', '/tmp/coupon-kit-bad-seed.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/invalid zupy fixtures in \/tmp\/coupon-kit-bad-seed.json/);
    writeFileSync('/tmp/coupon-kit-bad-seed.json', '{not json');
    const r2 = run(['mock', 'zupy', '--seed', '/tmp/coupon-kit-bad-seed.json']);
    expect(r2.stderr).toMatch(/not valid JSON/);
  });

  it('--help lists every defect; an unknown defect is refused', () => {
    const help = run(['mock', '--help']).stdout;
    for (const d of ['racy-validate', 'no-expiry-check', 'validate-ignores-customer', 'reuse-returns-200']) expect(help).toContain(d);
    const r = run(['mock', 'zupy', '--defect', 'nope']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown defect 'nope'/);
  });
});
