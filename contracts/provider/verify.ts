/**
 * Provider verification: replays pacts against a running provider with Pact's Verifier.
 *
 * Provider states come from a StateSource (./states.ts): a state-setup endpoint (our control API
 * or a provider's own, ./endpoint-states.ts) or the provider's public API driven by a fixture file
 * (./public-states.ts). They are called from `stateHandlers` rather than set as
 * `providerStatesSetupUrl`, because pact-js 16 deprecates that option and, when it is set, bypasses
 * its proxy. pact-js logs a failing state handler and goes on with the request, so the outcome of
 * each interaction's set-up is kept here: the core runs the interactions one at a time, calling the
 * state set-up (an empty state for an interaction without one) before each request, so the n-th
 * set-up group belongs to the n-th result of its report (checked against the pact's state names).
 * The request of an interaction whose state could not be set up never reaches the provider.
 */
import { Verifier } from '@pact-foundation/pact';
import { readFileSync } from 'node:fs';
import { plainText } from '../index.ts';
import { networkCause, NotVerifiable, StateSetupError, type StateSource } from './states.ts';

export interface VerifyOptions {
  providerUrl: string;
  pactFiles: string[];
  provider: string;
  states: StateSource;
}

export type InteractionOutcome = 'verified' | 'failed' | 'not verifiable';

export interface InteractionResult {
  description: string;
  outcome: InteractionOutcome;
  seconds: number;
  /** One line per mismatch ("status: expected 409 but was 200"); for a not-verifiable one, its reason. */
  mismatches: string[];
}

export interface VerifyResult {
  /** At least one interaction verified, none failed, no error. */
  ok: boolean;
  interactions: InteractionResult[];
  counts: Record<InteractionOutcome, number>;
  /** One line, set when the verification could not judge the provider (unreachable, state set-up broken, nothing verified). */
  error?: string;
}

/** Description → provider-state names, for every interaction of the pacts. */
function statesByDescription(files: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const file of files) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as {
      interactions?: { description: string; providerStates?: { name: string }[] }[];
    };
    for (const i of pact.interactions ?? [])
      map.set(
        i.description,
        (i.providerStates ?? []).map((s) => s.name),
      );
  }
  return map;
}

interface CoreReport {
  interactionResults?: { description: string; duration?: string; result: string }[];
  errors?: { interaction: string; mismatch?: { mismatches?: { type?: string; mismatch?: string; path?: string }[]; message?: string } }[];
}

const seconds = (duration: string | undefined) => {
  const m = /^([\d.]+)(ms|s)$/.exec(duration ?? '');
  return m ? Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) : 0;
};

/** Pact's core reports JSON (on success and as the error message on failure); turn it into one result per interaction. */
export function parseCoreReport(json: string): InteractionResult[] | undefined {
  let report: CoreReport;
  try {
    report = JSON.parse(json) as CoreReport;
  } catch {
    return undefined;
  }
  if (!Array.isArray(report.interactionResults)) return undefined;
  return report.interactionResults.map((r) => {
    // The core names a failure "Verifying a pact between A and B Given … - <description>".
    const errors = (report.errors ?? []).filter((e) => e.interaction === r.description || e.interaction.endsWith(` - ${r.description}`));
    const mismatches = errors.flatMap(
      (e) =>
        e.mismatch?.mismatches?.map((m) =>
          plainText(`${m.path ? `${m.path}: ` : m.type === 'StatusMismatch' ? 'status: ' : ''}${m.mismatch ?? JSON.stringify(m)}`),
        ) ?? [plainText(e.mismatch?.message ?? 'failed')],
    );
    const ok = r.result === 'OK' && mismatches.length === 0;
    return {
      description: r.description,
      outcome: ok ? 'verified' : 'failed',
      seconds: seconds(r.duration),
      mismatches: ok || mismatches.length ? mismatches : [`result: ${r.result}`],
    };
  });
}

/** Any HTTP answer will do; pact-js's proxy does not survive a refused connection, so check first. */
async function unreachable(url: string): Promise<string | undefined> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return undefined;
  } catch (err) {
    return `cannot reach the provider at ${url} (${networkCause(err)}): is it running?`;
  }
}

const countOf = (interactions: InteractionResult[]): Record<InteractionOutcome, number> => ({
  verified: interactions.filter((i) => i.outcome === 'verified').length,
  failed: interactions.filter((i) => i.outcome === 'failed').length,
  'not verifiable': interactions.filter((i) => i.outcome === 'not verifiable').length,
});

const failure = (error: string, interactions: InteractionResult[] = []): VerifyResult => ({
  ok: false,
  interactions,
  counts: countOf(interactions),
  error,
});

