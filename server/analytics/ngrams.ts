// Recurring word n-grams. An n-gram is n consecutive word tokens with nothing between them: any
// punctuation or whitespace token (，、：。 “ ” …) breaks it, so no n-gram straddles a clause.
// Time O(tokens of docs · n); memory O(distinct n-grams) and nothing per position: the distinct
// n-grams live in one open-addressing hash table over typed arrays (their ids, hash, count, doc
// count: ~40 bytes each for n = 3), numbered in order of first appearance. A string key per
// position allocated ~2 GB per call at 20k reports and kept ~100 bytes per distinct n-gram.
// For very large selections the route should cap the docs or cache the result — distinct
// n-grams grow almost linearly with the corpus.
import type { z } from "zod";
import type { NgramsResponseSchema } from "../../core/api/schema.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { Corpus, CorpusDoc, TokenIds } from "../../core/corpus/types.ts";
import { WORD } from "./shared/tokenClasses.ts";

export interface NgramsOptions {
  /** 2..8 */
  n: number;
  /** minimum count; default 2 */
  min?: number;
  limit?: number;
}

/** text: the words joined as they appear in the text (no spaces) */
export type NgramRow = NgramsResponse["rows"][number];
type NgramsResponse = z.infer<typeof NgramsResponseSchema>;

export function ngrams(corpus: Corpus, docs: CorpusDoc[], options: NgramsOptions, ix: Pick<CorpusIndexes, "tokenClasses">): NgramsResponse {
  const n = Math.trunc(options.n);
  if (!(n >= 2 && n <= 8)) throw new RangeError(`ngrams: n must be 2..8, got ${options.n}`);
  const min = options.min ?? 2;
  const flags = ix.tokenClasses;

  const table = new GramTable(n);
  docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    let run = 0; // consecutive word tokens ending at i
    for (let i = 0; i < ids.length; i++) {
      if (!(flags[ids[i]] & WORD)) {
        run = 0;
        continue;
      }
      if (++run >= n) table.add(ids, i - n + 1, d);
    }
  });

  const rows: NgramRow[] = [];
  for (let s = 0; s < table.size; s++) {
    if (table.counts[s] < min) continue;
    const tokens = Array.from(table.grams.subarray(s * n, s * n + n), (id) => corpus.vocab[id]);
    rows.push({ text: tokens.join(""), tokens, count: table.counts[s], docs: table.docFreq[s] });
  }
  rows.sort((a, b) => b.count - a.count || b.docs - a.docs || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { rows: rows.slice(0, options.limit ?? rows.length) };
}

/** Distinct n-grams in order of first appearance, with their counts and doc counts. */
class GramTable {
  size = 0;
  /** ids of n-gram s at [s·n, s·n + n) */
  grams: Uint32Array;
  counts: Uint32Array;
  docFreq: Uint32Array;
  private hashes: Uint32Array;
  /** last doc (+1) that counted toward docFreq */
  private lastDoc: Uint32Array;
  /** n-gram number + 1 per bucket, 0 = empty; kept at most half full */
  private buckets = new Uint32Array(2048);

  constructor(private readonly n: number) {
    this.grams = new Uint32Array(1024 * n);
    this.counts = new Uint32Array(1024);
    this.docFreq = new Uint32Array(1024);
    this.hashes = new Uint32Array(1024);
    this.lastDoc = new Uint32Array(1024);
  }

  add(ids: TokenIds, from: number, doc: number): void {
    const n = this.n;
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ ids[from + k], 0x01000193);
    h >>>= 0;
    const mask = this.buckets.length - 1;
    let b = h & mask;
    let s = -1;
    for (let e = this.buckets[b]; e; e = this.buckets[b]) {
      if (this.hashes[e - 1] === h && this.same(e - 1, ids, from)) {
        s = e - 1;
        break;
      }
      b = (b + 1) & mask;
    }
    if (s < 0) {
      s = this.size++;
      if (s === this.counts.length) this.grow();
      this.grams.set(ids.subarray(from, from + n), s * n);
      this.hashes[s] = h;
      this.buckets[b] = s + 1;
      if (2 * this.size > this.buckets.length) this.rehash();
    }
    this.counts[s]++;
    if (this.lastDoc[s] !== doc + 1) {
      this.lastDoc[s] = doc + 1;
      this.docFreq[s]++;
    }
  }

  private same(s: number, ids: TokenIds, from: number): boolean {
    const at = s * this.n;
    for (let k = 0; k < this.n; k++) if (this.grams[at + k] !== ids[from + k]) return false;
    return true;
  }

  private grow(): void {
    const widen = (a: Uint32Array, factor: number) => {
      const b = new Uint32Array(a.length * factor);
      b.set(a);
      return b;
    };
    this.grams = widen(this.grams, 2);
    this.counts = widen(this.counts, 2);
    this.docFreq = widen(this.docFreq, 2);
    this.hashes = widen(this.hashes, 2);
    this.lastDoc = widen(this.lastDoc, 2);
  }

  private rehash(): void {
    this.buckets = new Uint32Array(this.buckets.length * 2);
    const mask = this.buckets.length - 1;
    for (let s = 0; s < this.size; s++) {
      let b = this.hashes[s] & mask;
      while (this.buckets[b]) b = (b + 1) & mask;
      this.buckets[b] = s + 1;
    }
  }
}
