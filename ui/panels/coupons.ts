/** Coupons: every coupon at the simulator's clock, filtered by status and code, following the live `state` events. */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import type { LiveStream } from '../live.ts';
import { useLoaded } from './use-live.ts';

/** Rows drawn at most (the count says how many match: filter to narrow). */
const MAX_ROWS = 500;

const STATUSES: Record<string, string[]> = { zupy: ['active', 'used', 'expired', 'cancelled'], b2s: ['available', 'used', 'expired'] };

export function Coupons({ live, api, epoch }: { live: LiveStream; api: string | null; epoch: number }) {
  const [status, setStatus] = useState('');
  const [code, setCode] = useState('');
  const { value, error } = useLoaded(
    () => control.coupons({ ...(status ? { status } : {}), ...(code ? { code } : {}), limit: String(MAX_ROWS) }),
    live,
    (e) => e.type === 'state',
    [status, code, epoch],
  );
  const statuses = api ? (STATUSES[api] ?? []) : [...new Set(Object.values(STATUSES).flat())];
  return html`<section aria-labelledby="coupons-h" class="wide">
    <h2 id="coupons-h">Coupons</h2>
    <div class="filters">
      <label
        >Status
        <select value=${status} onChange=${(e: Event) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">all</option>
          ${statuses.map((s) => html`<option value=${s}>${s}</option>`)}
        </select></label
      >
      <label
        >Code
        <input
          type="search"
          value=${code}
          placeholder="part of a code"
          onInput=${(e: Event) => setCode((e.target as HTMLInputElement).value)}
      /></label>
      <span aria-live="polite"
        >${value ? `${value.count} coupon${value.count === 1 ? '' : 's'} at ${value.now}${value.count > MAX_ROWS ? ` (the first ${MAX_ROWS} shown)` : ''}` : ''}</span
      >
    </div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Owner</th>
            <th scope="col">Status</th>
            <th scope="col">Uses left / allowed</th>
            <th scope="col">Valid until / expires</th>
            <th scope="col">Module</th>
          </tr>
        </thead>
        <tbody>
          ${value?.coupons.slice(0, MAX_ROWS).map(
            (c) =>
              html`<tr key=${c.id}>
                <th scope="row"><code>${c.code}</code></th>
                <td><code class="owner" title=${c.owner}>${c.owner}</code></td>
                <td><span class=${`badge ${c.status}`}>${c.status}</span></td>
                <td>${c.uses_left ?? '–'} / ${c.uses_allowed ?? '–'}</td>
                <td>${c.valid_until ?? c.expires_at ?? '–'}</td>
                <td>${c.module ?? '–'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