/** The set-up of one interaction: its states in order, and why it cannot be verified (if so). */
interface SetupGroup {
  states: string[];
  notVerifiable?: string;
}

export async function verifyPacts(o: VerifyOptions): Promise<VerifyResult> {
  // Pact's native core reads this at run time: no usage telemetry from here.
  process.env.PACT_DO_NOT_TRACK = 'true';
  const down = await unreachable(o.providerUrl);
  if (down) return failure(down);
  const expected = statesByDescription(o.pactFiles);
  if (expected.size === 0) return failure(`the pact has no interactions (${o.pactFiles.join(', ')}): nothing to verify`);
  try {
    await o.states.preflight?.();
  } catch (err) {
    return failure(plainText((err as Error).message));
  }

  const groups: SetupGroup[] = [];
  let setupError: string | undefined;
  const current = () => groups[groups.length - 1];
  const guard = async <T>(fn: () => Promise<T>, group: SetupGroup | undefined, state: string): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof NotVerifiable && group) group.notVerifiable ??= `${state ? `state '${state}'` : 'set-up'}: ${err.message}`;
      else setupError ??= err instanceof StateSetupError ? err.message : `state '${state}' set-up failed: ${(err as Error).message}`;
      return undefined;
    }
  };
  const stateHandlers = Object.fromEntries(
    [...new Set([...expected.values()].flat())].map((state) => [
      state,
      {
        setup: async (params: unknown) => {
          const group = current();
          group?.states.push(state);
          if (setupError || group?.notVerifiable) return {};
          return (await guard(() => o.states.setup(state, (params ?? {}) as Record<string, unknown>), group, state)) ?? {};
        },
        teardown: async (params: unknown) => {
          if (o.states.teardown && !setupError)
            await guard(() => o.states.teardown?.(state, (params ?? {}) as Record<string, unknown>) ?? Promise.resolve(), undefined, state);
          return {};
        },
      },
    ]),
  );
  const verifier = new Verifier({
    provider: o.provider,
    providerBaseUrl: o.providerUrl,
    pactUrls: o.pactFiles,
    logLevel: 'error',
    // Runs once before every interaction (at its first state set-up; the core sends an empty state for an interaction without one).
    beforeEach: async () => {
      const group: SetupGroup = { states: [] };
      groups.push(group);
      if (!setupError) await guard(() => o.states.begin(), group, '');
    },
    // An interaction whose state is not set up is answered here, never sent to the provider.
    requestFilter: (
      req: { path: string },
      res: { status(n: number): { type(t: string): { send(b: string): void } } },
      next: () => void,
    ) => {
      const group = current();
      if (req.path === setupPath || (!setupError && !group?.notVerifiable)) return next();
      res
        .status(599)
        .type('text/plain')
        .send(`coupon-kit: not sent to the provider: ${setupError ?? group?.notVerifiable ?? ''}`);
    },
    stateHandlers: stateHandlers as never,
  });
  const setupPath = (verifier as unknown as { stateSetupPath?: string }).stateSetupPath ?? '/_pactSetup';
  // The verifier also prints its own report (each interaction, each mismatch) to standard output.
  let interactions: InteractionResult[] | undefined;
  let coreError: string | undefined;
  try {
    interactions = parseCoreReport(String(await verifier.verifyProvider()));
  } catch (err) {
    const message = (err as Error).message;
    interactions = parseCoreReport(message);
    if (!interactions) coreError = plainText(message);
  }
  if (setupError) return failure(`state set-up failed, nothing was judged: ${plainText(setupError)}`);
  if (!interactions) return failure(coreError ?? 'the verifier returned no report');
  if (interactions.length !== groups.length)
    return failure(
      `the verifier ran ${interactions.length} interaction(s) but set up ${groups.length}: cannot tell which set-up belongs to which`,
    );
  const misfit = interactions.findIndex((r, n) => (expected.get(r.description) ?? ['?']).join('\n') !== groups[n]?.states.join('\n'));
  if (misfit >= 0)
    return failure(
      `interaction '${interactions[misfit]?.description}' ran with states [${groups[misfit]?.states.join(', ')}], not those its pact names`,
    );
  const results = interactions.map((r, n): InteractionResult => {
    const reason = groups[n]?.notVerifiable;
    return reason ? { ...r, outcome: 'not verifiable', mismatches: [reason] } : r;
  });
  const counts = countOf(results);
  if (counts.verified === 0 && counts.failed === 0)
    return failure(`0 of ${results.length} interactions could be verified (all not verifiable)`, results);
  return { ok: counts.failed === 0, interactions: results, counts };
}
