/**
 * Flags that cannot apply are refused, never dropped: one table per command, one row per
 * (flag, condition). A row fires only when the user typed the flag (a default never does), and the
 * refusal is one line naming the flag. Adding a flag that only applies somewhere is one more row.
 */
import type { Command } from 'commander';

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

type Opts = Record<string, unknown>;

export interface FlagRule {
  /** The flag as typed, e.g. `--seed` or `--no-control`. */
  flag: string;
  /** True when the flag cannot apply, given every option value and the positional arguments. */
  when: (o: Opts, args: unknown[]) => boolean;
  /** The rest of the line after the flag, e.g. `does not apply to --engine prism`. */
  why: string;
}

const prism = (o: Opts) => o.engine === 'prism';
const PRISM_WHY = 'does not apply to --engine prism (Prism serves the spec examples, statelessly; the flag is for the stateful simulator)';
const api = (args: unknown[]) => (typeof args[0] === 'string' ? args[0] : 'all');

export const FLAG_RULES: Record<string, FlagRule[]> = {
  mock: [
    ...[
      '--seed',
      '--defect',
      '--latency',
      '--error-rate',
      '--rate-limit',
      '--control-token',
      '--no-control',
      '--no-envelope',
      '--validate',
      '--header-timeout',
      '--request-timeout',
      '--keep-alive-timeout',
    ].map((flag) => ({ flag, when: prism, why: PRISM_WHY })),
    { flag: '--rate-limit', when: (_o, a) => api(a) === 'b2s', why: 'is for Zupy only (the B2S API documents no rate limit)' },
    { flag: '--no-envelope', when: (_o, a) => api(a) === 'b2s', why: 'is for Zupy only (B2S has no {data, meta} envelope)' },
    { flag: '--control-token', when: (o) => o.control === false, why: 'cannot apply with --no-control (the control API is off)' },
    {
      flag: '--no-envelope',
      when: (o) => o.validate === true,
      why: 'cannot go with --validate (the spec describes the {data, meta} envelope: every response would be flagged)',
    },
  ],
  lint: [
    {
      flag: '--api',
      when: (_o, a) => Array.isArray(a[0]) && a[0].length > 0,
      why: 'does not apply when spec files are given (the files are linted instead of the built-in specs)',
    },
  ],
  check: [
    { flag: '--api-key', when: (o) => o.api !== 'zupy', why: 'is for --api zupy (B2S takes --token)' },
    { flag: '--token', when: (o) => o.api !== 'b2s', why: 'is for --api b2s (Zupy takes --api-key)' },
    {
      flag: '--api-key',
      when: (o) => o.fixtures === undefined,
      why: 'goes with --fixtures (with a control API the credentials come from GET /__control/fixtures)',
    },
    {
      flag: '--token',
      when: (o) => o.fixtures === undefined,
      why: 'goes with --fixtures (with a control API the credentials come from GET /__control/fixtures)',
    },
    {
      flag: '--control-token',
      when: (o) => o.fixtures !== undefined,
      why: 'is for targets with a control API; --fixtures makes no /__control/ call',
    },
    { flag: '--path', when: (o) => o.seed === undefined, why: 'needs --seed (a path replays a run of that seed)' },
  ],
  race: [{ flag: '--uses', when: (o) => o.api === 'b2s', why: 'is for --api zupy (a B2S coupon has one use)' }],
  verify: [],
  crosscheck: [],
};

/** Throws a UsageError for the first typed flag that cannot apply. */
export function checkFlags(cmd: Command, rules: FlagRule[] = FLAG_RULES[cmd.name()] ?? []): void {
  const opts = cmd.opts();
  for (const rule of rules) {
    const option = cmd.options.find((o) => o.long === rule.flag);
    if (!option) throw new Error(`flag rule for unknown option ${rule.flag} of ${cmd.name()}`);
    if (cmd.getOptionValueSource(option.attributeName()) !== 'cli') continue;
    if (rule.when(opts, cmd.processedArgs)) throw new UsageError(`${rule.flag} ${rule.why}`, cmd.name());
  }
}
