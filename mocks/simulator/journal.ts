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
 * Only the newest this many entries keep their bodies (the console shows 500): holding every
 * answer of a 5000-entry ring alive doubled the simulator's memory under load and slowed it by
 * a quarter (garbage collection), so older entries give a note instead.
 */
export const ENTRIES_WITH_BODIES = 500;
const BODIES_DROPPED = `[not kept: only the newest ${ENTRIES_WITH_BODIES} journal entries keep their bodies]`;

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
    const stored = raw as Stored;
    stored.seq = seq;
    stored.requestBody = keptRequestBody(raw.requestBody, raw.headers);
    stored.responsePayload = keptPayload(raw.responsePayload);
    this.#ring[seq % this.capacity] = stored;
    const older = this.#ring[(seq - ENTRIES_WITH_BODIES) % this.capacity];
    if (seq > ENTRIES_WITH_BODIES && older?.seq === seq - ENTRIES_WITH_BODIES) {
      older.requestBody = older.requestBody === undefined || older.requestBody === null ? older.requestBody : BODIES_DROPPED;
      older.responsePayload = older.responsePayload === undefined || older.responsePayload === '' ? older.responsePayload : BODIES_DROPPED;
    }
    if (this.#listeners.size === 0) return;
    let formatted: JournalEntry | undefined;
    const entry = () => (formatted ??= format(stored));
    for (const listener of this.#listeners) listener(entry);
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
      const stored = this.#ring[seq % this.capacity];
      if (stored?.seq !== seq) continue;
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
