/** A value loaded from the control API, loaded again on the live events that may change it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api.ts';
import type { LiveEvent, LiveStream } from '../live.ts';

export function useLoaded<T>(load: () => Promise<T>, live: LiveStream, reloadOn: (e: LiveEvent) => boolean, deps: unknown[]): { value: T | null; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const reload = () => {
    const n = ++latest.current;
    load().then(
      (v) => n === latest.current && (setValue(v), setError(null)),
      (err: unknown) => n === latest.current && setError(describeError(err)),
    );
  };
  useEffect(reload, deps);
  useEffect(() => live.on((e) => reloadOn(e) && reload()), deps);
  return { value, error, reload };
}
