/**
 * `coupon-kit race` against providers without the simulator's control API (`--no-control`), from
 * credentials in the environment (Zupy: key + customer + reward, setup redeems) or a coupon file
 * (B2S: `--race-coupons FILE` + B2S_TOKEN, through the CLI): a faithful provider is safe, and the same
 * path catches racy-validate. Also: a foreign /__control/fixtures plus credentials runs as a provider.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type DefectName } from '../../mocks/index.ts';
import { RACE_EXIT } from '../../load/lib/verdict.ts';
import { findK6 } from '../../load/node/k6.ts';
import { runRace } from '../../load/node/race.ts';
import { startProxy } from './proxy.ts';
import { runCli } from '../helpers.ts';

const k6 = findK6();
const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-race-nc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SMOKE = { profile: 'smoke', vus: 8, groups: 2, coupons: 4, waveMs: 300 } as const;

const KEY = 'zupy_pk_RaceNoControlKey0000000000000000';
const CUSTOMER = 'race_nc_customer';
const REWARD = '2racenocontrolreward0000001';
const zupyFixtures = {
  companies: [
    { id: 'race_nc_company', name: 'Race Co', otp_policy: { require_otp_for_redemption: false, require_otp_for_coupon_usage: false } },
  ],
  api_keys: [{ key: KEY, company_id: 'race_nc_company', access: 'read-write' }],
  customers: [
    {
      id: CUSTOMER,
      company_id: 'race_nc_company',
      full_name: 'Race Customer',
      identifiers: [],
      points_balance: 100_000,
      z_balance: '0.000000',
    },
  ],
  rewards: [
    {
      id: REWARD,
      company_id: 'race_nc_company',
      name: 'Two coffees',
      points_required: 10,
      validity_days: 30,
      total_usages_allowed: 2,
      origin_type: 'loyalty_reward',
    },
  ],
  coupons: [],
};

async function zupyRace(defects: DefectName[], foreign = false) {
  const mock = await startMock({ api: 'zupy', port: 0, control: false, fixtures: zupyFixtures, defects });
  const proxy = foreign ? await startProxy({ upstream: mock.url, foreignFixtures: { mappings: [] } }) : undefined;
  try {
    return await runRace({
      k6: k6 as string,
      api: 'zupy',
      target: proxy?.url ?? mock.url,
      reportDir: join(dir, `zupy-${defects.join('-')}-${String(foreign)}`),
      timeoutMs: 60_000,
      ...SMOKE,
      uses: 2,
      env: { LEAD_MS: '300', ZUPY_API_KEY: KEY, ZUPY_CUSTOMER_ID: CUSTOMER, ZUPY_REWARD_ID: REWARD },
    });
  } finally {
    await proxy?.close();
    await mock.close();
  }
}

/** The B2S demo data plus 8 unused coupons of a client in the first token's scope, and those coupons. */
async function b2sData(): Promise<{
  fixtures: Record<string, unknown[]>;
  token: string;
  coupons: { id: string; code: string; module: string }[];
}> {
  const demo = await startMock({ api: 'b2s', port: 0 });
  const snap = (await (await fetch(`${demo.url}/__control/fixtures`)).json()) as {
    tokens: { token: string; company_ids: string[] }[];
    clients: { id: string; company_id: string }[];
    coupons: unknown[];
  } & Record<string, unknown[]>;
  await demo.close();
  const token = snap.tokens.find((t) => snap.clients.some((c) => t.company_ids.includes(c.company_id))) as {
    token: string;
    company_ids: string[];
  };
  const client = snap.clients.find((c) => token.company_ids.includes(c.company_id)) as { id: string; company_id: string };
  const coupons = Array.from({ length: 8 }, (_, i) => ({ id: randomUUID(), code: `RACENC${i}`, module: 'premiado' }));
  const far = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const rows = coupons.map((c) => ({
    ...c,
    company_id: client.company_id,
    client_id: client.id,
    status: false,
    date_of_use: null,
    expiration_date: far,
    created_at: new Date().toISOString(),
    bonus: { id: randomUUID(), name: 'Race', type: 'default' },
  }));
  return { fixtures: { ...snap, coupons: [...snap.coupons, ...rows] }, token: token.token, coupons };
}

