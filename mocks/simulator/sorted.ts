/**
 * The two small structures the stores' indexes are built from: an array kept in ascending order
 * (binary-search insert; appending in order is O(1)) and a binary heap. Both hold records by
 * reference, so an index entry costs one pointer.
 */

/** Negative when a sorts before b. */
export type Order<T> = (a: T, b: T) => number;

/** The first position whose item is not before `probe` (items ascending by `order`). */
export function lowerBound<T, P>(items: readonly T[], probe: P, order: (item: T, probe: P) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(items[mid] as T, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts in order; the common case (a record newer than every other) is a push. */
export function insertSorted<T>(items: T[], item: T, order: Order<T>): void {
  const last = items[items.length - 1];
  if (last === undefined || order(last, item) <= 0) {
    items.push(item);
    return;
  }
  items.splice(lowerBound(items, item, order), 0, item);
}

/** Sorts only when needed: data seeded in order (the usual case) costs one pass. */
export function ensureSorted<T>(items: T[], order: Order<T>): void {
  for (let i = 1; i < items.length; i++) {
    if (order(items[i - 1] as T, items[i] as T) > 0) {
      items.sort(order);
      return;
    }
  }
}

/** A binary min-heap under `order` (a max-heap with the order reversed). */
export class Heap<T> {
  items: T[] = [];
  constructor(private readonly order: Order<T>) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.order(a[i] as T, a[p] as T) >= 0) break;
      [a[i], a[p]] = [a[p] as T, a[i] as T];
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      this.#down(0);
    }
    return top;
  }

  /** Replaces the contents in O(n). */
  reset(items: T[]): void {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  #down(i: number): void {
    const a = this.items;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.order(a[l] as T, a[m] as T) < 0) m = l;
      if (r < n && this.order(a[r] as T, a[m] as T) < 0) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m] as T, a[i] as T];
      i = m;
    }
  }
}
