// Sentence-level inverted index over the whole corpus, built once per Corpus (WeakMap cache) the
// first time `similar` runs: two passes over the tokens (count, then fill) so postings are one
// exact-size Uint32Array. Memory ≈ 4 bytes per distinct non-stopword word per sentence plus 16
// bytes per sentence. Sentences with fewer than 2 indexed words are skipped (headings, "一、").
import type { Corpus, CorpusDoc } from "../../corpus/types.ts";
import { NEWLINE, SENTENCE_END, tokenClasses, WORD } from "./tokenClasses.ts";

export interface SentenceIndex {
  sentences: number;
  /** per sentence: index into corpus.docs, token range [start, end), TF-IDF norm */
  sentDoc: Uint32Array;
  sentStart: Uint32Array;
  sentEnd: Uint32Array;
  norm: Float32Array;
  /** postings of vocab id v are postings[offsets[v] .. offsets[v+1]) — sentence numbers */
  offsets: Uint32Array;
  postings: Uint32Array;
  docIndex: Map<CorpusDoc, number>;
}

const cache = new WeakMap<Corpus, SentenceIndex>();

export function sentenceIndex(corpus: Corpus): SentenceIndex {
  const cached = cache.get(corpus);
  if (cached) return cached;
  const flags = tokenClasses(corpus);
  const V = corpus.vocab.length;
  const indexed = (id: number) => flags[id] & WORD && !corpus.isStopword[id];
  const stamp = new Int32Array(V).fill(-1);

  // pass 1: sentence boundaries and document frequencies
  const df = new Uint32Array(V);
  const bounds: number[] = []; // doc, start, end triples
  let S = 0;
  let probe = 0; // stamps distinct words per candidate sentence, kept or not
  corpus.docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    let start = 0;
    for (let i = 0; i <= ids.length; i++) {
      if (i < ids.length && !(flags[ids[i]] & SENTENCE_END)) continue;
      probe++;
      let distinct = 0;
      for (let j = start; j < i; j++) {
        const id = ids[j];
        if (indexed(id) && stamp[id] !== probe) {
          stamp[id] = probe;
          distinct++;
        }
      }
      if (distinct >= 2) {
        for (let j = start; j < i; j++) {
          if (stamp[ids[j]] !== probe) continue;
          df[ids[j]]++;
          stamp[ids[j]] = -1;
        }
        const end = i < ids.length && !(flags[ids[i]] & NEWLINE) ? i + 1 : i;
        bounds.push(d, start, end);
        S++;
      }
      start = i + 1;
    }
  });

  const offsets = new Uint32Array(V + 1);
  for (let v = 0; v < V; v++) offsets[v + 1] = offsets[v] + df[v];
  const postings = new Uint32Array(offsets[V]);
  const fill = offsets.slice(0, V);
  const sentDoc = new Uint32Array(S);
  const sentStart = new Uint32Array(S);
  const sentEnd = new Uint32Array(S);
  const norm = new Float32Array(S);
  stamp.fill(-1);
  // pass 2: postings and norms (binary TF · idf)
  for (let s = 0; s < S; s++) {
    const d = bounds[3 * s];
    const ids = corpus.docs[d].tokenIds;
    sentDoc[s] = d;
    sentStart[s] = bounds[3 * s + 1];
    sentEnd[s] = bounds[3 * s + 2];
    let sq = 0;
    for (let j = sentStart[s]; j < sentEnd[s]; j++) {
      const id = ids[j];
      if (!indexed(id) || stamp[id] === s) continue;
      stamp[id] = s;
      postings[fill[id]++] = s;
      const idf = Math.log(1 + S / df[id]);
      sq += idf * idf;
    }
    norm[s] = Math.sqrt(sq);
  }
  const docIndex = new Map<CorpusDoc, number>();
  corpus.docs.forEach((doc, d) => docIndex.set(doc, d));
  const index = { sentences: S, sentDoc, sentStart, sentEnd, norm, offsets, postings, docIndex };
  cache.set(corpus, index);
  return index;
}
