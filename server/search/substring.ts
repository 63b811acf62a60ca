// Where a string occurs in the corpus store, inside words or across them
// (Meilisearch is prefix-only for Chinese). Scanning every text for every new
// string blocked the only thread for 100–350 ms at 20k reports; instead the
// vocabulary says which terms an occurrence can lie in or start in
// (needleTerms), the per-term doc postings say which reports hold those terms.
// A report holding a term that contains the string matches without being read,
// its occurrences inside tokens counted from the postings; only reports where
// the string could occur across a token boundary and nowhere else are read.
import type { PassageSpan } from "../../core/documents.ts";
import type { DocPostings } from "../analytics/shared/docPostings.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { bytesOf } from "../cache.ts";
import { needleReader, type NeedleReader } from "./needleReader.ts";
import { hasBorder, needleTerms } from "./needleTerms.ts";

export interface SubstringMatches {
  /** corpus.docs indices of the reports whose text contains the string, ascending */
  docs: Uint32Array;
  /** per entry of docs: its number of non-overlapping occurrences when exact[i] is 1, else an upper bound of it */
  counts: Uint32Array;
  exact: Uint8Array;
  /** reads one text for the string: the page's marks, passages, exact counts */
  read: NeedleReader;
}

/** What the corpus's indexes must give a substring scan. */
export type SubstringIndexes = Pick<CorpusIndexes, "docPostings" | "byteCosts">;

/** Bytes a SubstringMatches holds, for the result cache (the reader is a few closures). */
export const substringMatchesSize = (m: SubstringMatches): number => bytesOf(m.docs, m.counts, m.exact) + 256;


// Sets of reports are bitsets over corpus.docs indices.
const has = (set: Uint32Array, d: number) => (set[d >>> 5] & (1 << (d & 31))) !== 0;

/** Adds the reports holding any of ids to `into`; only those in `within` when given. */
function mark(P: DocPostings, ids: readonly number[], into: Uint32Array, within: Uint32Array | null): void {
  for (const id of ids) {
    for (let p = P.offsets[id], end = P.offsets[id + 1]; p < end; p++) {
      const d = P.doc[p];
      if (!within || has(within, d)) into[d >>> 5] |= 1 << (d & 31);
    }
  }
}

/** Adds times × each report's count of the tokens ids, for the reports in `within`. */
function tally(P: DocPostings, ids: readonly number[], times: number, into: Uint32Array, within: Uint32Array | null): void {
  for (const id of ids) {
    for (let p = P.offsets[id], end = P.offsets[id + 1]; p < end; p++) {
      const d = P.doc[p];
      if (!within || has(within, d)) into[d] += times * P.count[p];
    }
  }
}

