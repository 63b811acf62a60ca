// Char offsets of tokens, derived instead of stored. The tokens of a doc cover its text in
// order, so token i starts at the sum of the lengths of the tokens before it. A doc keeps that
// sum only every CHECKPOINT tokens (`checkpoints`) and walks at most CHECKPOINT - 1 term lengths
// from the nearest one: 1/64 of the memory of a Uint32Array offset per token, which was the
// largest single structure of a loaded corpus (4 bytes a token, ~133 MB at 20k reports).
import type { Corpus, CorpusDoc } from "./types.ts";

export const CHECKPOINT_SHIFT = 6;
export const CHECKPOINT = 1 << CHECKPOINT_SHIFT;

type Lengths = Pick<Corpus, "termLength">;
type Doc = Pick<CorpusDoc, "tokenIds" | "checkpoints">;

/** Number of checkpoints a doc of n tokens keeps: token 0, CHECKPOINT, 2·CHECKPOINT … up to n inclusive. */
export function checkpointCount(n: number): number {
  return (n >>> CHECKPOINT_SHIFT) + 1;
}

/** Char offset of token i, 0 ≤ i ≤ n (i = n gives the text's length). O(CHECKPOINT). */
export function tokenStart(corpus: Lengths, doc: Doc, i: number): number {
  const ids = doc.tokenIds;
  const len = corpus.termLength;
  const k = i >>> CHECKPOINT_SHIFT;
  let pos = doc.checkpoints[k];
  for (let j = k << CHECKPOINT_SHIFT; j < i; j++) pos += len[ids[j]];
  return pos;
}

/**
 * tokenStart for one doc, for callers that ask in ascending order (hits, marks): each call walks
 * on from the previous answer when that is closer than a checkpoint, so n ascending calls cost
 * O(n + tokens spanned) instead of O(n · CHECKPOINT). Any order stays correct.
 */
export function tokenStarts(corpus: Lengths, doc: Doc): (i: number) => number {
  const ids = doc.tokenIds;
  const len = corpus.termLength;
  let at = 0;
  let pos = 0;
  return (i) => {
    if (i < at || i - at >= CHECKPOINT) {
      at = i & ~(CHECKPOINT - 1);
      pos = doc.checkpoints[at >>> CHECKPOINT_SHIFT];
    }
    for (; at < i; at++) pos += len[ids[at]];
    return pos;
  };
}

/**
 * The first token index j in [0, n] whose start is ≥ x; n when there is none (the first start
 * > x is tokenBound(x + 1): offsets are integers). O(log(n / CHECKPOINT) + CHECKPOINT).
 */
export function tokenBound(corpus: Lengths, doc: Doc, x: number): number {
  const cps = doc.checkpoints;
  // the last checkpoint before x (checkpoint 0 when none is)
  let lo = 0;
  let hi = cps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cps[mid] < x) lo = mid;
    else hi = mid - 1;
  }
  const ids = doc.tokenIds;
  const len = corpus.termLength;
  let j = lo << CHECKPOINT_SHIFT;
  for (let pos = cps[lo]; j < ids.length && pos < x; j++) pos += len[ids[j]];
  return j;
}
