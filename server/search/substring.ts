// Where a string occurs in the corpus store, inside words or across them
// (Meilisearch is prefix-only for Chinese). Scanning every text for every new
// string blocked the only thread for 100–350 ms at 20k reports; instead the
// vocabulary says which terms an occurrence can lie in or start in
// (needleTerms), the per-term doc postings say which reports hold those terms,
// and only reports where an occurrence would have to cross a token boundary
// are read. A report that holds a term containing the string matches without
// being read; its occurrences inside tokens are counted from the postings.
import { passageSpans, type PassageSpan } from "../../indexer/documents.ts";
import type { Report } from "../../indexer/types.ts";
import { docPostings } from "../analytics/shared/docPostings.ts";
import type { Corpus } from "../corpus/types.ts";
import { hasBorder, needleTerms } from "./needleTerms.ts";

export interface SubstringMatches {
  /** corpus.docs indices of the reports whose text contains the string, ascending */
  docs: Uint32Array;
  /** per entry of docs: its number of non-overlapping occurrences when exact[i] is 1, else an upper bound of it */
  counts: Uint32Array;
  exact: Uint8Array;
}

const CACHE_SIZE = 64;
const caches = new WeakMap<Corpus, Map<string, SubstringMatches>>();

/** Start offsets of the non-overlapping occurrences of needle in text, ascending (what an indexOf scan finds). */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

export function countOccurrences(text: string, needle: string): number {
  let n = 0;
  if (!needle) return n;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function findSubstring(corpus: Corpus, needle: string): SubstringMatches {
  let cache = caches.get(corpus);
  if (!cache) caches.set(corpus, (cache = new Map()));
  let found = cache.get(needle);
  if (found) cache.delete(needle);
  else {
    found = scan(corpus, needle);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(needle, found);
  return found;
}

const has = (set: Uint32Array, k: number) => (set[k >>> 5] & (1 << (k & 31))) !== 0;
const add = (set: Uint32Array, k: number) => void (set[k >>> 5] |= 1 << (k & 31));

function scan(corpus: Corpus, s: string): SubstringMatches {
  const N = corpus.docs.length;
  const m = s.length;
  if (!m) return { docs: new Uint32Array(0), counts: new Uint32Array(0), exact: new Uint8Array(0) };
  const P = docPostings(corpus);
  const { inner, heads, tails, pieces } = needleTerms(corpus.vocab, s);
  const words = (N + 31) >>> 5;
  const each = (id: number, f: (doc: number, count: number) => void) => {
    for (let p = P.offsets[id]; p < P.offsets[id + 1]; p++) f(P.doc[p], P.count[p]);
  };

  // Reports holding a term that contains s, and the occurrences inside those terms.
  const holds = new Uint32Array(words);
  const insideTokens = new Uint32Array(N);
  for (const { id, times } of inner)
    each(id, (d, c) => {
      add(holds, d);
      insideTokens[d] += times * c;
    });

  // reach[j]: reports with terms that could spell s[j,m) from a token start on (a tail, or a piece then reach[j + its length]).
  const reach: (Uint32Array | null)[] = new Array<Uint32Array | null>(m + 1).fill(null);
  for (let j = m - 1; j > 0; j--) {
    let r: Uint32Array | null = null;
    for (const id of tails[j]) each(id, (d) => add((r ??= new Uint32Array(words)), d));
    for (const id of pieces[j]) {
      const next = reach[j + corpus.vocab[id].length];
      if (next) each(id, (d) => has(next, d) && add((r ??= new Uint32Array(words)), d));
    }
    reach[j] = r;
  }
  // Reports where an occurrence could cross a token boundary: a head, and what could follow it.
  const crosses = new Uint32Array(words);
  for (let k = 1; k < m; k++) {
    const r = reach[k];
    if (r) for (const id of heads[k]) each(id, (d) => has(r, d) && add(crosses, d));
  }

  // A boundary-crossing occurrence starts in one head token and goes on into the token after
  // it, a tail or a piece; without a border no two occurrences share either token. So the
  // fewer of the two token counts bounds how many cross. (With a border, the text length does.)
  const border = hasBorder(s);
  const headTokens = new Uint32Array(N);
  const nextTokens = new Uint32Array(N);
  if (!border) {
    const sum = (ids: Iterable<number>, into: Uint32Array) => {
      for (const id of ids) each(id, (d, c) => has(holds, d) && has(crosses, d) && (into[d] += c));
    };
    sum(new Set(heads.flat()), headTokens);
    sum(new Set([...tails.flat(), ...pieces.flat()]), nextTokens);
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
    const crossing = has(crosses, d);
    if (!held && !crossing) continue;
    if (!held) {
      // Only a crossing occurrence could put it here: read it (and count while reading).
      const n = countOccurrences(corpus.docs[d].report.text, s);
      if (n) push(d, n, 1);
    } else if (!crossing) push(d, insideTokens[d], 1);
    else if (border) push(d, corpus.docs[d].report.text.length, 0);
    else push(d, insideTokens[d] + Math.min(headTokens[d], nextTokens[d]), 0);
  }
  return { docs: Uint32Array.from(docs), counts: Uint32Array.from(counts), exact: Uint8Array.from(exact) };
}

const spansCache = new WeakMap<Report, PassageSpan[]>();

/** The report's passages (as indexed in Meilisearch), computed once per report. */
export function cachedPassageSpans(r: Report): PassageSpan[] {
  let spans = spansCache.get(r);
  if (!spans) spansCache.set(r, (spans = passageSpans(r)));
  return spans;
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
