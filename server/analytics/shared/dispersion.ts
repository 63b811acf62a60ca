// Gries' (2008) deviation of proportions, DP, for a few terms over a set of docs: how evenly each
// term is spread over the docs relative to their sizes (word tokens). 0 = exactly in proportion to
// the docs' sizes; towards 1 = concentrated in very few docs. One pass over the docs' rows of the
// kept count matrix (termMatrix.ts), O(nnz of the docs + terms) — the token walk it replaced was
// most of an uncached word list's time once the counts themselves came from the matrix.
//   DP = ½ Σᵢ |vᵢ/f − sᵢ|, vᵢ = the term's count in doc i, f = its count in all docs, sᵢ = doc i's
//   share of the word tokens. Docs without the term add sᵢ each, i.e. 1 − Σ(sᵢ of docs with it).
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";
import { termMatrix } from "./termMatrix.ts";

export function dispersion(corpus: Corpus, docs: readonly CorpusDoc[], ids: readonly number[], counts: Uint32Array, words: number): Float64Array {
  const slot = new Int32Array(corpus.vocab.length).fill(-1);
  ids.forEach((id, k) => (slot[id] = k));
  const deviation = new Float64Array(ids.length);
  const share = new Float64Array(ids.length);
  const { m, index } = termMatrix(corpus);
  const inDoc = new Uint32Array(ids.length);
  const touched: number[] = [];
  for (const doc of docs) {
    const s = words ? doc.wordCount / words : 0;
    const d = index.get(doc);
    if (d !== undefined) {
      // the doc's row: each of its distinct ids once, with its count
      for (let j = m.offsets[d], end = m.offsets[d + 1]; j < end; j++) {
        const k = slot[m.ids[j]];
        if (k < 0) continue;
        deviation[k] += Math.abs(m.n[j] / counts[ids[k]] - s);
        share[k] += s;
      }
      continue;
    }
    // a doc the matrix does not hold: its tokens
    const tokens = doc.tokenIds;
    for (let i = 0; i < tokens.length; i++) {
      const k = slot[tokens[i]];
      if (k < 0) continue;
      if (inDoc[k]++ === 0) touched.push(k);
    }
    for (const k of touched) {
      deviation[k] += Math.abs(inDoc[k] / counts[ids[k]] - s);
      share[k] += s;
      inDoc[k] = 0;
    }
    touched.length = 0;
  }
  return deviation.map((dev, k) => 0.5 * (dev + Math.max(0, 1 - share[k])));
}
