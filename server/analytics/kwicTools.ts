// Concordance tools beside kwic(): keep only the lines with a collocate near the match, and mark
// the words the lines sort on (L2 L1 | R1 R2) so the view can colour them as AntConc does.
// Both work on one hit at a time: O(window) tokens for the filter, O(width) for the marks.
import { tokenBound, tokenStart } from "../../core/corpus/offsets.ts";
import { forEachMatch, type CompiledTerm } from "../../core/corpus/match.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { KwicResponse } from "../../core/api/schema.ts";
import { WORD } from "./shared/tokenClasses.ts";

/** Token indices [first, end) of the hit at chars [start, end). */
function hitTokens(corpus: Corpus, doc: CorpusDoc, start: number, end: number): [number, number] {
  return [tokenBound(corpus, doc, start + 1) - 1, tokenBound(corpus, doc, end)];
}

/** Does `term` occur within `window` words left or right of the hit (punctuation takes no position)? */
export function hasCollocate(corpus: Corpus, doc: CorpusDoc, start: number, end: number, term: CompiledTerm, window: number, flags: Uint8Array): boolean {
  const ids = doc.tokenIds;
  const [a, b] = hitTokens(corpus, doc, start, end);
  let lo = a;
  for (let seen = 0; lo > 0 && seen < window; ) if (flags[ids[--lo]] & WORD) seen++;
  let hi = b;
  for (let seen = 0; hi < ids.length && seen < window; ) if (flags[ids[hi++]] & WORD) seen++;
  return forEachMatch(corpus, doc, term, undefined, lo, a) > 0 || forEachMatch(corpus, doc, term, undefined, b, hi) > 0;
}

export type ContextMarks = NonNullable<KwicResponse["lines"][number]["context"]>;

/**
 * Where the first two words left and right of the hit lie in the line's `left` and `right`
 * strings (ranges relative to each string, clipped to it); a word outside the context is left out.
 */
export function contextMarks(corpus: Corpus, doc: CorpusDoc, start: number, end: number, width: number, flags: Uint8Array): ContextMarks {
  const ids = doc.tokenIds;
  const [a, b] = hitTokens(corpus, doc, start, end);
  const out: ContextMarks = {};
  const leftFrom = Math.max(0, start - width);
  for (let i = a - 1, n = 0; i >= 0 && n < 2; i--) {
    if (!(flags[ids[i]] & WORD)) continue;
    const s = tokenStart(corpus, doc, i);
    const e = s + corpus.termLength[ids[i]];
    if (e <= leftFrom) break;
    out[n++ === 0 ? "L1" : "L2"] = [Math.max(s, leftFrom) - leftFrom, e - leftFrom];
  }
  const rightTo = end + width;
  for (let i = b, n = 0; i < ids.length && n < 2; i++) {
    if (!(flags[ids[i]] & WORD)) continue;
    const s = tokenStart(corpus, doc, i);
    if (s >= rightTo) break;
    out[n++ === 0 ? "R1" : "R2"] = [s - end, Math.min(s + corpus.termLength[ids[i]], rightTo) - end];
  }
  return out;
}
