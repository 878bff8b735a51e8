/** Shared by the console's server-side suites: one Zupy mock per suite, and reading a server-sent event stream. */
import { afterAll, beforeAll } from 'vitest';
import { createZupyClient } from '../../clients/zupy.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';

/** Starts a Zupy mock on the demo data before the suite and closes it after; call in the suite's top level. */
export function zupyMockForSuite() {
  let running: RunningMock | undefined;
  beforeAll(async () => {
    running = await startMock({ api: 'zupy', port: 0 });
  });
  afterAll(() => running?.close());
  const mock = (): RunningMock => {
    if (!running) throw new Error('the suite mock is not started yet (use it inside a test)');
    return running;
  };
  return {
    mock,
    zupy: () => createZupyClient({ baseUrl: mock().url, apiKey: DEMO.keyReadWrite }),
    noOtp: () => mock().control.otpPolicy({ require_otp_for_coupon_usage: false, require_otp_for_redemption: false }),
  };
}

/** Reads server-sent events from a fetch body until `until` holds for the frames so far. */
export async function readEvents(
  res: Response,
  until: (frames: { event: string; data: unknown }[]) => boolean,
): Promise<{ event: string; data: unknown }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const frames: { event: string; data: unknown }[] = [];
  let buffered = '';
  while (!until(frames)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += new TextDecoder().decode(value);
    let end: number;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) frames.push({ event, data: JSON.parse(data) });
    }
  }
  return frames;
}
