// Occurrences of a token sequence in one document, left to right, non-overlapping.
// O(tokens of the doc); no allocation per hit.
import type { CorpusDoc, TokenIds } from "../../../core/corpus/types.ts";
import { SPACE } from "./tokenClasses.ts";

/** End (exclusive token index) of `seq` matched at `pos`, or -1. Spaces between tokens are skipped. */
export function matchAt(ids: TokenIds, pos: number, seq: readonly number[], flags: Uint8Array): number {
  if (ids[pos] !== seq[0]) return -1;
  let i = pos + 1;
  for (let k = 1; k < seq.length; k++) {
    while (i < ids.length && flags[ids[i]] & SPACE) i++;
    if (i >= ids.length || ids[i] !== seq[k]) return -1;
    i++;
  }
  return i;
}

export function forEachOccurrence(
  doc: CorpusDoc,
  seq: readonly number[],
  flags: Uint8Array,
  onMatch: (start: number, end: number) => void,
): number {
  const ids = doc.tokenIds;
  const first = seq[0];
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== first) continue;
    const end = seq.length === 1 ? i + 1 : matchAt(ids, i, seq, flags);
    if (end < 0) continue;
    onMatch(i, end);
    n++;
    i = end - 1;
  }
  return n;
}
