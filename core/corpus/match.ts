// Where a query term occurs in a document: any of its alternatives (the term and its synonyms,
// each a token sequence), left to right, never overlapping; where several start at one token the
// longest wins. Whitespace between the tokens of a sequence is stepped over (职代会 制度);
// punctuation and line breaks are not. Meilisearch is sent the same rule (text/codes.ts).
// O(tokens of the doc); no allocation per hit.
import type { Corpus, CorpusDoc } from "./types.ts";

/** A term's alternatives as vocabulary ids, longest first; alternatives with a token the corpus never saw cannot occur and are dropped. */
export type CompiledTerm = readonly (readonly number[])[];

export function compileTerm(corpus: Pick<Corpus, "termIds">, alternatives: readonly (readonly string[])[]): CompiledTerm {
  const out: number[][] = [];
  for (const alt of alternatives) {
    const seq: number[] = [];
    for (const t of alt) {
      if (!t.trim()) continue;
      const id = corpus.termIds.get(t);
      if (id === undefined) {
        seq.length = 0;
        break;
      }
      seq.push(id);
    }
    if (seq.length) out.push(seq);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** End (exclusive token index) of `seq` matched at `pos`, or -1. */
export function matchAt(ids: ArrayLike<number>, pos: number, seq: readonly number[], isSpace: Uint8Array): number {
  if (ids[pos] !== seq[0]) return -1;
  let i = pos + 1;
  for (let k = 1; k < seq.length; k++) {
    while (i < ids.length && isSpace[ids[i]]) i++;
    if (i >= ids.length || ids[i] !== seq[k]) return -1;
    i++;
  }
  return i;
}

/** Calls onMatch(startToken, endToken) per occurrence; returns how many. */
export function forEachMatch(
  corpus: Pick<Corpus, "isSpace">,
  doc: Pick<CorpusDoc, "tokenIds">,
  term: CompiledTerm,
  onMatch?: (start: number, end: number, alternative: number) => void,
  from = 0,
  to = doc.tokenIds.length,
): number {
  const ids = doc.tokenIds;
  let n = 0;
  if (term.length === 1 && term[0].length === 1) {
    // The common case (one word, no synonyms): the native TypedArray.indexOf, a tight loop.
    const id = term[0][0];
    // a view ending at `to`, so a passage's scan stops at its end
    const upto = to < ids.length ? ids.subarray(0, to) : ids;
    for (let i = upto.indexOf(id, from); i >= 0; i = upto.indexOf(id, i + 1)) {
      onMatch?.(i, i + 1, 0);
      n++;
    }
    return n;
  }
  // Several alternatives, or one of several tokens: each alternative's next possible start comes
  // from the native indexOf of its first token, and the nearest is tried (at one start the
  // longest first, as they are sorted) — the same matches as trying every alternative at every
  // token, without a JS loop over the tokens between them (a search page's snippets walk whole reports).
  const upto = to < ids.length ? ids.subarray(0, to) : ids;
  const next = new Int32Array(term.length);
  for (let a = 0; a < term.length; a++) next[a] = upto.indexOf(term[a][0], from);
  for (;;) {
    let a = -1;
    for (let k = 0; k < term.length; k++) if (next[k] >= 0 && (a < 0 || next[k] < next[a])) a = k;
    if (a < 0) return n;
    const i = next[a];
    const seq = term[a];
    const end = seq.length === 1 ? i + 1 : matchAt(ids, i, seq, corpus.isSpace);
    if (end < 0 || end > to) {
      next[a] = upto.indexOf(seq[0], i + 1);
      continue;
    }
    onMatch?.(i, end, a);
    n++;
    for (let k = 0; k < term.length; k++) if (next[k] >= 0 && next[k] < end) next[k] = upto.indexOf(term[k][0], end);
  }
}

/** Does the doc contain the term at all? Stops at the first occurrence. */
export function containsTerm(corpus: Pick<Corpus, "isSpace">, doc: Pick<CorpusDoc, "tokenIds">, term: CompiledTerm): boolean {
  const ids = doc.tokenIds;
  for (let i = 0; i < ids.length; i++) {
    const t = ids[i];
    for (const seq of term) {
      if (seq[0] !== t) continue;
      if (seq.length === 1 || matchAt(ids, i, seq, corpus.isSpace) >= 0) return true;
    }
  }
  return false;
}
