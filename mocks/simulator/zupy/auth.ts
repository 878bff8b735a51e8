/** Zupy authentication (A.2): the X-API-Key header, read-only keys, and the `lenient-auth` defect. */
import type { FastifyRequest } from 'fastify';
import { DEMO } from '../../demo/zupy.ts';
import type { Faults } from '../faults.ts';
import type { ProviderReply } from '../types.ts';
import { DETAILS, PROBLEMS, problem, requestPath } from './errors.ts';
import type { ApiKey, ZupyStore } from './store.ts';

/** The documented key format; anything else is refused before the key table is read. */
export const KEY_PATTERN = /^zupy_pk_[A-Za-z0-9]{32}$/;
/** Operations that change data: a read-only key gets 403 permission-denied on them. */
const WRITE_OPERATIONS = new Set(['redeemReward', 'validateCoupon', 'requestOtp', 'verifyOtp']);

export interface ZupyAuth {
  /** The key a request authenticates with, or undefined (no key, a malformed, unknown or revoked one). */
  keyOf(request: FastifyRequest): ApiKey | undefined;
  /** Runs first on every API request: 401 without a usable key, 403 for a read-only key on a write. */
  authenticate(request: FastifyRequest): ProviderReply | undefined;
}

export function zupyAuth(store: ZupyStore, faults: Faults): ZupyAuth {
  const keyOf = (request: FastifyRequest): ApiKey | undefined => {
    const raw = request.headers['x-api-key'];
    const lenient = faults.has('lenient-auth');
    if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
      // Defect: any non-empty key acts as the demo read-write key (or the first one loaded).
      if (lenient && typeof raw === 'string' && raw.length > 0) return store.keys.get(DEMO.keyReadWrite) ?? [...store.keys.values()][0];
      return undefined;
    }
    const key = store.keys.get(raw);
    if (key && !key.revoked) return key;
    return lenient ? [...store.keys.values()].find((k) => !k.readOnly) : undefined;
  };
  return {
    keyOf,
    authenticate(request) {
      const key = keyOf(request);
      if (!key) return problem(PROBLEMS.authenticationRequired, DETAILS.invalidKey, requestPath(request));
      request.zupyKey = key;
      if (key.readOnly && WRITE_OPERATIONS.has(request.operationId ?? ''))
        return problem(PROBLEMS.permissionDenied, DETAILS.readOnly, requestPath(request));
      return undefined;
    },
  };
}
