// Snippets cut from the corpus store, not from Meilisearch: cropping whole
// reports in Meilisearch costs ~30× the search itself (measured in round one).
import type { Hit, Snippet } from "../../core/api/schema.ts";
import { sectionAt } from "../../core/documents.ts";
import type { Report } from "../../core/model.ts";
import { compileTerm, forEachMatch, type CompiledTerm } from "../../core/corpus/match.ts";
import { tokenBound, tokenStarts } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { ParsedQuery } from "../../core/query.ts";

export const SNIPPET_CHARS = 160;

export interface Occurrence {
  start: number;
  end: number;
  term: string;
}

/**
 * Occurrences of the query's parts in a document within [from, to), sorted: each part as
 * core/corpus/match.ts finds it (a phrase or a split word is one occurrence covering all its
 * tokens; synonyms count as the part). `term` is the part's text, so a snippet can prefer a window
 * showing more distinct parts. The walk covers the tokens of [from, to) only (tokenBound): a
 * passage hit in a long report costs its passage.
 */
export function queryOccurrences(
  corpus: Pick<Corpus, "termLength" | "isSpace">,
  doc: Pick<CorpusDoc, "tokenIds" | "checkpoints">,
  parts: readonly { text: string; term: CompiledTerm }[],
  from = 0,
  to = Infinity,
): Occurrence[] {
  const out: Occurrence[] = [];
  if (!parts.some((p) => p.term.length)) return out;
  const first = tokenBound(corpus, doc, from);
  const last = to === Infinity ? doc.tokenIds.length : tokenBound(corpus, doc, to);
  const at = tokenStarts(corpus, doc);
  for (const p of parts) {
    forEachMatch(corpus, doc, p.term, (s, e) => {
      const start = at(s);
      const end = at(e);
      if (start >= from && end <= to) out.push({ start, end, term: p.text });
    }, first, last);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Every occurrence of `needle` in `text[from, to)`, left to right, not overlapping. */
export function substringOccurrences(text: string, needle: string, from = 0, to = text.length): Occurrence[] {
  const out: Occurrence[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) {
    out.push({ start: at, end: at + needle.length, term: needle });
  }
  return out;
}

/** A text, or a window reader over one that is not in memory (Corpus.textSlice): only `slice` is read. */
export interface TextSource {
  readonly length: number;
  slice(from: number, to: number): string;
}

/**
 * The ≤ SNIPPET_CHARS window of `text[from, to)` that shows the most distinct
 * query terms, with marks relative to the snippet. Without occurrences, the start.
 */
export function makeSnippet(text: TextSource, occurrences: Occurrence[], from = 0, to = text.length): { snippet: Snippet; offset: number } {
  if (occurrences.length === 0) {
    const end = Math.min(to, from + SNIPPET_CHARS);
    return { snippet: { text: text.slice(from, end), marks: [] }, offset: from };
  }
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < occurrences.length; i++) {
    const distinct = new Set<string>();
    let n = 0;
    for (let j = i; j < occurrences.length && occurrences[j].end - occurrences[i].start <= SNIPPET_CHARS * 0.7; j++) {
      distinct.add(occurrences[j].term);
      n++;
    }
    const score = distinct.size * 1000 + n;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const anchor = occurrences[best];
  let start = Math.max(from, anchor.start - Math.floor(SNIPPET_CHARS / 4));
  const end = Math.min(to, start + SNIPPET_CHARS);
  start = Math.max(from, Math.min(start, end - SNIPPET_CHARS));
  let window = text.slice(start, end);
  // Never cut a surrogate pair in half.
  if (start > 0 && /^[\uDC00-\uDFFF]/.test(window)) {
    start++;
    window = window.slice(1);
  }
  const marks: [number, number][] = occurrences.filter((o) => o.start >= start && o.end <= end).map((o) => [o.start - start, o.end - start]);
  return { snippet: { text: window, marks }, offset: start };
}

/** The required parts of a parsed query, compiled for queryOccurrences. */
export function markParts(corpus: Pick<Corpus, "termIds">, parsed: ParsedQuery): { text: string; term: CompiledTerm }[] {
  return parsed.required.map((t) => ({ text: t.text, term: compileTerm(corpus, t.alternatives) }));
}

/**
 * A search hit for `r[from, to)` found over the corpus itself (substring, CQL): the snippet around
 * `marks`, the section it falls in, the report's metadata. `idx` ≥ 0: a passage, id `<report>-<idx>`.
 */
export function corpusHit(r: Report, marks: Occurrence[], from: number, to: number, idx: number): Hit {
  const { snippet, offset } = makeSnippet(r.text, marks, from, to);
  return {
    id: idx >= 0 ? `${r.id}-${idx}` : r.id,
    reportId: r.id,
    title: r.title,
    pageTitle: r.pageTitle,
    sector: r.sector,
    year: r.year,
    docType: r.docType,
    level: r.level,
    kind: r.kind,
    source: r.source,
    section: sectionAt(r, offset),
    offset,
    snippet,
  };
}
