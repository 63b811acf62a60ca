// Per vocab id: which corpus docs hold it and how often (CSR layout), built lazily once per Corpus
// and cached in a WeakMap. Lets KWIC count a term and find the docs of one page without scanning
// every token. Build: two passes over all tokens; memory 8 bytes per distinct (term, doc) pair
// (~1k per report: ~160 MB at 20k reports of 11 KB).
import type { Corpus, CorpusDoc } from "../../corpus/types.ts";

export interface DocPostings {
  /** postings of id v are at [offsets[v], offsets[v+1]) */
  offsets: Uint32Array;
  /** corpus.docs index, ascending */
  doc: Uint32Array;
  count: Uint32Array;
  docIndex: Map<CorpusDoc, number>;
}

const cache = new WeakMap<Corpus, DocPostings>();

export function docPostings(corpus: Corpus): DocPostings {
  const cached = cache.get(corpus);
  if (cached) return cached;
  const V = corpus.vocab.length;
  const df = new Uint32Array(V);
  const last = new Int32Array(V).fill(-1);
  corpus.docs.forEach((d, k) => {
    const ids = d.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      if (last[ids[i]] !== k) {
        last[ids[i]] = k;
        df[ids[i]]++;
      }
    }
  });
  const offsets = new Uint32Array(V + 1);
  for (let v = 0; v < V; v++) offsets[v + 1] = offsets[v] + df[v];
  const doc = new Uint32Array(offsets[V]);
  const count = new Uint32Array(offsets[V]);
  const fill = offsets.slice(0, V);
  last.fill(-1);
  corpus.docs.forEach((d, k) => {
    const ids = d.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (last[id] !== k) {
        last[id] = k;
        doc[fill[id]++] = k;
      }
      count[fill[id] - 1]++;
    }
  });
  const docIndex = new Map<CorpusDoc, number>();
  corpus.docs.forEach((d, k) => docIndex.set(d, k));
  const postings = { offsets, doc, count, docIndex };
  cache.set(corpus, postings);
  return postings;
}
