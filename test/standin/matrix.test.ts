/**
 * The vendor-sandbox matrix: check, verify and race pointed at stand-in providers that nobody
 * derived from the simulator and that have no control API, only credentials and a fixture file, as
 * a QA engineer has against a vendor sandbox. A faithful stand-in passes every tool; each seeded
 * fault is caught by the tool that guards its rule; a rate-limited but correct provider is never
 * called a double spend. The table of outcomes is written to reports/standin-matrix.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startB2sStandin } from './b2s.ts';
import type { StandinOptions } from './http.ts';
import { startZupyStandin } from './zupy.ts';
import { runCli } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'coupon-kit-matrix-'));
const rows: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync('reports', { recursive: true });
  writeFileSync(
    'reports/standin-matrix.md',
    ['| api | provider | tool | exit | verdict |', '|---|---|---|---|---|', ...rows].join('\n') + '\n',
  );
});

interface Run {
  code: number | null;
  out: string;
}

/** The CLI in its own process; the stand-ins answer from this one, so it must not block. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await runCli(args, { env, killAfterMs: 170_000 });
  return { code: r.status, out: r.out };
}

const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

type Tool = 'check' | 'verify' | 'race';
/** What a cell must give: 'pass' exit 0; 'caught' the tool's failure exit; 'safe-or-inconclusive' race exit 0 or 98. */
type Expect = 'pass' | 'caught' | 'safe-or-inconclusive';

const FAILURE_EXIT: Record<Tool, number[]> = { check: [1], verify: [1], race: [99] };

function judge(tool: Tool, expected: Expect, run: Run): void {
  const tail = run.out.split('\n').slice(-25).join('\n');
  if (expected === 'pass') expect(run.code, tail).toBe(0);
  else if (expected === 'caught') expect(FAILURE_EXIT[tool], tail).toContain(run.code);
  else expect([0, 98], tail).toContain(run.code);
}

const record = (api: string, provider: string, tool: Tool, run: Run) => {
  const verdict =
    run.code === 0
      ? 'pass'
      : tool === 'race' && run.code === 98
        ? 'inconclusive'
        : run.code === FAILURE_EXIT[tool][0] || run.code === 99
          ? 'caught'
          : `other (${run.code})`;
  rows.push(`| ${api} | ${provider} | ${tool} | ${run.code} | ${verdict} |`);
};

interface Cell {
  provider: string;
  options: StandinOptions;
  tool: Tool;
  expected: Expect;
}

const zupyCells: Cell[] = [
  { provider: 'faithful', options: {}, tool: 'check', expected: 'pass' },
  { provider: 'faithful', options: {}, tool: 'verify', expected: 'pass' },
  { provider: 'faithful', options: {}, tool: 'race', expected: 'pass' },
  { provider: 'post-cutover format', options: { rootFormat: true }, tool: 'check', expected: 'pass' },
  { provider: 'non-atomic validate', options: { racy: true }, tool: 'race', expected: 'caught' },
  { provider: 'non-atomic validate', options: { racy: true }, tool: 'check', expected: 'caught' },
  { provider: 'validate ignores the customer', options: { ignoreOwner: true }, tool: 'check', expected: 'caught' },
  { provider: 'validate ignores the customer', options: { ignoreOwner: true }, tool: 'verify', expected: 'caught' },
  { provider: 'reuse answered 200', options: { reuseOk: true }, tool: 'check', expected: 'caught' },
  { provider: 'reuse answered 200', options: { reuseOk: true }, tool: 'verify', expected: 'caught' },
  { provider: 'reuse answered 200', options: { reuseOk: true }, tool: 'race', expected: 'caught' },
  { provider: '500 on malformed JSON', options: { malformed500: true }, tool: 'check', expected: 'caught' },
  {
    provider: 'rate-limited (60 per 3 s), correct',
    options: { rateLimit: 60, rateWindowMs: 3000 },
    tool: 'race',
    expected: 'safe-or-inconclusive',
  },
];

