/** Faults: latency, error rate, each defect as a toggle; the OTP policy of each company (Zupy). */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { control, describeError } from '../api.ts';
import type { LiveStream } from '../live.ts';
import { useLoaded } from './use-live.ts';

interface Company {
  id: string;
  name: string;
  otp_policy: { require_otp_for_redemption: boolean; require_otp_for_coupon_usage: boolean };
}
type Flag = keyof Company['otp_policy'];
const FLAGS: [Flag, string][] = [
  ['require_otp_for_redemption', 'OTP for redemption'],
  ['require_otp_for_coupon_usage', 'OTP for coupon usage'],
];

const changed = (reasons: string[]) => (e: { type: string; data: unknown }) =>
  e.type === 'state' && reasons.includes((e.data as { reason: string }).reason);

function OtpPolicy({ live, epoch, onError }: { live: LiveStream; epoch: number; onError: (m: string | null) => void }) {
  const { value, reload } = useLoaded(
    () => control.fixtures<{ companies: Company[] }>().then((f) => f.companies),
    live,
    changed(['otp-policy', 'reset', 'seed', 'provider-state']),
    [epoch],
  );
  const set = (company: string, flag: Flag, on: boolean) =>
    void control.otpPolicy({ company_id: company, [flag]: on }).then(
      () => (onError(null), reload()),
      (err: unknown) => onError(describeError(err)),
    );
  return html`<h3>OTP policy</h3>
    ${value?.map(
      (c) =>
        html`<fieldset key=${c.id}>
          <legend>${c.name} <code>${c.id}</code></legend>
          ${FLAGS.map(([flag, label]) => html`<label class="toggle"><input type="checkbox" checked=${c.otp_policy[flag]} onChange=${(e: Event) => set(c.id, flag, (e.target as HTMLInputElement).checked)} /> ${label}</label>`)}
        </fieldset>`,
    )}`;
}

export function Faults({ live, api, epoch }: { live: LiveStream; api: string | null; epoch: number }) {
  const { value, error, reload } = useLoaded(() => control.faults(), live, changed(['faults', 'reset']), [epoch]);
  const [latency, setLatency] = useState('0');
  const [rate, setRate] = useState('0');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!value) return;
    setLatency(String(value.latency_ms));
    setRate(String(value.error_rate));
  }, [value]);

  const apply = (patch: Parameters<typeof control.faults>[0]) =>
    void control.faults(patch).then(
      () => (setProblem(null), reload()),
      (err: unknown) => setProblem(describeError(err)),
    );
  const toggle = (name: string, on: boolean) =>
    value && apply({ defects: on ? [...value.defects, name] : value.defects.filter((d) => d !== name) });
  return html`<section aria-labelledby="faults-h">
    <h2 id="faults-h">Faults</h2>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <form class="row" onSubmit=${(e: Event) => (e.preventDefault(), apply({ latency_ms: Number(latency), error_rate: Number(rate) }))}>
      <label
        >Latency (ms)
        <input
          type="number"
          min="0"
          max="60000"
          step="1"
          value=${latency}
          onInput=${(e: Event) => setLatency((e.target as HTMLInputElement).value)}
      /></label>
      <label
        >Error rate (0–1)
        <input
          type="number"
          min="0"
          max="1"
          step="0.01"
          value=${rate}
          onInput=${(e: Event) => setRate((e.target as HTMLInputElement).value)}
      /></label>
      <button type="submit">Apply</button>
    </form>
    <h3>Defects</h3>
    ${
      value
        ? Object.entries(value.available_defects).map(
            ([name, description]) =>
              html`<label class="toggle" key=${name}>
                <input
                  type="checkbox"
                  checked=${value.defects.includes(name)}
                  onChange=${(e: Event) => toggle(name, (e.target as HTMLInputElement).checked)}
                />
                <span><code>${name}</code><br /><small>${description}</small></span>
              </label>`,
          )
        : null
    }
    ${api === 'zupy' ? html`<${OtpPolicy} live=${live} epoch=${epoch} onError=${setProblem} />` : null}
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : null}
  </section>`;
}
