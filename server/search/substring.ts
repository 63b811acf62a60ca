// Where a string occurs in the corpus store, inside words or across them
// (Meilisearch is prefix-only for Chinese). Scanning every text for every new
// string blocked the only thread for 100–350 ms at 20k reports; instead the
// vocabulary says which terms an occurrence can lie in or start in
// (needleTerms), the per-term doc postings say which reports hold those terms.
// A report holding a term that contains the string matches without being read,
// its occurrences inside tokens counted from the postings; only reports where
// the string could occur across a token boundary and nowhere else are read. Terms and the texts
// read are folded to simplified characters (core/fold.ts), as the string is; offsets are the text's.
import type { PassageSpan } from "../../core/documents.ts";
import type { DocPostings } from "../analytics/shared/docPostings.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { FACETS, type FacetName, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import { failedFacets, inScope } from "../../core/filter.ts";
import type { CorpusDoc } from "../../core/corpus/types.ts";
import { bytesOf, jsonSize, type ResultCache } from "../cache.ts";
import { corpusHit } from "./snippet.ts";
import { rankByCount } from "./rankByCount.ts";
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
export type SubstringIndexes = Pick<CorpusIndexes, "docPostings" | "byteCosts" | "foldedText">;

/** Bytes a SubstringMatches holds, for the result cache (the reader is a few closures). */
export const substringMatchesSize = (m: SubstringMatches): number => bytesOf(m.docs, m.counts, m.exact) + 256;


// Sets of reports are bitsets over corpus.docs indices.
const has = (set: Uint32Array, d: number) => (set[d >>> 5] & (1 << (d & 31))) !== 0;

/** Adds the reports holding any of ids to `into`; only those in `within` when given. */
function mark(P: DocPostings, ids: readonly number[], into: Uint32Array, within: Uint32Array | null): void {
  for (const id of ids) {
    const { doc } = P.list(id);
    for (let p = 0; p < doc.length; p++) {
      const d = doc[p];
      if (!within || has(within, d)) into[d >>> 5] |= 1 << (d & 31);
    }
  }
}

/** Adds times × each report's count of the tokens ids, for the reports in `within`. */
function tally(P: DocPostings, ids: readonly number[], times: number, into: Uint32Array, within: Uint32Array | null): void {
  for (const id of ids) {
    const { doc, count } = P.list(id);
    for (let p = 0; p < doc.length; p++) {
      const d = doc[p];
      if (!within || has(within, d)) into[d] += times * count[p];
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
      const n = read.count(ix.foldedText(corpus.docs[d].report));
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
export function byteCosts(corpus: Corpus, P: DocPostings): Float64Array {
  const cost = new Float64Array(256);
  for (let id = 0; id < corpus.vocab.length; id++) {
    let total = 0;
    for (const n of P.list(id).count) total += n;
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

// Substring search: what /api/search answers for match=substring.

type Facets = SearchResponse["facets"];
const emptyFacets = (): Facets => ({ sector: {}, year: {}, docType: {}, level: {} });

interface SubstringMatch {
  doc: CorpusDoc;
  start: number;
  end: number;
  idx: number;
  /** occurrences in [start, end), or an upper bound of them (see findSubstring) */
  count: number;
}

interface SubstringResult {
  total: number;
  facets: Facets;
  /** matches [from, to) in the query's order */
  page(from: number, to: number): SubstringMatch[];
  read: NeedleReader;
}

/**
 * Matches, facet counts and the ranking so far per (string, filters, mode, sort) go in `cache`:
 * paging through a frequent string over 20k reports would otherwise refacet every match. The
 * string's matches are cached on their own too: other filters reuse them. Runs in a worker of the
 * analytics pool (server/pool), over the corpus image; `cache` is that worker's.
 * Size: ~120 bytes a match (the object, its ranking slot) plus the facet counts.
 */
export function substringSearch(corpus: Corpus, ix: CorpusIndexes, cache: ResultCache, generation: number, query: SearchQuery): { total: number; hits: Hit[]; facets: Facets } {
  const { page: _page, perPage: _perPage, ...rest } = query;
  const needle = (query.q ?? "").trim();
  const result = cache.get(
    generation,
    "search:substring",
    JSON.stringify(rest),
    () => substringMatches(corpus, query, cache.get(generation, "substring", needle, () => findSubstring(corpus, ix, needle), substringMatchesSize), ix),
    (r) => 120 * r.total + jsonSize(r.facets),
  );
  const from = (query.page - 1) * query.perPage;
  return { total: result.total, hits: substringHits(result.page(from, from + query.perPage), query, result.read, ix), facets: result.facets };
}

function substringMatches(corpus: Corpus, query: SearchQuery, found: SubstringMatches, ix: CorpusIndexes): SubstringResult {
  const needle = (query.q ?? "").trim();
  // Maps while counting: a frequent string bumps four facets of ~20k reports.
  const counts = new Map<FacetName, Map<string | number, number>>(FACETS.map((f) => [f, new Map()]));
  const bump = (f: FacetName, key: string | number | null) => {
    if (key === null) return;
    const m = counts.get(f)!;
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const matches: SubstringMatch[] = [];
  const exact: number[] = [];
  for (let i = 0; i < found.docs.length; i++) {
    const doc = corpus.docs[found.docs[i]];
    const r = doc.report;
    // kind and duplicates are not facets: they narrow before counting.
    if (!inScope(r, query)) continue;
    const failed = failedFacets(r, query);
    // Failing two filters, it counts for no facet and is no hit: not worth reading for passages.
    if (failed.length > 1) continue;
    const hit = failed.length === 0;
    const counted = hit ? FACETS : failed;
    const units =
      query.mode === "passage"
        ? byPassage(ix.passageSpans(r), found.read.occurrences(ix.foldedText(r)), needle.length)
        : [{ start: 0, end: r.text.length, idx: -1, count: found.counts[i] }];
    for (const u of units) {
      for (const f of counted) bump(f, f === "year" ? r.year : r[f]);
      if (hit) {
        matches.push({ doc, start: u.start, end: u.end, idx: u.idx, count: u.count });
        exact.push(query.mode === "passage" ? 1 : found.exact[i]);
      }
    }
  }
  const facets = emptyFacets();
  for (const [f, m] of counts) for (const [key, n] of m) facets[f][String(key)] = n;
  if (query.sort === "relevance") {
    const ranking = rankByCount(
      matches.map((m) => m.count),
      exact,
      (i) => found.read.count(ix.foldedText(matches[i].doc.report)),
    );
    return { total: matches.length, facets, page: (from, to) => ranking.take(to).slice(from).map((i) => matches[i]), read: found.read };
  }
  const dir = query.sort === "year:asc" ? 1 : -1;
  // Unknown years go last, as in Meilisearch.
  matches.sort((a, b) => (a.doc.report.year ?? (dir > 0 ? 9999 : 0)) * dir - (b.doc.report.year ?? (dir > 0 ? 9999 : 0)) * dir);
  return { total: matches.length, facets, page: (from, to) => matches.slice(from, to), read: found.read };
}

function substringHits(page: SubstringMatch[], query: SearchQuery, read: NeedleReader, ix: SubstringIndexes): Hit[] {
  const needle = (query.q ?? "").trim();
  return page.map((m): Hit => {
    const r = m.doc.report;
    const marks = read
      .occurrences(ix.foldedText(r))
      .filter((at) => at >= m.start && at + needle.length <= m.end)
      .map((start) => ({ start, end: start + needle.length, term: needle }));
    return corpusHit(r, marks, m.start, m.end, m.idx);
  });
}
