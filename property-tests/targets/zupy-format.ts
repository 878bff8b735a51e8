/**
 * Decision Z-1: Zupy answers either in the `{data, meta}` envelope (the live docs) or in the
 * post-cutover format (single objects at the root, lists as DRF `{count, next, previous, results}`;
 * the revision that documents it is itself mixed). The format is detected from each answer and
 * brought to the envelope, so the models and the schema checks read one shape; the formats seen
 * are reported.
 */
import { SetupError } from '../model/errors.ts';

export type ZupyFormatSeen = 'envelope' | 'root object' | 'DRF list' | 'bare list';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The envelope form of a success body, and which format it came in. */
export function toEnvelope(body: unknown): { body: unknown; format: ZupyFormatSeen } {
  if (isObject(body) && 'data' in body && 'meta' in body) return { body, format: 'envelope' };
  if (isObject(body) && Array.isArray(body.results) && 'next' in body) {
    const next = body.next;
    let cursor: string | null = null;
    if (typeof next === 'string' && next) {
      cursor = new URL(next, 'http://x').searchParams.get('cursor');
      if (cursor === null)
        throw new SetupError(`a DRF list's next link has no cursor parameter (${next}): only cursor pagination is supported`);
    }
    return {
      body: { data: body.results, meta: { cursor, has_next: cursor !== null, count: typeof body.count === 'number' ? body.count : null } },
      format: 'DRF list',
    };
  }
  if (Array.isArray(body))
    return { body: { data: body, meta: { cursor: null, has_next: false, count: body.length } }, format: 'bare list' };
  return { body: { data: body, meta: {} }, format: 'root object' };
}

/** A fetch that brings every 2xx JSON answer of the Zupy API to the envelope; `seen` collects the formats met. */
export function zupyFormatFetch(inner: typeof globalThis.fetch, seen: Set<ZupyFormatSeen>): typeof globalThis.fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!res.ok || res.status === 204 || !url.pathname.startsWith('/api/v2/') || !(res.headers.get('content-type') ?? '').includes('json'))
      return res;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    const { body, format } = toEnvelope(parsed);
    seen.add(format);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: res.status, statusText: res.statusText, headers });
  };
}

/** One line for the report: which Zupy format the target answered in. */
export function formatNote(seen: Set<ZupyFormatSeen>): string | undefined {
  if (seen.size === 0) return undefined;
  if (seen.size === 1 && seen.has('envelope')) return 'Zupy format: {data, meta} envelope';
  if (!seen.has('envelope')) return `Zupy format: post-cutover (${[...seen].join(', ')}) (decision Z-1)`;
  return `Zupy format: mixed (${[...seen].join(', ')}) (decision Z-1)`;
}
