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

/** A bounded ring buffer: adding is O(1) on the hot path, the oldest entries are dropped. */
export class Journal {
  readonly #ring: (JournalEntry | undefined)[];
  #seq = 0;

  constructor(private readonly capacity = 5000) {
    this.#ring = new Array<JournalEntry | undefined>(capacity);
  }

  add(entry: Omit<JournalEntry, 'seq'>): void {
    const seq = ++this.#seq;
    this.#ring[seq % this.capacity] = { seq, ...entry };
  }

  /** Oldest first. */
  #entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    const first = Math.max(1, this.#seq - this.capacity + 1);
    for (let seq = first; seq <= this.#seq; seq++) {
      const e = this.#ring[seq % this.capacity];
      if (e?.seq === seq) out.push(e);
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