/** `coupon-kit race` in its own process; resolves with its exit code and output. */
async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const r = await runCli(['race', ...args], { env: { ...env, K6_BIN: k6 as string } });
  return { code: r.status ?? -1, out: r.out };
}

async function b2sCliRace(defects: DefectName[]) {
  const data = await b2sData();
  const mock = await startMock({ api: 'b2s', port: 0, control: false, fixtures: data.fixtures, defects });
  const file = join(dir, `b2s-coupons-${defects.join('-') || 'safe'}.json`);
  writeFileSync(file, JSON.stringify(data.coupons));
  try {
    return await cli(
      [
        '--api',
        'b2s',
        '--target',
        mock.url,
        '--vus',
        '8',
        '--coupons',
        '4',
        '--duration',
        '1',
        '--wave-ms',
        '500',
        '--race-coupons',
        file,
        '--report',
        join(dir, `b2s-${defects.join('-') || 'safe'}`),
      ],
      { B2S_TOKEN: data.token },
    );
  } finally {
    await mock.close();
  }
}

describe.skipIf(!k6)('race without a control API', () => {
  it('zupy --no-control, credentials from the environment (setup redeems): safe', async () => {
    const { exitCode, verdict, setupError } = await zupyRace([]);
    expect(setupError).toBeUndefined();
    expect(verdict?.source).toMatch(/^redeemed 8 × reward/);
    expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
  }, 60_000);

  it('zupy --no-control with racy-validate, same path: double spend (99)', async () => {
    const { exitCode, verdict } = await zupyRace(['racy-validate']);
    expect(exitCode).toBe(RACE_EXIT['double-spend']);
    expect(verdict?.doubleSpent.length).toBeGreaterThan(0);
  }, 60_000);

  it('a foreign /__control/fixtures with credentials in the environment: run as a provider of its own, safe', async () => {
    const { exitCode, verdict } = await zupyRace([], true);
    expect(verdict?.source).toMatch(/^redeemed/);
    expect(exitCode, verdict?.reasons.join('; ')).toBe(RACE_EXIT.safe);
  }, 60_000);

  it('b2s --no-control through the CLI, coupons from --race-coupons FILE and B2S_TOKEN: exit 0, SAFE', async () => {
    const { code, out } = await b2sCliRace([]);
    expect(out).toContain('SAFE: no double spend; 8 coupons');
    expect(code, out).toBe(RACE_EXIT.safe);
  }, 120_000);

  it('b2s --no-control through the CLI with racy-validate: exit 99, DOUBLE SPEND with the coupons listed', async () => {
    const { code, out } = await b2sCliRace(['racy-validate']);
    expect(out).toMatch(/DOUBLE SPEND: \d+ of 8 coupon\(s\)/);
    expect(out).toMatch(/^RACENC\d\s+\d\s+1\s+\d+/m);
    expect(code, out).toBe(RACE_EXIT['double-spend']);
  }, 120_000);

  it('no control API and no credentials: exit 2 with what to pass', async () => {
    const mock = await startMock({ api: 'zupy', port: 0, control: false });
    try {
      const { code, out } = await cli(
        ['--api', 'zupy', '--target', mock.url, '--vus', '4', '--coupons', '2', '--uses', '1', '--duration', '1'],
        { ZUPY_API_KEY: '' },
      );
      expect(code, out).toBe(RACE_EXIT.setup);
      expect(out).toContain(
        'has no coupon-kit control API, and ZUPY_API_KEY is not set: pass RACE_COUPONS + ZUPY_API_KEY, or ZUPY_API_KEY + ZUPY_CUSTOMER_ID + ZUPY_REWARD_ID',
      );
    } finally {
      await mock.close();
    }
  }, 120_000);
});
