// The corpus store as the server holds it in memory: every report of data/store
// with its token stream as ids into one shared vocabulary. Analytics take these
// shapes and nothing else (no Express, no Meilisearch).
import type { Report } from "../model.ts";

/**
 * Vocabulary ids of a doc's tokens: 16 bits while the vocabulary has at most 65,536 terms (every
 * doc of a corpus has the same kind, so hot loops stay monomorphic), else 32.
 */
export type TokenIds = Uint16Array | Uint32Array;

export interface CorpusDoc {
  report: Report;
  /** token i is `vocab[tokenIds[i]]`, folded (core/fold.ts: same length); the tokens cover `report.text` exactly, in order */
  tokenIds: TokenIds;
  /**
   * char offset in `report.text` of every CHECKPOINT-th token, through token n (= text.length
   * when n is a multiple); read offsets with tokenStart / tokenStarts / tokenBound (offsets.ts)
   */
  checkpoints: Uint32Array;
  /** number of word tokens (not punctuation or whitespace) */
  wordCount: number;
  /** token i's part of speech is `tagNames[tagIds[i]]` (0: untagged) */
  tagIds: Uint8Array;
}

export interface Corpus {
  docs: CorpusDoc[];
  byId: Map<string, CorpusDoc>;
  /** id → term */
  vocab: string[];
  /** term → id */
  termIds: Map<string, number>;
  /** per vocab id: the term's length in UTF-16 code units, how far it moves a char offset */
  termLength: Uint32Array;
  /** per vocab id: 1 when the term is a word (has a letter or digit), 0 for whitespace and punctuation */
  isWord: Uint8Array;
  /** per vocab id: 1 when the term is in corpus/stopwords.txt */
  isStopword: Uint8Array;
  /** per vocab id: 1 for whitespace without a newline, which word matching steps over (match.ts) */
  isSpace: Uint8Array;
  /** tag id → part-of-speech tag (jieba's set: v, vn, n, a, m, x …); id 0 is "" (a token stored without a tag) */
  tagNames: string[];
  /**
   * `doc.report.text.slice(from, to)`, reading only those characters where the text is not in
   * memory (a corpus image keeps texts in its file): a snippet needs 160 characters, not the report.
   */
  textSlice(doc: CorpusDoc, from: number, to: number): string;
}
