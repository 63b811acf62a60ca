// Term and document frequencies of every vocab id over a set of docs, summed from the per-report
// rows the corpus image keeps (termMatrix.ts): O(nnz of the selection), not O(tokens); a selection
// of more than half the corpus is the corpus total minus its complement. Two vocab-sized typed
// arrays (a Map per term would cost ~50× the memory).
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";
import { termMatrix, type TermMatrix } from "./termMatrix.ts";

export interface TermCounts {
  counts: Uint32Array;
  docFreq: Uint32Array;
  /** word tokens in the docs */
  words: number;
  /** characters of the docs' clean text (report.chars), the base of per10k */
  chars: number;
}

export function countTerms(corpus: Corpus, docs: readonly CorpusDoc[]): TermCounts {
  const V = corpus.vocab.length;
  const { m, index } = termMatrix(corpus);
  const rows = new Int32Array(docs.length);
  const picked = new Uint8Array(corpus.docs.length);
  let unique = true;
  let words = 0;
  let chars = 0;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k];
    const d = index.get(doc);
    if (d === undefined) return walkTokens(corpus, docs); // not a doc of this corpus: count its tokens
    rows[k] = d;
    if (picked[d]) unique = false;
    picked[d] = 1;
    words += doc.wordCount;
    chars += doc.report.chars;
  }
  if (unique && 2 * docs.length > corpus.docs.length) {
    const counts = m.total.slice();
    const docFreq = m.df.slice();
    for (let d = 0; d < picked.length; d++) if (!picked[d]) addRow(m, d, counts, docFreq, -1);
    return { counts, docFreq, words, chars };
  }
  const counts = new Uint32Array(V);
  const docFreq = new Uint32Array(V);
  for (let k = 0; k < rows.length; k++) addRow(m, rows[k], counts, docFreq, 1);
  return { counts, docFreq, words, chars };
}

function addRow(m: TermMatrix, d: number, counts: Uint32Array, docFreq: Uint32Array, sign: 1 | -1): void {
  const { ids, n } = m;
  for (let j = m.offsets[d], end = m.offsets[d + 1]; j < end; j++) {
    counts[ids[j]] += sign * n[j];
    docFreq[ids[j]] += sign;
  }
}

/** The token walk, for docs the corpus's matrix does not hold. */
function walkTokens(corpus: Corpus, docs: readonly CorpusDoc[]): TermCounts {
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
