// A query term as a sequence of vocab ids, whitespace dropped. O(term tokens).
import type { Corpus } from "../../../core/corpus/types.ts";

/** null when the term has no token or a token the corpus never saw (so it cannot occur). */
export function termSequence(corpus: Corpus, tokens: string[]): number[] | null {
  const seq: number[] = [];
  for (const t of tokens) {
    if (!t.trim()) continue;
    const id = corpus.termIds.get(t);
    if (id === undefined) return null;
    seq.push(id);
  }
  return seq.length ? seq : null;
}
