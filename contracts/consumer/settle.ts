/**
 * Works around pact-foundation/pact-reference#535 (open for pact-js ≥ 16.3): Pact's mock server can
 * record a matched request a moment after it has answered it, so `executeTest`'s check right after
 * the test callback intermittently reports "expected but not received" for a request it served.
 * `settled` wraps a test callback and, once the callback is done, waits (10 ms steps, at most 1 s)
 * until the mock server reports a full match; a real mismatch still fails, 1 s later.
 */
import type { PactV4 } from '@pact-foundation/pact';
import { setTimeout as sleep } from 'node:timers/promises';

interface CoreHandle {
  mockServerMatchedSuccessfully?(port: number): boolean;
}

export function settled<T>(pact: PactV4, fn: (server: { url: string; port: number }) => Promise<T>) {
  return async (server: { url: string; port: number }): Promise<T> => {
    const result = await fn(server);
    // PactV4 keeps its core handle in a private field (`pact`), replaced after each executeTest.
    const core = (pact as unknown as { pact?: CoreHandle }).pact;
    if (typeof core?.mockServerMatchedSuccessfully !== 'function') return result;
    for (let i = 0; i < 100 && !core.mockServerMatchedSuccessfully(server.port); i++) await sleep(10);
    return result;
  };
}
