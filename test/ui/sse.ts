/** Shared by the console's server-side suites: reading a server-sent event stream from a fetch answer. */

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
