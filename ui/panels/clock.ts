/** Clock: the simulator's now, frozen or running; advance by PT3H, P1D, P31D or any ISO 8601 duration. */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { control, describeError } from '../api.ts';
import type { LiveStream } from '../live.ts';
import { useLoaded } from './use-live.ts';

const STEPS = ['PT3H', 'P1D', 'P31D'];

export function Clock({ live, epoch }: { live: LiveStream; epoch: number }) {
  const { value, error, reload } = useLoaded(
    () => control.clock().then((c) => ({ ...c, readAt: Date.now() })),
    live,
    (e) => e.type === 'state' && (e.data.reason === 'clock' || e.data.reason === 'reset'),
    [epoch],
  );
  const [duration, setDuration] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!value || value.frozen) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [value]);

  const act = (call: Promise<unknown>) =>
    call.then(
      () => (setProblem(null), reload()),
      (err: unknown) => setProblem(describeError(err)),
    );
  const advance = (by: string) => void act(control.advanceClock(by));
  const now = value ? (value.frozen ? value.now : new Date(Date.parse(value.now) + Date.now() - value.readAt).toISOString()) : '…';
  return html`<section aria-labelledby="clock-h">
    <h2 id="clock-h">Clock</h2>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <p>
      <output aria-label="Simulator time">${now}</output> <span class="badge">${value ? (value.frozen ? 'frozen' : 'running') : ''}</span>
    </p>
    <div class="row">
      ${STEPS.map((s) => html`<button type="button" onClick=${() => advance(s)}>+${s}</button>`)}
      ${value ? html`<button type="button" onClick=${() => void act(control.setClock(now, !value.frozen))}>${value.frozen ? 'Run' : 'Freeze'}</button>` : null}
    </div>
    <form class="row" onSubmit=${(e: Event) => (e.preventDefault(), advance(duration.trim()))}>
      <label
        >ISO 8601 duration
        <input value=${duration} placeholder="P2DT4H" onInput=${(e: Event) => setDuration((e.target as HTMLInputElement).value)}
      /></label>
      <button type="submit">Advance</button>
    </form>
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : null}
  </section>`;
}
