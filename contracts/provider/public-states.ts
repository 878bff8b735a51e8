/**
 * Provider states through the provider's public API, from a `coupon-kit check --fixtures` file:
 * for a provider without a state-setup endpoint (a vendor sandbox, or `coupon-kit mock --no-control`).
 */
import { loadFixtureFile, type FixtureOverrides } from '../../property-tests/targets/fixture-file.ts';
import type { ApiName } from '../../specs/index.ts';
import { b2sPublicStates } from './public-states-b2s.ts';
import { zupyPublicStates } from './public-states-zupy.ts';
import type { StateSource } from './states.ts';

/** Reads and checks the fixture file (a FixtureFileError lists each problem) and returns the state source. */
export function publicStates(api: ApiName, providerUrl: string, file: string, overrides: FixtureOverrides = {}): StateSource {
  return api === 'zupy'
    ? zupyPublicStates(providerUrl, loadFixtureFile(file, 'zupy', overrides), file)
    : b2sPublicStates(providerUrl, loadFixtureFile(file, 'b2s', overrides), file);
}
