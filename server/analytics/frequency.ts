// Word frequency list (quanteda textstat_frequency) with rates per 10k chars and per million words.
// O(tokens of docs + V log V) time, O(V) memory.
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { countTerms } from "./shared/countTerms.ts";
import { dispersion } from "./shared/dispersion.ts";
import { rates } from "./shared/rates.ts";

export interface FrequencyOptions {
  limit?: number;
  /** minimum term length in characters; default 1 */
  minLength?: number;
  /** true: leave out the corpus stopwords (corpus/stopwords.txt). totalTokens still counts them. */
  stopwords?: boolean;
}

export type FrequencyRow = {
  term: string;
  count: number;
  docs: number;
  /** Gries' DP over the docs (shared/dispersion.ts): 0 = spread in proportion to their sizes, → 1 = in few */
  dp: number;
  /** per 10,000 characters of the docs' text, then per million word tokens (shared/rates.ts) */
  per10k: number;
  perMillion: number;
};

export type FrequencyResult = {
  /** word tokens in the docs (punctuation and whitespace excluded, stopwords included) */
  totalTokens: number;
  /** characters of the docs' clean text: the per10k base */
  totalChars: number;
  rows: FrequencyRow[];
};

export function frequency(corpus: Corpus, docs: CorpusDoc[], options: FrequencyOptions = {}): FrequencyResult {
  const { counts, docFreq, words, chars } = countTerms(corpus, docs);
  const minLength = options.minLength ?? 1;
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) {
    if (!counts[id] || !corpus.isWord[id]) continue;
    if (options.stopwords && corpus.isStopword[id]) continue;
    if (minLength > 1 && [...corpus.vocab[id]].length < minLength) continue;
    ids.push(id);
  }
  ids.sort((a, b) => counts[b] - counts[a] || compare(corpus.vocab[a], corpus.vocab[b]));
  const listed = ids.slice(0, options.limit ?? ids.length);
  const dp = dispersion(corpus, docs, listed, counts, words);
  const rows = listed.map((id, k) => ({
    term: corpus.vocab[id],
    count: counts[id],
    docs: docFreq[id],
    dp: dp[k],
    ...rates(counts[id], chars, words),
  }));
  return { totalTokens: words, totalChars: chars, rows };
}

/** Code-point order: stable and locale-free, so exports are reproducible. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
