/**
 * A value loaded from the control API, loaded again on the live events that may change it. One
 * load at a time: events that arrive during a load ask for one more load after it, so a busy mock
 * costs the console one request in flight, not one per event.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api.ts';
import type { LiveEvent, LiveStream } from '../live.ts';

export function useLoaded<T>(
  load: () => Promise<T>,
  live: LiveStream,
  reloadOn: (e: LiveEvent) => boolean,
  deps: unknown[],
): { value: T | null; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = useRef({ generation: 0, busy: false, again: false });
  // The load of the latest render (its filters), also for a reload queued by an older one.
  const latest = useRef(load);
  latest.current = load;
  const reload = () => {
    const s = state.current;
    if (s.busy) {
      s.again = true;
      return;
    }
    s.busy = true;
    const generation = s.generation;
    const settle = (apply: () => void) => {
      s.busy = false;
      if (generation === s.generation) apply();
      if (s.again) {
        s.again = false;
        reload();
      }
    };
    latest.current().then(
      (v) => settle(() => (setValue(v), setError(null))),
      (err: unknown) => settle(() => setError(describeError(err))),
    );
  };
  useEffect(() => {
    // New filters or token: an answer to the old ones is dropped, and the new load starts after any in flight.
    state.current.generation++;
    state.current.again = state.current.busy;
    if (!state.current.busy) reload();
  }, deps);
  useEffect(() => live.on((e) => reloadOn(e) && reload()), deps);
  return { value, error, reload };
}
