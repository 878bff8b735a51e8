/**
 * Provider verification: replays a pact against a running provider. Provider states go through a
 * state-setup endpoint (the simulator's POST /__control/provider-states, or any provider's
 * equivalent); the provider is reset before each interaction when it has a control API.
 */
import { Verifier } from '@pact-foundation/pact';
import { readFileSync } from 'node:fs';

export interface VerifyOptions {
  providerUrl: string;
  pactFiles: string[];
  provider: string;
  /** State-setup endpoint; default: `${providerUrl}/__control/provider-states`. */
  statesUrl?: string;
  /** Reset endpoint called before each interaction; default: `${providerUrl}/__control/reset` (none when null). */
  resetUrl?: string | null;
  controlToken?: string;
}

export interface VerifyResult {
  ok: boolean;
  output: string;
}

export async function verifyPacts(o: VerifyOptions): Promise<VerifyResult> {
  const statesUrl = o.statesUrl ?? `${o.providerUrl}/__control/provider-states`;
  const resetUrl = o.resetUrl === undefined ? `${o.providerUrl}/__control/reset` : o.resetUrl;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.controlToken ? { 'x-control-token': o.controlToken } : {}) };
  const post = async (url: string, body?: unknown) => {
    const r = await fetch(url, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${url} answered ${r.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  // One handler per provider state named in the pacts, each forwarding to the state-setup endpoint;
  // the first state of an interaction resets the provider.
  const states = new Set<string>();
  for (const file of o.pactFiles) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: { providerStates?: { name: string }[] }[] };
    for (const i of pact.interactions ?? []) for (const st of i.providerStates ?? []) states.add(st.name);
  }
  let reset = true;
  const verifier = new Verifier({
    provider: o.provider,
    providerBaseUrl: o.providerUrl,
    pactUrls: o.pactFiles,
    logLevel: 'error',
    beforeEach: async () => {
      reset = true;
      // Interactions without a state still start from a clean provider.
      if (resetUrl) await post(resetUrl);
    },
    stateHandlers: Object.fromEntries(
      [...states].map((state) => [
        state,
        {
          setup: async (params: unknown) => {
            if (reset && resetUrl) await post(resetUrl);
            reset = false;
            return (await post(statesUrl, { state, params: params ?? {}, action: 'setup' })) as never;
          },
          teardown: async () => ({}),
        },
      ]),
    ) as never,
  });
  // The verifier prints its report (each interaction, each mismatch) to standard output itself.
  try {
    await verifier.verifyProvider();
    return { ok: true, output: '' };
  } catch (err) {
    return { ok: false, output: (err as Error).message };
  }
}
