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

export class Journal {
  readonly #entries: JournalEntry[] = [];
  #seq = 0;

  constructor(private readonly capacity = 5000) {}

  add(entry: Omit<JournalEntry, 'seq'>): void {
    this.#entries.push({ seq: ++this.#seq, ...entry });
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    return this.#entries.filter(
      (e) =>
        (!method || e.method === method) &&
        (!filter.path || e.path === filter.path || (filter.path.endsWith('*') && e.path.startsWith(filter.path.slice(0, -1)))) &&
        (!filter.operationId || e.operationId === filter.operationId),
    );
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
