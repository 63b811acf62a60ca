// Sentence-level inverted index over the whole corpus, built once per Corpus by CorpusIndexes
// (server/corpus/indexes.ts) the first time `similar` runs: two passes over the tokens (count,
// then fill) so every array is allocated once at its exact size. The postings of a word are its ascending sentence numbers,
// stored as gaps in LEB128 varints: 1.36 bytes a posting on the 20k synthetic corpus instead of 4
// (27 MB instead of 79 MB of 19.8M postings). Plus 16 bytes per sentence. Sentences with fewer
// than 2 indexed words are skipped (headings, "一、").
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";
import { NEWLINE, SENTENCE_END, tokenClasses, WORD } from "./tokenClasses.ts";

export interface SentenceIndex {
  sentences: number;
  /** per sentence: index into corpus.docs, token range [start, end), TF-IDF norm */
  sentDoc: Uint32Array;
  sentStart: Uint32Array;
  sentEnd: Uint32Array;
  norm: Float32Array;
  /** per vocab id: the number of sentences holding it */
  df: Uint32Array;
  /** postings of vocab id v are bytes [offsets[v], offsets[v+1]) of all postings; read them with SentencePostings */
  offsets: Uint32Array;
  /** vocab id v's postings bytes (a view on memory, or read from the corpus image's file) */
  list(v: number): Uint8Array;
  docIndex: Map<CorpusDoc, number>;
}

/** A sentence index built in memory: all postings bytes as well (what the corpus image stores). */
export type BuiltSentenceIndex = SentenceIndex & { postings: Uint8Array };

const varintBytes = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/**
 * The sentence numbers holding one vocab id, ascending: `next()` steps to the next one (false past the
 * last), `sentence` is where it stands. A class, not a callback per posting, so a caller that reads two
 * lists in step (server/analytics/cql.ts) pays no call it cannot inline.
 */
export class SentencePostings {
  sentence = 0;
  private p: number;
  private readonly end: number;
  private readonly bytes: Uint8Array;

  constructor(index: SentenceIndex, id: number) {
    this.bytes = index.list(id);
    this.p = 0;
    this.end = this.bytes.length;
  }

  next(): boolean {
    if (this.p >= this.end) return false;
    let gap = 0;
    let scale = 1;
    let b: number;
    do {
      b = this.bytes[this.p++];
      gap += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b & 0x80);
    this.sentence += gap;
    return true;
  }
}

/** Calls f with each sentence number holding vocab id `id`, ascending. */
export function forEachSentence(index: SentenceIndex, id: number, f: (s: number) => void): void {
  for (const it = new SentencePostings(index, id); it.next(); ) f(it.sentence);
}

/** Whether the index lists the sentences of vocab id `id`: a word, not a stopword. */
export function inSentenceIndex(corpus: Pick<Corpus, "isStopword">, flags: Uint8Array, id: number): boolean {
  return (flags[id] & WORD) !== 0 && !corpus.isStopword[id];
}

export function sentenceIndex(corpus: Corpus, flags: Uint8Array = tokenClasses(corpus)): BuiltSentenceIndex {
  const V = corpus.vocab.length;
  const indexed = (id: number) => inSentenceIndex(corpus, flags, id);
  const stamp = new Int32Array(V).fill(-1);

  // Every candidate sentence ends at a sentence end or at its doc's end: an upper bound for the
  // per-sentence arrays, so they need no growing (a number[] of triples grew to ~100 MB of
  // garbage at 20k reports).
  let bound = 0;
  for (const doc of corpus.docs) {
    const ids = doc.tokenIds;
    bound++;
    for (let i = 0; i < ids.length; i++) if (flags[ids[i]] & SENTENCE_END) bound++;
  }
  let sentDoc = new Uint32Array(bound);
  let sentStart = new Uint32Array(bound);
  let sentEnd = new Uint32Array(bound);

  // pass 1: sentence boundaries, document frequencies and the bytes of each word's postings
  const df = new Uint32Array(V);
  const size = new Uint32Array(V + 1);
  const last = new Uint32Array(V);
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
          const id = ids[j];
          if (stamp[id] !== probe) continue;
          df[id]++;
          size[id + 1] += varintBytes(S - last[id]);
          last[id] = S;
          stamp[id] = -1;
        }
        sentDoc[S] = d;
        sentStart[S] = start;
        sentEnd[S] = i < ids.length && !(flags[ids[i]] & NEWLINE) ? i + 1 : i;
        S++;
      }
      start = i + 1;
    }
  });
  sentDoc = sentDoc.slice(0, S);
  sentStart = sentStart.slice(0, S);
  sentEnd = sentEnd.slice(0, S);

  const offsets = new Uint32Array(V + 1);
  for (let v = 0; v < V; v++) offsets[v + 1] = offsets[v] + size[v + 1];
  const postings = new Uint8Array(offsets[V]);
  const fill = offsets.slice(0, V);
  const norm = new Float32Array(S);
  last.fill(0);
  stamp.fill(-1);
  // pass 2: postings and norms (binary TF · idf)
  for (let s = 0; s < S; s++) {
    const ids = corpus.docs[sentDoc[s]].tokenIds;
    let sq = 0;
    for (let j = sentStart[s]; j < sentEnd[s]; j++) {
      const id = ids[j];
      if (!indexed(id) || stamp[id] === s) continue;
      stamp[id] = s;
      let gap = s - last[id];
      last[id] = s;
      let at = fill[id];
      for (; gap >= 0x80; gap = Math.floor(gap / 0x80)) postings[at++] = (gap & 0x7f) | 0x80;
      postings[at++] = gap;
      fill[id] = at;
      const idf = Math.log(1 + S / df[id]);
      sq += idf * idf;
    }
    norm[s] = Math.sqrt(sq);
  }
  const docIndex = new Map<CorpusDoc, number>();
  corpus.docs.forEach((doc, d) => docIndex.set(doc, d));
  return { sentences: S, sentDoc, sentStart, sentEnd, norm, df, offsets, postings, docIndex, list: (v) => postings.subarray(offsets[v], offsets[v + 1]) };
}
