/** Request journal (like WireMock's): what an integration really sent, for its own assertions. */
import type { JournalEntry } from '../../clients/control.ts';

export type { JournalEntry };

export interface JournalFilter {
  method?: string;
  path?: string;
  operationId?: string;
  /** Only the newest `limit` matching entries (still oldest first). */
  limit?: number;
}

/** Bodies up to this many bytes are kept whole; a larger one is replaced by a note of its size. */
export const KEPT_BODY_BYTES = 16 * 1024;
/**
 * Only the newest this many entries keep their request bodies, and the newest RESPONSE_BODIES_KEPT
 * their response bodies; older entries give a note instead. Every body held alive outlives the
 * young generation and is copied into the old one: holding each answer of a 5000-entry ring doubled
 * the simulator's memory under load.
 */
export const REQUEST_BODIES_KEPT = 500;
export const RESPONSE_BODIES_KEPT = 100;
const dropped = (n: number) => `[not kept: only the newest ${n} journal entries keep this body]`;
const REQUEST_BODY_DROPPED = dropped(REQUEST_BODIES_KEPT);
const RESPONSE_BODY_DROPPED = dropped(RESPONSE_BODIES_KEPT);

const notKept = (bytes: number) => `[not kept: a ${bytes}-byte body; the journal keeps bodies up to ${KEPT_BODY_BYTES} bytes]`;

/** The request body as the journal keeps it: its declared length decides, so nothing is serialized on the hot path. */
function keptRequestBody(body: unknown, headers: RawEntry['headers']): unknown {
  if (body === undefined || body === null) return body;
  if (typeof body === 'string') return body.length > KEPT_BODY_BYTES ? notKept(Buffer.byteLength(body)) : body;
  const bytes = Number(headers['content-length']);
  return bytes > KEPT_BODY_BYTES ? notKept(bytes) : body;
}

function keptPayload(payload: unknown): unknown {
  if (typeof payload === 'string') return payload.length > KEPT_BODY_BYTES ? notKept(Buffer.byteLength(payload)) : payload;
  if (Buffer.isBuffer(payload)) return payload.length > KEPT_BODY_BYTES ? notKept(payload.length) : payload;
  return payload;
}

/** What an API request left for the journal: references only (see Journal.add). */
export interface RawEntry {
  atMs: number;
  method: string;
  url: string;
  query: unknown;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  operationId: string | null;
  elapsedMs: number;
  /** The parsed body, or the raw text of a body that did not parse. */
  requestBody: unknown;
  /** The payload as sent (a JSON string for every API answer), or undefined. */
  responsePayload: unknown;
  responseHeaders: Record<string, number | string | string[] | undefined>;
}

interface Stored extends RawEntry {
  seq: number;
}

/** The request headers worth asserting on (the credential headers included: this is a test double). */
const KEPT_HEADERS = ['x-otp-session', 'content-type', 'user-agent', 'x-api-key', 'authorization'] as const;

function parsePayload(payload: unknown): unknown {
  if (payload === undefined || payload === null || payload === '') return null;
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stringHeaders(h: RawEntry['responseHeaders']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(h)) if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

function format(e: Stored): JournalEntry {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = e.headers[name];
    if (typeof v === 'string') headers[name] = v;
  }
  const q = e.url.indexOf('?');
  return {
    seq: e.seq,
    at: new Date(e.atMs).toISOString(),
    method: e.method,
    path: q === -1 ? e.url : e.url.slice(0, q),
    query: { ...(e.query as Record<string, unknown>) },
    headers,
    status: e.status,
    operationId: e.operationId,
    durationMs: Math.round(e.elapsedMs * 1000) / 1000,
    requestBody: e.requestBody === undefined ? null : structuredClone(e.requestBody),
    responseBody: parsePayload(e.responsePayload),
    responseHeaders: stringHeaders(e.responseHeaders),
  };
}

/** Called with each new entry, formatted only when called: see Journal.subscribe. */
export type JournalListener = (entry: () => JournalEntry) => void;

/** A bounded ring buffer: adding is O(1) on the hot path, the oldest entries are dropped. */
export class Journal {
  readonly #ring: (Stored | undefined)[];
  #seq = 0;
  readonly #listeners = new Set<JournalListener>();

  constructor(private readonly capacity = 5000) {
    this.#ring = new Array<Stored | undefined>(capacity);
  }

  /** Called once per API request after its response: keeps references, formats nothing unless someone listens. */
  add(raw: RawEntry): void {
    const seq = ++this.#seq;
    // One literal with every field: adding `seq` to `raw` would grow it out of its in-object slots
    // (a second allocation, kept alive with the entry); `raw` itself dies young.
    const stored: Stored = {
      seq,
      atMs: raw.atMs,
      method: raw.method,
      url: raw.url,
      query: raw.query,
      headers: raw.headers,
      status: raw.status,
      operationId: raw.operationId,
      elapsedMs: raw.elapsedMs,
      requestBody: keptRequestBody(raw.requestBody, raw.headers),
      responsePayload: keptPayload(raw.responsePayload),
      responseHeaders: raw.responseHeaders,
    };
    this.#ring[seq % this.capacity] = stored;
    const olderRequest = this.#entry(seq - REQUEST_BODIES_KEPT);
    if (olderRequest && olderRequest.requestBody !== undefined && olderRequest.requestBody !== null)
      olderRequest.requestBody = REQUEST_BODY_DROPPED;
    const olderResponse = this.#entry(seq - RESPONSE_BODIES_KEPT);
    if (olderResponse && olderResponse.responsePayload !== undefined && olderResponse.responsePayload !== '')
      olderResponse.responsePayload = RESPONSE_BODY_DROPPED;
    if (this.#listeners.size === 0) return;
    let formatted: JournalEntry | undefined;
    const entry = () => (formatted ??= format(stored));
    for (const listener of this.#listeners) listener(entry);
  }

  /** The entry numbered `seq` while the ring still holds it. */
  #entry(seq: number): Stored | undefined {
    if (seq < 1) return undefined;
    const stored = this.#ring[seq % this.capacity];
    return stored?.seq === seq ? stored : undefined;
  }

  /** The sequence number of the last entry added (0 before the first). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Calls `listener` after every add; returns the unsubscribe function. */
  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Oldest first: the newest `limit` entries that match (every match without a limit). */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const limit = filter.limit ?? Infinity;
    const out: JournalEntry[] = [];
    const first = Math.max(1, this.#seq - this.capacity + 1);
    for (let seq = this.#seq; seq >= first && out.length < limit; seq--) {
      const stored = this.#entry(seq);
      if (!stored) continue;
      const q = stored.url.indexOf('?');
      const path = q === -1 ? stored.url : stored.url.slice(0, q);
      if (method && stored.method !== method) continue;
      if (filter.path && path !== filter.path && !(filter.path.endsWith('*') && path.startsWith(filter.path.slice(0, -1)))) continue;
      if (filter.operationId && stored.operationId !== filter.operationId) continue;
      out.push(format(stored));
    }
    return out.reverse();
  }

  clear(): void {
    this.#ring.fill(undefined);
  }
}
