/**
 * Flags that cannot apply are refused in one line naming the flag (exit 2), and a bad value prints
 * one line and where to read more, never the whole help. The table runs in-process (the same
 * commands and rules as the CLI, stopped before any action runs); a few cases run end to end.
 */
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCheck } from '../../cli/check.ts';
import { registerCrosscheck } from '../../cli/crosscheck.ts';
import { checkFlags, FLAG_RULES } from '../../cli/flags.ts';
import { registerLint } from '../../cli/lint.ts';
import { registerMock } from '../../cli/mock.ts';
import { registerRace } from '../../cli/race.ts';
import { registerVerify } from '../../cli/verify.ts';

class Accepted extends Error {}

function program(): Command {
  const p = new Command().exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const register of [registerLint, registerMock, registerRace, registerCheck, registerVerify, registerCrosscheck]) register(p);
  return p;
}

/** The refusal line, or 'accepted' when the flags pass and the action would run. */
async function verdict(argv: string[]): Promise<string> {
  const p = program();
  p.hook('preAction', (_p, action) => {
    checkFlags(action);
    throw new Accepted();
  });
  try {
    await p.parseAsync(argv, { from: 'user' });
    return 'no action';
  } catch (err) {
    return err instanceof Accepted ? 'accepted' : (err as Error).message;
  }
}

const U = ['--target', 'http://127.0.0.1:9'];
const REFUSED: [string, string[], string][] = [
  ...(
    [
      ['--seed', 'f.json'],
      ['--defect', 'racy-validate'],
      ['--latency', '5'],
      ['--error-rate', '0.5'],
      ['--rate-limit', '10'],
      ['--control-token', 't'],
      ['--no-control'],
      ['--no-envelope'],
      ['--validate'],
    ] as string[][]
  ).map((f): [string, string[], string] => [
    `mock --engine prism ${f.join(' ')}`,
    ['mock', 'zupy', '--engine', 'prism', ...f],
    f[0] as string,
  ]),
  ['mock b2s --rate-limit', ['mock', 'b2s', '--rate-limit', '10'], '--rate-limit'],
  ['mock b2s --no-envelope', ['mock', 'b2s', '--no-envelope'], '--no-envelope'],
  ['mock --no-control --control-token', ['mock', '--no-control', '--control-token', 't'], '--control-token'],
  ['mock --validate --no-envelope', ['mock', 'zupy', '--validate', '--no-envelope'], '--no-envelope'],
  ['lint --api with files', ['lint', '--api', 'zupy', 'specs/zupy.openapi.yaml'], '--api'],
  ['check --api b2s --api-key', ['check', '--api', 'b2s', ...U, '--fixtures', 'f.json', '--api-key', 'k'], '--api-key'],
  ['check --api zupy --token', ['check', '--api', 'zupy', ...U, '--fixtures', 'f.json', '--token', 't'], '--token'],
  ['check --api-key without --fixtures', ['check', '--api', 'zupy', ...U, '--api-key', 'k'], '--api-key'],
  ['check --fixtures --control-token', ['check', '--api', 'zupy', ...U, '--fixtures', 'f.json', '--control-token', 't'], '--control-token'],
  ['check --path without --seed', ['check', '--api', 'zupy', ...U, '--path', '0:1'], '--path'],
  ['race --api b2s --uses', ['race', '--api', 'b2s', ...U, '--uses', '2'], '--uses'],
];

// The same flags where they apply: accepted (the negative control of the table above).
const ACCEPTED: [string, string[]][] = [
  [
    'mock --engine prism with engine-neutral flags',
    ['mock', 'b2s', '--engine', 'prism', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn'],
  ],
  [
    'mock zupy with every stateful flag',
    [
      'mock',
      'zupy',
      '--seed',
      'f.json',
      '--defect',
      'racy-validate',
      '--latency',
      '5',
      '--error-rate',
      '0.5',
      '--rate-limit',
      '10',
      '--control-token',
      't',
      '--no-envelope',
    ],
  ],
  ['mock all --rate-limit (applies to Zupy)', ['mock', 'all', '--rate-limit', '10', '--validate']],
  ['mock b2s --no-control', ['mock', 'b2s', '--no-control']],
  ['lint --api', ['lint', '--api', 'zupy']],
  ['check --fixtures --api-key', ['check', '--api', 'zupy', ...U, '--fixtures', 'f.json', '--api-key', 'k']],
  ['check --fixtures --token', ['check', '--api', 'b2s', ...U, '--fixtures', 'f.json', '--token', 't']],
  ['check --seed --path --control-token', ['check', '--api', 'zupy', ...U, '--seed', '1', '--path', '0:1', '--control-token', 't']],
  ['race --api zupy --uses', ['race', '--api', 'zupy', ...U, '--uses', '2']],
  ['race --api b2s with defaults', ['race', '--api', 'b2s', ...U]],
];

describe('flags that cannot apply', () => {
  it.each(REFUSED)('refused: %s', async (_name, argv, flag) => {
    const line = await verdict(argv);
    expect(line.startsWith(`${flag} `)).toBe(true);
    expect(line).not.toContain('\n');
  });

  it.each(ACCEPTED)('accepted: %s', async (_name, argv) => {
    expect(await verdict(argv)).toBe('accepted');
  });

  it('every rule names an option its command has', () => {
    const p = program();
    for (const [name, rules] of Object.entries(FLAG_RULES)) {
      const cmd = p.commands.find((c) => c.name() === name);
      expect(cmd, name).toBeDefined();
      for (const r of rules)
        expect(
          cmd?.options.map((o) => o.long),
          `${name} ${r.flag}`,
        ).toContain(r.flag);
    }
  });
});

describe('end to end: one line, exit 2, no help dump', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

  it('a flag that cannot apply', () => {
    const r = cli(['mock', 'zupy', '--engine', 'prism', '--seed', 'custom.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^coupon-kit mock: --seed does not apply to --engine prism/)]);
  });

  it.each([
    ['a bad value', ['mock', '--port', 'abc'], /--port must be an integer/, 'mock'],
    ['a bad choice', ['mock', 'nope'], /value 'nope' is invalid for argument 'api'/, 'mock'],
    ['a missing mandatory flag', ['verify', '--api', 'zupy'], /--provider-url/, 'verify'],
    ['an unknown flag', ['race', '--api', 'zupy', '--target', 'http://x', '--vu', '3'], /unknown option '--vu'/, 'race'],
  ])('%s: the error and "see --help", not the whole help', (_name, args, error, cmd) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(error);
    expect(lines.at(-1)).toBe(`see 'coupon-kit ${cmd} --help'`);
    // At most a "(Did you mean --vus?)" between them.
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(r.stderr).not.toContain('Usage:');
  });

  it('--help still prints the help, exit 0', () => {
    const r = cli(['mock', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: coupon-kit mock');
  });
});
