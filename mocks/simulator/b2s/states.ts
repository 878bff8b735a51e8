/** Pact provider states for B2S, applied through POST /__control/provider-states. */
import type { SimContext } from '../types.ts';
import type { B2sStore } from './store.ts';

export function b2sProviderState(_store: B2sStore, _ctx: SimContext, state: string, _params: Record<string, unknown>): Record<string, unknown> {
  throw new Error(`unknown provider state '${state}'`);
}
