// Term and document frequencies of every vocab id over a set of docs: O(tokens), two
// vocab-sized typed arrays (a Map per term would cost ~50× the memory on 250M tokens).
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";

export interface TermCounts {
  counts: Uint32Array;
  docFreq: Uint32Array;
  /** word tokens in the docs */
  words: number;
  /** characters of the docs' clean text (report.chars), the base of per10k */
  chars: number;
}

export function countTerms(corpus: Corpus, docs: readonly CorpusDoc[]): TermCounts {
  const counts = new Uint32Array(corpus.vocab.length);
  const docFreq = new Uint32Array(corpus.vocab.length);
  // lastDoc[id] = 1 + index of the last doc that counted id, so each doc counts once
  const lastDoc = new Uint32Array(corpus.vocab.length);
  let words = 0;
  let chars = 0;
  docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      counts[id]++;
      if (lastDoc[id] !== d + 1) {
        lastDoc[id] = d + 1;
        docFreq[id]++;
      }
    }
    words += doc.wordCount;
    chars += doc.report.chars;
  });
  return { counts, docFreq, words, chars };
}
