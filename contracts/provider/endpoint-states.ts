/**
 * Provider states through a state-setup endpoint that takes Pact's own body (`{state, params,
 * action}`): coupon-kit's control API (`POST /__control/provider-states`, with a reset before each
 * interaction) or a provider's own endpoint (`--states-url`). A 404 or 405, or a refused
 * connection, means there is no such endpoint: a set-up error for the run, not a contract failure.
 * Another refusal (e.g. 400 for a state the endpoint does not know) makes that interaction not
 * verifiable, with the endpoint's answer as the reason.
 */
import { NotVerifiable, StateSetupError, networkCause, type StateSource, type StateValues } from './states.ts';

export interface EndpointStatesOptions {
  statesUrl: string;
  /** POSTed before each interaction; none when null. */
  resetUrl: string | null;
  /** Sent as X-Control-Token. */
  controlToken?: string;
}

const MISSING = new Set([404, 405, 501]);

export function endpointStates(o: EndpointStatesOptions): StateSource {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(o.controlToken ? { 'x-control-token': o.controlToken } : {}),
  };
  const post = async (url: string, what: string, body?: unknown): Promise<StateValues> => {
    let r: Response;
    try {
      r = await fetch(url, {
        method: 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new StateSetupError(`cannot reach the state set-up endpoint ${url} (${networkCause(err)}) for ${what}`);
    }
    const text = await r.text();
    if (MISSING.has(r.status))
      throw new StateSetupError(
        `the state set-up endpoint ${url} answered ${r.status} for ${what}: is it a provider-state endpoint (Pact's {state, params, action})?`,
      );
    if (r.status === 401 || r.status === 403)
      throw new StateSetupError(`the state set-up endpoint ${url} answered ${r.status} for ${what}: give its token (--control-token)`);
    if (!r.ok) throw new NotVerifiable(`the state set-up endpoint answered ${r.status}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    try {
      const values: unknown = text ? JSON.parse(text) : {};
      return values && typeof values === 'object' && !Array.isArray(values) ? (values as StateValues) : {};
    } catch {
      throw new NotVerifiable(`the state set-up endpoint answered ${r.status} with a body that is not JSON`);
    }
  };
  return {
    description: `the state set-up endpoint ${o.statesUrl}`,
    async begin() {
      if (o.resetUrl) await post(o.resetUrl, 'the reset before an interaction');
    },
    setup: (state, params) => post(o.statesUrl, `state '${state}'`, { state, params, action: 'setup' }),
    async teardown(state, params) {
      await post(o.statesUrl, `state '${state}'`, { state, params, action: 'teardown' }).catch(() => undefined);
    },
  };
}
