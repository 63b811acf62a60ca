// The server's one result cache: analytics results per query, substring matches per string and
// per search. Bounded by bytes, not entries: a concordance page is a few kB, the matches of a
// frequent string over 20k reports a few hundred kB, an n-gram table of a large subcorpus MBs.
// Keys start with the corpus generation, so a reload never serves stale results (and the old
// generation's entries age out of the LRU with nothing else keeping them).
import { LRUCache } from "lru-cache";

/** What a cached value costs, in bytes (estimated: V8 strings are 1 or 2 bytes a char). */
export type Sizer<T> = (value: T) => number;

/** Result objects: their JSON length ×2 (UTF-16 strings, object headers and numbers roughly even out). */
export const jsonSize: Sizer<unknown> = (value) => 2 * (JSON.stringify(value)?.length ?? 0);

/** Typed arrays and the like: the sum of their byteLength. */
export const bytesOf = (...arrays: { byteLength: number }[]): number => arrays.reduce((n, a) => n + a.byteLength, 0);

export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

interface Entry {
  value: unknown;
  size: number;
}

export class ResultCache {
  private readonly lru: LRUCache<string, Entry>;

  constructor(maxBytes = DEFAULT_CACHE_BYTES) {
    this.lru = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (e) => Math.max(1, e.size) });
  }

  /**
   * The value under (generation, kind, key), computed and stored on a miss. A value larger than
   * the whole cache is returned and not kept.
   */
  get<T>(generation: number, kind: string, key: string, compute: () => T, size: Sizer<T>): T {
    const k = `${generation}|${kind}|${key}`;
    const hit = this.lru.get(k);
    if (hit) return hit.value as T;
    const value = compute();
    this.lru.set(k, { value, size: size(value) });
    return value;
  }

  /**
   * get() for a value computed elsewhere (a pool worker), stored when it arrives. A failed or
   * cancelled computation stores nothing.
   */
  async getAsync<T>(generation: number, kind: string, key: string, compute: () => Promise<T>, size: Sizer<T>): Promise<T> {
    const k = `${generation}|${kind}|${key}`;
    const hit = this.lru.get(k);
    if (hit) return hit.value as T;
    const value = await compute();
    this.lru.set(k, { value, size: size(value) });
    return value;
  }

  /** Bytes held now (by the estimates). */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }

  clear(): void {
    this.lru.clear();
  }
}