const b2sCells: Cell[] = [
  { provider: 'faithful', options: {}, tool: 'check', expected: 'pass' },
  { provider: 'faithful', options: {}, tool: 'verify', expected: 'pass' },
  { provider: 'faithful', options: {}, tool: 'race', expected: 'pass' },
  { provider: 'non-atomic PATCH', options: { racy: true }, tool: 'race', expected: 'caught' },
  { provider: 'non-atomic PATCH', options: { racy: true }, tool: 'check', expected: 'caught' },
  { provider: 'scope ignored', options: { ignoreOwner: true }, tool: 'check', expected: 'caught' },
  { provider: 'reuse answered 204', options: { reuseOk: true }, tool: 'check', expected: 'caught' },
  { provider: 'reuse answered 204', options: { reuseOk: true }, tool: 'verify', expected: 'caught' },
  { provider: 'reuse answered 204', options: { reuseOk: true }, tool: 'race', expected: 'caught' },
  { provider: 'lenient auth', options: { lenientAuth: true }, tool: 'check', expected: 'caught' },
  { provider: '500 on malformed JSON', options: { malformed500: true }, tool: 'check', expected: 'caught' },
  {
    provider: 'rate-limited (60 per 3 s), correct',
    options: { rateLimit: 60, rateWindowMs: 3000 },
    tool: 'race',
    expected: 'safe-or-inconclusive',
  },
];

/** A passing check must have tried the ownership rule, or its pass says nothing about it. */
const OWNERSHIP_TRIED = /; [1-9]\d* validates? or PATCH(?:es)? aimed at another customer's or company's coupon$/m;

const RACE = ['--vus', '10', '--coupons', '5', '--duration', '1', '--wave-ms', '400', '--report', join(dir, 'race')];

describe('zupy stand-in (no control API)', () => {
  it.each(zupyCells)(
    '$provider → $tool: $expected',
    async ({ provider, options, tool, expected }) => {
      const standin = await startZupyStandin(options);
      try {
        const { keys, customers, rewards, identifiers } = standin.data;
        let run: Run;
        if (tool === 'check') {
          const fixtures = file('zupy-check.json', {
            api: 'zupy',
            api_key: keys.main,
            other_api_key: keys.other,
            customer_ids: customers.main,
            reward_ids: rewards.main,
            foreign_customer_id: customers.other,
          });
          run = await cli(['check', '--api', 'zupy', '--target', standin.url, '--fixtures', fixtures, '--runs', '40']);
        } else if (tool === 'verify') {
          const fixtures = file('zupy-verify.json', {
            api: 'zupy',
            api_key: keys.otp,
            other_api_key: keys.other,
            customer_ids: customers.otp,
            reward_ids: rewards.otp,
            foreign_customer_id: customers.other,
            otp: { code: '123456', identifiers: Object.fromEntries(customers.otp.map((id) => [id, identifiers[id]!])) },
          });
          run = await cli(['verify', '--api', 'zupy', '--provider-url', standin.url, '--fixtures', fixtures]);
          if (expected === 'pass') expect(run.out).toMatch(/[1-9]\d* verified, 0 failed/);
        } else {
          run = await cli(['race', '--api', 'zupy', '--target', standin.url, '--uses', '3', ...RACE], {
            ZUPY_API_KEY: keys.main,
            ZUPY_CUSTOMER_ID: customers.main[0]!,
            ZUPY_REWARD_ID: rewards.main[1]!,
          });
        }
        record('zupy', provider, tool, run);
        judge(tool, expected, run);
        if (tool === 'check' && expected === 'pass') expect(run.out).toMatch(OWNERSHIP_TRIED);
      } finally {
        await standin.close();
      }
    },
    180_000,
  );
});

describe('b2s stand-in (no control API)', () => {
  it.each(b2sCells)(
    '$provider → $tool: $expected',
    async ({ provider, options, tool, expected }) => {
      const standin = await startB2sStandin(options);
      try {
        const { tokens, companies, unused } = standin.data;
        const fixtures = file('b2s.json', {
          api: 'b2s',
          token: tokens.franchise,
          scoped_token: tokens.scoped,
          scoped_company_id: companies.scoped,
        });
        let run: Run;
        if (tool === 'check') {
          run = await cli(['check', '--api', 'b2s', '--target', standin.url, '--fixtures', fixtures, '--runs', '40']);
        } else if (tool === 'verify') {
          run = await cli(['verify', '--api', 'b2s', '--provider-url', standin.url, '--fixtures', fixtures]);
          if (expected === 'pass') expect(run.out).toMatch(/[1-9]\d* verified, 0 failed/);
        } else {
          const coupons = file('race-coupons.json', unused.slice(0, 10));
          run = await cli(['race', '--api', 'b2s', '--target', standin.url, '--race-coupons', coupons, ...RACE], {
            B2S_TOKEN: tokens.franchise,
          });
        }
        record('b2s', provider, tool, run);
        judge(tool, expected, run);
        if (tool === 'check' && expected === 'pass') expect(run.out).toMatch(OWNERSHIP_TRIED);
      } finally {
        await standin.close();
      }
    },
    180_000,
  );
});
