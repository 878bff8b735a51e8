/**
 * `--help` and the README list the same flags: for every command, the long flags of
 * `coupon-kit <cmd> --help` against those of its row in the README's Commands table and of its
 * synopsis block (a fenced line `npx coupon-kit <cmd> [` and its indented continuation).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const COMMANDS = ['mock', 'lint', 'verify', 'crosscheck', 'pacts', 'check', 'race'];
const FLAG = /(?<![\w-])--[a-z][a-z0-9-]*/g;
const flags = (text: string) => new Set([...text.matchAll(FLAG)].map((m) => m[0]).filter((f) => f !== '--help' && f !== '--version'));

/** The flags the README documents for a command. */
function readmeFlags(readme: string, cmd: string): Set<string> {
  const start = readme.indexOf('## Commands\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith(`| \`coupon-kit ${cmd} `) || l.startsWith(`| \`coupon-kit ${cmd}\``))
    .map((l) => l.split(' | ')[0] ?? '');
  const synopsis: string[] = [];
  const lines = readme.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith(`npx coupon-kit ${cmd} [`)) return;
    synopsis.push(line);
    for (let j = i + 1; lines[j]?.startsWith(' '); j++) synopsis.push(lines[j] ?? '');
  });
  return flags([...rows, ...synopsis].join('\n'));
}

async function helpFlags(cmd: string): Promise<Set<string>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/main.ts', cmd, '--help'], { timeout: 30_000 });
  // Only the Options block: the help text after it may mention other commands' flags in examples.
  return flags(stdout.slice(stdout.indexOf('Options:')).split(/\n\n/)[0] ?? '');
}

describe('--help and the README list the same flags', () => {
  const readme = readFileSync('README.md', 'utf8');

  it.each(COMMANDS)('coupon-kit %s', async (cmd) => {
    const help = await helpFlags(cmd);
    const documented = readmeFlags(readme, cmd);
    expect(help.size).toBeGreaterThan(0);
    expect({ cmd, 'in --help, not in the README': [...help].filter((f) => !documented.has(f)) }).toEqual({
      cmd,
      'in --help, not in the README': [],
    });
    expect({ cmd, 'in the README, not in --help': [...documented].filter((f) => !help.has(f)) }).toEqual({
      cmd,
      'in the README, not in --help': [],
    });
  });

  it('negative control: a README row missing a flag is caught', () => {
    const broken = readme.replace(' [--no-envelope]', '');
    expect(readmeFlags(broken, 'mock').has('--no-envelope')).toBe(true); // still in the synopsis block
    const both = broken.replaceAll(' [--no-envelope]', '').replaceAll('[--no-envelope] ', '');
    expect(readmeFlags(both, 'mock').has('--no-envelope')).toBe(false);
    expect(readmeFlags(readme.replace(' [--wave-ms MS]', ''), 'race').has('--wave-ms')).toBe(false);
  });
});
