/** Data: reset, download the current fixtures as JSON, upload a fixtures file (its problems shown per field, as the API returns them). */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ControlError } from '../../clients/control.ts';
import { control, describeError } from '../api.ts';
import { splitProblem } from '../problems.ts';

export function Data({ api }: { api: string | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [note, setNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const report = (message: string | null, list: string[] = []) => (setNote(message), setProblems(list));
  const reset = () =>
    void control.reset().then(
      () => report('Reset to the start state.'),
      (err: unknown) => report(describeError(err)),
    );
  const download = () =>
    void control.fixtures().then(
      (f) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([`${JSON.stringify(f, null, 2)}\n`], { type: 'application/json' }));
        a.download = `${api ?? 'mock'}-fixtures.json`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      },
      (err: unknown) => report(describeError(err)),
    );
  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return report('Choose a fixtures file first.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      return report(`${file.name} is not JSON`, [`(root) ${(err as Error).message}`]);
    }
    try {
      await control.seed(parsed, mode);
      report(`Loaded ${file.name} (${mode}).`);
    } catch (err) {
      const body = err instanceof ControlError ? (err.body as { problems?: unknown }) : undefined;
      report(describeError(err), Array.isArray(body?.problems) ? body.problems.map(String) : []);
    }
  };
  return html`<section aria-labelledby="data-h">
    <h2 id="data-h">Data</h2>
    <div class="row">
      <button type="button" onClick=${reset}>Reset</button>
      <button type="button" onClick=${download}>Download fixtures</button>
    </div>
    <form class="row" onSubmit=${(e: Event) => void upload(e)}>
      <label
        >Fixtures file
        <input
          type="file"
          accept=".json,application/json"
          onChange=${(e: Event) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
      /></label>
      <label
        >Mode
        <select value=${mode} onChange=${(e: Event) => setMode((e.target as HTMLSelectElement).value as 'replace' | 'merge')}>
          <option value="replace">replace</option>
          <option value="merge">merge</option>
        </select></label
      >
      <button type="submit">Upload</button>
    </form>
    ${note ? html`<p role="status">${note}</p>` : null}
    ${
      problems.length
        ? html`<table aria-label="Fixture problems">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              ${problems
                .map((p) => splitProblem(p))
                .map(
                  (p) =>
                    html`<tr>
                      <td><code>${p.field}</code></td>
                      <td>${p.message}</td>
                    </tr>`,
                )}
            </tbody>
          </table>`
        : null
    }
  </section>`;
}
