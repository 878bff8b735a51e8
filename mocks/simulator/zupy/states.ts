/** Pact provider states for Zupy, applied through POST /__control/provider-states. */
import type { SimContext } from '../types.ts';
import type { ZupyStore } from './store.ts';

export function zupyProviderState(_store: ZupyStore, _ctx: SimContext, state: string, _params: Record<string, unknown>): Record<string, unknown> {
  throw new Error(`unknown provider state '${state}'`);
}
