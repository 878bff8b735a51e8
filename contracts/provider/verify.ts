/**
 * Provider verification: replays pacts against a running provider with Pact's Verifier.
 *
 * Provider states go to a state-setup endpoint with the body Pact's core sends to a
 * `providerStatesSetupUrl` (`{state, params, action}`): the simulator's
 * POST /__control/provider-states, or any provider's equivalent. They are forwarded from
 * `stateHandlers` rather than set as `providerStatesSetupUrl`, because pact-js 16 deprecates that
 * option and, when it is set, bypasses its proxy, so `beforeEach` (the per-interaction reset) would
 * never run. Values the endpoint returns feed `fromProviderState`.
 */
import { Verifier } from '@pact-foundation/pact';
import { readFileSync } from 'node:fs';
import { plainText } from '../index.ts';

export interface VerifyOptions {
  providerUrl: string;
  pactFiles: string[];
  provider: string;
  /** State-setup endpoint; default: `${providerUrl}/__control/provider-states`. */
  statesUrl?: string;
  /** Called before each interaction; default: `${providerUrl}/__control/reset` (none when null). */
  resetUrl?: string | null;
  /** Sent as X-Control-Token to the state and reset endpoints. */
  controlToken?: string;
}

export interface InteractionResult {
  description: string;
  ok: boolean;
  seconds: number;
  /** One line per mismatch ("status: expected 409 but was 200"). */
  mismatches: string[];
}

export interface VerifyResult {
  ok: boolean;
  interactions: InteractionResult[];
  /** Set when the verifier could not run at all (provider down, bad pact, state endpoint failing). */
  error?: string;
}

/** The state names used in the pacts, so each gets a forwarding handler. */
function statesIn(files: string[]): Set<string> {
  const states = new Set<string>();
  for (const file of files) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: { providerStates?: { name: string }[] }[] };
    for (const i of pact.interactions ?? []) for (const s of i.providerStates ?? []) states.add(s.name);
  }
  return states;
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
    const mismatches = errors.flatMap((e) =>
      e.mismatch?.mismatches?.map((m) => plainText(`${m.path ? `${m.path}: ` : m.type === 'StatusMismatch' ? 'status: ' : ''}${m.mismatch ?? JSON.stringify(m)}`)) ?? [plainText(e.mismatch?.message ?? 'failed')],
    );
    const ok = r.result === 'OK' && mismatches.length === 0;
    return { description: r.description, ok, seconds: seconds(r.duration), mismatches: ok || mismatches.length ? mismatches : [`result: ${r.result}`] };
  });
}

/** Any HTTP answer will do; pact-js's proxy does not survive a refused connection, so check first. */
async function unreachable(url: string): Promise<string | undefined> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return undefined;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (err as Error).message;
    return `cannot reach the provider at ${url} (${reason}): is it running?`;
  }
}

export async function verifyPacts(o: VerifyOptions): Promise<VerifyResult> {
  // Pact's native core reads this at run time: no usage telemetry from here.
  process.env.PACT_DO_NOT_TRACK = 'true';
  const down = await unreachable(o.providerUrl);
  if (down) return { ok: false, interactions: [], error: down };
  const statesUrl = o.statesUrl ?? `${o.providerUrl}/__control/provider-states`;
  const resetUrl = o.resetUrl === undefined ? `${o.providerUrl}/__control/reset` : o.resetUrl;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.controlToken ? { 'x-control-token': o.controlToken } : {}) };
  const post = async (url: string, body?: unknown) => {
    const r = await fetch(url, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${url} answered ${r.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const stateHandlers = Object.fromEntries(
    [...statesIn(o.pactFiles)].map((state) => [
      state,
      {
        setup: (params: unknown) => post(statesUrl, { state, params: params ?? {}, action: 'setup' }),
        teardown: (params: unknown) => post(statesUrl, { state, params: params ?? {}, action: 'teardown' }),
      },
    ]),
  );
  const verifier = new Verifier({
    provider: o.provider,
    providerBaseUrl: o.providerUrl,
    pactUrls: o.pactFiles,
    logLevel: 'error',
    // Runs once before every interaction, including those without a provider state.
    ...(resetUrl ? { beforeEach: async () => { await post(resetUrl); } } : {}),
    stateHandlers: stateHandlers as never,
  });
  // The verifier also prints its own report (each interaction, each mismatch) to standard output.
  try {
    const interactions = parseCoreReport(String(await verifier.verifyProvider())) ?? [];
    return { ok: interactions.every((i) => i.ok), interactions };
  } catch (err) {
    const message = (err as Error).message;
    const interactions = parseCoreReport(message);
    return interactions ? { ok: false, interactions } : { ok: false, interactions: [], error: plainText(message) };
  }
}
