// Gries' (2008) deviation of proportions, DP, for a few terms over a set of docs: how evenly each
// term is spread over the docs relative to their sizes (word tokens). 0 = exactly in proportion to
// the docs' sizes; towards 1 = concentrated in very few docs. One pass over the docs' tokens,
// O(tokens + terms) time and memory.
//   DP = ½ Σᵢ |vᵢ/f − sᵢ|, vᵢ = the term's count in doc i, f = its count in all docs, sᵢ = doc i's
//   share of the word tokens. Docs without the term add sᵢ each, i.e. 1 − Σ(sᵢ of docs with it).
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";

export function dispersion(corpus: Corpus, docs: readonly CorpusDoc[], ids: readonly number[], counts: Uint32Array, words: number): Float64Array {
  const slot = new Int32Array(corpus.vocab.length).fill(-1);
  ids.forEach((id, k) => (slot[id] = k));
  const inDoc = new Uint32Array(ids.length);
  const touched: number[] = [];
  const deviation = new Float64Array(ids.length);
  const share = new Float64Array(ids.length);
  for (const doc of docs) {
    const tokens = doc.tokenIds;
    for (let i = 0; i < tokens.length; i++) {
      const k = slot[tokens[i]];
      if (k < 0) continue;
      if (inDoc[k]++ === 0) touched.push(k);
    }
    const s = words ? doc.wordCount / words : 0;
    for (const k of touched) {
      deviation[k] += Math.abs(inDoc[k] / counts[ids[k]] - s);
      share[k] += s;
      inDoc[k] = 0;
    }
    touched.length = 0;
  }
  return deviation.map((dev, k) => 0.5 * (dev + Math.max(0, 1 - share[k])));
}
