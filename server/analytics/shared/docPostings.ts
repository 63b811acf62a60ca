// Per vocab id: which corpus docs hold it and how often (CSR layout). Built once per Corpus by
// CorpusIndexes (server/corpus/indexes.ts), which keeps it as long as the corpus. Lets KWIC count
// a term and find the docs of one page without scanning every token. Build: two passes over all tokens; memory 4 bytes per distinct (term, doc) pair for
// the doc plus 1, 2 or 4 for the count, whichever holds the largest count (13.4M pairs at 20k
// synthetic reports, largest count 482: 6 bytes a pair, 77 MB instead of 102 MB).
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";

export type Counts = Uint8Array | Uint16Array | Uint32Array;

/** One term's postings: the docs holding it and how often, as two parallel arrays. */
export interface PostingList {
  /** corpus.docs index, ascending */
  doc: Uint32Array;
  /** occurrences of the term in the doc; the narrowest array that holds the largest count */
  count: Counts;
}

export interface DocPostings {
  /** postings of id v are entries [offsets[v], offsets[v+1]): offsets[v+1] - offsets[v] docs hold it */
  offsets: Uint32Array;
  /** id v's postings (views on memory, or read from the corpus image's file: server/corpus/image.ts) */
  list(v: number): PostingList;
  docIndex: Map<CorpusDoc, number>;
}

/** Postings built in memory: the whole arrays as well (what the corpus image stores). */
export type BuiltDocPostings = DocPostings & PostingList;

/** The number of docs holding id v. */
export const docFrequency = (P: Pick<DocPostings, "offsets">, v: number): number => P.offsets[v + 1] - P.offsets[v];

/**
 * Per corpus.docs index, the occurrences of each alternative's rarest token, summed: exact when
 * every alternative is one token (distinct tokens never overlap), an upper bound otherwise; 0 for
 * a doc that holds none, which therefore never needs scanning (kwic, breakdown).
 */
export function rarestTokenCounts(P: DocPostings, term: readonly (readonly number[])[], docs: number): Uint32Array {
  const perDoc = new Uint32Array(docs);
  for (const seq of term) {
    const rarest = seq.reduce((a, b) => (docFrequency(P, b) < docFrequency(P, a) ? b : a));
    const { doc, count } = P.list(rarest);
    for (let p = 0; p < doc.length; p++) perDoc[doc[p]] += count[p];
  }
  return perDoc;
}

export function docPostings(corpus: Corpus): BuiltDocPostings {
  const V = corpus.vocab.length;
  const df = new Uint32Array(V);
  const last = new Int32Array(V).fill(-1);
  // occurrences so far of each id in the current doc, to size the counts
  const run = new Uint32Array(V);
  let maxCount = 0;
  corpus.docs.forEach((d, k) => {
    const ids = d.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (last[id] !== k) {
        last[id] = k;
        df[id]++;
        run[id] = 0;
      }
      if (++run[id] > maxCount) maxCount = run[id];
    }
  });
  const offsets = new Uint32Array(V + 1);
  for (let v = 0; v < V; v++) offsets[v + 1] = offsets[v] + df[v];
  const doc = new Uint32Array(offsets[V]);
  const count = maxCount <= 0xff ? new Uint8Array(offsets[V]) : maxCount <= 0xffff ? new Uint16Array(offsets[V]) : new Uint32Array(offsets[V]);
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
  return { offsets, doc, count, docIndex, list: (v) => ({ doc: doc.subarray(offsets[v], offsets[v + 1]), count: count.subarray(offsets[v], offsets[v + 1]) }) };
}
