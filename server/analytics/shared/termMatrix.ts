// Per-report word counts kept as a compressed sparse row matrix (issue 24): row d holds the vocab
// ids of report d's tokens, ascending, with how often each occurs — what quanteda calls a
// document–feature matrix and CWB/Manatee keep as frequency indexes. Built once with the corpus
// image (server/corpus/image.ts writes it as the `counts.*` sections), so counting a selection
// sums its rows, O(nnz of the selection), instead of walking every token. `total` and `df` are
// the whole corpus's counts and document frequencies: a selection of more than half the corpus is
// summed as total minus its complement. Counts depend on a report's text only, so a metadata
// correction (which moves a report between sectors) leaves them true; an added report rebuilds
// the image and with it the matrix.
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";

export interface TermMatrix {
  /** row d is [offsets[d], offsets[d+1]) of ids and n (docs + 1 entries) */
  offsets: Uint32Array;
  /** vocab ids, ascending within a row */
  ids: Uint16Array | Uint32Array;
  /** occurrences of ids[i] in the row's report (≥ 1) */
  n: Uint16Array | Uint32Array;
  /** per vocab id: occurrences in the whole corpus */
  total: Uint32Array;
  /** per vocab id: reports of the whole corpus holding it */
  df: Uint32Array;
}

/** The matrix of a corpus: one pass over its tokens. */
export function buildTermMatrix(corpus: Corpus): TermMatrix {
  const V = corpus.vocab.length;
  const docs = corpus.docs;
  const offsets = new Uint32Array(docs.length + 1);
  const seen = new Uint32Array(V); // seen[id] = 1 + the doc that last counted id
  let nnz = 0;
  docs.forEach((doc, d) => {
    const t = doc.tokenIds;
    for (let i = 0; i < t.length; i++) {
      if (seen[t[i]] !== d + 1) {
        seen[t[i]] = d + 1;
        nnz++;
      }
    }
    offsets[d + 1] = nnz;
  });
  const ids = V <= 65536 ? new Uint16Array(nnz) : new Uint32Array(nnz);
  const n32 = new Uint32Array(nnz);
  const total = new Uint32Array(V);
  const df = new Uint32Array(V);
  const row = new Uint32Array(V); // occurrences in the current doc
  let max = 0;
  docs.forEach((doc, d) => {
    const t = doc.tokenIds;
    const start = offsets[d];
    let k = start;
    for (let i = 0; i < t.length; i++) if (row[t[i]]++ === 0) ids[k++] = t[i];
    ids.subarray(start, k).sort();
    for (let j = start; j < k; j++) {
      const id = ids[j];
      const c = row[id];
      n32[j] = c;
      if (c > max) max = c;
      total[id] += c;
      df[id]++;
      row[id] = 0;
    }
  });
  const n = max < 65536 ? Uint16Array.from(n32) : n32;
  return { offsets, ids, n, total, df };
}

const matrices = new WeakMap<Corpus, { m: TermMatrix; index: Map<CorpusDoc, number> | null }>();

/** Gives a corpus the matrix read from its image (attachCorpus), so nothing builds it again. */
export function setTermMatrix(corpus: Corpus, m: TermMatrix): void {
  if (m.offsets.length !== corpus.docs.length + 1 || m.total.length !== corpus.vocab.length) throw new Error("term matrix does not match its corpus");
  matrices.set(corpus, { m, index: null });
}

/** The corpus's matrix and each doc's row, built on first use for a corpus without an image. */
export function termMatrix(corpus: Corpus): { m: TermMatrix; index: Map<CorpusDoc, number> } {
  let e = matrices.get(corpus);
  if (!e) matrices.set(corpus, (e = { m: buildTermMatrix(corpus), index: null }));
  e.index ??= new Map(corpus.docs.map((d, k) => [d, k]));
  return e as { m: TermMatrix; index: Map<CorpusDoc, number> };
}
