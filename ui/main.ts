/** The web console of a coupon-kit simulator (served at /__control/ui/): coupons, requests, clock, faults and data, live. */
import { html, render } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { onDenied, token } from './api.ts';
import { LiveStream } from './live.ts';
import { Coupons } from './panels/coupons.ts';
import { Requests } from './panels/requests.ts';
import { Clock } from './panels/clock.ts';
import { Faults } from './panels/faults.ts';
import { Data } from './panels/data.ts';

const live = new LiveStream();

function TokenForm({ onSaved }: { onSaved: () => void }) {
  const [value, setValue] = useState('');
  const save = (e: Event) => {
    e.preventDefault();
    token.set(value.trim());
    onSaved();
  };
  return html`<form class="token" onSubmit=${save}>
    <p role="alert">The control API asks for a token (the mock's <code>--control-token</code>).</p>
    <label for="token">Control token</label>
    <input
      id="token"
      type="password"
      autocomplete="off"
      value=${value}
      onInput=${(e: Event) => setValue((e.target as HTMLInputElement).value)}
    />
    <button type="submit">Use token</button>
  </form>`;
}

function App() {
  const [api, setApi] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const [askToken, setAskToken] = useState(false);
  /** Bumped when the token changes: every panel loads again. */
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    onDenied(() => setAskToken(true));
    live.onStatus = setConnected;
    const off = live.on((e) => {
      if (e.type === 'ready') setApi(e.data.api);
    });
    live.start();
    return () => (off(), live.stop());
  }, []);

  const tokenSaved = () => {
    setAskToken(false);
    setEpoch((n) => n + 1);
    live.start();
  };

  return html`<header>
      <h1>coupon-kit console${api ? html` <span class="api">${api}</span>` : null}</h1>
      <p class=${connected ? 'status live' : 'status'} role="status">${connected ? 'live' : 'not connected'}</p>
    </header>
    ${askToken ? html`<${TokenForm} onSaved=${tokenSaved} />` : null}
    <main>
      <${Coupons} live=${live} api=${api} epoch=${epoch} />
      <${Requests} live=${live} epoch=${epoch} />
      <${Clock} live=${live} epoch=${epoch} />
      <${Faults} live=${live} api=${api} epoch=${epoch} />
      <${Data} api=${api} />
    </main>`;
}

const root = document.getElementById('app')!;
root.textContent = '';
render(html`<${App} />`, root);
