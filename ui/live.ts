/**
 * The event stream (GET /__control/events) read with fetch and a ReadableStream, so the control
 * token can go in a header (EventSource cannot send one). Reconnects after a second when it ends.
 */
import type { JournalEntry } from '../clients/control.ts';
import { controlFetch } from './api.ts';
import { parseFrames } from './sse.ts';

export type LiveEvent =
  | { type: 'ready'; data: { api: string; seq: number } }
  | { type: 'request'; data: JournalEntry }
  | { type: 'state'; data: { reason: string } };

type Listener = (e: LiveEvent) => void;

export class LiveStream {
  readonly #listeners = new Set<Listener>();
  #abort: AbortController | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  connected = false;
  onStatus: (connected: boolean) => void = () => undefined;

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** (Re)connects; a previous connection is dropped. */
  start(): void {
    this.stop();
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(abort.signal).finally(() => {
      this.#status(false);
      if (!abort.signal.aborted) this.#retry = setTimeout(() => this.start(), 1000);
    });
  }

  stop(): void {
    clearTimeout(this.#retry);
    this.#abort?.abort();
  }

  #status(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    this.onStatus(connected);
  }

  async #run(signal: AbortSignal): Promise<void> {
    try {
      const res = await controlFetch('/__control/events', { signal, headers: { accept: 'text/event-stream' } });
      if (!res.ok || !res.body) return;
      this.#status(true);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const { events, rest } = parseFrames(buffer + value);
        buffer = rest;
        for (const e of events) {
          const parsed = { type: e.event, data: JSON.parse(e.data) as unknown } as LiveEvent;
          for (const l of this.#listeners) l(parsed);
        }
      }
    } catch {
      // aborted or the connection dropped: `start` retries
    }
  }
}
