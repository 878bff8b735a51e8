/** Request journal (like WireMock's): what an integration really sent, for its own assertions. */
export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  status: number;
  operationId: string | null;
  durationMs: number;
}

export interface JournalFilter {
  method?: string;
  path?: string;
  operationId?: string;
}

/** What the hot path keeps: references only; an entry is formatted when someone reads the journal. */
interface RawEntry {
  seq: number;
  atMs: number;
  method: string;
  url: string;
  query: unknown;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  operationId: string | null;
  elapsedMs: number;
}

/** The request headers worth asserting on (the credential headers included: this is a test double). */
const KEPT_HEADERS = ['x-otp-session', 'content-type', 'user-agent', 'x-api-key', 'authorization'] as const;

function format(e: RawEntry): JournalEntry {
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
  };
}

/** A bounded ring buffer: adding is O(1) on the hot path, the oldest entries are dropped. */
export class Journal {
  readonly #ring: (RawEntry | undefined)[];
  #seq = 0;

  constructor(private readonly capacity = 5000) {
    this.#ring = new Array<RawEntry | undefined>(capacity);
  }

  /** Called once per API request after its response: keeps references, formats nothing. */
  add(atMs: number, method: string, url: string, query: unknown, headers: RawEntry['headers'], status: number, operationId: string | null, elapsedMs: number): void {
    const seq = ++this.#seq;
    this.#ring[seq % this.capacity] = { seq, atMs, method, url, query, headers, status, operationId, elapsedMs };
  }

  /** Oldest first. */
  #entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    const first = Math.max(1, this.#seq - this.capacity + 1);
    for (let seq = first; seq <= this.#seq; seq++) {
      const e = this.#ring[seq % this.capacity];
      if (e?.seq === seq) out.push(format(e));
    }
    return out;
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    return this.#entries().filter(
      (e) =>
        (!method || e.method === method) &&
        (!filter.path || e.path === filter.path || (filter.path.endsWith('*') && e.path.startsWith(filter.path.slice(0, -1)))) &&
        (!filter.operationId || e.operationId === filter.operationId),
    );
  }

  clear(): void {
    this.#ring.fill(undefined);
  }
}
