// Where a string occurs in the corpus store, inside words or across them
// (Meilisearch is prefix-only for Chinese). One scan of every text per string,
// then kept: researchers page, sort and refacet the same query, and a scan of
// 20k reports (~180 MB of text) costs tens of milliseconds on the only thread.
import { passageSpans, type PassageSpan } from "../../indexer/documents.ts";
import type { Report } from "../../indexer/types.ts";
import type { Corpus, CorpusDoc } from "../corpus/types.ts";

export interface SubstringHit {
  doc: CorpusDoc;
  /** start offsets of every non-overlapping occurrence, ascending */
  offsets: number[];
}

const CACHE_SIZE = 64;
const caches = new WeakMap<Corpus, Map<string, SubstringHit[]>>();

export function findSubstring(corpus: Corpus, needle: string): SubstringHit[] {
  let cache = caches.get(corpus);
  if (!cache) caches.set(corpus, (cache = new Map()));
  const cached = cache.get(needle);
  if (cached) {
    cache.delete(needle);
    cache.set(needle, cached);
    return cached;
  }
  const hits: SubstringHit[] = [];
  for (const doc of corpus.docs) {
    const text = doc.report.text;
    let at = text.indexOf(needle);
    if (at < 0) continue;
    const offsets: number[] = [];
    for (; at >= 0; at = text.indexOf(needle, at + needle.length)) offsets.push(at);
    hits.push({ doc, offsets });
  }
  cache.set(needle, hits);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return hits;
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
