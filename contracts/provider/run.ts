/**
 * `coupon-kit verify` without the command line: picks where provider states come from, replays the
 * pact, and turns the result into report lines, JUnit cases and an exit code. Light to import (Pact,
 * a native core, loads only when a run starts), so the CLI can read VERIFY_EXIT for its help.
 */
import type { JUnitCase } from '../../load/lib/junit.ts';
import type { ApiName } from '../../specs/index.ts';
import { PARTIES, pactFileIn } from '../index.ts';
import type { StateSource } from './states.ts';

/** Exit codes (also in `verify --help`). */
export const VERIFY_EXIT = { ok: 0, failed: 1, notJudged: 2 } as const;

/** How provider states are set up: through a state endpoint (ours or the provider's), or through the public API from a fixture file. */
export type StatesChoice =
  | { kind: 'endpoint'; statesUrl?: string; reset: boolean; controlToken?: string }
  | { kind: 'public-api'; fixtures: string; apiKey?: string; token?: string };

export interface RunVerifyOptions {
  api: ApiName;
  providerUrl: string;
  /** Folder holding the pact file of `api`. */
  pactsDir: string;
  states: StatesChoice;
}

export interface RunVerifyResult {
  exitCode: (typeof VERIFY_EXIT)[keyof typeof VERIFY_EXIT];
  /** The report after Pact's own: failures, not-verifiable interactions, the summary. */
  lines: string[];
  /** One line when the run could not start (a bad fixture file): printed to stderr. */
  error?: string;
  /** One per interaction (a not-verifiable one is skipped), plus the run itself when it broke. */
  cases: JUnitCase[];
  /** The JUnit suite name. */
  suite: string;
}

/** The state source for a choice; a bad fixture file throws FixtureFileError (its message lists each problem). */
async function stateSource(api: ApiName, url: string, choice: StatesChoice): Promise<StateSource> {
  if (choice.kind === 'public-api') {
    const { publicStates } = await import('./public-states.ts');
    return publicStates(api, url, choice.fixtures, {
      ...(choice.apiKey === undefined ? {} : { apiKey: choice.apiKey }),
      ...(choice.token === undefined ? {} : { token: choice.token }),
    });
  }
  const { endpointStates } = await import('./endpoint-states.ts');
  return endpointStates({
    statesUrl: choice.statesUrl ?? `${url}/__control/provider-states`,
    resetUrl: choice.reset ? `${url}/__control/reset` : null,
    ...(choice.controlToken ? { controlToken: choice.controlToken } : {}),
  });
}

export async function runVerify(o: RunVerifyOptions): Promise<RunVerifyResult> {
  const url = o.providerUrl.replace(/\/$/, '');
  const { consumer, provider } = PARTIES[o.api];
  const suite = `coupon-kit verify ${o.api}: ${consumer} → ${provider}`;
  const pactFile = pactFileIn(o.pactsDir, o.api);
  const [{ verifyPacts }, { FixtureFileError }] = await Promise.all([
    import('./verify.ts'),
    import('../../property-tests/targets/fixture-file.ts'),
  ]);
  let states: StateSource;
  try {
    states = await stateSource(o.api, url, o.states);
  } catch (err) {
    if (!(err instanceof FixtureFileError)) throw err;
    return { exitCode: VERIFY_EXIT.notJudged, lines: [], error: err.message, cases: [], suite };
  }
  const r = await verifyPacts({ providerUrl: url, pactFiles: [pactFile], provider, states });

  const classname = `verify.${o.api}.${consumer}`;
  const cases: JUnitCase[] = r.interactions.map((i) => ({
    classname,
    name: i.description,
    seconds: i.seconds,
    ...(i.outcome === 'failed'
      ? { failure: i.mismatches.join('\n') }
      : i.outcome === 'not verifiable'
        ? { skipped: `not verifiable: ${i.mismatches.join('; ')}` }
        : {}),
  }));
  if (r.error) cases.push({ classname, name: 'verification run', seconds: 0, failure: r.error });

  const lines: string[] = [];
  for (const i of r.interactions.filter((x) => x.outcome === 'failed'))
    lines.push(`FAIL ${o.api}: ${i.description}\n${i.mismatches.map((m) => `       ${m}`).join('\n')}`);
  const unjudged = r.interactions.filter((x) => x.outcome === 'not verifiable');
  if (unjudged.length)
    lines.push(
      `(the ${unjudged.length} interaction(s) below were not sent to the provider: the 599 answers in the report above are coupon-kit's, not the provider's)`,
    );
  for (const i of unjudged) lines.push(`NOT VERIFIABLE ${o.api}: ${i.description}: ${i.mismatches.join('; ')}`);
  const summary = `${r.counts.verified} verified, ${r.counts.failed} failed, ${r.counts['not verifiable']} not verifiable against ${url} (states: ${states.description})`;
  if (r.error) lines.push(`FAIL ${o.api}: ${r.error}${r.interactions.length ? ` — ${summary}` : ''}`);
  else lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${o.api}: ${summary}`);
  const exitCode = r.error ? VERIFY_EXIT.notJudged : r.ok ? VERIFY_EXIT.ok : VERIFY_EXIT.failed;
  return { exitCode, lines, cases, suite };
}