export function findSubstring(corpus: Corpus, ix: SubstringIndexes, s: string): SubstringMatches {
  const N = corpus.docs.length;
  const m = s.length;
  const P = ix.docPostings;
  const border = hasBorder(s);
  const read = needleReader(s, border ? 0 : cheapestAt(ix.byteCosts, s));
  if (!m) return { docs: new Uint32Array(0), counts: new Uint32Array(0), exact: new Uint8Array(0), read };
  const { inner, heads, tails, pieces } = needleTerms(corpus.vocab, s);
  const set = () => new Uint32Array((N + 31) >>> 5);

  // Reports holding a term that contains s, and the occurrences inside those terms.
  const holds = set();
  const insideTokens = new Uint32Array(N);
  for (const { id, times } of inner) {
    mark(P, [id], holds, null);
    tally(P, [id], times, insideTokens, null);
  }

  // reach[j]: reports with terms that could spell s[j,m) from a token start on (a tail, or a piece then reach[j + its length]).
  const reach: (Uint32Array | null)[] = new Array<Uint32Array | null>(m + 1).fill(null);
  for (let j = m - 1; j > 0; j--) {
    let r: Uint32Array | null = null;
    if (tails[j].length) mark(P, tails[j], (r = set()), null);
    for (const id of pieces[j]) {
      const next = reach[j + corpus.vocab[id].length];
      if (next) mark(P, [id], (r ??= set()), next);
    }
    reach[j] = r;
  }
  // Reports where an occurrence could cross a token boundary: a head, and what could follow it.
  const crosses = set();
  for (let k = 1; k < m; k++) if (reach[k]) mark(P, heads[k], crosses, reach[k]);

  // A crossing occurrence with k characters in its first token takes one head token ending
  // with s[0,k) and the token after it, a tail or a piece at k; without a border no two
  // such occurrences share either. So per k the fewer of the two token counts bounds them.
  // (With a border, the text length does.) Only reports that also hold s inside a token
  // need a bound: the others are read anyway.
  const crossing = new Uint32Array(N);
  if (!border) {
    const both = holds.map((w, i) => w & crosses[i]);
    const first = new Uint32Array(N);
    const next = new Uint32Array(N);
    for (let k = 1; k < m; k++) {
      if (!reach[k] || !heads[k].length) continue;
      first.fill(0);
      next.fill(0);
      tally(P, heads[k], 1, first, both);
      tally(P, [...tails[k], ...pieces[k]], 1, next, both);
      for (let d = 0; d < N; d++) crossing[d] += Math.min(first[d], next[d]);
    }
  }

  const docs: number[] = [];
  const counts: number[] = [];
  const exact: number[] = [];
  const push = (d: number, count: number, isExact: number) => {
    docs.push(d);
    counts.push(count);
    exact.push(isExact);
  };
  for (let d = 0; d < N; d++) {
    const held = has(holds, d);
    const mayCross = has(crosses, d);
    if (!held && !mayCross) continue;
    if (!held) {
      // Only a crossing occurrence could put it here: read it (and count while reading).
      const n = read.count(corpus.docs[d].report.text);
      if (n) push(d, n, 1);
    } else if (!mayCross) push(d, insideTokens[d], 1);
    else if (border) push(d, corpus.docs[d].report.text.length, 0);
    else push(d, insideTokens[d] + crossing[d], 0);
  }
  return { docs: Uint32Array.from(docs), counts: Uint32Array.from(counts), exact: Uint8Array.from(exact), read };
}

/**
 * Where in s to start reading. V8's indexOf looks for the pattern's first code unit with
 * memchr on its larger byte, so it stops at every code unit holding that byte: 扶 (U+6276)
 * at every 的 (U+7684). The cost of a byte is how often the corpus's code units hold it
 * (counted from the terms and their postings); the cheapest of s's characters wins.
 */
function cheapestAt(cost: Float64Array, s: string): number {
  const of = (j: number) => cost[Math.max(s.charCodeAt(j) >> 8, s.charCodeAt(j) & 255)];
  let at = 0;
  for (let j = 1; j < s.length; j++) if (of(j) < of(at)) at = j;
  return at;
}

/** Per byte value: how many of the corpus's code units hold it (built once per corpus by CorpusIndexes). */
export function byteCosts(corpus: Corpus, { offsets, count }: DocPostings): Float64Array {
  const cost = new Float64Array(256);
  for (let id = 0; id < corpus.vocab.length; id++) {
    let total = 0;
    for (let p = offsets[id]; p < offsets[id + 1]; p++) total += count[p];
    const t = corpus.vocab[id];
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      cost[c >> 8] += total;
      if ((c & 255) !== c >> 8) cost[c & 255] += total;
    }
  }
  return cost;
}

/** Occurrences grouped by the passage that holds them (both lists ascending: one merge). */
export function byPassage(spans: PassageSpan[], offsets: number[], length: number): { idx: number; start: number; end: number; count: number }[] {
  const out: { idx: number; start: number; end: number; count: number }[] = [];
  let s = 0;
  for (const at of offsets) {
    while (s < spans.length && spans[s].end < at + length) s++;
    if (s === spans.length) break;
    if (spans[s].start > at) continue; // straddles a passage cut: not inside one passage
    const last = out[out.length - 1];
    if (last && last.idx === s) last.count++;
    else out.push({ idx: s, start: spans[s].start, end: spans[s].end, count: 1 });
  }
  return out;
}
