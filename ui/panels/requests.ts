/** Requests: the journal, newest first, live from `request` events; a row opens its bodies and headers. */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { JournalEntry } from '../../clients/control.ts';
import { control, describeError } from '../api.ts';
import type { LiveStream } from '../live.ts';

/** Rows kept on the page (the server's journal keeps more). */
const MAX_ROWS = 500;

const json = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function Details({ entry }: { entry: JournalEntry }) {
  return html`<section aria-label="Request details" class="details">
    <h3>#${entry.seq} ${entry.method} ${entry.path} → ${entry.status}</h3>
    <div class="pair">
      <div>
        <h4>Request headers</h4>
        <pre>${json(entry.headers)}</pre>
      </div>
      <div>
        <h4>Request body</h4>
        <pre>${json(entry.requestBody)}</pre>
      </div>
      <div>
        <h4>Response headers</h4>
        <pre>${json(entry.responseHeaders)}</pre>
      </div>
      <div>
        <h4>Response body</h4>
        <pre>${json(entry.responseBody)}</pre>
      </div>
    </div>
  </section>`;
}

export function Requests({ live, epoch }: { live: LiveStream; epoch: number }) {
  const [entries, setEntries] = useState<JournalEntry[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // `replace`: the journal was cleared or reset, so rows on screen are gone too; otherwise rows the
    // stream pushed while the journal was being read are kept (merged by seq, newest first).
    const load = (replace: boolean) =>
      control.requests({ limit: String(MAX_ROWS) }).then(
        (r) => {
          const read = r.requests.slice().reverse();
          setEntries((list) => {
            if (replace) return read;
            const newest = read[0]?.seq ?? 0;
            return [...list.filter((e) => e.seq > newest), ...read].slice(0, MAX_ROWS);
          });
          setError(null);
        },
        (err: unknown) => setError(describeError(err)),
      );
    void load(true);
    return live.on((e) => {
      if (e.type === 'request')
        setEntries((list) => (list.length && list[0]!.seq >= e.data.seq ? list : [e.data, ...list].slice(0, MAX_ROWS)));
      else if (e.type === 'ready') void load(false);
      else if (e.type === 'state' && (e.data.reason === 'reset' || e.data.reason === 'journal')) void load(true);
    });
  }, [epoch]);

  const shown = entries.find((e) => e.seq === selected);
  return html`<section aria-labelledby="requests-h" class="wide">
    <h2 id="requests-h">Requests</h2>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="scroll short">
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">Operation</th>
            <th scope="col">Status</th>
            <th scope="col">Latency (ms)</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (e) =>
              html`<tr key=${e.seq} aria-selected=${e.seq === selected} onClick=${() => setSelected(e.seq)}>
                <td><button type="button" aria-label=${`Show request ${e.seq}`} onClick=${() => setSelected(e.seq)}>#${e.seq}</button></td>
                <td>${e.method}</td>
                <td><code>${e.path}</code></td>
                <td>${e.operationId ?? '–'}</td>
                <td><span class=${`badge s${Math.floor(e.status / 100)}xx`}>${e.status}</span></td>
                <td class="num">${e.durationMs.toFixed(1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${shown ? html`<${Details} entry=${shown} />` : entries.length ? html`<p class="hint">Choose a request to see its bodies and headers.</p>` : html`<p class="hint">No requests yet.</p>`}
  </section>`;
}
