// Snippets cut from the corpus store, not from Meilisearch: cropping whole
// reports in Meilisearch costs ~30× the search itself (DESIGN.md, measured).
import type { Snippet } from "../../core/api/schema.ts";
import { tokenBound, tokenStart } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";

export const SNIPPET_CHARS = 160;

export interface Occurrence {
  start: number;
  end: number;
  term: string;
}

/**
 * Occurrences of any of `terms` at token boundaries of a document's token stream,
 * within [from, to). Terms become vocabulary ids once, and the walk starts at the
 * first token from `from` (tokenBound): a passage hit in a long report costs its passage only.
 */
export function tokenOccurrences(
  corpus: Pick<Corpus, "vocab" | "termIds" | "termLength">,
  doc: Pick<CorpusDoc, "tokenIds" | "checkpoints">,
  terms: Set<string>,
  from = 0,
  to = Infinity,
): Occurrence[] {
  const ids: number[] = [];
  for (const t of terms) {
    const id = corpus.termIds.get(t);
    if (id !== undefined) ids.push(id);
  }
  const out: Occurrence[] = [];
  if (!ids.length) return out;
  // A per-vocabulary flag array instead of Set.has on every token: this walk covers whole reports
  // for each search hit and showed up at ~7 % of the server's busy time under search load.
  if (wanted.length < corpus.termLength.length) wanted = new Uint8Array(corpus.termLength.length);
  for (const id of ids) wanted[id] = 1;
  const { tokenIds } = doc;
  const len = corpus.termLength;
  let i = tokenBound(corpus, doc, from);
  for (let pos = tokenStart(corpus, doc, i); i < tokenIds.length && pos < to; i++) {
    const id = tokenIds[i];
    const end = pos + len[id];
    if (wanted[id] === 1) out.push({ start: pos, end, term: corpus.vocab[id] });
    pos = end;
  }
  for (const id of ids) wanted[id] = 0;
  return out;
}

/** Scratch flags for tokenOccurrences, by vocabulary id; all zero between calls. */
let wanted = new Uint8Array(0);

/** Every occurrence of `needle` in `text[from, to)`, left to right, not overlapping. */
export function substringOccurrences(text: string, needle: string, from = 0, to = text.length): Occurrence[] {
  const out: Occurrence[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) {
    out.push({ start: at, end: at + needle.length, term: needle });
  }
  return out;
}

/**
 * The ≤ SNIPPET_CHARS window of `text[from, to)` that shows the most distinct
 * query terms, with marks relative to the snippet. Without occurrences, the start.
 */
export function makeSnippet(text: string, occurrences: Occurrence[], from = 0, to = text.length): { snippet: Snippet; offset: number } {
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
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? "")) start++;
  const marks: [number, number][] = occurrences.filter((o) => o.start >= start && o.end <= end).map((o) => [o.start - start, o.end - start]);
  return { snippet: { text: text.slice(start, end), marks }, offset: start };
}
